"""Offices from real Koblenz facts: every fact with its source and date, nothing invented.

The cross-checks against ``../shared/data/koblenz-facts`` make "don't invent an address or
a phone number" a test: a street, postcode, phone number or source URL that the fact
collection does not contain fails here.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.catalogue import Catalogue, CatalogueError, read_catalogue_dir
from bot.catalogue.model import OFFICE_FACTS, Source
from bot.catalogue.provenance import is_stale, provenance_report
from bot.config import SHARED_SOURCES
from bot.dialogue.hours import office_reply

FACTS_DIR = SHARED_SOURCES.parent / "koblenz-facts"
WEDNESDAY_MORNING = dt.datetime(2026, 12, 2, 10, 0)


@pytest.fixture(scope="module")
def facts_text() -> str:
    files = sorted(FACTS_DIR.glob("*.yml"))
    if not files:
        pytest.skip(f"no Koblenz facts at {FACTS_DIR}")
    return "\n".join(f.read_text(encoding="utf-8") for f in files)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_every_stated_office_fact_has_a_source_or_is_marked_sample(catalogue: Catalogue) -> None:
    for office in catalogue.offices:
        for fact in OFFICE_FACTS:
            if getattr(office, fact):
                assert office.fact_source(fact) or fact in office.sample_fields, (office.office_id, fact)
        assert not {"address", "phone", "email"} & set(office.sample_fields), office.office_id


def test_addresses_phones_and_sources_come_from_the_fact_collection(catalogue: Catalogue, facts_text: str) -> None:
    fact_digits = {_digits(line) for line in facts_text.splitlines()}
    for office in catalogue.offices:
        if office.address:
            street = office.address.street.split(", ")[-1]
            assert street in facts_text, (office.office_id, street)
            assert office.address.postcode is None or office.address.postcode in facts_text, office.office_id
        if office.phone:
            assert any(_digits(office.phone) in line for line in fact_digits), (office.office_id, office.phone)
        if office.email:
            assert office.email in facts_text, (office.office_id, office.email)
        for fact, source in office.facts:
            assert source.url in facts_text, (office.office_id, fact, source.url)
    for closure in catalogue.closures:
        if closure.source:
            assert closure.source.url in facts_text, closure


def test_the_real_buildings_replace_the_sample_town_hall(catalogue: Catalogue) -> None:
    where = {o.office_id: o.address.street if o.address else None for o in catalogue.offices}
    assert where["buergeramt"] == "Gymnasialstraße 6"
    assert where["ordnungsamt"] == where["auslaenderbehoerde"] == "Ludwig-Erhard-Straße 2"
    assert where["wahlamt"] == "Ferdinand-Sauerbruch-Straße 12"
    assert where["technisches-rathaus"].endswith("Bahnhofstraße 47")
    assert where["kfz-zulassung"] is None  # no source gives it: unknown, not the town hall
    assert len(catalogue.offices) >= 25


def test_a_dated_fact_is_shown_with_its_date(catalogue: Catalogue) -> None:
    office = catalogue.office("buergeramt")
    text = office_reply(catalogue, office, ["buergeramt"], "Wo ist das Bürgeramt?", "ask_office", 0.9,
                        WEDNESDAY_MORNING).messages[0]["text"]
    assert "Adresse: Gymnasialstraße 6, Koblenz (Quelle: news-koblenz.de" in text
    assert "Stand: 7. August 2025)" in text
    assert "Diese Öffnungszeiten sind Beispieldaten" in text  # the hours are still invented, and it says so


def test_an_old_source_is_flagged_to_citizens(catalogue: Catalogue) -> None:
    office = catalogue.office("stadtbibliothek")
    text = office_reply(catalogue, office, ["stadtbibliothek"], "", "ask_office", 0.9,
                        WEDNESDAY_MORNING).messages[0]["text"]
    assert "Stand: 23. April 2014) – eine ältere Angabe, bitte prüfen Sie sie vor Ihrem Besuch" in text


def test_unknown_hours_are_never_guessed(catalogue: Catalogue) -> None:
    office = catalogue.office("stadtarchiv")
    assert not office.has_hours
    reply = office_reply(catalogue, office, ["stadtarchiv"], "Hat das Stadtarchiv jetzt offen?", "ask_office",
                         0.9, WEDNESDAY_MORNING)
    text = reply.messages[0]["text"]
    assert "Die Öffnungszeiten habe ich aus keiner geprüften Quelle" in text
    assert "geöffnet bis" not in text and "geschlossen" not in text.replace("sage ich nicht, ob", "")
    assert reply.messages[1]["custom"] == {"type": "fallback", "reason": "hours_unknown",
                                           "office_id": "stadtarchiv", "office": "Stadtarchiv"}


def test_an_unknown_address_is_said_to_be_unknown(catalogue: Catalogue) -> None:
    office = catalogue.office("kfz-zulassung")
    text = office_reply(catalogue, office, ["kfz"], "", "ask_office", 0.9, WEDNESDAY_MORNING).messages[0]["text"]
    assert "Die Besucheradresse habe ich noch aus keiner Quelle" in text
    assert "Willi-Hörter-Platz" not in text


@pytest.mark.parametrize("as_of, text, first_day", [
    ("2025-08-07", "7. August 2025", dt.date(2025, 8, 7)),
    ("2024-03", "März 2024", dt.date(2024, 3, 1)),
    ("2021", "2021", dt.date(2021, 1, 1)),
    (None, "", None),
])
def test_source_dates_as_precise_as_the_source(as_of, text, first_day) -> None:
    source = Source("Quelle", "https://example.org/", None, as_of)
    assert source.as_of_text() == text and source.as_of_date() == first_day
    assert source.citation().endswith(f"Stand: {text}" if text else "ohne Datum")


def test_staleness_counts_from_the_date_the_source_shows() -> None:
    today = dt.date(2026, 12, 2)
    assert is_stale(Source("a", "u", None, "2023-11"), today)
    assert not is_stale(Source("a", "u", None, "2024"), today)
    assert not is_stale(Source("a", "u", None, None), today)  # undated: reported as undated, not as old
    assert is_stale(Source("a", "u", None, "2024"), today, max_age_years=1)


def test_report_counts_sample_and_sourced_facts(catalogue: Catalogue) -> None:
    report = provenance_report(catalogue.offices, catalogue.closures, catalogue.services, dt.date(2026, 12, 2))
    assert report.sourced_facts >= 40 and report.sample_facts >= 1
    assert "kfz-zulassung" in report.offices_without_address
    assert "stadtarchiv" in report.offices_without_hours
    assert any(line.startswith("stadtbibliothek.opening_hours") for line in report.stale)
    assert report.sourced_closures >= 2


OFFICE = """\
offices:
  - id: amt
    name: Amt
    kind: Amt
{body}
    source: {{name: Test, url: "https://example.org/", reviewed: null}}
"""


@pytest.mark.parametrize("body, fragment", [
    ('    address: {street: Weg 1, city: Koblenz}\n    sample: [address]', "can never be sample data"),
    ('    address: {street: Weg 1, city: Koblenz}', "'address' needs a source"),
    ('    facts:\n      phone: {name: T, url: "https://example.org/", reviewed: null}', "has a source but no value"),
    ('    opening_hours: "Mo-Fr 08:00-12:00"\n    facts:\n      opening_hours: {name: T, url: "https://example.org/",'
     ' as_of: 2025-13, reviewed: null}', "must be YYYY, YYYY-MM or YYYY-MM-DD"),
    ('    opening_hours: "Mo-Fr 08:00-12:00"\n    sample: [opening_hours]\n    facts:\n'
     '      opening_hours: {name: T, url: "https://example.org/", reviewed: null}', "both sourced and sample"),
])
def test_validation_refuses_unsourced_or_inconsistent_facts(tmp_path: Path, body: str, fragment: str) -> None:
    (tmp_path / "services").mkdir()
    (tmp_path / "offices.yaml").write_text(OFFICE.format(body=body), encoding="utf-8")
    with pytest.raises(CatalogueError) as error:
        read_catalogue_dir(tmp_path, None)
    assert any(fragment in issue.message for issue in error.value.issues), error.value.issues


def test_an_office_without_postcode_or_hours_is_valid(tmp_path: Path) -> None:
    (tmp_path / "services").mkdir()
    body = ('    address: {street: Weg 1, city: Koblenz}\n    facts:\n'
            '      address: {name: T, url: "https://example.org/", as_of: 2025, reviewed: null}')
    (tmp_path / "offices.yaml").write_text(OFFICE.format(body=body), encoding="utf-8")
    office = read_catalogue_dir(tmp_path, None).offices[0]
    assert office.address.text() == "Weg 1, Koblenz" and not office.has_hours and not office.sample_data


def test_a_conflict_is_shown_as_such(catalogue: Catalogue) -> None:
    """Hundesteuer: the rates until 2025 and the higher ones proposed for 2026 are both named, each
    with its source, and the bot says it could not check which one applies."""
    from bot.dialogue.services import answer_service

    reply = answer_service(catalogue, "service_cost", 0.9, "Was kostet die Hundesteuer?")
    text = reply.messages[0]["text"]
    assert "erster Hund, Satz bis 2025: 108,00 €" in text
    assert "erster Hund, für 2026 vorgeschlagen: 144,00 € (pro Jahr; Beschluss des Stadtrats nicht gefunden)" in text
    assert "(Quelle: merkurist.de (Steuern und Gebühren 2026), ohne Datum)" in text
    assert "ob der Stadtrat sie beschlossen hat" in text
    card = reply.messages[1]["custom"]
    assert card["fees"][4]["source"]["name"].startswith("merkurist.de") and card["fees"][0]["source"] is None


def test_an_unknown_fee_is_never_invented(catalogue: Catalogue) -> None:
    from bot.dialogue.services import answer_service

    without = [s for s in catalogue.services if not s.fees.items]
    assert len(without) >= 20  # most local fees have no source yet
    for service in without:
        text = answer_service(catalogue, "service_cost", 0.9, "Was kostet das?",
                              chosen_id=service.service_id).messages[0]["text"]
        assert "habe ich keine geprüfte Angabe" in text and "€" not in text, service.service_id


def test_an_office_named_outright_beats_offices_of_that_kind(catalogue: Catalogue) -> None:
    from bot.dialogue.hours import named_office

    # Bußgeldstelle and Gewerbeamt are of kind "Ordnungsamt"; the question names the Ordnungsamt itself
    assert named_office(catalogue, "Wann hat das Ordnungsamt offen?")[0].office_id == "ordnungsamt"
    assert named_office(catalogue, "Wo ist die Fahrerlaubnisbehörde?")[0].office_id == "fuehrerscheinstelle"


@pytest.mark.parametrize("text", [
    "Wie wird das Wetter morgen in Koblenz?",       # "Koblenz" is no office ("Stadtarchiv Koblenz")
    "Was zahlt man für einen Angelschein?",         # "zahlt" is one typo from "Wahlen"
    "Unfall auf der B9, da liegt einer auf der Straße",  # "Straße" is no office ("…-Straße" in a synonym)
    "mein perso wurde mir gestern am bahnhof aus der tasche geklaut was nun",  # "Hochhaus am Bahnhof"
])
def test_everyday_words_name_no_office(catalogue: Catalogue, text: str) -> None:
    """Office synonyms may not carry words every message has: found on the development sets, where
    such synonyms turned weather and theft questions into office answers."""
    from bot.dialogue.hours import named_office

    assert named_office(catalogue, text) is None


def test_rathaus_names_the_administration_not_one_office(catalogue: Catalogue) -> None:
    """Citizens say "Rathaus" for the whole administration ("Wohngeld im Rathaus?"): no office takes it."""
    from bot.dialogue.hours import named_office

    assert named_office(catalogue, "Wohngeld im Rathaus?") is None
    assert named_office(catalogue, "Wann hat das Rathaus auf?") is None  # the bot asks which office
