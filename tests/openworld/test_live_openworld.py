"""The open-world turns of tests/stories/test_openworld.yml through the real stack, cards checked."""
from __future__ import annotations

import uuid

import pytest

pytestmark = pytest.mark.live


def _cards(messages: list[dict]) -> list[dict]:
    return [m["custom"] for m in messages if isinstance(m.get("custom"), dict)]


def _say(stack, session: str, text: str) -> list[dict]:  # type: ignore[no-untyped-def]
    # the action validates each card when it builds it (bot.contract); on the way through Rasa's REST
    # channel null fields such as ``source.reviewed`` are dropped, so the raw reply is not re-validated
    return _cards(stack.chat(session, text=text))


def test_uncovered_service_gets_a_reference_card_with_responsible(live_stack) -> None:
    (card,) = [c for c in _say(live_stack, uuid.uuid4().hex,
                               "Wo beantrage ich einen Schwerbehindertenausweis für meine Mutter?") if c["type"] == "service"]
    assert card["coverage"] == "reference" and card["leika"].startswith("99015007")
    assert card["fees"] == [] and card["documents"] == [] and card["responsible"]["name"]


def test_out_of_scope_question_naming_a_service_gets_the_reference(live_stack) -> None:
    cards = _say(live_stack, uuid.uuid4().hex, "Kindergeld für mein zweites Kind beantragen, wo mache ich das?")
    service = [c for c in cards if c["type"] == "service"]
    assert service and service[0]["coverage"] == "reference" and service[0]["leika"].startswith("99041008")
    assert service[0]["responsible"]["kind"] == "federal"


def test_close_national_services_are_a_clarify(live_stack) -> None:
    cards = _say(live_stack, uuid.uuid4().hex, "Gibt es eine Förderung für mein Haus?")
    clarify = [c for c in cards if c["type"] == "clarify"]
    assert clarify and all(c["service_id"].startswith("leika:") for c in clarify[0]["candidates"])


def test_one_word_trap_gets_no_catalogue_card(live_stack) -> None:
    cards = _say(live_stack, uuid.uuid4().hex, "Ich verstehe den Brief vom Finanzamt nicht, wer kann mir das erklären?")
    assert not any(c["type"] == "service" and c.get("coverage") == "catalogue" for c in cards), cards


def test_follow_up_switches_the_office(live_stack) -> None:
    session = uuid.uuid4().hex
    first = _say(live_stack, session, "Wann hat das Bürgeramt heute offen?")
    assert [c["office_id"] for c in first if c["type"] == "opening_hours"] == ["buergeramt"]
    second = _say(live_stack, session, "Und das Standesamt?")
    assert [c["office_id"] for c in second if c["type"] == "opening_hours"] == ["standesamt"]


def test_volunteer_fire_brigade_is_no_emergency(live_stack) -> None:
    cards = _say(live_stack, uuid.uuid4().hex, "Ich möchte bei der freiwilligen Feuerwehr mitmachen, wo melde ich mich?")
    assert not any(c["type"] == "emergency" for c in cards), cards
