"""The loaded catalogue: lookups, search and opening hours in one read-only object."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Sequence, Union

from bot import opening_hours as hours

from .loader import CatalogueMeta
from .model import Closure, Office, Service
from .reference import ReferenceService
from .search import Field, SearchHit, SearchIndex, is_ambiguous
from .text import words
from .world import ServiceWorld, service_fields

OfficeRef = Union[Office, str]
#: words of an opening-hours question that say nothing about which office is meant
_HOURS_WORDS = frozenset(
    "offen geoeffnet oeffnungszeiten oeffnungszeit auf zu geschlossen heute morgen uebermorgen montag dienstag "
    "mittwoch donnerstag freitag samstag sonntag uhr wann jetzt noch gerade erreichbar".split())
#: generic words that are part of office names ("Kfz-Stelle", "Amt für Jugend") but name no office:
#: "Welches Amt ist für die Einbürgerung zuständig?" must not find the Jugendamt
_GENERIC_OFFICE_WORDS = frozenset(
    "amt aemter amts stelle stellen stellt behoerde behoerden buero bueros verwaltung stadtverwaltung "
    # …and cost words, one typo away from an office name ("zahlen" ~ "Stabsstelle Wahlen")
    "zahlen zahlt bezahlen kosten kostet".split())


@dataclass(frozen=True)
class VocabularyEntry:
    """A name and its synonyms, for generating Rasa lookup tables and synonyms."""

    kind: str  # "service" or "office"
    id: str
    name: str
    synonyms: tuple[str, ...]


#: weight of an office's kind in the office search (names and synonyms: 1.0)
OFFICE_KIND_WEIGHT = 0.8


class Catalogue:
    """Services and offices of one city, searchable in memory.

    Build it with :func:`bot.catalogue.load_catalogue`; it never touches the
    database after construction.
    """

    def __init__(self, services: Iterable[Service], offices: Iterable[Office],
                 closures: Sequence[Closure] = (), meta: Optional[CatalogueMeta] = None,
                 references: Sequence[ReferenceService] = ()):
        self.meta = meta or CatalogueMeta()
        self._references = tuple(references)
        self._world: Optional[ServiceWorld] = None
        self._services = {s.service_id: s for s in services}
        self._offices = {o.office_id: o for o in offices}
        self.closures = tuple(closures)
        self._by_leika: dict[str, list[Service]] = {}
        for service in self._services.values():
            if service.leika:
                self._by_leika.setdefault(service.leika, []).append(service)
        self._index: SearchIndex[Service] = SearchIndex((s, service_fields(s)) for s in self._services.values())
        # the kind counts a little less than a name: "Ordnungsamt" is the Ordnungsamt, not the
        # Bußgeldstelle whose kind is "Ordnungsamt"
        self._office_index: SearchIndex[Office] = SearchIndex(
            (o, (Field(o.kind, OFFICE_KIND_WEIGHT, phrase=True), *(Field(t, 1.0, phrase=True) for t in (o.name, *o.synonyms))))
            for o in self._offices.values())
        self.calendar = hours.default_calendar(self.meta.holiday_country, self.meta.holiday_subdiv)

    # -- lookups ---------------------------------------------------------------
    @property
    def services(self) -> tuple[Service, ...]:
        return tuple(self._services.values())

    @property
    def offices(self) -> tuple[Office, ...]:
        return tuple(self._offices.values())

    def service(self, service_id: str) -> Optional[Service]:
        return self._services.get(service_id)

    def by_leika(self, key: str) -> Optional[Service]:
        """The (first) service with this 14-digit LeiKa key."""
        found = self._by_leika.get(key)
        return found[0] if found else None

    def office(self, office_id: str) -> Optional[Office]:
        return self._offices.get(office_id)

    def offices_for(self, service: Union[Service, str]) -> list[Office]:
        """Responsible offices of a service, in the order staff listed them."""
        if isinstance(service, str):
            found = self.service(service)
            if found is None:
                return []
            service = found
        return [self._offices[o] for o in service.office_ids if o in self._offices]

    # -- search ----------------------------------------------------------------
    @property
    def world(self) -> ServiceWorld:
        """This catalogue together with the national LeiKa background (index built on first use)."""
        if self._world is None:
            self._world = ServiceWorld(self, self._references)
        return self._world

    def search(self, text: str, limit: int = 5) -> list[SearchHit[Service]]:
        """Services for free German text, best first; ``hit.score`` in 0..1."""
        return self._index.search(text, limit)

    def search_offices(self, text: str, limit: int = 3) -> list[SearchHit[Office]]:
        """Offices by name/synonym ("Wann hat das Standesamt offen?"); time and generic words are ignored."""
        kept = [w for w in words(text) if w not in _HOURS_WORDS and w not in _GENERIC_OFFICE_WORDS]
        return self._office_index.search(" ".join(kept), limit)

    @staticmethod
    def is_ambiguous(hits: Sequence[SearchHit[Service]]) -> bool:
        """True when the dialogue should ask which of the top hits is meant."""
        return is_ambiguous(hits)

    # -- opening hours ---------------------------------------------------------
    def _office(self, office: OfficeRef) -> Office:
        if isinstance(office, Office):
            return office
        found = self.office(office)
        if found is None:
            raise KeyError(f"unknown office {office!r}")
        return found

    def status(self, office: OfficeRef, at: Optional[dt.datetime] = None) -> hours.OfficeStatus:
        """Open now?, today's hours, next opening and a German sentence (Europe/Berlin)."""
        return hours.office_status(self._office(office), at, calendar=self.calendar)

    def hours_on(self, office: OfficeRef, day: dt.date) -> hours.DayHours:
        return hours.hours_on(self._office(office), day, calendar=self.calendar)

    def day_sentence(self, office: OfficeRef, day: dt.date, today: Optional[dt.date] = None) -> str:
        """German answer for one day ("Morgen geöffnet von 8:00 bis 12:30 Uhr.")."""
        today = today or hours.to_local().date()
        return hours.day_sentence(self._office(office), day, today, calendar=self.calendar)

    def next_opening(self, office: OfficeRef, at: Optional[dt.datetime] = None) -> Optional[dt.datetime]:
        return hours.next_opening(self._office(office), at, calendar=self.calendar)

    # -- vocabulary for NLU ------------------------------------------------------
    def vocabulary(self) -> Iterator[VocabularyEntry]:
        """Service and office names with synonyms (for Rasa lookup tables / synonyms)."""
        for service in self._services.values():
            yield VocabularyEntry("service", service.service_id, service.title, service.synonyms)
        for office in self._offices.values():
            yield VocabularyEntry("office", office.office_id, office.name, office.synonyms)
