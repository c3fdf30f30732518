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
