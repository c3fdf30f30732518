"""Opening-hours answers, life situations and the two-stage fallback."""
from __future__ import annotations

import datetime as dt

from bot.catalogue import load_catalogue
from bot.contract import validate_card
from bot.dialogue.fallback import answer_low_confidence, is_second_fallback
from bot.dialogue.hours import answer_opening_hours
from bot.dialogue.life_events import answer_life_event, load_life_events, match_life_event
from bot.opening_hours import TZ, resolve_day

CATALOGUE = load_catalogue()
WEDNESDAY_10 = dt.datetime(2026, 11, 18, 10, 0, tzinfo=TZ)
ALTERNATIVES = {"phone": "115", "email": "x@koblenz.de", "form_url": "https://www.koblenz.de/"}


def test_open_now_answer_with_card() -> None:
    reply = answer_opening_hours(CATALOGUE, "Hat das Bürgeramt heute offen?", "opening_hours", 0.95,
                                 now=WEDNESDAY_10)
    card = reply.messages[1]["custom"]
    validate_card(card)
    assert card["office_id"] == "buergeramt" and isinstance(card["open_now"], bool)
    assert reply.slots == {"office_id": "buergeramt"}
    assert "Beispieldaten" in reply.messages[0]["text"]


def test_holiday_question_is_answered_for_that_day() -> None:
    reply = answer_opening_hours(CATALOGUE, "Ist das Standesamt an Fronleichnam geöffnet?", "opening_hours", 0.9,
                                 now=WEDNESDAY_10)
    text = reply.messages[0]["text"]
    assert "Fronleichnam" in text and "geschlossen" in text
    assert reply.messages[1]["custom"]["asked_day"] == "2027-05-27"


def test_office_from_the_conversation_service() -> None:
    reply = answer_opening_hours(CATALOGUE, "Und wann haben die offen?", "opening_hours", 0.9,
                                 context_service_id="kfz-zulassung", now=WEDNESDAY_10)
    assert reply.messages[1]["custom"]["office_id"] == "kfz-zulassung"


def test_unknown_office_asks_which() -> None:
    reply = answer_opening_hours(CATALOGUE, "Ist heute geöffnet?", "opening_hours", 0.9, now=WEDNESDAY_10)
    assert reply.messages[0]["text"].startswith("Für welches Amt")
    assert all(b["payload"].startswith("/opening_hours{") for b in reply.messages[0]["buttons"])


def test_relative_days() -> None:
    monday = dt.date(2026, 11, 16)
    assert resolve_day("nächste Woche Mittwoch", monday) == dt.date(2026, 11, 25)
    assert resolve_day("am Mittwoch", monday) == dt.date(2026, 11, 18)
    assert resolve_day("übermorgen", monday) == dt.date(2026, 11, 18)
    assert resolve_day("an Heiligabend", monday) == dt.date(2026, 12, 24)
    assert resolve_day("am 2.1.", monday) == dt.date(2027, 1, 2)
    assert resolve_day("an Allerheiligen", monday) == dt.date(2027, 11, 1)


def test_life_events_reference_catalogue_services() -> None:
    for event in load_life_events():
        for service_id in event.service_ids:
            assert CATALOGUE.service(service_id), (event.event_id, service_id)


def test_baby_checklist() -> None:
    reply = answer_life_event(CATALOGUE, "Wir bekommen im Mai ein Baby")
    text = reply.messages[0]["text"]
    assert "Geburtsurkunde" in text and "Elterngeld" in text
    assert reply.messages[0]["buttons"][0]["payload"].startswith("/choose_service{")


def test_a_move_within_koblenz_is_not_welcomed_to_koblenz() -> None:
    reply = answer_life_event(CATALOGUE, "Wir ziehen von der Altstadt nach Koblenz-Güls, an was müssen wir denken?")
    text = reply.messages[0]["text"]
    assert "Willkommen" not in text and "innerhalb von Koblenz" in text
    services = [line for line in text.splitlines() if line[:1].isdigit()]
    assert len(reply.messages[0]["buttons"]) == len(services)  # a button for every step listed
    welcome = answer_life_event(CATALOGUE, "Im Mai kommen wir aus Hamburg nach Koblenz, woran müssen wir denken?")
    assert welcome.messages[0]["text"].startswith("Willkommen in Koblenz!")
    events = load_life_events()
    for text, event in (("Mein Vater ist in Lützel gestorben, was muss ich jetzt erledigen?", "death"),
                        ("Meine Mutter ist verstorben, was muss ich innerhalb der Fristen erledigen?", "death"),
                        ("Wir ziehen innerhalb von Koblenz um", "moving_within_koblenz")):
        assert match_life_event(text, events).event_id == event, text  # a Stadtteil alone is no move


def test_two_stage_fallback() -> None:
    first = answer_low_confidence(CATALOGUE, "irgendwas mit Hund", [], second_time=False, alternatives=ALTERNATIVES)
    titles = [b["title"] for b in first.messages[0]["buttons"]]
    assert any("Hund" in t for t in titles) and titles[-1] == "Mit einem Menschen sprechen"
    assert first.messages[1]["custom"]["stage"] == 1
    second = answer_low_confidence(CATALOGUE, "hä", [], second_time=True, alternatives=ALTERNATIVES)
    types = [m["custom"]["type"] for m in second.messages if "custom" in m]
    assert types == ["fallback", "handoff"]
    assert is_second_fallback(["action_rephrase_or_handoff"], "action_rephrase_or_handoff")
    assert not is_second_fallback(["action_answer_service"], "action_rephrase_or_handoff")


def test_opening_hours_of_a_place_that_is_not_a_city_office() -> None:
    for text, place in (("Wie lange hat Aldi heute offen?", "Aldi"), ("Öffnungszeiten Bürgerbüro Neuwied", "Neuwied")):
        reply = answer_opening_hours(CATALOGUE, text, "opening_hours", 0.9, now=WEDNESDAY_10)
        assert place in reply.messages[0]["text"]
        assert reply.messages[1]["custom"] == {"type": "fallback", "reason": "out_of_scope", "asked_about": place}
