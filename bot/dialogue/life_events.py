"""Life situations (baby, moving to Koblenz, wedding, death, founding a business) as checklists.

The situations and their services live in ``data/catalogue/life_events.yaml`` so
that staff maintain them with the catalogue.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from bot.catalogue import Catalogue, close_hits
from bot.config import load_settings
from bot.contract import fallback_card
from bot.dialogue.reply import Reply, button
from bot.dialogue.routing import clear_service
from bot.dialogue.services import answer_service, content_words


@dataclass(frozen=True)
class LifeEvent:
    event_id: str
    title: str
    keywords: tuple[str, ...]
    intro: str
    service_ids: tuple[str, ...]
    #: the situation only counts when one of these also occurs (a Stadtteil is a move only with a move word)
    requires: tuple[str, ...] = ()


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    return text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")


@lru_cache(maxsize=4)
def load_life_events(path: Optional[Path] = None) -> tuple[LifeEvent, ...]:
    path = path or load_settings().catalogue_dir / "life_events.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        LifeEvent(entry["id"], entry["title"], tuple(_fold(k) for k in entry["keywords"]), entry["intro"],
                  tuple(entry["services"]), tuple(_fold(r) for r in entry.get("requires", ())))
        for entry in document["life_events"]
    )


def match_life_event(text: str, events: tuple[LifeEvent, ...]) -> Optional[LifeEvent]:
    """The situation whose keywords occur most often in ``text`` (ties: the first listed)."""
    folded = _fold(text)
    scored = [(sum(k in folded for k in event.keywords), event) for event in events
              if not event.requires or any(r in folded for r in event.requires)]
    best = max(scored, key=lambda pair: pair[0], default=(0, None))
    return best[1] if best[0] > 0 else None


#: a service of the situation is taken when it scores this well on the words beyond the situation's own
NAMED_SERVICE_SCORE = 0.5


def _named_service(catalogue: Catalogue, text: str, event: LifeEvent) -> Optional[str]:
    """The one service a life-situation message also names ("… gezogen und muss mich anmelden").

    A checklist is for "what must I do?"; a named service is answered directly. The situation's own
    keywords do not count as naming a service; its services are preferred ("anmelden" after a move is
    the registration), then any service named on strong evidence.
    """
    rest = [w for w in content_words(text) if not any(k.replace(" ", "") in w for k in event.keywords)]
    if not rest:
        return None
    hits = [h for h in catalogue.search(" ".join(rest), limit=10) if h.service.service_id in event.service_ids]
    if hits and hits[0].score >= NAMED_SERVICE_SCORE and len(close_hits(hits)) == 1:
        return hits[0].service.service_id
    service = clear_service(catalogue, " ".join(rest))
    return service.service_id if service is not None else None


def answer_life_event(catalogue: Catalogue, text: str, chosen_id: Optional[str] = None) -> Reply:
    events = load_life_events()
    event = next((e for e in events if e.event_id == chosen_id), None) or match_life_event(text, events)
    if event is None:
        return Reply().say(
            "Um welche Lebenslage geht es?",
            buttons=[button(e.title, "life_event", life_event=e.event_id) for e in events],
        ).card(fallback_card("low_confidence"))
    named = _named_service(catalogue, text, event)
    if named is not None:
        return answer_service(catalogue, "service_info", None, text, chosen_id=named)
    services = [s for s in (catalogue.service(i) for i in event.service_ids) if s is not None]
    lines = "\n".join(f"{n}. **{s.title}**" + (f" – {s.authority}" if s.authority else "")
                      for n, s in enumerate(services, start=1))
    return Reply().say(
        f"{event.intro}\n\n{lines}\n\nZu welchem Punkt möchten Sie mehr wissen?",
        buttons=[button(s.title, "choose_service", service_id=s.service_id) for s in services],
    )
