"""Citizen input is normalised and cannot inject Rasa intents or slots (issue 13, finding 2)."""
import pytest

from bot.gateway.chat import neutralise_commands, sanitise_text
from bot.gateway.ids import SessionSigner


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
        # finding 2: every leading run of slashes, whitespace and invisible characters goes
        ("/ /restart", "restart"),
        ("/\n/restart", "restart"),
        ("/\u00a0/restart", "restart"),
        ("\u200b/\u2060/\ufeff/restart", "restart"),
        ("/\t \u3000//\u202e/session_start", "session_start"),
        ("／restart", "restart"),
    ],
)
def test_sanitise_text(raw: str, expected: str) -> None:
    assert sanitise_text(raw) == expected


def test_neutralised_text_never_starts_like_a_command_after_rasas_strip() -> None:
    for raw in ["/ /restart", "/\n/restart", "/\u00a0/x", " \u2028/x", "\u180e/x", "/" * 40 + " x"]:
        assert not neutralise_commands(raw).strip().startswith("/")


def test_payloads_are_bound_to_their_session() -> None:
    signer = SessionSigner("secret")
    bound = signer.bind_payload("session-aaaa", "/affirm")
    assert signer.unbind_payload("session-aaaa", bound) == "/affirm"
    assert signer.unbind_payload("session-bbbb", bound) is None  # another session
    assert signer.unbind_payload("session-aaaa", "/affirm") is None  # typed, never offered
    assert signer.unbind_payload("session-aaaa", "/restart|" + bound.rpartition("|")[2]) is None
    assert SessionSigner("other").unbind_payload("session-aaaa", bound) is None


def test_offered_buttons_survive_any_number_of_other_sessions() -> None:
    """Finding 10: 10,000 new sessions evicted a citizen's buttons; binding needs no memory."""
    signer = SessionSigner("secret")
    bound = signer.bind_payload("citizen-1", "/affirm")
    for number in range(10_000):
        signer.bind_payload(f"attacker-{number:05d}", "/x")
    assert signer.unbind_payload("citizen-1", bound) == "/affirm"


def test_message_ids_belong_to_one_session() -> None:
    signer = SessionSigner("secret")
    message_id = signer.message_id("session-aaaa")
    assert signer.owns_message("session-aaaa", message_id)
    assert not signer.owns_message("session-bbbb", message_id)
    assert not signer.owns_message("session-aaaa", "m1")
