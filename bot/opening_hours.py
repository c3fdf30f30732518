"""Opening-hours answers for offices: open now?, hours on a day, next opening.

The ``opening_hours`` expressions (OpenStreetMap syntax) are evaluated by the
maintained ``opening-hours-py`` parser. That library only knows nationwide
holidays, so it is used *without* a country and the state's public holidays
(``holidays`` with e.g. ``subdiv="RP"``) are overlaid here: on a holiday the
token ``PH`` is replaced by that day's weekday token, which makes ``PH`` rules
("PH off", "Mo-Fr,PH 10:00-12:00") apply exactly on that date. Special closures
(by date, per office or city-wide) take precedence over both.

All evaluation is done on Europe/Berlin wall-clock time, so daylight saving
changes do not shift office hours; aware datetimes are accepted and returned.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Optional, Sequence
from zoneinfo import ZoneInfo

import holidays as holidays_lib
from opening_hours import OpeningHours, State
from opening_hours import validate as _oh_validate

if TYPE_CHECKING:  # runtime import would be circular (the catalogue validates hours)
    from bot.catalogue.model import Closure, Office

TZ = ZoneInfo("Europe/Berlin")
WEEKDAY_TOKENS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
WEEKDAY_NAMES = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTH_NAMES = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
               "Oktober", "November", "Dezember")
#: how far ahead "next opening" looks (long closures, e.g. between the years)
LOOKAHEAD_DAYS = 60

_PH = re.compile(r"(?<![A-Za-z])PH(?![A-Za-z])")
_SH = re.compile(r"(?<![A-Za-z])SH(?![A-Za-z])")
_COMMENT = re.compile(r'"[^"]*"')


# -- holidays -----------------------------------------------------------------
class HolidayCalendar:
    """Public holidays of one German state (default Rhineland-Palatinate)."""

    def __init__(self, country: str = "DE", subdiv: Optional[str] = "RP"):
        self.country, self.subdiv = country, subdiv
        self._holidays = holidays_lib.country_holidays(country, subdiv=subdiv, language="de")

    def name(self, day: dt.date) -> Optional[str]:
        """The holiday's German name, or ``None`` on a working day."""
        return self._holidays.get(day)

    def next_named(self, text: str, today: dt.date) -> Optional[dt.date]:
        """The next date on or after ``today`` of a holiday named in ``text`` ("an Fronleichnam")."""
        lowered = text.lower()
        for year in (today.year, today.year + 1):
            self._holidays.get(dt.date(year, 1, 1))  # makes the library compute that year
            for day, name in sorted(self._holidays.items()):
                if day >= today and any(alias in lowered for alias in _holiday_aliases(name)):
                    return day
        return None


#: how citizens name days that matter for opening hours, besides the official holiday names
_EXTRA_DAYS = {"heiligabend": (12, 24), "heiligen abend": (12, 24), "silvester": (12, 31)}


def _holiday_aliases(name: str) -> tuple[str, ...]:
    lowered = name.lower()
    aliases = {lowered}
    if "weihnachtstag" in lowered:
        aliases.add("weihnachten" if lowered.startswith("erster") else "zweiten weihnachtstag")
    if lowered == "christi himmelfahrt":
        aliases.add("himmelfahrt")
    if lowered == "pfingstmontag":
        aliases.add("pfingsten")
    if lowered == "ostermontag":
        aliases.add("ostern")
    if lowered == "erster mai":
        aliases.update({"1. mai", "tag der arbeit"})
    if lowered == "tag der deutschen einheit":
        aliases.add("3. oktober")
    return tuple(aliases)


@lru_cache(maxsize=8)
def default_calendar(country: str = "DE", subdiv: Optional[str] = "RP") -> HolidayCalendar:
    return HolidayCalendar(country, subdiv)


# -- expressions ------------------------------------------------------------
@lru_cache(maxsize=1024)
def _compiled(expression: str) -> OpeningHours:
    return OpeningHours(expression, auto_country=False, auto_timezone=False)


def _with_holiday(expression: str, day: dt.date) -> str:
    """``expression`` with ``PH`` meaning ``day`` (outside quoted comments)."""
    token = WEEKDAY_TOKENS[day.weekday()]
    pieces, last = [], 0
    for comment in _COMMENT.finditer(expression):
        pieces.append(_PH.sub(token, expression[last:comment.start()]))
        pieces.append(comment.group(0))
        last = comment.end()
    pieces.append(_PH.sub(token, expression[last:]))
    return "".join(pieces)


def check_expression(expression: str) -> Optional[str]:
    """``None`` if ``expression`` is usable, else a German/English error message."""
    if not isinstance(expression, str) or not expression.strip():
        return "Öffnungszeiten fehlen / opening hours missing"
    if _SH.search(_COMMENT.sub("", expression)):
        return "Schulferien (SH) werden nicht unterstützt / school holidays (SH) are not supported"
    if not _oh_validate(expression):
        try:
            OpeningHours(expression, auto_country=False, auto_timezone=False)
        except Exception as exc:  # ParserError; message has the position
            detail = " ".join(str(exc).split())
        else:
            detail = "invalid"
        return f"Öffnungszeiten nicht lesbar / unparseable opening hours {expression!r}: {detail}"
    for weekday in range(7):  # the holiday overlay must stay valid on every weekday
        probe = _with_holiday(expression, dt.date(2024, 1, 1) + dt.timedelta(days=weekday))
        if not _oh_validate(probe):
            return ("PH nur als eigener Wochentag-Selektor, ohne Verschiebung / PH must be a plain "
                    f"day selector (no offsets): {expression!r}")
    return None


# -- results ----------------------------------------------------------------
@dataclass(frozen=True)
class Interval:
    """An opening interval in Europe/Berlin (aware datetimes; ``end`` exclusive)."""

    start: dt.datetime
    end: dt.datetime
    comment: str = ""
    unknown: bool = False  # "open on request" style intervals

    def contains(self, moment: dt.datetime) -> bool:
        return self.start <= moment < self.end

    def text(self) -> str:
        return f"{clock(self.start)} bis {clock(self.end, end=True)} Uhr"


@dataclass(frozen=True)
class DayHours:
    """Opening hours of one office on one calendar day."""

    day: dt.date
    intervals: tuple[Interval, ...]
    holiday: Optional[str] = None
    closure: Optional[Closure] = None

    @property
    def is_open_day(self) -> bool:
        return bool(self.intervals)

    @property
    def reason(self) -> Optional[str]:
        """Why the usual hours do not apply (closure reason or holiday name)."""
        if self.closure is not None:
            return self.closure.reason
        return self.holiday

    def text(self) -> str:
        """E.g. "8:00 bis 12:30 Uhr und 14:00 bis 18:00 Uhr" or "geschlossen (Fronleichnam)"."""
        if not self.intervals:
            return f"geschlossen ({self.reason})" if self.reason else "geschlossen"
        spans = " und ".join(i.text() for i in self.intervals)
        return f"{spans} ({self.closure.reason})" if self.closure else spans


@dataclass(frozen=True)
class OfficeStatus:
    """The answer to "Hat das Bürgeramt jetzt offen?"."""

    office: Office
    at: dt.datetime
    open_now: bool
    today: DayHours
    closes_at: Optional[dt.datetime]
    next_opening: Optional[dt.datetime]
    sentence: str


# -- formatting -------------------------------------------------------------
def _is_midnight(moment: dt.datetime) -> bool:
    return moment.hour == 0 and moment.minute == 0 and moment.second == 0


def clock(moment: dt.datetime, end: bool = False) -> str:
    """"8:00", "12:30"; the end of an interval closing at midnight reads "24:00"."""
    if end and _is_midnight(moment):
        return "24:00"
    return f"{moment.hour}:{moment.minute:02d}"


def date_text(day: dt.date, today: Optional[dt.date] = None) -> str:
    """"Freitag, 5. Juni" (with year if not the current one), "heute"/"morgen" prefixes."""
    text = f"{WEEKDAY_NAMES[day.weekday()]}, {day.day}. {MONTH_NAMES[day.month - 1]}"
    if today is not None and day.year != today.year:
        text += f" {day.year}"
    if today is not None:
        delta = (day - today).days
        if delta == 0:
            return f"heute, {text}"
        if delta == 1:
            return f"morgen, {text}"
    return text


def to_local(moment: Optional[dt.datetime] = None) -> dt.datetime:
    """``moment`` (aware, or naive = already Berlin wall time) as aware Berlin time."""
    if moment is None:
        return dt.datetime.now(TZ)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=TZ)
    return moment.astimezone(TZ)


# -- evaluation -------------------------------------------------------------
def _intervals(expression: str, day: dt.date) -> tuple[Interval, ...]:
    start = dt.datetime.combine(day, dt.time())
    end = start + dt.timedelta(days=1)
    result = []
    for begin, finish, state, comment in _compiled(expression).intervals(start, end):
        if state in (State.OPEN, State.UNKNOWN) and finish > begin:
            # naive wall-clock → aware; fold=0 picks the first of repeated DST hours
            result.append(Interval(begin.replace(tzinfo=TZ), finish.replace(tzinfo=TZ),
                                   comment, state == State.UNKNOWN))
    return tuple(result)


def hours_on(office: Office, day: dt.date, closures: Sequence[Closure] = (),
             calendar: Optional[HolidayCalendar] = None) -> DayHours:
    """Opening hours of ``office`` on ``day``: closures > state holidays > regular hours.

    ``closures`` are extra city-wide/office closures on top of ``office.closures``.
    """
    if office.opening_hours is None:  # callers check Office.has_hours: unknown hours are never "closed"
        raise ValueError(f"office {office.office_id!r} has no known opening hours")
    calendar = calendar or default_calendar()
    holiday = calendar.name(day)
    for closure in (*office.closures, *closures):
        if closure.covers(day, office.office_id):
            intervals = () if closure.hours is None else _intervals(closure.hours, day)
            return DayHours(day, intervals, holiday, closure)
    expression = _with_holiday(office.opening_hours, day) if holiday else office.opening_hours
    return DayHours(day, _intervals(expression, day), holiday, None)


def _days(office: Office, first: dt.date, count: int, closures: Sequence[Closure],
          calendar: Optional[HolidayCalendar]) -> Iterable[DayHours]:
    for offset in range(count):
        yield hours_on(office, first + dt.timedelta(days=offset), closures, calendar)


def next_opening(office: Office, at: Optional[dt.datetime] = None, closures: Sequence[Closure] = (),
                 calendar: Optional[HolidayCalendar] = None) -> Optional[dt.datetime]:
    """Start of the next opening interval strictly after ``at`` (None within the lookahead)."""
    now = to_local(at)
    for day_hours in _days(office, now.date(), LOOKAHEAD_DAYS, closures, calendar):
        for interval in day_hours.intervals:
            if interval.unknown:
                continue
            if interval.start > now and not _continues(interval, office, closures, calendar):
                return interval.start
    return None


def _continues(interval: Interval, office: Office, closures: Sequence[Closure],
               calendar: Optional[HolidayCalendar]) -> bool:
    """True if ``interval`` starts at midnight and merely continues yesterday's opening."""
    if interval.start.hour or interval.start.minute:
        return False
    yesterday = hours_on(office, interval.start.date() - dt.timedelta(days=1), closures, calendar)
    return bool(yesterday.intervals) and _is_midnight(yesterday.intervals[-1].end)


def _closing_time(current: Interval, office: Office, closures: Sequence[Closure],
                  calendar: Optional[HolidayCalendar]) -> dt.datetime:
    """End of the opening that contains ``current``, following it across midnight."""
    end = current.end
    for _ in range(7):
        if not _is_midnight(end):
            break
        following = hours_on(office, end.date(), closures, calendar).intervals
        if not following or following[0].start != end:
            break
        end = following[0].end
    return end


def office_status(office: Office, at: Optional[dt.datetime] = None, closures: Sequence[Closure] = (),
                  calendar: Optional[HolidayCalendar] = None) -> OfficeStatus:
    """Is ``office`` open at ``at`` (default: now, Europe/Berlin) and what to tell the citizen."""
    now = to_local(at)
    today = hours_on(office, now.date(), closures, calendar)
    current = next((i for i in today.intervals if i.contains(now)), None)
    open_now = current is not None and not current.unknown
    closes_at = _closing_time(current, office, closures, calendar) if current else None
    upcoming = next_opening(office, now, closures, calendar)
    sentence = _sentence(office, now, today, current, closes_at, upcoming)
    return OfficeStatus(office, now, open_now, today, closes_at, upcoming, sentence)


def _span(interval: Interval) -> str:
    """"von 8:00 bis 12:30 Uhr"; an interval running past midnight reads "ab 22:00 Uhr"."""
    if _is_midnight(interval.end):
        return f"ab {clock(interval.start)} Uhr"
    return f"von {interval.text()}"


def _sentence(office: Office, now: dt.datetime, today: DayHours, current: Optional[Interval],
              closes_at: Optional[dt.datetime], upcoming: Optional[dt.datetime]) -> str:
    parts: list[str] = []
    later_today = [i for i in today.intervals if i.start > now]
    if current is not None and not current.unknown and closes_at is not None:
        same_day = closes_at.date() == now.date() or (
            _is_midnight(closes_at) and closes_at.date() == now.date() + dt.timedelta(days=1))
        if same_day:
            parts.append(f"Heute geöffnet bis {clock(closes_at, end=True)} Uhr.")
        else:
            parts.append(f"Jetzt geöffnet bis {date_text(closes_at.date(), now.date())}, {clock(closes_at)} Uhr.")
        if later_today:
            parts.append("Danach wieder " + " und ".join(_span(i) for i in later_today) + ".")
    elif current is not None:
        parts.append(f"Zu den Öffnungszeiten heute liegen keine genauen Angaben vor ({current.comment or 'unbekannt'}).")
    elif later_today:
        prefix = "Gerade geschlossen. Heute wieder geöffnet" if today.intervals[0].start < now else "Heute geöffnet"
        parts.append(prefix + " " + " und ".join(_span(i) for i in later_today) + ".")
    else:
        if today.intervals:
            parts.append(f"Heute nicht mehr geöffnet ({today.closure.reason})." if today.closure
                         else "Heute nicht mehr geöffnet.")
        elif today.reason:
            parts.append(f"Heute geschlossen ({today.reason}).")
        else:
            parts.append("Heute geschlossen.")
        if upcoming is not None:
            parts.append(f"Nächste Öffnung: {date_text(upcoming.date(), now.date())}, ab {clock(upcoming)} Uhr.")
        else:
            parts.append("In den nächsten Wochen sind keine Öffnungszeiten bekannt.")
    if office.appointment_only and not office.appointment_note:  # the note says it in its own words
        parts.append("Vorsprache nur mit Termin.")
    if office.sample_data or not office.source.is_reviewed:
        parts.append(f"Bitte prüfen Sie die aktuellen Angaben unter {office.check_url}.")
    return " ".join(parts)


def day_sentence(office: Office, day: dt.date, today: Optional[dt.date] = None, closures: Sequence[Closure] = (),
                 calendar: Optional[HolidayCalendar] = None) -> str:
    """Answer for one day, e.g. "Morgen geöffnet von 8:00 bis 12:30 Uhr." or
    "Am Donnerstag, 4. Juni geschlossen (Fronleichnam)."."""
    hours = hours_on(office, day, closures, calendar)
    delta = None if today is None else (day - today).days
    label = {0: "Heute", 1: "Morgen", 2: "Übermorgen"}.get(delta, f"Am {date_text(day, today)}")  # type: ignore[arg-type]
    if not hours.intervals:
        sentence = f"{label} geschlossen ({hours.reason})." if hours.reason else f"{label} geschlossen."
    else:
        spans = " und ".join(_span(i) for i in hours.intervals)
        note = f" ({hours.closure.reason})" if hours.closure else ""
        sentence = f"{label} geöffnet {spans}{note}."
    if office.sample_data or not office.source.is_reviewed:
        sentence += f" Bitte prüfen Sie die aktuellen Angaben unter {office.check_url}."
    return sentence


def week_text(office: Office, start: dt.date, closures: Sequence[Closure] = (),
              calendar: Optional[HolidayCalendar] = None, days: int = 7) -> list[str]:
    """One German line per day, e.g. "Donnerstag, 4. Juni: geschlossen (Fronleichnam)"."""
    return [f"{date_text(d.day)}: {d.text()}" for d in _days(office, start, days, closures, calendar)]


# -- understanding day references ------------------------------------------
_RELATIVE = {"heute": 0, "morgen": 1, "uebermorgen": 2, "übermorgen": 2}
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2,4})?")


def resolve_day(text: str, today: dt.date, calendar: Optional[HolidayCalendar] = None) -> Optional[dt.date]:
    """Map "heute", "morgen", "Freitag", "nächste Woche Mittwoch", "am 24.12.", "an Fronleichnam" …
    to a date on or after ``today``."""
    lowered = text.strip().lower()
    for word, offset in _RELATIVE.items():
        if re.search(rf"\b{word}\b", lowered):
            return today + dt.timedelta(days=offset)
    for name, (month, day_of_month) in _EXTRA_DAYS.items():
        if name in lowered:
            candidate = dt.date(today.year, month, day_of_month)
            return candidate if candidate >= today else candidate.replace(year=today.year + 1)
    holiday = (calendar or default_calendar()).next_named(lowered, today)
    if holiday is not None:
        return holiday
    next_week = bool(re.search(r"\bn(ä|ae)chste[nr]? woche\b", lowered))
    for index, name in enumerate(WEEKDAY_NAMES):
        if name.lower() in lowered:
            if next_week:  # that weekday in the next calendar week (weeks start on Monday)
                return today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7 + index)
            return today + dt.timedelta(days=(index - today.weekday()) % 7)
    match = _DATE.search(lowered)
    if match:
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        year_value = today.year if not year else (int(year) + 2000 if len(year) == 2 else int(year))
        try:
            candidate = dt.date(year_value, month, day)
        except ValueError:
            return None
        if not year and candidate < today:
            candidate = candidate.replace(year=today.year + 1)
        return candidate
    return None
