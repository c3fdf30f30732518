"""The conversation before a handoff, for staff: citizen and bot, with what NLU understood."""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Optional

MAX_ENTRIES = 60


def _at(timestamp: Any) -> Optional[str]:
    if isinstance(timestamp, (int, float)):
        return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).isoformat()
    return None


def topic(transcript: list[dict[str, Any]]) -> Optional[str]:
    """What the citizen wrote last that says what it is about (not a button, not "a person please")."""
    typed = [e for e in transcript if e.get("from") == "citizen" and not e.get("button") and e.get("text")]
    telling = [e for e in typed if e.get("intent") not in ("request_human", "affirm", "deny", "greet")]
    chosen = (telling or typed or [None])[-1]
    return chosen["text"] if chosen else None


def from_tracker_events(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rasa tracker events → ``[{from, text, intent?, confidence?, card?, at}]`` (last 60 entries)."""
    entries: list[dict[str, Any]] = []
    for event in events:
        kind = event.get("event")
        if kind == "user":
            parse = event.get("parse_data") or {}
            intent = parse.get("intent") or {}
            entities = [
                {"entity": e.get("entity"), "value": e.get("value")}
                for e in parse.get("entities") or [] if isinstance(e, dict)
            ]
            text = event.get("text") or ""
            entries.append({
                "from": "citizen", "text": text, "button": text.startswith("/"), "intent": intent.get("name"),
                "confidence": None if intent.get("confidence") is None else round(float(intent["confidence"]), 3),
                "entities": entities, "at": _at(event.get("timestamp")),
            })
        elif kind == "bot":
            data = event.get("data") or {}
            custom = data.get("custom") if isinstance(data.get("custom"), dict) else None
            text = event.get("text") or ""
            if not text and not custom:
                continue
            entry: dict[str, Any] = {"from": "bot", "text": text, "at": _at(event.get("timestamp"))}
            if custom:
                entry["card"] = {k: custom.get(k) for k in ("type", "reason", "service_id", "title", "state",
                                                            "coverage") if custom.get(k) is not None}
            entries.append(entry)
    return entries[-MAX_ENTRIES:]
