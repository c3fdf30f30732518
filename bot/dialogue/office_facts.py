"""What citizens read about an office besides its hours: address, phone, notes — each with its source.

Every line names where the fact comes from and how old that source is ("Quelle:
news-koblenz.de, Stand: 7. August 2025"); an old source gets a "bitte prüfen";
a fact no source gives is said to be unknown instead of being made up. :func:`cited`
is also how a fee line with its own source is shown (bot.dialogue.services).
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from bot.catalogue import Office, Source
from bot.catalogue.provenance import is_stale
from bot.config import load_settings


def cited(text: str, source: Optional[Source], today: dt.date) -> str:
    """``text`` followed by its source and date, and a warning when that source is old."""
    if source is None:
        return text
    line = f"{text} ({source.citation()})"
    if is_stale(source, today):
        line += " – eine ältere Angabe, bitte prüfen Sie sie vor Ihrem Besuch"
    return line


def address_line(office: Office, today: dt.date) -> str:
    if office.address is None:
        return (f"Adresse: Die Besucheradresse habe ich noch aus keiner Quelle – bitte prüfen Sie sie unter "
                f"{office.check_url} oder fragen Sie beim Behördenruf {load_settings().city_phone}.")
    return cited(f"Adresse: {office.address.text()}", office.fact_source("address"), today)


def hours_source_line(office: Office, today: dt.date) -> Optional[str]:
    """Where the hours come from: sample data, a dated source, or nothing known."""
    if not office.has_hours:
        return None
    if "opening_hours" in office.sample_fields:
        return "Hinweis: Diese Öffnungszeiten sind Beispieldaten, die die Stadt noch bestätigen muss."
    source = office.fact_source("opening_hours")
    return cited("Zu den Öffnungszeiten", source, today) if source else None


def detail_lines(office: Office, today: dt.date) -> list[str]:
    """Address, phone, e-mail and the office's note, each with its source."""
    lines = [address_line(office, today)]
    if office.phone:
        lines.append(cited(f"Telefon: {office.phone}", office.fact_source("phone"), today))
    if office.email:
        lines.append(cited(f"E-Mail: {office.email}", office.fact_source("email"), today))
    if office.appointment_note:
        note = office.appointment_note
        lines.append(note if "appointment_note" in office.sample_fields
                     else cited(note, office.fact_source("appointment_note"), today))
    elif office.appointment_only:
        lines.append("Bitte vereinbaren Sie vorher einen Termin.")
    if office.appointment_url:
        lines.append(f"[Termin buchen]({office.appointment_url})")
    return lines


def unknown_hours_sentence(office: Office) -> str:
    return (f"Die Öffnungszeiten habe ich aus keiner geprüften Quelle, deshalb sage ich nicht, ob gerade "
            f"geöffnet ist. Bitte prüfen Sie sie unter {office.check_url} oder fragen Sie beim Behördenruf "
            f"{load_settings().city_phone}.")
