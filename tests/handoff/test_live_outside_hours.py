"""Outside staff hours (injected: SCHAENGEL_STAFF_HOURS=off): alternatives, callback only with consent."""
from __future__ import annotations

import sqlite3
import urllib.request
from typing import Iterator

import pytest

from bot.contract import validate_card
from tests.conftest import LiveStack, start_stack, stop_stack

from .support import StaffClient, add_staff_user, ask_for_person, cards, new_session, offered_payload, texts

pytestmark = pytest.mark.live


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveStack]:
    stack = start_stack(tmp_path_factory.mktemp("outside"), {"SCHAENGEL_STAFF_HOURS": "off"})
    add_staff_user(stack, "anna")
    yield stack
    stop_stack(stack)


def callbacks_in_db(stack: LiveStack, session: str) -> list[tuple]:
    with sqlite3.connect(stack.var_dir / "schaengel.db") as db:
        return db.execute("SELECT status, contact, contact_kind FROM handoff_callback WHERE session_id = ?",
                          (session,)).fetchall()


def tracker_json(stack: LiveStack, session: str) -> str:
    url = f"{stack.env['SCHAENGEL_RASA_URL']}/conversations/{session}/tracker?token={stack.env['SCHAENGEL_RASA_TOKEN']}"
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (localhost)
        return response.read().decode()


def offer(stack: LiveStack, session: str) -> list[dict]:
    messages = ask_for_person(stack, session)
    card = cards(messages)
    assert card and card[0]["state"] == "unavailable", messages
    validate_card(card[0])
    assert card[0]["alternatives"] == {"phone": "115", "email": "buergerservice@stadt.koblenz.de",
                                       "form_url": "https://www.koblenz.de/kontakt/"} or card[0]["alternatives"]["phone"]
    said = texts(messages)
    assert "niemand" in said and "115" in said and "Kontaktformular" in said
    assert "willige ein" in said  # what consent means is shown before anything is asked
    buttons = [b for m in messages for b in m.get("buttons", [])]
    assert buttons and offered_payload(messages, "Ja, ich willige ein").startswith("/affirm")
    assert offered_payload(messages, "Nein, danke").startswith("/deny")
    return messages


def test_outside_hours_with_consent_stores_a_callback_request(stack: LiveStack) -> None:
    session = new_session()
    offered = offer(stack, session)
    assert callbacks_in_db(stack, session) == []
    asked = stack.chat(session, "Ja, ich willige ein", payload=offered_payload(offered, "Ja, ich willige ein"))
    assert "Telefonnummer oder E-Mail-Adresse" in texts(asked)
    retry = stack.chat(session, "Das weiß ich gerade nicht auswendig")
    assert "keine Telefonnummer" in texts(retry)
    done = stack.chat(session, "Schreiben Sie mir bitte an erika.muster@example.org wegen der Sperrmüllabholung")
    assert "gespeichert" in texts(done) and "schreibt Ihnen" in texts(done)
    assert callbacks_in_db(stack, session) == [("open", "erika.muster@example.org", "email")]
    assert "erika.muster" not in tracker_json(stack, session)  # contact details only in the inbox

    staff = StaffClient(stack)
    staff.login("anna")
    status, body = staff.request("GET", "/api/staff/v1/callbacks")
    entry = next(c for c in body["callbacks"] if c["contact"] == "erika.muster@example.org")
    assert "Sperrmüllabholung" in entry["message"] and entry["due_date"] is None  # "off": no next working day
    assert "willige ein" in entry["consent_text"]
    assert any(e.get("intent") == "request_human" for e in entry["transcript"])

    after = stack.chat(session, "Danke schön!")
    assert after and "technischen Gründen" not in texts(after)


def test_outside_hours_without_consent_stores_nothing(stack: LiveStack) -> None:
    session = new_session()
    offered = offer(stack, session)
    reply = stack.chat(session, "Nein, danke", payload=offered_payload(offered, "Nein, danke"))
    assert "nichts gespeichert" in texts(reply)
    follow = stack.chat(session, "Meine Nummer ist 0261 777777")  # not asked for: goes to the bot, not stored
    assert callbacks_in_db(stack, session) == []
    assert follow


def test_consent_given_then_cancelled_stores_nothing(stack: LiveStack) -> None:
    session = new_session()
    offered = offer(stack, session)
    stack.chat(session, "Ja, ich willige ein", payload=offered_payload(offered, "Ja, ich willige ein"))
    reply = stack.chat(session, "Abbrechen", payload="/handoff_cancel")
    assert "keine Kontaktdaten gespeichert" in texts(reply)
    assert callbacks_in_db(stack, session) == [("withdrawn", None, None)]


def test_staff_console_page_is_served_with_the_strict_csp(stack: LiveStack) -> None:
    with urllib.request.urlopen(stack.base_url + "/staff/", timeout=30) as response:  # noqa: S310
        csp = response.headers["Content-Security-Policy"]
        html = response.read().decode()
    assert "unsafe-inline" not in csp and "script-src 'self'" in csp
    assert "<script>" not in html and "style=" not in html and 'src="/staff/staff.js"' in html
