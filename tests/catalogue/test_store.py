"""The database copy: sync is complete and atomic, and reads back the same catalogue."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from bot.catalogue import Catalogue, load_catalogue, read_catalogue_dir
from bot.catalogue.__main__ import main
from bot.catalogue.store import read_catalogue, sync_catalogue
from bot.db import make_engine

from .conftest import CATALOGUE_DIR, LEIKA_CSV


def test_load_command_and_round_trip(tmp_path: Path, catalogue: Catalogue, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'schaengel.db'}"
    assert main(["load", "--dir", str(CATALOGUE_DIR), "--leika-csv", str(LEIKA_CSV), "--database-url", url]) == 0
    assert "loaded 'koblenz'" in capsys.readouterr().out
    from_db = load_catalogue(database_url=url)
    assert {s.service_id: s for s in from_db.services} == {s.service_id: s for s in catalogue.services}
    assert {o.office_id: set(o.closures) for o in from_db.offices} == \
        {o.office_id: set(o.closures) for o in catalogue.offices}
    # every office fact keeps its own source and date; unknown hours stay unknown
    assert {o.office_id: replace(o, closures=()) for o in from_db.offices} == \
        {o.office_id: replace(o, closures=()) for o in catalogue.offices}
    assert from_db.office("buergeramt").fact_source("address").as_of == "2025-08-07"
    assert not from_db.office("stadtarchiv").has_hours
    assert from_db.hours_on("buergeramt", dt.date(2026, 12, 24)).reason == "Heiligabend"
    assert from_db.search("Perso verloren")[0].service.service_id == "personalausweis-verlust"


def test_sync_is_atomic(tmp_path: Path, leika) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'atomic.db'}")
    data = read_catalogue_dir(CATALOGUE_DIR, leika)
    sync_catalogue(engine, data.services, data.offices, (), "koblenz")
    broken = [*data.services[:-1], replace(data.services[-1], office_ids=("gibt-es-nicht",))]
    with pytest.raises(IntegrityError):
        sync_catalogue(engine, broken, data.offices, (), "koblenz")
    again = read_catalogue(engine, "koblenz")
    assert len(again.services) == len(data.services)  # old version untouched
    assert again.service(data.services[-1].service_id).office_ids == data.services[-1].office_ids


def test_reading_a_missing_catalogue_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(LookupError, match="not in the database"):
        load_catalogue(database_url=f"sqlite:///{tmp_path / 'empty.db'}", name="koblenz")


def test_a_database_from_an_older_version_is_rebuilt(tmp_path: Path, leika) -> None:
    """``create_all`` never alters a table: a catalogue copy with old columns is dropped and rewritten."""
    from sqlalchemy import text

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    with engine.begin() as conn:  # the office table as an older version created it
        conn.execute(text("CREATE TABLE catalogue_office (catalogue VARCHAR(64), office_id VARCHAR(128), "
                          "name TEXT NOT NULL, opening_hours TEXT NOT NULL, PRIMARY KEY (catalogue, office_id))"))
    data = read_catalogue_dir(CATALOGUE_DIR, leika)
    sync_catalogue(engine, data.services, data.offices, data.closures, "koblenz")
    assert read_catalogue(engine, "koblenz").office("stadtarchiv").opening_hours is None
