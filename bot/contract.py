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
    {"low_confidence", "out_of_scope", "no_service_found", "personal_case", "technical_error", "invalid_input",
     "hours_unknown"}
)
#: where a service card's facts come from: the city's own catalogue, or only the national reference
COVERAGES = frozenset({"catalogue", "reference"})
HANDOFF_STATES = frozenset({"offered", "queued", "connected", "closed", "unavailable"})

#: numbers every emergency card carries, in this order
EMERGENCY_NUMBERS: tuple[dict[str, str], ...] = (
    {"label": "Feuerwehr und Rettungsdienst", "number": "112"},
    {"label": "Polizei", "number": "110"},
)

#: help lines an emergency card adds after 112/110, per kind of emergency (bot.emergency.KINDS);
#: all free of charge and answered day and night
HELP_LINES: dict[str, tuple[dict[str, str], ...]] = {
    "suicide": (
        {"label": "Telefonseelsorge", "number": "0800 111 0 111",
         "note": "kostenlos, anonym, rund um die Uhr"},
        {"label": "Telefonseelsorge", "number": "0800 111 0 222",
         "note": "kostenlos, anonym, rund um die Uhr"},
    ),
    "domestic_violence": (
        {"label": "Hilfetelefon Gewalt gegen Frauen", "number": "116 016",
         "note": "kostenlos, anonym, rund um die Uhr, in vielen Sprachen"},
        {"label": "Hilfetelefon Gewalt an Männern", "number": "0800 123 99 00",
         "note": "kostenlos und anonym"},
    ),
    "child": (
        {"label": "Kinder- und Jugendtelefon (Nummer gegen Kummer)", "number": "116 111",
         "note": "kostenlos und anonym"},
    ),
}


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
        if card.get("coverage", "catalogue") not in COVERAGES:
            raise ContractError(f"unknown service coverage {card.get('coverage')!r}")
        if card.get("coverage") == "reference":
            if card.get("fees") or card.get("documents"):
                raise ContractError("a reference card states no fees or documents")
            if not str(card["service_id"]).startswith("leika:"):
                raise ContractError("a reference card's service_id is leika:<key>")
            responsible = card.get("responsible")
            if responsible is not None and not {"name", "kind", "url"} <= set(responsible):
                raise ContractError("responsible needs name, kind and url")
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


def card_kind(card: Mapping[str, Any]) -> Optional[str]:
    """The kind of answer a card is, for feedback and staff views: its type, and ``service_reference``
    for a reference answer (a service the city catalogue does not hold)."""
    if card.get("type") == "service" and card.get("coverage") == "reference":
        return "service_reference"
    return card.get("type")


def why(intent: Optional[str], confidence: Optional[float], matched: Any) -> CardDict:
    """What the bot understood and how sure it was (for "Warum diese Antwort?")."""
    return {
        "intent": intent,
        "confidence": None if confidence is None else round(float(confidence), 3),
        "matched": matched,
    }


def emergency_card(kinds: Iterable[str] = ()) -> CardDict:
    """112/110 always; ``help_lines`` for the kinds that have one (suicide, domestic violence, child)."""
    card: CardDict = {"type": "emergency", "numbers": [dict(entry) for entry in EMERGENCY_NUMBERS]}
    lines = [dict(line) for kind in HELP_LINES if kind in set(kinds) for line in HELP_LINES[kind]]
    if lines:
        card["help_lines"] = lines
    return card


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
            {"service_id": c["service_id"], "leika": c["leika"], "title": c["title"],
             **({"coverage": c["coverage"]} if "coverage" in c else {})} for c in candidates
        ],
        **extra,
    }
    validate_card(card)
    return card


# -- catalogue cards ----------------------------------------------------------
# The builders take the catalogue's own objects (bot.catalogue.Service/Office and
# bot.opening_hours.OfficeStatus) by duck typing, so this module stays free of
# catalogue imports.


def _source_dict(source: Any) -> CardDict:
    reviewed = getattr(source, "reviewed", None)
    return {"name": source.name, "url": source.url,
            "reviewed": reviewed.isoformat() if hasattr(reviewed, "isoformat") else reviewed,
            "as_of": getattr(source, "as_of", None)}


def service_card(service: Any, why_: Mapping[str, Any], offices: Iterable[Any] = (), **extra: Any) -> CardDict:
    """Card for one service (``bot.catalogue.Service``), with its offices if given.

    Unconfirmed facts (``source.reviewed`` is null) carry ``notice``, the German
    sentence "Bitte prüfen Sie die aktuellen Angaben unter …".
    """
    fees = service.fees
    fee_source = fees.source or service.source
    reviewed = service.source.reviewed is not None and (fees.source is None or fees.source.reviewed is not None)
    card: CardDict = {
        "type": "service",
        "coverage": "catalogue",
        "leika": service.leika,
        "service_id": service.service_id,
        "title": service.title,
        "summary": service.summary,
        "ozg": {"id": service.ozg_id, "leistung": service.ozg_leistung} if service.ozg_id else None,
        "info_url": service.info_url,
        "online_url": service.online_url,
        "appointment_url": service.appointment_url,
        "documents": list(service.documents),
        "fees": [{"label": f.label, "amount_eur": f.amount_eur, "min_age": f.min_age, "max_age": f.max_age,
                  "text": f.text(), "source": _source_dict(f.source) if f.source else None} for f in fees.items],
        "fees_note": fees.note or None,
        "fees_source": _source_dict(fee_source) if fees.items else None,
        "authority": service.authority or None,
        "offices": [{"office_id": o.office_id, "name": o.name} for o in offices],
        "reviewed": reviewed,
        "notice": None if reviewed else f"Bitte prüfen Sie die aktuellen Angaben unter {service.check_url}.",
        "source": _source_dict(service.source),
        "why": dict(why_),
        **extra,
    }
    validate_card(card)
    return card


def opening_hours_card(status: Any, why_: Mapping[str, Any], **extra: Any) -> CardDict:
    """Card for an office's opening hours from a ``bot.opening_hours.OfficeStatus``."""
    office = status.office
    card: CardDict = {
        "type": "opening_hours",
        "office_id": office.office_id,
        "office": office.name,
        "open_now": bool(status.open_now),
        "address": office.address.text() if office.address else None,
        "text": status.sentence,
        "at": status.at.isoformat(),
        "today": [{"start": i.start.isoformat(), "end": i.end.isoformat()} for i in status.today.intervals],
        "today_text": status.today.text(),
        "closes_at": status.closes_at.isoformat() if status.closes_at else None,
        "next_opening": status.next_opening.isoformat() if status.next_opening else None,
        "opening_hours": office.opening_hours,
        "appointment_only": office.appointment_only,
        "appointment_url": office.appointment_url,
        "phone": office.phone,
        "sample_data": office.sample_data,
        "sample_fields": list(office.sample_fields),
        "facts": {fact: _source_dict(src) for fact, src in office.facts},
        "reviewed": office.source.reviewed is not None and not office.sample_data,
        "source": _source_dict(office.source),
        "why": dict(why_),
        **extra,
    }
    validate_card(card)
    return card


def reference_card(reference: Any, why_: Mapping[str, Any], info_url: str, **extra: Any) -> CardDict:
    """Card for a service the city catalogue does not hold (``bot.catalogue.ReferenceService``).

    It names the service and who is responsible, and states no fees, documents or deadlines.
    """
    responsible = reference.responsible
    card: CardDict = {
        "type": "service",
        "coverage": "reference",
        "leika": reference.leika or None,
        "service_id": reference.service_id,
        "title": reference.title,
        "ozg": {"id": reference.ozg_id, "leistung": reference.ozg_leistungen[0]}
        if reference.ozg_id and reference.ozg_leistungen else None,
        "info_url": info_url,
        "online_url": None,
        "documents": [],
        "fees": [],
        "responsible": None if responsible is None else
        {"name": responsible.name, "kind": responsible.kind, "url": responsible.url},
        "routing_certainty": reference.certainty,
        "reviewed": False,
        "source": {"name": "Leistungskatalog der öffentlichen Verwaltung (LeiKa) / OZG-Katalog",
                   "url": info_url, "reviewed": None},
        "why": dict(why_),
        **extra,
    }
    validate_card(card)
    return card

