"""The structured reply contract shared by bot, widget, staff console and evaluations.

The contract itself is ``../shared/reply-contract.md``; ``docs/reply-contract.md``
documents how Schängel implements it. This module is the single place that
builds and checks the ``custom`` cards, so that actions, the gateway and the
tests cannot drift apart. Fields may be added; required ones never renamed.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional

CardDict = dict[str, Any]

#: required fields per ``custom.type`` (from the shared contract)
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "service": ("leika", "service_id", "title", "source", "why"),
    "clarify": ("candidates",),
    "opening_hours": ("office_id", "office", "open_now", "address", "source", "why"),
    "fallback": ("reason",),
    "handoff": ("state", "alternatives"),
    "emergency": ("numbers",),
}

FALLBACK_REASONS = frozenset(
    {"low_confidence", "out_of_scope", "no_service_found", "technical_error", "invalid_input"}
)
HANDOFF_STATES = frozenset({"offered", "queued", "connected", "closed", "unavailable"})

#: numbers every emergency card carries, in this order
EMERGENCY_NUMBERS: tuple[dict[str, str], ...] = (
    {"label": "Feuerwehr und Rettungsdienst", "number": "112"},
    {"label": "Polizei", "number": "110"},
)


class ContractError(ValueError):
    """A card does not satisfy the reply contract."""


def validate_card(card: Mapping[str, Any]) -> None:
    """Raise :class:`ContractError` if ``card`` (the ``custom`` object) breaks the contract."""
    card_type = card.get("type")
    if card_type not in REQUIRED_FIELDS:
        raise ContractError(f"unknown card type {card_type!r}")
    missing = [name for name in REQUIRED_FIELDS[card_type] if name not in card]
    if missing:
        raise ContractError(f"{card_type} card lacks {', '.join(missing)}")
    if card_type == "service":
        leika = card["leika"]
        if leika is not None and not (isinstance(leika, str) and len(leika) == 14 and leika.isdigit()):
            raise ContractError(f"service card has malformed leika {leika!r}")
        if not (card.get("info_url") or card.get("online_url")):
            raise ContractError("service card needs info_url or online_url")
        _check_source(card["source"])
        _check_why(card["why"])
    elif card_type == "clarify":
        candidates = card["candidates"]
        if not isinstance(candidates, list) or len(candidates) < 2:
            raise ContractError("clarify card needs at least two candidates")
        for candidate in candidates:
            for name in ("service_id", "leika", "title"):
                if name not in candidate:
                    raise ContractError(f"clarify candidate lacks {name}")
    elif card_type == "opening_hours":
        if not isinstance(card["open_now"], bool):
            raise ContractError("opening_hours.open_now must be a boolean")
        _check_source(card["source"])
        _check_why(card["why"])
    elif card_type == "fallback":
        if card["reason"] not in FALLBACK_REASONS:
            raise ContractError(f"unknown fallback reason {card['reason']!r}")
    elif card_type == "handoff":
        if card["state"] not in HANDOFF_STATES:
            raise ContractError(f"unknown handoff state {card['state']!r}")
        alternatives = card["alternatives"]
        if not isinstance(alternatives, Mapping) or not {"phone", "email", "form_url"} <= set(alternatives):
            raise ContractError("handoff.alternatives needs phone, email and form_url")
    elif card_type == "emergency":
        numbers = {entry.get("number") for entry in card["numbers"]}
        if not {"112", "110"} <= numbers:
            raise ContractError("emergency card must carry 112 and 110")


def _check_source(source: Any) -> None:
    if not isinstance(source, Mapping) or not {"name", "url", "reviewed"} <= set(source):
        raise ContractError("source needs name, url and reviewed")


def _check_why(why: Any) -> None:
    if not isinstance(why, Mapping) or not {"intent", "confidence", "matched"} <= set(why):
        raise ContractError("why needs intent, confidence and matched")


def why(intent: Optional[str], confidence: Optional[float], matched: Any) -> CardDict:
    """What the bot understood and how sure it was (for "Warum diese Antwort?")."""
    return {
        "intent": intent,
        "confidence": None if confidence is None else round(float(confidence), 3),
        "matched": matched,
    }


def emergency_card() -> CardDict:
    return {"type": "emergency", "numbers": [dict(entry) for entry in EMERGENCY_NUMBERS]}


def fallback_card(reason: str, **extra: Any) -> CardDict:
    card: CardDict = {"type": "fallback", "reason": reason, **extra}
    validate_card(card)
    return card


def alternatives(phone: str, email: str, form_url: str) -> CardDict:
    """How to reach the city without the bot."""
    return {"phone": phone, "email": email, "form_url": form_url}


def handoff_card(state: str, alternatives_: Mapping[str, str], **extra: Any) -> CardDict:
    card: CardDict = {"type": "handoff", "state": state, "alternatives": dict(alternatives_), **extra}
    validate_card(card)
    return card


def clarify_card(candidates: Iterable[Mapping[str, Any]], **extra: Any) -> CardDict:
    card: CardDict = {
        "type": "clarify",
        "candidates": [
            {"service_id": c["service_id"], "leika": c["leika"], "title": c["title"]} for c in candidates
        ],
        **extra,
    }
    validate_card(card)
    return card
