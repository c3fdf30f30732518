"""Persist a validated catalogue to the database and read it back.

A sync replaces one named catalogue in a single transaction: either every row
of the new version is written or none is.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

from sqlalchemy import delete, insert, inspect, select
from sqlalchemy.engine import Engine

from bot.db import Base, create_schema

from .leika import LeikaCatalog
from .loader import CatalogueMeta
from .model import Address, Closure, Fee, FeeSchedule, Office, Service, Source
from .tables import CATALOGUE_TABLES, ClosureRow, LeikaRow, OfficeRow, ServiceOfficeRow, ServiceRow

DEFAULT_NAME = "koblenz"


def _source_dict(source: Optional[Source]) -> Optional[dict[str, Any]]:
    return source.as_dict() if source else None


def _source(data: Optional[dict[str, Any]]) -> Optional[Source]:
    return Source.from_dict(data) if data else None


def _row_source(r: Any) -> Source:
    return Source(r["source_name"], r["source_url"], r["reviewed"], r["source_as_of"], r["source_note"])


def _refresh_outdated_tables(engine: Engine) -> None:
    """Drop the catalogue copy if its columns differ from the code's (it is rebuilt from the YAML).

    ``create_all`` never alters an existing table, so a database written by an older
    version would otherwise reject the new columns.
    """
    inspector = inspect(engine)
    for table in CATALOGUE_TABLES:
        if not inspector.has_table(table.name):
            continue
        have = {c["name"]: c["nullable"] for c in inspector.get_columns(table.name)}
        want = {c.name: c.nullable for c in table.columns}
        if have != want:
            Base.metadata.drop_all(engine, tables=list(CATALOGUE_TABLES))
            return


def fees_to_json(fees: FeeSchedule) -> dict[str, Any]:
    items = [{**f.__dict__, "source": _source_dict(f.source)} for f in fees.items]
    return {"items": items, "source": _source_dict(fees.source), "note": fees.note}


def fees_from_json(data: dict[str, Any]) -> FeeSchedule:
    items = tuple(Fee(**{**item, "source": _source(item.get("source"))}) for item in data.get("items", []))
    return FeeSchedule(items, _source(data.get("source")), data.get("note", ""))


def _office_row(name: str, o: Office) -> dict[str, Any]:
    return dict(catalogue=name, office_id=o.office_id, name=o.name, kind=o.kind,
                street=o.address.street if o.address else None, postcode=o.address.postcode if o.address else None,
                city=o.address.city if o.address else None, synonyms=list(o.synonyms), phone=o.phone, email=o.email,
                url=o.url, accessibility=o.accessibility, opening_hours=o.opening_hours,
                appointment_only=o.appointment_only, appointment_url=o.appointment_url,
                appointment_note=o.appointment_note, sample_data=o.sample_data, sample_fields=list(o.sample_fields),
                facts={fact: src.as_dict() for fact, src in o.facts}, source_name=o.source.name,
                source_url=o.source.url, source_as_of=o.source.as_of, source_note=o.source.note,
                reviewed=o.source.reviewed)


def _service_row(name: str, s: Service) -> dict[str, Any]:
    return dict(catalogue=name, service_id=s.service_id, title=s.title, leika=s.leika, leika_name=s.leika_name,
                ozg_id=s.ozg_id, ozg_leistung=s.ozg_leistung, synonyms=list(s.synonyms), keywords=list(s.keywords),
                summary=s.summary,
                documents=list(s.documents), fees=fees_to_json(s.fees), processing_time=s.processing_time,
                online_url=s.online_url, info_url=s.info_url, appointment_url=s.appointment_url,
                authority=s.authority, category=s.category, source_name=s.source.name, source_url=s.source.url,
                source_as_of=s.source.as_of, source_note=s.source.note, reviewed=s.source.reviewed)


def sync_catalogue(engine: Engine, services: Iterable[Service], offices: Iterable[Office],
                   closures: Iterable[Closure] = (), name: str = DEFAULT_NAME) -> dict[str, int]:
    """Replace catalogue ``name`` in the database with the given content (one transaction).

    ``offices`` must not already contain the global ``closures`` (office-own
    closures are stored with that office's id).
    """
    _refresh_outdated_tables(engine)
    create_schema(engine)
    services, offices, closures = list(services), list(offices), list(closures)
    global_closures = set(closures)

    def closure_row(c: Closure, office_ids: list[str]) -> dict[str, Any]:
        return dict(catalogue=name, office_ids=office_ids, start_date=c.start, end_date=c.end, reason=c.reason,
                    hours=c.hours, source=_source_dict(c.source))

    closure_rows = [closure_row(c, list(c.office_ids)) for c in closures]
    for office in offices:
        closure_rows += [closure_row(c, [office.office_id]) for c in office.closures if c not in global_closures]
    links = [dict(catalogue=name, service_id=s.service_id, office_id=o, position=i)
             for s in services for i, o in enumerate(dict.fromkeys(s.office_ids))]
    with engine.begin() as conn:
        for table in (ServiceOfficeRow, ClosureRow, ServiceRow, OfficeRow):
            conn.execute(delete(table).where(table.catalogue == name))
        if offices:
            conn.execute(insert(OfficeRow), [_office_row(name, o) for o in offices])
        if services:
            conn.execute(insert(ServiceRow), [_service_row(name, s) for s in services])
        if links:
            conn.execute(insert(ServiceOfficeRow), links)
        if closure_rows:
            conn.execute(insert(ClosureRow), closure_rows)
    return {"services": len(services), "offices": len(offices), "closures": len(closure_rows),
            "links": len(links)}


def read_catalogue(engine: Engine, name: str = DEFAULT_NAME, meta: Optional[CatalogueMeta] = None):
    """Build a :class:`~bot.catalogue.catalogue.Catalogue` from the rows of catalogue ``name``."""
    from .catalogue import Catalogue

    if not inspect(engine).has_table(OfficeRow.__tablename__):
        raise LookupError(f"Katalogtabellen fehlen – zuerst 'python -m bot.catalogue load' / "
                          f"catalogue {name!r} not in the database (no tables)")
    with engine.connect() as conn:
        office_rows = conn.execute(select(OfficeRow.__table__).where(OfficeRow.catalogue == name)).mappings().all()
        service_rows = conn.execute(select(ServiceRow.__table__).where(ServiceRow.catalogue == name)).mappings().all()
        link_rows = conn.execute(select(ServiceOfficeRow.__table__).where(ServiceOfficeRow.catalogue == name)
                                 .order_by(ServiceOfficeRow.position)).mappings().all()
        closure_rows = conn.execute(select(ClosureRow.__table__).where(ClosureRow.catalogue == name)
                                    .order_by(ClosureRow.id)).mappings().all()
    if not office_rows and not service_rows:
        raise LookupError(f"Katalog {name!r} nicht in der Datenbank – zuerst 'python -m bot.catalogue load' / "
                          f"catalogue {name!r} not in the database")
    closures = [Closure(r["start_date"], r["end_date"], r["reason"], r["hours"], tuple(r["office_ids"]),
                        _source(r["source"])) for r in closure_rows]
    offices = []
    for r in office_rows:
        own = tuple(c for c in closures if not c.office_ids or r["office_id"] in c.office_ids)
        address = Address(r["street"], r["postcode"], r["city"]) if r["street"] else None
        offices.append(Office(
            office_id=r["office_id"], name=r["name"], kind=r["kind"], address=address,
            opening_hours=r["opening_hours"], source=_row_source(r),
            synonyms=tuple(r["synonyms"]), phone=r["phone"], email=r["email"], url=r["url"],
            accessibility=r["accessibility"], appointment_only=r["appointment_only"],
            appointment_url=r["appointment_url"], appointment_note=r["appointment_note"], closures=own,
            facts=tuple((fact, Source.from_dict(src)) for fact, src in (r["facts"] or {}).items()),
            sample_fields=tuple(r["sample_fields"] or ())))
    office_ids: dict[str, list[str]] = {}
    for link in link_rows:
        office_ids.setdefault(link["service_id"], []).append(link["office_id"])
    services = [Service(
        service_id=r["service_id"], title=r["title"], source=_row_source(r),
        leika=r["leika"], leika_name=r["leika_name"], ozg_id=r["ozg_id"], ozg_leistung=r["ozg_leistung"],
        synonyms=tuple(r["synonyms"]), keywords=tuple(r.get("keywords") or ()), summary=r["summary"],
        documents=tuple(r["documents"]),
        fees=fees_from_json(r["fees"]), processing_time=r["processing_time"], online_url=r["online_url"],
        info_url=r["info_url"], appointment_url=r["appointment_url"],
        office_ids=tuple(office_ids.get(r["service_id"], ())), authority=r["authority"], category=r["category"])
        for r in service_rows]
    global_closures = [c for c in closures if not c.office_ids or len(c.office_ids) != 1]
    return Catalogue(services, offices, global_closures, meta)


def import_leika(engine: Engine, catalog: LeikaCatalog) -> int:
    """Replace the ``leika_entry`` table with all rows of ``catalog``; returns the row count."""
    create_schema(engine)
    rows = [dict(row=e.row, leika_key=e.key, raw_key=e.raw_key, name=e.name, typ=e.typ, sdg1=e.sdg1, sdg2=e.sdg2,
                 law=e.law, ozg_id=e.ozg_id, ozg_leistung=e.ozg_leistung, lebenslage=e.lebenslage,
                 themenfeld=e.themenfeld) for e in catalog]
    with engine.begin() as conn:
        conn.execute(delete(LeikaRow))
        if rows:
            conn.execute(insert(LeikaRow), rows)
    return len(rows)


def leika_lookup(engine: Engine, key: str) -> Optional[dict[str, Any]]:
    """The imported LeiKa row for ``key`` (name, OZG id and OZG-Leistung), if any."""
    with engine.connect() as conn:
        row = conn.execute(select(LeikaRow.__table__).where(LeikaRow.leika_key == key)).mappings().first()
    return dict(row) if row else None
