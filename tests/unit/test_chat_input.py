"""Citizen input is normalised and cannot inject Rasa intents or slots."""
import pytest

from bot.gateway.chat import OfferedPayloads, sanitise_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("/restart", "restart"),
        ('  /handoff{"x":1}', 'handoff{"x":1}'),
        ("//greet", "greet"),
        ("Hallo\x00 Welt\x1b", "Hallo  Welt"),
        ("Fu\u0308hrerschein", "Führerschein"),  # decomposed umlaut → NFC
        ("   ", ""),
        ("Was kostet 1/2 Jahr Parken?", "Was kostet 1/2 Jahr Parken?"),
    ],
)
def test_sanitise_text(raw: str, expected: str) -> None:
    assert sanitise_text(raw) == expected


def test_only_offered_payloads_are_allowed() -> None:
    offered = OfferedPayloads(max_sessions=2)
    offered.remember("s1", [{"buttons": [{"title": "Ja", "payload": "/affirm"}]}])
    assert offered.allows("s1", "/affirm")
    assert not offered.allows("s1", "/restart")
    assert not offered.allows("s2", "/affirm")
    assert offered.allows("s2", "/greet")  # the widget's greeting is always allowed


def test_offered_payloads_are_bounded() -> None:
    offered = OfferedPayloads(max_sessions=2)
    for session in ("a", "b", "c"):
        offered.remember(session, [{"buttons": [{"title": "x", "payload": "/x"}]}])
    assert not offered.allows("a", "/x")
    assert offered.allows("c", "/x")
