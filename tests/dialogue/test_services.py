"""Service answers from the real catalogue: resolution, clarify, follow-ups, cards."""
from __future__ import annotations

import pytest

from bot.catalogue import load_catalogue
from bot.contract import validate_card
from bot.dialogue.services import answer_service, content_words, resolve_service

CATALOGUE = load_catalogue()


def cards(reply) -> list[dict]:
    return [m["custom"] for m in reply.messages if "custom" in m]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Was kostet ein Reisepass?", "reisepass"),
        ("perso?", "personalausweis-beantragen"),
        ("Perso verloren", "personalausweis-verlust"),
        ("Fuehrerschein umtauschen", "fuehrerschein-umtausch"),
        ("knöllchen bekommen", "verwarnungsgeld"),
        ("Welche Nachweise brauche ich für den Elterngeldantrag?", "elterngeld"),
        ("Wie melde ich mein neues Auto an?", "kfz-zulassung"),
        ("wo melde ich meine zweitwohnung ab", "wohnsitz-abmeldung"),
        # a long story around the service name: unknown words must not drown it
        ("Guten Morgen, unser Reisepass ist seit März abgelaufen und im Sommer geht es nach Kanada, "
         "wie gehe ich da am besten vor?", "reisepass"),
        # an aspect glued to the service name ("…termin", "…gebühr")
        ("Wie bekomme ich einen Sperrmülltermin?", "sperrmuell"),
        ("Passgebühr?", "reisepass"),
        # "tasche" is one edit from "Tische" (street use); a typo guess must not beat "perso"
        ("mir haben sie im zug die tasche mit dem perso geklaut", "personalausweis-verlust"),
    ],
)
def test_resolves_the_service_from_free_text(text: str, expected: str) -> None:
    resolution = resolve_service(CATALOGUE, text)
    assert resolution.service is not None and resolution.service.service_id == expected


def test_moving_is_ambiguous_and_asks() -> None:
    reply = answer_service(CATALOGUE, "service_info", 0.9, "Ich ziehe um")
    (card,) = cards(reply)
    assert card["type"] == "clarify"
    ids = {c["service_id"] for c in card["candidates"]}
    assert {"wohnsitz-ummeldung", "halteverbot-umzug"} <= ids
    assert all(b["payload"].startswith("/choose_service{") for b in reply.messages[0]["buttons"])
    assert reply.slots == {"service_aspect": "info"}


def test_follow_up_uses_the_service_of_the_conversation() -> None:
    reply = answer_service(CATALOGUE, "service_cost", 0.8, "Und was kostet das?", context_id="reisepass")
    (card,) = cards(reply)
    assert card["service_id"] == "reisepass"
    assert card["why"]["matched"] == ["Gesprächskontext"]
    assert "70,00 €" in reply.messages[0]["text"]


def test_choice_from_clarify_keeps_the_asked_aspect() -> None:
    reply = answer_service(CATALOGUE, "choose_service", None, "/choose_service", chosen_id="wohnsitz-ummeldung",
                           context_aspect="documents")
    assert "brauchen Sie in der Regel" in reply.messages[0]["text"]
    assert reply.slots == {"service_id": "wohnsitz-ummeldung", "service_aspect": "documents"}


def test_child_follow_up_names_child_fees() -> None:
    reply = answer_service(CATALOGUE, "followup_child", 0.9, "Und für mein Kind?",
                           context_id="personalausweis-beantragen")
    assert "unter 24 Jahren" in reply.messages[0]["text"]
    assert cards(reply)[0]["service_id"] == "personalausweis-beantragen"


def test_service_card_is_valid_and_unreviewed_facts_say_so() -> None:
    reply = answer_service(CATALOGUE, "service_info", 0.97, "Ich möchte ein Gewerbe anmelden")
    (card,) = cards(reply)
    validate_card(card)
    assert card["leika"] == CATALOGUE.service("gewerbe-anmeldung").leika
    assert card["why"] == {"intent": "service_info", "confidence": 0.97, "matched": card["why"]["matched"]}
    assert "Bitte prüfen Sie die aktuellen Angaben unter" in reply.messages[0]["text"]


def test_unknown_service_is_an_honest_fallback() -> None:
    reply = answer_service(CATALOGUE, "service_info", 0.6, "Wie entsteht eigentlich ein Regenbogen?")
    assert cards(reply) == [{"type": "fallback", "reason": "no_service_found"}]
    assert any(b["payload"] == "/request_human" for b in reply.messages[0]["buttons"])


def test_no_fee_is_invented() -> None:
    without_fees = [s for s in CATALOGUE.services if not s.fees.items]
    assert without_fees, "the catalogue has services without confirmed fees"
    reply = answer_service(CATALOGUE, "service_cost", 0.9, "", chosen_id=without_fees[0].service_id)
    text = reply.messages[0]["text"]
    assert "keine geprüfte Angabe" in text and "€" not in text


def test_question_words_do_not_pick_a_service() -> None:
    words = content_words("Was kostet das und wie lange dauert es online mit Termin?")
    assert not {"kostet", "lange", "dauert", "online", "termin"} & set(words)
    assert resolve_service(CATALOGUE, "Was kostet das und wie lange dauert es online mit Termin?").service is None
    # opening times say when, not what: "mittags" must not find the school lunch ("Mittagessen")
    assert not {"mittags", "geoeffnet", "offen"} & set(content_words("Hat das Bürgeramt mittags geöffnet oder offen?"))



def test_a_hyphenated_compound_is_one_word_but_abbreviations_stay_apart() -> None:
    assert content_words("Kinder-Reisepass") == ["kinderreisepass"]
    assert content_words("EC-Karte") == ["ec", "karte"]
    found = resolve_service(CATALOGUE, "Der Kinder-Reisepass meiner Tochter ist abgelaufen").service
    assert found is not None and found.service_id == "kinderreisepass"

@pytest.mark.parametrize(
    ("text", "declined"),
    [
        ("Wie beantrage ich in Mainz einen Anwohnerparkausweis?", True),
        ("Wie melde ich mich bei der Stadt Bonn um?", True),
        ("Ich brauche einen Reisepass für den Urlaub nach Berlin", False),  # travel, not another authority
        ("Ich ziehe aus Köln nach Koblenz, wie melde ich mich an?", False),  # moving here
    ],
)
def test_questions_about_other_municipalities_are_declined(text: str, declined: bool) -> None:
    reply = answer_service(CATALOGUE, "service_info", 0.9, text)
    types = [c["type"] for c in cards(reply)]
    assert (types == ["fallback"] and cards(reply)[0]["reason"] == "out_of_scope") is declined, types


@pytest.mark.parametrize(
    ("text", "office_id"),
    [
        ("Wo ist das Einwohnermeldeamt in Koblenz?", "buergeramt"),
        ("In welchem Gebäude ist die Führerscheinstelle?", "fuehrerscheinstelle"),
        ("wo sitzt die ausländerbehörde", "auslaenderbehoerde"),
    ],
)
def test_where_question_about_an_office_gets_its_address_and_hours(text: str, office_id: str) -> None:
    reply = answer_service(CATALOGUE, "service_location", 0.9, text)
    (card,) = cards(reply)
    validate_card(card)
    assert card["type"] == "opening_hours" and card["office_id"] == office_id
    assert "Adresse:" in reply.messages[0]["text"] and reply.slots["office_id"] == office_id


@pytest.mark.parametrize(
    ("text", "service_id"),
    [
        ("Wo ist das Bürgeramt für die Ummeldung?", "wohnsitz-ummeldung"),
        # the citizen guesses an office; the answer says who really handles the service
        ("Muss ich für den Fischereischein zum Ordnungsamt?", "fischereischein"),
        ("Welches Amt ist für die Einbürgerung zuständig?", "einbuergerung"),  # "Amt" names no office
        ("Wer stellt in Koblenz die Sterbeurkunde aus?", "sterbeurkunde"),  # "stellt" is not "Kfz-Stelle"
    ],
)
def test_where_question_about_a_service_stays_a_service_answer(text: str, service_id: str) -> None:
    (card,) = cards(answer_service(CATALOGUE, "service_location", 0.9, text))
    assert card["type"] == "service" and card["service_id"] == service_id
