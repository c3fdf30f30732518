"""When staff answer chats: ``SCHAENGEL_STAFF_HOURS`` in OSM ``opening_hours`` syntax.

Evaluated by :mod:`bot.opening_hours` (the same parser and Rhineland-Palatinate
holiday overlay as office hours), so ``PH off`` and city-wide closures from the
catalogue behave exactly as for offices. Tests inject the hours per process via
the environment (``24/7`` or ``off``) so they never depend on the real clock.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional, Sequence

from bot.catalogue.model import Closure, Office, Source
from bot.opening_hours import check_expression, clock, date_text, office_status, to_local

STAFF_OFFICE_ID = "staff-chat"


@dataclass(frozen=True)
class StaffAvailability:
    open_now: bool
    next_opening: Optional[dt.datetime]
    at: dt.datetime

    def next_text(self) -> Optional[str]:
        """E.g. "morgen, Montag, 23. November, ab 8:00 Uhr" (None if unknown)."""
        if self.next_opening is None:
            return None
        return f"{date_text(self.next_opening.date(), self.at.date())}, ab {clock(self.next_opening)} Uhr"


class StaffHours:
    """Staff chat hours; ``closures`` are extra closed days (e.g. the catalogue's city-wide ones)."""

    def __init__(self, expression: str, closures: Sequence[Closure] = ()) -> None:
        problem = check_expression(expression)
        if problem:
            raise ValueError(f"SCHAENGEL_STAFF_HOURS: {problem}")
        self.expression = expression
        self._closures = tuple(closures)
        self._office = Office(
            office_id=STAFF_OFFICE_ID, name="Chat-Team der Stadtverwaltung", kind="staff", address=None,
            opening_hours=expression, source=Source("SCHAENGEL_STAFF_HOURS", "", dt.date(2000, 1, 1)),
        )

    def availability(self, at: Optional[dt.datetime] = None) -> StaffAvailability:
        status = office_status(self._office, to_local(at), self._closures)
        return StaffAvailability(status.open_now, status.next_opening, status.at)

    def is_open(self, at: Optional[dt.datetime] = None) -> bool:
        return self.availability(at).open_now

    def next_working_day(self, at: Optional[dt.datetime] = None) -> Optional[dt.date]:
        """The day staff will next be at work (today if they still start later today)."""
        availability = self.availability(at)
        return availability.next_opening.date() if availability.next_opening else None
