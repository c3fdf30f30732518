"""Database tables of the catalogue (the persisted, queryable copy of the YAML and imports).

Rows are keyed by ``catalogue`` ("koblenz" for our YAML, e.g. "dldb-muenchen" for
an imported DLDB export) so several catalogues can live side by side.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, Date, ForeignKeyConstraint, Index, Integer, String, Text)

from bot.db import Base


class OfficeRow(Base):
    __tablename__ = "catalogue_office"

    catalogue = Column(String(64), primary_key=True)
    office_id = Column(String(128), primary_key=True)
    name = Column(Text, nullable=False)
    kind = Column(String(128), nullable=False)
    street = Column(Text)
    postcode = Column(String(16))
    city = Column(String(128))
    synonyms = Column(JSON, nullable=False, default=list)
    phone = Column(String(64))
    email = Column(String(256))
    url = Column(Text)
    accessibility = Column(Text, nullable=False, default="")
    opening_hours = Column(Text)  # NULL = not known from any source
    appointment_only = Column(Boolean, nullable=False, default=False)
    appointment_url = Column(Text)
    appointment_note = Column(Text, nullable=False, default="")
    sample_data = Column(Boolean, nullable=False, default=False)  # derived from sample_fields, for queries
    sample_fields = Column(JSON, nullable=False, default=list)
    facts = Column(JSON, nullable=False, default=dict)  # fact name -> its source (Source.as_dict)
    source_name = Column(Text, nullable=False)
    source_url = Column(Text, nullable=False)
    source_as_of = Column(String(10))
    source_note = Column(Text, nullable=False, default="")
    reviewed = Column(Date)


class ServiceRow(Base):
    __tablename__ = "catalogue_service"

    catalogue = Column(String(64), primary_key=True)
    service_id = Column(String(128), primary_key=True)
    title = Column(Text, nullable=False)
    leika = Column(String(14), index=True)
    leika_name = Column(Text, nullable=False, default="")
    ozg_id = Column(Integer)
    ozg_leistung = Column(Text, nullable=False, default="")
    synonyms = Column(JSON, nullable=False, default=list)
    keywords = Column(JSON, nullable=False, default=list)
    summary = Column(Text, nullable=False, default="")
    documents = Column(JSON, nullable=False, default=list)
    fees = Column(JSON, nullable=False, default=dict)
    processing_time = Column(Text, nullable=False, default="")
    online_url = Column(Text)
    info_url = Column(Text)
    appointment_url = Column(Text)
    authority = Column(Text, nullable=False, default="")
    category = Column(String(128), nullable=False, default="")
    source_name = Column(Text, nullable=False)
    source_url = Column(Text, nullable=False)
    source_as_of = Column(String(10))
    source_note = Column(Text, nullable=False, default="")
    reviewed = Column(Date)


class ServiceOfficeRow(Base):
    __tablename__ = "catalogue_service_office"
    __table_args__ = (
        ForeignKeyConstraint(["catalogue", "service_id"], ["catalogue_service.catalogue", "catalogue_service.service_id"],
                             ondelete="CASCADE"),
        ForeignKeyConstraint(["catalogue", "office_id"], ["catalogue_office.catalogue", "catalogue_office.office_id"],
                             ondelete="CASCADE"),
    )

    catalogue = Column(String(64), primary_key=True)
    service_id = Column(String(128), primary_key=True)
    office_id = Column(String(128), primary_key=True)
    position = Column(Integer, nullable=False, default=0)


class ClosureRow(Base):
    __tablename__ = "catalogue_closure"
    __table_args__ = (Index("ix_catalogue_closure_catalogue", "catalogue"),)

    id = Column(Integer, primary_key=True, autoincrement=True)
    catalogue = Column(String(64), nullable=False)
    office_ids = Column(JSON, nullable=False, default=list)  # empty = every office
    start_date = Column(Date, nullable=False)
    end_date = Column(Date, nullable=False)
    reason = Column(Text, nullable=False)
    hours = Column(Text)
    source = Column(JSON)  # NULL = sample data


class LeikaRow(Base):
    __tablename__ = "leika_entry"

    id = Column(Integer, primary_key=True, autoincrement=True)
    row = Column(Integer, nullable=False)
    leika_key = Column(String(14), index=True)  # NULL for "nicht im LeiKa" and junk keys
    raw_key = Column(String(64), nullable=False)
    name = Column(Text, nullable=False)
    typ = Column(String(32), nullable=False, default="")
    sdg1 = Column(Boolean, nullable=False, default=False)
    sdg2 = Column(Boolean, nullable=False, default=False)
    law = Column(Text, nullable=False, default="")
    ozg_id = Column(Integer, index=True)
    ozg_leistung = Column(Text, nullable=False, default="")
    lebenslage = Column(Text, nullable=False, default="")
    themenfeld = Column(Text, nullable=False, default="")


#: tables that only hold a copy of the YAML catalogue; safe to rebuild when their columns change
CATALOGUE_TABLES = (ServiceOfficeRow.__table__, ClosureRow.__table__, ServiceRow.__table__, OfficeRow.__table__)
