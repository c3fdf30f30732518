"""Both importers on the real shared files, into a real SQLite file."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from bot.catalogue.__main__ import main
from bot.catalogue.dldb import UNKNOWN_HOURS, html_to_text, read_dldb
from bot.catalogue.leika import read_leika_csv
from bot.catalogue.store import import_leika, leika_lookup, read_catalogue, sync_catalogue
from bot.catalogue.tables import LeikaRow, ServiceRow
from bot.db import make_engine
from bot.opening_hours import office_status

from .conftest import LEIKA_CSV


def test_leika_csv_import(tmp_path: Path, leika) -> None:
    catalog = read_leika_csv(LEIKA_CSV)
    assert len(catalog) == 5251
    assert len(catalog.keys) == 4813  # 436 "nicht im LeiKa" and 2 junk keys have no valid key
    assert sum(1 for e in catalog if e.raw_key == "nicht im LeiKa") == 436
    engine = make_engine(f"sqlite:///{tmp_path / 'leika.db'}")
    assert import_leika(engine, catalog) == 5251
    assert import_leika(engine, catalog) == 5251  # re-import replaces, no duplicates
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(LeikaRow)).scalar_one() == 5251
    row = leika_lookup(engine, "99008001014002")
    assert row["name"] == "Personalausweis Meldung wegen Verlust"
    assert (row["ozg_id"], row["ozg_leistung"]) == (10119, "Personalausweis")


def test_dldb_munich_import(tmp_path: Path, dldb_files, leika) -> None:
    services_path, locations_path = dldb_files
    result = read_dldb(services_path, locations_path, prefix="dldb-muenchen", leika=leika)
    assert len(result.services) == 287
    # the export holds 109 location records although meta.datacount says 108
    assert len(result.offices) == 109 and result.declared_locations == 108
    assert any("108" in w and "109" in w for w in result.warnings)
    assert sum(1 for s in result.services if s.leika) == 132
    gewerbe = next(s for s in result.services if s.service_id == "dldb-muenchen-1063423")
    assert gewerbe.title == "Gewerbe-Anmeldung" and gewerbe.leika == "99050012104000"
    assert gewerbe.ozg_leistung == "Unternehmensanmeldung und -genehmigung"
    assert "Gewerbeanmeldung" in gewerbe.synonyms
    assert gewerbe.fees.note == "50 bis 60 Euro (abhängig von der Rechtsform)"
    assert gewerbe.office_ids[0] == "dldb-muenchen-10546"
    office = next(o for o in result.offices if o.office_id == "dldb-muenchen-10546")
    assert office.address.text() == "Implerstraße 11, 81371 München" and office.phone == "089 233-45141"
    assert office.opening_hours == UNKNOWN_HOURS
    status = office_status(office)
    assert not status.open_now and status.next_opening is None
    assert "keine genauen Angaben" in status.sentence

    engine = make_engine(f"sqlite:///{tmp_path / 'dldb.db'}")
    counts = sync_catalogue(engine, result.services, result.offices, (), "dldb-muenchen")
    assert (counts["services"], counts["offices"]) == (287, 109)
    munich = read_catalogue(engine, "dldb-muenchen")
    assert len(munich.services) == 287 and len(munich.offices) == 109
    assert munich.search("Gewerbe anmelden")[0].service.title == "Gewerbe-Anmeldung"


def test_cli_imports_both_sources(tmp_path: Path, dldb_files, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["import", "leika", str(LEIKA_CSV), "--database-url", url]) == 0
    services_path, locations_path = dldb_files
    assert main(["import", "dldb", "--services", str(services_path), "--locations", str(locations_path),
                 "--database-url", url]) == 0
    out = capsys.readouterr().out
    assert "5251 Zeilen" in out and "287 Leistungen, 109 Standorte" in out
    with make_engine(url).connect() as conn:
        assert conn.execute(select(func.count()).select_from(ServiceRow)).scalar_one() == 287


def test_html_to_text() -> None:
    assert html_to_text("<p>A&nbsp;b</p><ul><li>c</li></ul>") == "A b c"
    assert html_to_text("<p>" + "wort " * 50 + "</p>", limit=20).endswith("…")
