"""How much of the catalogue rests on sources, and how old those sources are.

One place for the age rule, so that ``python -m bot.catalogue validate`` (the
report for staff) and the answers (the warning citizens read next to an old fact)
agree on what "old" means.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .model import OFFICE_FACTS, Closure, Office, Service, Source

#: the path of Koblenz's own service pages (RLP state editorial texts with the city's additions)
CITY_SERVICE_PAGE = "koblenz.de/buergerservice/leistungen/"
#: a source older than this is reported to staff and flagged to citizens ("bitte prüfen")
DEFAULT_MAX_AGE_YEARS = 3


def is_stale(source: Optional[Source], today: dt.date, max_age_years: int = DEFAULT_MAX_AGE_YEARS) -> bool:
    """The source shows a date, and that date is more than ``max_age_years`` before ``today``."""
    shown = source.as_of_date() if source else None
    if shown is None:
        return False
    try:
        limit = today.replace(year=today.year - max_age_years)
    except ValueError:  # 29 February
        limit = today.replace(year=today.year - max_age_years, day=28)
    return shown < limit


@dataclass
class ProvenanceReport:
    """Counts and findings of :func:`provenance_report`, printed by ``validate``."""

    sourced_facts: int = 0
    sample_facts: int = 0
    undated_facts: int = 0
    offices_without_address: list[str] = field(default_factory=list)
    offices_without_hours: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    sample_closures: int = 0
    sourced_closures: int = 0
    services_with_fees: int = 0
    services_with_city_page: int = 0
    services: int = 0

    @property
    def services_without_fees(self) -> int:
        return self.services - self.services_with_fees

    def lines(self, max_age_years: int) -> list[str]:
        """German/English lines for staff."""
        out = [f"Dienststellen-Angaben: {self.sourced_facts} mit Quelle ({self.undated_facts} davon ohne Datum), "
               f"{self.sample_facts} Beispieldaten / office facts: sourced, undated, sample",
               f"Schließtage: {self.sourced_closures} mit Quelle, {self.sample_closures} Beispieldaten / closures",
               f"Gebühren: {self.services_with_fees} Leistungen mit belegten Beträgen, {self.services_without_fees} ohne "
               f"(Bot sagt das) / services with sourced fees, without",
               f"Koblenzer Leistungsseite als info_url: {self.services_with_city_page} von {self.services} / "
               f"services linking their koblenz.de service page"]
        if self.offices_without_address:
            out.append("Ohne belegte Adresse / no verified address: " + ", ".join(self.offices_without_address))
        if self.offices_without_hours:
            out.append("Ohne belegte Öffnungszeiten (Bot sagt das) / no known hours: "
                       + ", ".join(self.offices_without_hours))
        out += [f"Älter als {max_age_years} Jahre / older than {max_age_years} years: {s}" for s in self.stale]
        return out


def provenance_report(offices: Iterable[Office], closures: Iterable[Closure], services: Iterable[Service],
                      today: dt.date, max_age_years: int = DEFAULT_MAX_AGE_YEARS) -> ProvenanceReport:
    report = ProvenanceReport()
    for office in offices:
        for fact in OFFICE_FACTS:
            src = office.fact_source(fact)
            if src is not None:
                report.sourced_facts += 1
                report.undated_facts += src.as_of is None
                if is_stale(src, today, max_age_years):
                    report.stale.append(f"{office.office_id}.{fact} (Stand {src.as_of}, {src.name})")
        report.sample_facts += len(office.sample_fields)
        if office.address is None:
            report.offices_without_address.append(office.office_id)
        if not office.has_hours:
            report.offices_without_hours.append(office.office_id)
    for closure in closures:
        if closure.source is None:
            report.sample_closures += 1
        else:
            report.sourced_closures += 1
    for service in services:
        report.services += 1
        report.services_with_fees += bool(service.fees.items)
        report.services_with_city_page += CITY_SERVICE_PAGE in (service.info_url or "")
        lines = [(f"fees[{i}]", fee.source) for i, fee in enumerate(service.fees.items) if fee.source]
        for label, src in [("source", service.source), ("fees", service.fees.source)] + lines:
            if is_stale(src, today, max_age_years):
                report.stale.append(f"{service.service_id}.{label} (Stand {src.as_of}, {src.name})")  # type: ignore[union-attr]
    return report
