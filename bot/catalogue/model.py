"""The catalogue's domain types: immutable, free of I/O, shared by loader, search and DB."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from bot.opening_hours import MONTH_NAMES

#: text citizens read when a fact has not been confirmed by the city
CHECK_NOTICE = "Bitte prüfen Sie die aktuellen Angaben unter {url}."


@dataclass(frozen=True)
class Source:
    """Where a fact comes from, how old that source is and when a person at the city checked it.

    ``as_of`` is the date the source itself shows, as precise as it shows it ("2025-08-07",
    "2024-03" or "2021"; ``None`` = the page shows no date). ``reviewed`` is the date the
    city confirmed the fact (``None`` = never). ``note`` says how a date or value was derived.
    """

    name: str
    url: str
    reviewed: Optional[dt.date] = None
    as_of: Optional[str] = None
    note: str = ""

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed is not None

    def _as_of_parts(self) -> list[int]:
        """Year[, month[, day]] of ``as_of``; empty when the source shows no date."""
        return [int(p) for p in self.as_of.split("-")] if self.as_of else []

    def as_of_date(self) -> Optional[dt.date]:
        """The earliest day ``as_of`` can mean (the first of the month or year), for age checks."""
        parts = self._as_of_parts()
        if not parts:
            return None
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)

    def as_of_text(self) -> str:
        """German, as precise as the source: "7. August 2025", "März 2024", "2021" ("" if undated)."""
        parts = self._as_of_parts()
        if not parts:
            return ""
        if len(parts) == 3:
            return f"{parts[2]}. {MONTH_NAMES[parts[1] - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTH_NAMES[parts[1] - 1]} {parts[0]}"
        return str(parts[0])

    def citation(self) -> str:
        """What citizens read after a fact: "Quelle: news-koblenz.de, Stand: 7. August 2025"."""
        when = self.as_of_text()
        return f"Quelle: {self.name}, " + (f"Stand: {when}" if when else "ohne Datum")

    def as_dict(self) -> dict:
        return {"name": self.name, "url": self.url,
                "reviewed": self.reviewed.isoformat() if self.reviewed else None,
                "as_of": self.as_of, "note": self.note or None}

    @classmethod
    def from_dict(cls, data: dict) -> "Source":
        reviewed = data.get("reviewed")
        return cls(data["name"], data["url"], dt.date.fromisoformat(reviewed) if reviewed else None,
                   data.get("as_of"), data.get("note") or "")


@dataclass(frozen=True)
class Fee:
    """One fee line, e.g. 46,00 € from 24 years on. ``amount_eur`` None = "depends".

    ``source`` is set when this line comes from another source than the schedule's — so two
    figures that disagree (the rate until 2025 and the one proposed for 2026) each name theirs.
    """

    label: str
    amount_eur: Optional[float] = None
    min_age: Optional[int] = None
    max_age: Optional[int] = None
    note: str = ""
    source: Optional[Source] = None

    def applies_to_age(self, age: int) -> bool:
        return (self.min_age is None or age >= self.min_age) and (self.max_age is None or age <= self.max_age)

    def text(self) -> str:
        """German rendering, e.g. "ab 24 Jahren: 46,00 €"."""
        if self.amount_eur is None:
            amount = ""
        elif self.amount_eur == 0:
            amount = "gebührenfrei"
        else:
            amount = f"{self.amount_eur:,.2f} €".replace(",", "X").replace(".", ",").replace("X", ".")
        parts = [self.label, amount] if amount else [self.label]
        text = ": ".join(p for p in parts if p)
        return f"{text} ({self.note})" if self.note else text


@dataclass(frozen=True)
class FeeSchedule:
    """Fees of a service, with their own source (fees are checked separately from texts)."""

    items: tuple[Fee, ...] = ()
    source: Optional[Source] = None
    note: str = ""

    def for_age(self, age: int) -> tuple[Fee, ...]:
        return tuple(f for f in self.items if f.applies_to_age(age))


@dataclass(frozen=True)
class Address:
    """A visitor address; ``postcode`` is ``None`` where the source does not state it (never guessed)."""

    street: str
    postcode: Optional[str]
    city: str

    def text(self) -> str:
        return f"{self.street}, {self.postcode} {self.city}" if self.postcode else f"{self.street}, {self.city}"


@dataclass(frozen=True)
class Closure:
    """A special closure or changed hours on dates (inclusive).

    ``hours`` is ``None`` for closed all day, otherwise an ``opening_hours`` time
    expression valid on those days (e.g. ``"08:00-11:00"``).
    """

    start: dt.date
    end: dt.date
    reason: str
    hours: Optional[str] = None
    office_ids: tuple[str, ...] = ()  # empty = every office
    source: Optional[Source] = None  # None = sample data, still to be confirmed by the city

    def covers(self, day: dt.date, office_id: str) -> bool:
        return self.start <= day <= self.end and (not self.office_ids or office_id in self.office_ids)


#: office facts that carry their own source (``Office.facts``); the rest of an entry is covered by ``source``
OFFICE_FACTS = ("address", "opening_hours", "phone", "email", "appointment_note", "accessibility")


@dataclass(frozen=True)
class Office:
    """A place citizens go to or contact (Bürgeramt, Standesamt, …).

    Each citizen-facing fact either has its own source in ``facts`` (with the date the
    source shows) or is listed in ``sample_fields`` (invented placeholder, said so to
    citizens). An unknown fact is absent: ``address`` or ``opening_hours`` ``None``.
    """

    office_id: str
    name: str
    kind: str
    address: Optional[Address]
    opening_hours: Optional[str]
    source: Source
    synonyms: tuple[str, ...] = ()
    phone: Optional[str] = None
    email: Optional[str] = None
    url: Optional[str] = None
    accessibility: str = ""
    appointment_only: bool = False
    appointment_url: Optional[str] = None
    appointment_note: str = ""
    closures: tuple[Closure, ...] = ()
    facts: tuple[tuple[str, Source], ...] = ()
    sample_fields: tuple[str, ...] = ()

    @property
    def check_url(self) -> str:
        return self.url or self.source.url

    @property
    def sample_data(self) -> bool:
        """Some of what citizens read about this office is still invented sample data."""
        return bool(self.sample_fields)

    @property
    def has_hours(self) -> bool:
        return self.opening_hours is not None

    def fact_source(self, fact: str) -> Optional[Source]:
        """The source of one fact (``"address"``, ``"opening_hours"``, …), if it has one."""
        return next((src for name, src in self.facts if name == fact), None)


@dataclass(frozen=True)
class Service:
    """One administrative service as citizens ask for it."""

    service_id: str
    title: str
    source: Source
    leika: Optional[str] = None
    leika_name: str = ""
    ozg_id: Optional[int] = None
    ozg_leistung: str = ""
    synonyms: tuple[str, ...] = ()
    #: words citizens use for it (keywords.yaml): found by the search, not NLU lookup tables
    keywords: tuple[str, ...] = ()
    summary: str = ""
    documents: tuple[str, ...] = ()
    fees: FeeSchedule = field(default_factory=FeeSchedule)
    processing_time: str = ""
    online_url: Optional[str] = None
    info_url: Optional[str] = None
    appointment_url: Optional[str] = None
    office_ids: tuple[str, ...] = ()
    authority: str = ""  # responsible authority when it is not (only) a city office
    category: str = ""

    @property
    def is_reviewed(self) -> bool:
        return self.source.is_reviewed

    @property
    def check_url(self) -> str:
        return self.info_url or self.online_url or self.source.url

    def check_notice(self) -> str:
        """The German sentence shown with unconfirmed facts."""
        return CHECK_NOTICE.format(url=self.check_url)
