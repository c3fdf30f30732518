"""The reply-contract module accepts valid cards and rejects broken ones."""
import pytest

from bot.contract import (
    ContractError,
    alternatives,
    clarify_card,
    emergency_card,
    fallback_card,
    handoff_card,
    validate_card,
)


def test_emergency_card_carries_112_and_110() -> None:
    card = emergency_card()
    validate_card(card)
    assert [n["number"] for n in card["numbers"]] == ["112", "110"]


def test_fallback_card_rejects_unknown_reason() -> None:
    assert fallback_card("out_of_scope")["reason"] == "out_of_scope"
    with pytest.raises(ContractError):
        fallback_card("because")


def test_handoff_card_needs_all_alternatives() -> None:
    card = handoff_card("offered", alternatives("115", "a@b.de", "https://example.org/form"))
    assert card["state"] == "offered"
    with pytest.raises(ContractError):
        validate_card({"type": "handoff", "state": "queued", "alternatives": {"phone": "115"}})


def test_clarify_needs_two_candidates() -> None:
    one = {"service_id": "a", "leika": None, "title": "A"}
    with pytest.raises(ContractError):
        clarify_card([one])
    assert len(clarify_card([one, {**one, "service_id": "b"}])["candidates"]) == 2


@pytest.mark.parametrize(
    "card",
    [
        {"type": "nonsense"},
        {"type": "emergency", "numbers": [{"label": "Polizei", "number": "110"}]},
        {"type": "service", "leika": "123", "service_id": "x", "title": "X", "info_url": "u",
         "source": {"name": "n", "url": "u", "reviewed": None},
         "why": {"intent": "i", "confidence": 1.0, "matched": []}},
        {"type": "opening_hours", "office_id": "o", "office": "O", "open_now": "yes", "address": "a",
         "source": {"name": "n", "url": "u", "reviewed": None},
         "why": {"intent": "i", "confidence": 1.0, "matched": []}},
    ],
)
def test_broken_cards_are_rejected(card: dict) -> None:
    with pytest.raises(ContractError):
        validate_card(card)
