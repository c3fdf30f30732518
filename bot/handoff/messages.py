"""German texts and reply-contract cards of the handoff (one place for actions and gateway)."""
from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Optional

from bot.config import Settings
from bot.contract import alternatives, handoff_card
from bot.opening_hours import date_text

#: payloads the gateway itself understands while a case or a callback request is open
CANCEL_PAYLOAD = "/handoff_cancel"
#: typed messages that cancel (exact, after trimming and lower-casing; anything else goes to staff)
CANCEL_WORDS = frozenset({
    "abbrechen", "abbruch", "stopp", "stop", "beenden", "weiterleitung abbrechen", "gespräch beenden",
    "chat beenden", "warten abbrechen", "doch nicht", "nein danke", "nein, danke",
})

CALLBACK_CONSENT_TEXT = (
    "Ich willige ein, dass die Stadtverwaltung Koblenz meine Telefonnummer oder E-Mail-Adresse, mein Anliegen "
    "und den bisherigen Chatverlauf speichert, um mich am nächsten Werktag zurückzurufen oder mir zu schreiben. "
    "Die Angaben werden nur dafür verwendet und nach der Bearbeitung gelöscht. Ich kann die Einwilligung "
    "jederzeit widerrufen."
)


def new_id() -> str:
    return uuid.uuid4().hex


def city_alternatives(settings: Settings) -> dict[str, str]:
    return alternatives(settings.city_phone, settings.city_email, settings.contact_form_url)


def card(settings: Settings, state: str, **extra: Any) -> dict[str, Any]:
    return handoff_card(state, city_alternatives(settings), **extra)


def alternatives_sentence(settings: Settings) -> str:
    return (
        f"Sie erreichen die Stadt Koblenz telefonisch über die Behördennummer **{settings.city_phone}**, "
        f"per E-Mail an {settings.city_email} oder über das [Kontaktformular]({settings.contact_form_url})."
    )


def wait_sentence(position: Optional[int], wait_minutes: Optional[int]) -> str:
    if position is None:
        return ""
    ahead = position - 1
    if ahead <= 0:
        queue = "Sie sind als Nächste oder Nächster an der Reihe"
    elif ahead == 1:
        queue = "Vor Ihnen wartet noch eine Person"
    else:
        queue = f"Vor Ihnen warten noch {ahead} Personen"
    minutes = "etwa einer Minute" if wait_minutes == 1 else f"etwa {wait_minutes} Minuten"
    return f"{queue}; die Wartezeit liegt voraussichtlich bei {minutes}."


def queued_text(position: Optional[int], wait_minutes: Optional[int]) -> str:
    return (
        "Ich habe Ihr Anliegen an das Team der Stadtverwaltung weitergeleitet. "
        f"{wait_sentence(position, wait_minutes)} Die Mitarbeiterin oder der Mitarbeiter sieht unseren "
        "bisherigen Chatverlauf. Sie können schon weiterschreiben – nichts geht verloren. "
        "Solange Sie verbunden sind, antworte ich nicht."
    )


def queued_ack(position: Optional[int], wait_minutes: Optional[int]) -> str:
    return f"Ihre Nachricht ist gespeichert und wird gleich angezeigt. {wait_sentence(position, wait_minutes)}".strip()


def connected_message(settings: Settings, staff_name: Optional[str]) -> dict[str, Any]:
    who = staff_name or "eine Mitarbeiterin oder ein Mitarbeiter der Stadt"
    extra = {"staff_name": staff_name} if staff_name else {}
    return {
        "id": new_id(),
        "text": f"Jetzt schreibt Ihnen {who} – ein Mensch, kein Chatbot.",
        "custom": card(settings, "connected", **extra),
        "buttons": [{"title": "Gespräch beenden", "payload": CANCEL_PAYLOAD}],
    }


def closed_messages(settings: Settings, by: str) -> list[dict[str, Any]]:
    if by == "citizen":
        text = "Sie haben die Weiterleitung beendet. Ich bin wieder für Sie da – fragen Sie mich gern."
    else:
        text = ("Die Mitarbeiterin oder der Mitarbeiter hat das Gespräch beendet. Ab jetzt antworte wieder ich, "
                "Schängel, der Chatbot der Stadt. Fragen Sie mich gern.")
    return [{"id": new_id(), "text": text, "custom": card(settings, "closed")}]


def unavailable_text(settings: Settings, next_text: Optional[str], reason: str = "hours") -> str:
    if reason == "timeout":
        first = ("Es tut mir leid: Bisher konnte niemand aus dem Team Ihr Gespräch übernehmen. "
                 "Ich habe die Weiterleitung deshalb beendet.")
    else:
        first = "Gerade ist leider niemand aus dem Team der Stadtverwaltung im Chat erreichbar."
        if next_text:
            first += f" Das Team ist wieder erreichbar: {next_text}."
    return (
        f"{first} {alternatives_sentence(settings)} Wenn Sie möchten, kann Sie jemand am nächsten Werktag "
        "zurückrufen oder Ihnen eine E-Mail schreiben. Dafür bräuchte ich Ihre Telefonnummer oder "
        "E-Mail-Adresse – aber nur, wenn Sie zustimmen."
    )


def callback_offer_text(settings: Settings, next_text: Optional[str], reason: str = "hours") -> str:
    return (f"{unavailable_text(settings, next_text, reason)}\n\nMit „Ja, ich willige ein“ stimmen Sie zu: "
            f"„{CALLBACK_CONSENT_TEXT}“")


def callback_stored_text(due: Optional[dt.date], kind: str, today: Optional[dt.date] = None) -> str:
    if due is None:
        when = "so bald wie möglich"
    elif today is not None and due == today:
        when = "heute"
    elif today is not None and (due - today).days == 1:
        when = f"morgen, am {date_text(due)},"
    else:
        when = f"am {date_text(due)}"
    how = "ruft Sie" if kind == "phone" else "schreibt Ihnen"
    sentence = f"Eine Mitarbeiterin oder ein Mitarbeiter der Stadt {how} {when}" + (" an" if kind == "phone" else "")
    return (f"Vielen Dank! Ihre Bitte ist gespeichert. {sentence.rstrip(',')}. "
            "Sie können mir gern weitere Fragen stellen.")


def callback_retry_text() -> str:
    return ("Darin habe ich keine Telefonnummer und keine E-Mail-Adresse gefunden. Bitte schreiben Sie mir "
            "Ihre Telefonnummer (zum Beispiel 0261 1234567) oder Ihre E-Mail-Adresse und kurz Ihr Anliegen. "
            "Oder tippen Sie auf „Abbrechen“ – dann speichere ich nichts.")


def callback_cancelled_text(settings: Settings) -> str:
    return f"In Ordnung, ich habe keine Kontaktdaten gespeichert. {alternatives_sentence(settings)}"


def emergency_note() -> str:
    return "(Notfall-Hinweis des Chatbots wurde der Bürgerin/dem Bürger angezeigt.)"
