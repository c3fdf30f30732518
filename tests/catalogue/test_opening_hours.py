"""Opening hours: DST, Rhineland-Palatinate holidays, special closures, midnight."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.catalogue import Address, Catalogue, Closure, Office, Source
from bot.opening_hours import HolidayCalendar, check_expression, hours_on, next_opening, office_status, resolve_day

BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.timezone.utc
REGULAR = "Mo-We,Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00; PH off"


def office(expression: str = REGULAR, closures: tuple[Closure, ...] = (), **extra) -> Office:
    return Office(office_id="testamt", name="Testamt", kind="Bürgeramt",
                  address=Address("Teststraße 1", "56068", "Koblenz"), opening_hours=expression,
                  source=Source("Test", "https://example.org/", dt.date(2026, 1, 1)), closures=closures, **extra)


def at(year: int, month: int, day: int, hour: int, minute: int = 0, tz=BERLIN) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=tz)


# -- regular days and German text ------------------------------------------
def test_open_now_with_german_sentence() -> None:
    status = office_status(office(), at(2026, 6, 1, 10))  # Monday
    assert status.open_now
    assert status.closes_at == at(2026, 6, 1, 12, 30)
    assert status.sentence == "Heute geöffnet bis 12:30 Uhr."


def test_between_two_intervals_on_thursday() -> None:
    status = office_status(office(), at(2026, 6, 11, 13))  # Thursday, lunch break
    assert not status.open_now
    assert status.sentence == "Gerade geschlossen. Heute wieder geöffnet von 14:00 bis 18:00 Uhr."
    assert status.next_opening == at(2026, 6, 11, 14)


def test_weekend_points_to_monday() -> None:
    status = office_status(office(), at(2026, 6, 6, 11))  # Saturday
    assert not status.open_now
    assert status.next_opening == at(2026, 6, 8, 8)
    assert status.sentence == "Heute geschlossen. Nächste Öffnung: Montag, 8. Juni, ab 8:00 Uhr."


# -- daylight saving time ----------------------------------------------------
def test_same_utc_time_differs_across_spring_dst_change() -> None:
    # 06:15 UTC is 07:15 CET on Friday 27 March but 08:15 CEST on Monday 30 March 2026
    assert not office_status(office(), at(2026, 3, 27, 6, 15, tz=UTC)).open_now
    assert office_status(office(), at(2026, 3, 30, 6, 15, tz=UTC)).open_now


def test_next_opening_over_the_dst_weekend_is_wall_clock() -> None:
    opening = next_opening(office(), at(2026, 3, 28, 12))  # Saturday before the change
    assert opening == at(2026, 3, 30, 8)
    assert opening.utcoffset() == dt.timedelta(hours=2)
    assert opening.astimezone(UTC).hour == 6


def test_autumn_dst_change() -> None:
    # 07:45 UTC = 09:45 CEST on Friday 23 Oct, = 08:45 CET on Monday 26 Oct 2026
    friday = office_status(office(), at(2026, 10, 23, 10, 45, tz=UTC))             # 12:45 CEST → closed
    monday = office_status(office(), at(2026, 10, 26, 10, 45, tz=UTC))             # 11:45 CET → open
    assert not friday.open_now and monday.open_now
    assert monday.closes_at.utcoffset() == dt.timedelta(hours=1)


# -- Rhineland-Palatinate holidays --------------------------------------------
def test_fronleichnam_is_closed_in_rp() -> None:
    status = office_status(office(), at(2026, 6, 4, 9))  # Thursday, Corpus Christi
    assert not status.open_now
    assert status.today.holiday == "Fronleichnam"
    assert status.sentence.startswith("Heute geschlossen (Fronleichnam). Nächste Öffnung: morgen, Freitag, 5. Juni")


def test_fronleichnam_is_a_working_day_in_berlin() -> None:
    berlin = HolidayCalendar("DE", "BE")
    assert office_status(office(), at(2026, 6, 4, 9), calendar=berlin).open_now


def test_allerheiligen_is_closed() -> None:
    day = hours_on(office(), dt.date(2027, 11, 1))  # Monday
    assert not day.is_open_day and day.text() == "geschlossen (Allerheiligen)"
    assert hours_on(office(), dt.date(2027, 11, 2)).is_open_day


def test_nationwide_holiday_is_closed_too() -> None:
    assert not hours_on(office(), dt.date(2026, 5, 25)).is_open_day  # Pfingstmontag


def test_ph_rule_with_hours_applies_on_state_holiday() -> None:
    museum = office("Tu-Su 10:00-17:00; PH 10:00-14:00")
    assert hours_on(museum, dt.date(2026, 6, 4)).text() == "10:00 bis 14:00 Uhr"  # Fronleichnam
    assert hours_on(museum, dt.date(2026, 6, 11)).text() == "10:00 bis 17:00 Uhr"  # ordinary Thursday
    assert hours_on(museum, dt.date(2026, 5, 25)).text() == "10:00 bis 14:00 Uhr"  # Pfingstmontag (Monday)


# -- special closures ---------------------------------------------------------
def test_special_closure_by_date() -> None:
    closures = (Closure(dt.date(2026, 12, 24), dt.date(2026, 12, 24), "Heiligabend"),
                Closure(dt.date(2026, 6, 12), dt.date(2026, 6, 12), "Betriebsausflug", hours="08:00-10:00"))
    subject = office(closures=closures)
    status = office_status(subject, at(2026, 12, 24, 9))
    assert not status.open_now and status.sentence.startswith("Heute geschlossen (Heiligabend).")
    assert status.next_opening == at(2026, 12, 28, 8)  # 25/26 holidays, 27 Sunday
    short = hours_on(subject, dt.date(2026, 6, 12))
    assert short.text() == "8:00 bis 10:00 Uhr (Betriebsausflug)"
    assert office_status(subject, at(2026, 6, 12, 10, 30)).sentence.startswith(
        "Heute nicht mehr geöffnet (Betriebsausflug). Nächste Öffnung: Montag, 15. Juni")


def test_real_catalogue_closures(catalogue: Catalogue) -> None:
    assert catalogue.hours_on("buergeramt", dt.date(2026, 12, 24)).reason == "Heiligabend"
    assert not catalogue.hours_on("kfz-zulassung", dt.date(2026, 11, 27)).is_open_day
    assert catalogue.hours_on("buergeramt", dt.date(2026, 11, 27)).is_open_day  # office-specific closure
    weiber = catalogue.hours_on("buergeramt", dt.date(2027, 2, 4))
    assert weiber.text().startswith("8:00 bis 11:00 Uhr")


# -- midnight -----------------------------------------------------------------
def test_interval_across_midnight() -> None:
    night = office("Mo-Su 22:00-02:00")
    late = office_status(night, at(2026, 6, 1, 23, 30))
    assert late.open_now and late.closes_at == at(2026, 6, 2, 2)
    assert late.sentence.startswith("Jetzt geöffnet bis morgen, Dienstag, 2. Juni, 2:00 Uhr.")
    early = office_status(night, at(2026, 6, 2, 0, 30))
    assert early.open_now and early.sentence == "Heute geöffnet bis 2:00 Uhr. Danach wieder ab 22:00 Uhr."
    assert early.next_opening == at(2026, 6, 2, 22)  # not the 00:00 continuation


def test_day_boundary_at_midnight() -> None:
    before = office_status(office(), at(2026, 6, 1, 23, 59))  # Monday night
    assert before.sentence == "Heute nicht mehr geöffnet. Nächste Öffnung: morgen, Dienstag, 2. Juni, ab 8:00 Uhr."
    after = office_status(office(), at(2026, 6, 2, 0, 0))
    assert after.sentence == "Heute geöffnet von 8:00 bis 12:30 Uhr."


def test_naive_datetimes_are_berlin_wall_time() -> None:
    assert office_status(office(), dt.datetime(2026, 6, 1, 8, 0)).open_now


def test_appointment_and_unreviewed_notes() -> None:
    subject = office(appointment_only=True, sample_fields=("opening_hours",))
    sentence = office_status(subject, at(2026, 6, 1, 10)).sentence
    assert "Vorsprache nur mit Termin." in sentence
    assert sentence.endswith("Bitte prüfen Sie die aktuellen Angaben unter https://example.org/.")


def test_check_expression() -> None:
    assert check_expression(REGULAR) is None
    assert "unparseable" in check_expression("Mo-Fx 08:00-12:00")
    assert "SH" in check_expression("Mo-Fr 08:00-12:00; SH off")
    assert check_expression("") is not None


@pytest.mark.parametrize("text, expected", [
    ("heute", dt.date(2026, 6, 3)), ("morgen", dt.date(2026, 6, 4)), ("übermorgen", dt.date(2026, 6, 5)),
    ("am Montag", dt.date(2026, 6, 8)), ("Mittwoch", dt.date(2026, 6, 3)), ("am 24.12.", dt.date(2026, 12, 24)),
    ("1.2.", dt.date(2027, 2, 1)), ("irgendwann", None),
])
def test_resolve_day(text: str, expected) -> None:
    assert resolve_day(text, dt.date(2026, 6, 3)) == expected


def test_day_sentences(catalogue: Catalogue) -> None:
    today = dt.date(2026, 6, 3)  # Wednesday
    assert catalogue.day_sentence("buergeramt", dt.date(2026, 6, 4), today).startswith(
        "Morgen geschlossen (Fronleichnam). Bitte prüfen Sie")
    assert catalogue.day_sentence("buergeramt", dt.date(2026, 6, 11), today).startswith(
        "Am Donnerstag, 11. Juni geöffnet von 8:00 bis 12:30 Uhr und von 14:00 bis 18:00 Uhr.")
    assert catalogue.day_sentence("buergeramt", today, today).startswith("Heute geöffnet von 8:00 bis 12:30 Uhr.")


def test_an_appointment_note_is_not_repeated_by_the_status_sentence() -> None:
    """The office's own note ("Anmeldung … nur mit Termin.") follows the status; saying it twice reads badly."""
    subject = office(appointment_only=True, appointment_note="Anmeldung der Eheschließung nur mit Termin.")
    assert "nur mit Termin" not in office_status(subject, at(2026, 6, 1, 10)).sentence
