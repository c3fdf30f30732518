"""The catalogue's domain types: immutable, free of I/O, shared by loader, search and DB."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

#: text citizens read when a fact has not been confirmed by the city
CHECK_NOTICE = "Bitte prüfen Sie die aktuellen Angaben unter {url}."


@dataclass(frozen=True)
class Source:
    """Where a fact comes from and when a person last checked it (``None`` = never)."""

    name: str
    url: str
    reviewed: Optional[dt.date] = None

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed is not None

    def as_dict(self) -> dict:
        return {"name": self.name, "url": self.url,
                "reviewed": self.reviewed.isoformat() if self.reviewed else None}


@dataclass(frozen=True)
class Fee:
    """One fee line, e.g. 46,00 € from 24 years on. ``amount_eur`` None = "depends"."""

    label: str
    amount_eur: Optional[float] = None
    min_age: Optional[int] = None
    max_age: Optional[int] = None
    note: str = ""

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
    street: str
    postcode: str
    city: str

    def text(self) -> str:
        return f"{self.street}, {self.postcode} {self.city}"


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

    def covers(self, day: dt.date, office_id: str) -> bool:
        return self.start <= day <= self.end and (not self.office_ids or office_id in self.office_ids)


@dataclass(frozen=True)
class Office:
    """A place citizens go to or contact (Bürgeramt, Standesamt, …)."""

    office_id: str
    name: str
    kind: str
    address: Optional[Address]
    opening_hours: str
    source: Source
    synonyms: tuple[str, ...] = ()
    phone: Optional[str] = None
    email: Optional[str] = None
    url: Optional[str] = None
    accessibility: str = ""
    appointment_only: bool = False
    appointment_url: Optional[str] = None
    appointment_note: str = ""
    sample_data: bool = False
    closures: tuple[Closure, ...] = ()

    @property
    def check_url(self) -> str:
        return self.url or self.source.url


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
