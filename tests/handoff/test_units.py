"""Staff hours, contact detection, transcript extraction, texts and the handoff cards."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.config import load_settings
from bot.contract import validate_card
from bot.handoff import messages as texts
from bot.handoff.contact import find_contact
from bot.handoff.hours import StaffHours
from bot.handoff.transcript import from_tracker_events
from bot.opening_hours import TZ


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=TZ)


def test_default_staff_hours_respect_weekdays_and_rhineland_palatinate_holidays() -> None:
    hours = StaffHours("Mo-Fr 08:00-16:00; PH off")
    assert hours.is_open(at(2026, 11, 23, 9, 0))        # Monday
    assert not hours.is_open(at(2026, 11, 23, 16, 30))  # after hours
    assert not hours.is_open(at(2026, 11, 21, 10, 0))   # Saturday
    assert not hours.is_open(at(2026, 6, 4, 10, 0))     # Fronleichnam (holiday in RP)
    assert hours.next_working_day(at(2026, 11, 21, 10, 0)) == dt.date(2026, 11, 23)
    assert "Montag, 23. November, ab 8:00 Uhr" in hours.availability(at(2026, 11, 21, 10, 0)).next_text()


def test_injected_hours_for_tests() -> None:
    assert StaffHours("24/7").is_open(at(2026, 11, 21, 3, 0))
    assert not StaffHours("off").is_open(at(2026, 11, 23, 10, 0))
    with pytest.raises(ValueError):
        StaffHours("Mo-Fr 25:00-26:00 quatsch")


@pytest.mark.parametrize("text, expected", [
    ("Bitte rufen Sie mich an: 0261 1234567, es geht um Wohngeld", ("phone", "0261 1234567")),
    ("+49 (261) 129-0", ("phone", "+49 (261) 129-0")),
    ("Mail an max.muster@example.org bitte", ("email", "max.muster@example.org")),
    ("Es geht um meinen Antrag von 2024", None),
    ("Ich weiß nicht", None),
])
def test_contact_detection(text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert find_contact(text) == expected


def test_transcript_keeps_what_the_bot_understood() -> None:
    events = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "Wie weit ist mein Antrag?", "timestamp": 1700000000.0,
         "parse_data": {"intent": {"name": "case_status", "confidence": 0.91234}, "entities": []}},
        {"event": "bot", "text": "Dazu kann ich nichts sagen.", "data": {"custom": None}},
        {"event": "bot", "text": None, "data": {"custom": {"type": "fallback", "reason": "personal_case"}}},
    ]
    transcript = from_tracker_events(events)
    assert transcript[0] == {"from": "citizen", "text": "Wie weit ist mein Antrag?", "button": False,
                             "intent": "case_status",
                             "confidence": 0.912, "entities": [], "at": "2023-11-14T22:13:20+00:00"}
    assert transcript[2]["card"] == {"type": "fallback", "reason": "personal_case"}


def test_every_handoff_card_follows_the_contract() -> None:
    settings = load_settings()
    for state in ("offered", "queued", "connected", "closed", "unavailable"):
        validate_card(texts.card(settings, state))
    validate_card(texts.connected_message(settings, "Frau Beispiel")["custom"])
    for message in texts.closed_messages(settings, "staff") + texts.closed_messages(settings, "citizen"):
        validate_card(message["custom"])


def test_texts_are_german_and_formal() -> None:
    settings = load_settings()
    samples = [texts.queued_text(1, 3), texts.queued_text(3, 9), texts.callback_offer_text(settings, None),
               texts.unavailable_text(settings, "Montag", "timeout"), texts.callback_retry_text(),
               texts.callback_stored_text(dt.date(2026, 11, 23), "phone", dt.date(2026, 11, 21))]
    for sample in samples:
        lowered = f" {sample.lower()} "
        assert not any(word in lowered for word in (" du ", " dich ", " dir ", " dein"))
    assert "nächste" in texts.queued_text(1, 1).lower()
    assert "Montag, 23. November" in samples[-1] and "ruft Sie" in samples[-1]


def test_topic_skips_buttons_and_the_request_for_a_person() -> None:
    from bot.handoff.transcript import topic

    transcript = [
        {"from": "citizen", "text": "Mein Wohngeld ist nicht gekommen", "button": False, "intent": "case_status"},
        {"from": "bot", "text": "Dazu kann ich nichts sagen."},
        {"from": "citizen", "text": "Ich möchte mit einem Menschen sprechen", "button": False, "intent": "request_human"},
        {"from": "citizen", "text": "/affirm", "button": True, "intent": "affirm"},
    ]
    assert topic(transcript) == "Mein Wohngeld ist nicht gekommen"
    assert topic(transcript[2:]) == "Ich möchte mit einem Menschen sprechen"
    assert topic([]) is None


class _CityInbox:
    """Stands for a city's ticket-system adapter."""

    def __init__(self, settings) -> None:  # type: ignore[no-untyped-def]
        self.settings = settings


def make_city_inbox(settings):  # type: ignore[no-untyped-def]
    return _CityInbox(settings)


def test_a_city_can_plug_in_its_own_inbox(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.handoff import make_inbox

    monkeypatch.setenv("SCHAENGEL_HANDOFF_INBOX", "tests.handoff.test_units:make_city_inbox")
    inbox = make_inbox(load_settings())
    assert isinstance(inbox, _CityInbox)


def test_when_the_team_is_back_reads_as_a_sentence() -> None:
    """"… wieder da am morgen, Mittwoch …" was wrong German; the date phrase stands on its own now."""
    text = texts.unavailable_text(load_settings(), "morgen, Mittwoch, 2. Dezember, ab 8:00 Uhr")
    assert "Das Team ist wieder erreichbar: morgen, Mittwoch, 2. Dezember, ab 8:00 Uhr." in text
    assert " am morgen" not in text
