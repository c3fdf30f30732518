"""Validation of staff-edited YAML: every error with file, line and message; nothing partial."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.catalogue import CatalogueError, LeikaCatalog, load_catalogue, read_catalogue_dir
from bot.catalogue.__main__ import main

from .conftest import CATALOGUE_DIR, LEIKA_CSV

OFFICES = """\
offices:
  - id: buergeramt
    name: Bürgeramt
    kind: Bürgeramt
    opening_hours: "Mo-Fr 08:00-12:30; PH off"
    sample: [opening_hours]
    source: {name: Test, url: "https://example.org/", reviewed: null}
  - id: buergeramt
    name: Doppelt
    kind: Bürgeramt
    opening_hours: "Mo-Fx 08:00"
    phone: "0261 1234"
    source: {name: Test, url: "https://example.org/", reviewed: null}
"""

SERVICES = """\
services:
  - id: gut
    title: Gute Leistung
    leika: "99008001012000"
    info_url: https://example.org/
    offices: [buergeramt]
    source: {name: Test, url: "https://example.org/", reviewed: 2026-05-01}
  - id: kaputt
    title: Kaputte Leistung
    leika: "9900800101"
    info_url: https://example.org/
    offices: [gibtsnicht]
    source: {name: Test, url: "https://example.org/", reviewed: null}
  - id: erfunden
    title: Erfundener Schlüssel
    leika: "99999999999999"
    info_url: https://example.org/
    offices: [buergeramt]
    synonym: [Tippfehler im Feldnamen]
    fees:
      items:
        - {label: Gebühr, amount_eur: 12.5}
  - id: ohne-quelle
    title: Ohne Quelle
    leika: null
    info_url: https://example.org/
    offices: [buergeramt]
  - id: gut
    title: Doppelte ID
    leika: null
    info_url: https://example.org/
    offices: [buergeramt]
    source: {name: Test, url: "https://example.org/", reviewed: null}
"""


def write_catalogue(root: Path, services: str = SERVICES, offices: str = OFFICES) -> Path:
    (root / "services").mkdir(parents=True)
    (root / "offices.yaml").write_text(offices, encoding="utf-8")
    (root / "services" / "test.yaml").write_text(services, encoding="utf-8")
    return root


def issues_of(root: Path, leika: LeikaCatalog) -> list[tuple[str, int, str]]:
    with pytest.raises(CatalogueError) as error:
        read_catalogue_dir(root, leika)
    return [(i.file, i.line, i.message) for i in error.value.issues]


def find(issues, file: str, line: int, fragment: str) -> None:
    matches = [i for i in issues if i[0].endswith(file) and i[1] == line and fragment in i[2]]
    assert matches, f"no issue {file}:{line} containing {fragment!r} in:\n" + "\n".join(map(str, issues))


def test_every_error_has_file_line_and_message(tmp_path: Path, leika: LeikaCatalog) -> None:
    issues = issues_of(write_catalogue(tmp_path), leika)
    find(issues, "offices.yaml", 11, "unparseable opening hours")
    find(issues, "offices.yaml", 12, "'phone' needs a source under 'facts:'")
    find(issues, "offices.yaml", 8, "duplicate office id")
    find(issues, "services/test.yaml", 10, "malformed LeiKa key")
    find(issues, "services/test.yaml", 12, "unknown office id")
    find(issues, "services/test.yaml", 16, "LeiKa key not in the catalogue CSV")
    find(issues, "services/test.yaml", 19, "unbekanntes Feld 'synonym' / unknown field")
    find(issues, "services/test.yaml", 20, "fee amounts need a source")
    find(issues, "services/test.yaml", 14, "missing source")
    find(issues, "services/test.yaml", 23, "missing source")
    find(issues, "services/test.yaml", 28, "duplicate service id")
    assert all(" / " in message for _, _, message in issues)  # German / English


def test_yaml_syntax_error_has_line(tmp_path: Path, leika: LeikaCatalog) -> None:
    root = write_catalogue(tmp_path, services="services:\n  - id: x\n    title: [unclosed\n")
    find(issues_of(root, leika), "services/test.yaml", 4, "YAML syntax error")


def test_nothing_partial_is_loaded(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError):
        load_catalogue(write_catalogue(tmp_path), leika_csv=LEIKA_CSV)


def test_ozg_id_must_match_leika_key(tmp_path: Path, leika: LeikaCatalog) -> None:
    services = SERVICES.split("  - id: kaputt")[0].replace('leika: "99008001012000"',
                                                          'leika: "99008001012000"\n    ozg_id: 10124')
    find(issues_of(write_catalogue(tmp_path, services), leika), "services/test.yaml", 5, "OZG id does not match")


def test_valid_minimal_catalogue_fills_ozg_from_csv(tmp_path: Path, leika: LeikaCatalog) -> None:
    services = SERVICES.split("  - id: kaputt")[0]
    offices = OFFICES.split("  - id: buergeramt\n    name: Doppelt")[0]
    data = read_catalogue_dir(write_catalogue(tmp_path, services, offices), leika)
    service = data.services[0]
    assert (service.ozg_id, service.ozg_leistung, service.leika_name) == (10119, "Personalausweis",
                                                                        "Personalausweis Ausstellung")


def test_cli_validate_reports_and_fails(tmp_path: Path, capsys) -> None:
    assert main(["validate", "--dir", str(write_catalogue(tmp_path)), "--leika-csv", str(LEIKA_CSV)]) == 1
    err = capsys.readouterr().err
    assert "services/test.yaml:10: service 'kaputt': LeiKa-Schlüssel muss 14 Ziffern haben" in err
    assert "nothing loaded" in err


def test_real_catalogue_is_valid(capsys) -> None:
    assert main(["validate", "--dir", str(CATALOGUE_DIR), "--leika-csv", str(LEIKA_CSV)]) == 0
    assert capsys.readouterr().out.startswith("OK: ")


REQUIRED = {
    # the 40 services of issue 3 → our ids
    "personalausweis-beantragen", "personalausweis-verlust", "personalausweis-vorlaeufig", "reisepass",
    "kinderreisepass", "wohnsitz-anmeldung", "wohnsitz-ummeldung", "wohnsitz-abmeldung", "meldebescheinigung",
    "melderegisterauskunft", "kfz-zulassung", "kfz-abmeldung", "kfz-umschreibung", "wunschkennzeichen",
    "fuehrerschein-umtausch", "fuehrerschein-ersatz", "fuehrerschein-international", "geburtsurkunde",
    "eheschliessung-anmeldung", "eheurkunde", "sterbeurkunde", "vaterschaftsanerkennung", "kirchenaustritt",
    "fuehrungszeugnis", "bewohnerparkausweis", "parkausweis-schwerbehinderte", "halteverbot-umzug",
    "sondernutzung-strasse", "hundesteuer", "gewerbe-anmeldung", "gewerbe-ummeldung", "gewerbe-abmeldung",
    "baugenehmigung", "wohngeld", "kita-platz", "fundsachen", "briefwahl", "grundsteuer", "beglaubigung",
    "aufenthaltstitel", "einbuergerung", "fischereischein", "sperrmuell", "elterngeld",
}


def test_real_catalogue_covers_required_services_with_real_leika_keys(catalogue, leika: LeikaCatalog) -> None:
    ids = {s.service_id for s in catalogue.services}
    assert REQUIRED <= ids
    for service in catalogue.services:
        if service.leika is None:
            continue
        entry = leika.get(service.leika)
        assert entry is not None, service.service_id
        assert (service.ozg_id, service.leika_name) == (entry.ozg_id, entry.name), service.service_id
    assert catalogue.by_leika("99115005104000").service_id == "wohnsitz-anmeldung"
    assert catalogue.service("abfuhrtermine").leika is None  # local service
    elterngeld = catalogue.service("elterngeld")
    assert elterngeld.authority and catalogue.offices_for(elterngeld)


def test_unreviewed_facts_carry_the_check_notice(catalogue) -> None:
    service = catalogue.service("wohngeld")
    assert service.source.reviewed is None
    assert service.check_notice() == "Bitte prüfen Sie die aktuellen Angaben unter https://www.koblenz.de/."
    assert all(o.fact_source("phone") for o in catalogue.offices if o.phone)  # no phone number without a source
    assert catalogue.office("kfz-zulassung").sample_data  # its hours are still invented, and it says so


def test_vocabulary_lists_names_and_synonyms(catalogue) -> None:
    entries = {(e.kind, e.id): e for e in catalogue.vocabulary()}
    assert "Perso" in entries[("service", "personalausweis-beantragen")].synonyms
    assert "Einwohnermeldeamt" in entries[("office", "buergeramt")].synonyms


def test_without_leika_csv_keys_are_checked_for_format_only(tmp_path: Path) -> None:
    catalogue = load_catalogue(CATALOGUE_DIR, leika_csv=tmp_path / "missing.csv")
    assert len(catalogue.services) >= 44
    root = write_catalogue(tmp_path / "cat", services=SERVICES.replace('"9900800101"', '"99999999999998"'))
    with pytest.raises(CatalogueError) as error:
        read_catalogue_dir(root, None)
    assert not any("not in the catalogue CSV" in i.message for i in error.value.issues)


def test_cli_search_hours_vocabulary(capsys, leika) -> None:
    base = ["--dir", str(CATALOGUE_DIR), "--leika-csv", str(LEIKA_CSV)]
    assert main(["search", "Ich", "ziehe", "um", *base]) == 0
    assert "ambiguous" in capsys.readouterr().out
    assert main(["search", "--leika", "Baugenehmigung", *base]) == 0
    assert "99012008000000" in capsys.readouterr().out
    assert main(["hours", "buergeramt", "--at", "2026-06-04T09:00", *base]) == 0
    out = capsys.readouterr().out
    assert "Heute geschlossen (Fronleichnam)" in out and "Freitag, 5. Juni: 8:00 bis 12:30 Uhr" in out
    assert main(["vocabulary", *base]) == 0
    assert '"Knöllchen"' in capsys.readouterr().out


def test_catalogue_settings_are_checked(tmp_path: Path, leika: LeikaCatalog) -> None:
    root = write_catalogue(tmp_path, services=SERVICES.split("  - id: kaputt")[0],
                           offices=OFFICES.split("  - id: buergeramt\n    name: Doppelt")[0])
    (root / "catalogue.yaml").write_text("name: Test\nholidays: {country: DE, subdiv: XX}\ntimezone: UTC\n")
    issues = issues_of(root, leika)
    find(issues, "catalogue.yaml", 2, "unknown holiday calendar")
    find(issues, "catalogue.yaml", 3, "only Europe/Berlin")
