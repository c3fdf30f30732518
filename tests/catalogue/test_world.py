"""The open world: catalogue services win only on distinctive evidence against every LeiKa service."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.catalogue import ReferenceService, Service, load_catalogue
from bot.catalogue.rarity import rarity
from bot.contract import ContractError, validate_card
from bot.dialogue.services import answer_service, content_words

CATALOGUE = load_catalogue()


def _resolve(text: str):  # type: ignore[no-untyped-def]
    return CATALOGUE.world.resolve(" ".join(content_words(text)))


def _cards(reply):  # type: ignore[no-untyped-def]
    return [m["custom"] for m in reply.messages if "custom" in m]


def test_every_leika_object_the_catalogue_lacks_is_known() -> None:
    world = CATALOGUE.world
    covered = {s.leika[:8] for s in CATALOGUE.services if s.leika}
    assert len(world.references) >= 1700
    assert not covered & {r.object_key for r in world.references}


@pytest.mark.parametrize("text, service_id", [
    ("Was kostet ein Reisepass?", "reisepass"),
    ("perso verloren", "personalausweis-verlust"),
    ("Sperrmüll anmelden", "sperrmuell"),
    ("Wo finde ich den Antrag für Wohngeld?", "wohngeld"),
])
def test_a_named_catalogue_service_is_found(text: str, service_id: str) -> None:
    found = _resolve(text)
    assert isinstance(found.service, Service) and found.service.service_id == service_id


@pytest.mark.parametrize("text, object_key", [
    ("Wo beantrage ich einen Schwerbehindertenausweis?", "99015007"),
    ("Kindergeld für mein zweites Kind beantragen", "99041008"),
])
def test_a_service_the_catalogue_lacks_is_named_from_leika(text: str, object_key: str) -> None:
    found = _resolve(text)
    assert isinstance(found.service, ReferenceService), found
    assert found.service.object_key == object_key


@pytest.mark.parametrize("text, trap", [
    ("Ich verstehe den Brief vom Amt nicht", "briefwahl"),
    ("Der alte Kühlschrank muss weg", "fuehrerschein-umtausch"),
    ("Mein Vater kommt ins Pflegeheim, wer zahlt das?", "sterbeurkunde"),
    ("Ich möchte eine Kneipe aufmachen, welche Erlaubnis brauche ich?", "fischereischein"),
])
def test_one_ordinary_word_never_decides_a_catalogue_service(text: str, trap: str) -> None:
    found = _resolve(text)
    chosen = [found.service, *found.candidates]
    assert trap not in {s.service_id for s in chosen if s is not None}


def test_everyday_words_weigh_less_than_rare_ones() -> None:
    assert rarity("Haus") < 0.5 and rarity("Vater") < 0.6
    assert rarity("Fischereischein") == 1.0 and rarity("Sperrmüll") == 1.0


def test_reference_answer_names_service_and_responsible_and_no_facts() -> None:
    reply = answer_service(CATALOGUE, "service_cost", 0.9, "Was kostet ein Schwerbehindertenausweis?")
    (card,) = _cards(reply)
    validate_card(card)
    assert card["coverage"] == "reference" and card["service_id"].startswith("leika:99015007")
    assert card["fees"] == [] and card["documents"] == []
    text = reply.messages[0]["text"]
    assert "Das klingt nach" in text and "keine geprüften Angaben" in text and "€" not in text
    assert reply.slots["service_id"] == card["service_id"]
    follow_up = answer_service(CATALOGUE, "service_documents", 0.9, "Und welche Unterlagen?",
                               context_id=reply.slots["service_id"])
    assert _cards(follow_up)[0]["service_id"] == card["service_id"]


def test_a_reference_card_with_fees_breaks_the_contract() -> None:
    reply = answer_service(CATALOGUE, "service_info", 0.9, "Schwerbehindertenausweis beantragen")
    (card,) = _cards(reply)
    with pytest.raises(ContractError):
        validate_card({**card, "fees": [{"label": "x", "amount_eur": 1.0}]})


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_resolve_never_fails_on_any_text(text: str) -> None:
    found = _resolve(text)
    assert found.service is None or not found.candidates
    assert len(found.candidates) <= 4


def test_clarify_candidates_say_where_their_facts_come_from() -> None:
    reply = answer_service(CATALOGUE, "service_info", 0.9, "Gibt es eine Förderung für mein Haus?")
    (card,) = _cards(reply)
    assert card["type"] == "clarify"
    assert {c["coverage"] for c in card["candidates"]} == {"reference"}
