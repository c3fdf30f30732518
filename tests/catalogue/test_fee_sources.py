"""Where fees come from: a Koblenz source or the federal rule, never another city's page.

Federal uniform fees (ID card, passport, naturalisation) name the federal regulation and the day
since which its amounts apply; where Koblenz's own service page still shows older amounts, the
answer says so instead of silently choosing one.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.catalogue import Catalogue, CatalogueError, read_catalogue_dir
from bot.catalogue.provenance import CITY_SERVICE_PAGE
from bot.dialogue.services import answer_service
from bot.places import other_place_of_source

SERVICE_WITH_FEE = """\
services:
  - id: test
    title: Test
    leika: null
    info_url: https://www.koblenz.de/
    fees:
      items:
        - {{label: Gebühr, amount_eur: 10.0}}
      source: {{name: "{name}", url: "{url}", reviewed: null}}
    source: {{name: Test, url: "https://www.koblenz.de/", reviewed: null}}
"""


@pytest.mark.parametrize("name, url, place", [
    ("Landeshauptstadt München, DLDB-Export", "https://www.koblenz.de/", "München"),
    ("DLDB-Export", "https://stadt.muenchen.de/buergerservice/#/services/1", "München"),
    ("Bürgerservice", "https://www.bad-ems.de/leistungen", "Bad Ems"),
    ("Stadt Koblenz, Leistungsseite", "https://www.koblenz.de/buergerservice/leistungen/RLP:entry:1/schulessen", None),
    ("Blick aktuell", "https://www.blick-aktuell.de/Koblenz/Essen-in-Mainz-123.html", None),  # a path is a topic
    ("Passverordnung § 15", "https://www.gesetze-im-internet.de/passv_2007/__15.html", None),
])
def test_a_source_of_another_municipality_is_recognised(name: str, url: str, place: str | None) -> None:
    assert other_place_of_source(name, url) == place


def test_validation_refuses_a_fee_from_another_city(tmp_path: Path) -> None:
    (tmp_path / "services").mkdir()
    (tmp_path / "offices.yaml").write_text("offices: []\n", encoding="utf-8")
    body = SERVICE_WITH_FEE.format(name="Landeshauptstadt München", url="https://stadt.muenchen.de/")
    (tmp_path / "services" / "test.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(CatalogueError) as error:
        read_catalogue_dir(tmp_path, None)
    assert [i.line for i in error.value.issues if "Gebührenquelle aus München" in i.message] == [9]  # fees.source


def test_no_fee_in_the_catalogue_cites_another_city(catalogue: Catalogue) -> None:
    for service in catalogue.services:
        sources = [service.fees.source] + [fee.source for fee in service.fees.items]
        for source in filter(None, sources):
            assert other_place_of_source(source.name, source.url) is None, service.service_id


def test_the_newer_federal_fee_wins_and_the_older_city_figure_is_named(catalogue: Catalogue) -> None:
    """The ID-card fee rose on 7 February 2026; koblenz.de still shows 37,00 € — both are said."""
    reply = answer_service(catalogue, "service_cost", 0.9, "Was kostet ein neuer Personalausweis?")
    text = reply.messages[0]["text"]
    assert "ab 24 Jahren: 46,00 €" in text and "unter 24 Jahren: 27,60 €" in text
    assert "Quelle: Personalausweisgebührenverordnung § 1 (bundeseinheitliche Gebühr), Stand: 7. Februar 2026" in text
    assert "koblenz.de" in text and "37,00 €" in text and "früheren" in text
    card = reply.messages[1]["custom"]
    assert card["fees_source"]["as_of"] == "2026-02-07" and card["info_url"].startswith(
        f"https://www.{CITY_SERVICE_PAGE}")


def test_a_fee_without_a_koblenz_figure_is_not_taken_from_elsewhere(catalogue: Catalogue) -> None:
    """The international driving licence fee differs between cities; no Koblenz figure → none."""
    reply = answer_service(catalogue, "service_cost", 0.9, "Was kostet das?", chosen_id="fuehrerschein-international")
    text = reply.messages[0]["text"]
    assert "keine geprüfte Angabe" in text and "€" not in text and "Gebührenordnung" in text


def test_the_parking_permit_fee_is_the_formula_of_march_2024(catalogue: Catalogue) -> None:
    reply = answer_service(catalogue, "service_cost", 0.9, "Was kostet der Bewohnerparkausweis?")
    text = reply.messages[0]["text"]
    assert "Jahresgebühr seit 1. März 2024" in text and "Mindestgebühr: 100,00 €" in text
    assert "Stand: März 2024" in text
