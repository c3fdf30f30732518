"""Handoff end to end over HTTP with the real gateway, Rasa and action server (staff hours 24/7).

One stack per module; the last test restarts it (same var dir) in the middle of a case.
"""
from __future__ import annotations

import json
import threading
import urllib.request
from typing import Any, Iterator

import pytest

from bot.contract import validate_card
from tests.conftest import LiveStack, start_stack, stop_stack

from .support import (
    offered_payload,
    StaffClient,
    add_staff_user,
    ask_for_person,
    cards,
    events,
    new_session,
    texts,
    wait_for_events,
)

pytestmark = pytest.mark.live

ACCEPT_TIMEOUT = 12
ENV = {"SCHAENGEL_STAFF_HOURS": "24/7", "SCHAENGEL_HANDOFF_ACCEPT_TIMEOUT": str(ACCEPT_TIMEOUT)}


class Holder:
    stack: LiveStack


@pytest.fixture(scope="module")
def holder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Holder]:
    holder = Holder()
    holder.stack = start_stack(tmp_path_factory.mktemp("handoff"), ENV)
    for name, display in (("anna", "Frau Anna"), ("bernd", None), ("carla", None), ("lockme", None)):
        add_staff_user(holder.stack, name, display)
    yield holder
    stop_stack(holder.stack)


@pytest.fixture
def stack(holder: Holder) -> LiveStack:
    return holder.stack


def queue_case(stack: LiveStack, session: str) -> dict[str, Any]:
    offer = ask_for_person(stack, session)
    offered = cards(offer)
    assert offered and offered[0]["state"] == "offered", offer
    yes = offered_payload(offer, "Ja, bitte verbinden")
    assert yes.startswith("/affirm")
    queued = stack.chat(session, "Ja, bitte verbinden", payload=yes)
    card = cards(queued)
    assert card and card[0]["state"] == "queued", queued
    validate_card(card[0])
    return card[0]


def rasa_tracker(stack: LiveStack, session: str) -> dict[str, Any]:
    url = f"{stack.env['SCHAENGEL_RASA_URL']}/conversations/{session}/tracker?token={stack.env['SCHAENGEL_RASA_TOKEN']}"
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (localhost)
        return json.loads(response.read())


def test_person_requested_accepted_chat_closed_and_bot_answers_again(stack: LiveStack) -> None:
    session = new_session()
    card = queue_case(stack, session)
    assert card["position"] == 1 and card["wait_minutes"] >= 1 and card["case_id"]
    assert card["alternatives"]["phone"]

    # the citizen may keep writing while waiting: stored, acknowledged, nothing from the bot
    ack = stack.chat(session, "Es geht um meine Hundesteuer, der Bescheid ist falsch.")
    assert "gespeichert" in texts(ack)
    assert rasa_tracker(stack, session)["paused"] is True

    staff = StaffClient(stack)
    assert staff.login("anna")[0] == 200
    detail = staff.case_for("Ich möchte mit einem Menschen sprechen")
    case_id = detail["case"]["id"]
    assert detail["case"]["state"] == "queued" and detail["case"]["waiting_seconds"] >= 0
    understood = [e for e in detail["transcript"] if e["from"] == "citizen"]
    assert understood[0]["intent"] == "request_human" and understood[0]["confidence"] > 0
    assert [m["text"] for m in detail["messages"] if m["kind"] == "citizen"] == [
        "Es geht um meine Hundesteuer, der Bescheid ist falsch."]

    assert staff.post(f"/cases/{case_id}/accept")[0] == 200
    connected = wait_for_events(stack, session, 0, lambda evs: any(
        e["message"].get("custom", {}).get("state") == "connected" for e in evs))
    message = connected[-1]["message"]
    validate_card(message["custom"])
    assert message["custom"]["staff_name"] == "Frau Anna"
    last = int(connected[-1]["id"])

    status, _ = staff.post(f"/cases/{case_id}/messages", {"text": "Guten Tag, hier ist Anna vom Bürgeramt."})
    assert status == 201
    staff.post(f"/cases/{case_id}/notes", {"text": "Intern: Bescheid prüfen"})
    got = wait_for_events(stack, session, last, lambda evs: any(e["message"].get("from") == "staff" for e in evs))
    reply = got[0]["message"]
    assert reply["text"] == "Guten Tag, hier ist Anna vom Bürgeramt."
    assert reply["from"] == "staff" and reply["sender"] == "staff" and reply["sender_name"] == "Frau Anna"
    assert all("Intern" not in (e["message"].get("text") or "") for e in got)  # notes stay internal
    last = int(got[-1]["id"])

    # while connected the bot is silent; "/restart" is just text for the person
    assert stack.chat(session, "/restart") == []
    assert stack.chat(session, "Vielen Dank, dann warte ich auf den neuen Bescheid.") == []
    citizen = [m["text"] for m in staff.case(case_id)["messages"] if m["kind"] == "citizen"]
    assert citizen[-2:] == ["/restart", "Vielen Dank, dann warte ich auf den neuen Bescheid."]

    assert staff.post(f"/cases/{case_id}/close")[0] == 200
    closed = wait_for_events(stack, session, last, lambda evs: any(
        e["message"].get("custom", {}).get("state") == "closed" for e in evs))
    assert "antworte wieder ich" in closed[-1]["message"]["text"]
    assert events(stack, session, int(closed[-1]["id"]))["handoff"] is None

    tracker = rasa_tracker(stack, session)
    assert tracker["paused"] is False
    kinds = [e["event"] for e in tracker["events"]]
    assert "pause" in kinds and "resume" in kinds
    answer = stack.chat(session, "Hallo, ich habe noch eine Frage")
    assert answer and "technischen Gründen" not in texts(answer)
    assert staff.cases() == [] or all(c["id"] != case_id for c in staff.cases())


def test_citizen_cancels_while_waiting(stack: LiveStack) -> None:
    session = new_session()
    card = queue_case(stack, session)
    reply = stack.chat(session, "Weiterleitung abbrechen", payload="/handoff_cancel")
    assert cards(reply)[0]["state"] == "closed"
    assert "beendet" in texts(reply)
    staff = StaffClient(stack)
    staff.login("bernd")
    assert card["case_id"] not in [c["id"] for c in staff.cases()]
    detail = staff.case(card["case_id"])
    assert detail["case"]["state"] == "cancelled" and detail["case"]["ended_by"] == "citizen"
    assert staff.post(f"/cases/{card['case_id']}/accept")[0] == 409
    assert rasa_tracker(stack, session)["paused"] is False
    again = stack.chat(session, "Guten Tag")
    assert again and "technischen Gründen" not in texts(again)


def test_typed_cancel_word_cancels_too(stack: LiveStack) -> None:
    session = new_session()
    queue_case(stack, session)
    reply = stack.chat(session, "Abbrechen")
    assert cards(reply)[0]["state"] == "closed"


def test_two_staff_accept_the_same_case_only_one_wins(stack: LiveStack) -> None:
    session = new_session()
    card = queue_case(stack, session)
    clients = [StaffClient(stack), StaffClient(stack)]
    clients[0].login("bernd")
    clients[1].login("carla")
    barrier = threading.Barrier(2)
    results: list[int] = [0, 0]

    def accept(index: int) -> None:
        barrier.wait()
        results[index] = clients[index].post(f"/cases/{card['case_id']}/accept")[0]

    threads = [threading.Thread(target=accept, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [200, 409]
    winner, loser = (clients[0], clients[1]) if results[0] == 200 else (clients[1], clients[0])
    assert loser.post(f"/cases/{card['case_id']}/messages", {"text": "Ich auch!"})[0] == 409
    assert loser.post(f"/cases/{card['case_id']}/close")[0] == 409
    assert winner.post(f"/cases/{card['case_id']}/close")[0] == 200


def test_csrf_is_required_for_every_change(stack: LiveStack) -> None:
    session = new_session()
    card = queue_case(stack, session)
    staff = StaffClient(stack)
    staff.login("carla")
    path = f"/cases/{card['case_id']}/accept"
    assert staff.post(path, csrf=None)[0] == 403
    assert staff.post(path, csrf="forged-token")[0] == 403
    assert staff.post(path, headers={"Origin": "https://evil.example"})[0] == 403
    assert staff.post("/logout", csrf=None)[0] == 403
    anonymous = StaffClient(stack)
    assert anonymous.post(path, csrf="x")[0] == 401
    assert anonymous.request("GET", "/api/staff/v1/cases")[0] == 401
    assert staff.post(path)[0] == 200  # the real token works
    staff.post(f"/cases/{card['case_id']}/close")


def test_cookie_flags_and_login_lock_out(stack: LiveStack) -> None:
    request = urllib.request.Request(stack.base_url + "/api/staff/v1/login", method="POST",
                                     data=json.dumps({"username": "lockme", "password": "Deutsches-Eck 1897!"}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    staff = StaffClient(stack)
    codes = [staff.login("lockme", f"falsch-{i}-xxxxxxxx")[0] for i in range(5)]
    assert codes == [401, 401, 401, 401, 429]
    status, body = staff.login("lockme")  # right password, still locked
    assert status == 429 and "gesperrt" in body["error"]["message"]


def test_xss_payload_is_stored_and_served_as_plain_text(stack: LiveStack) -> None:
    session = new_session()
    card = queue_case(stack, session)
    payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    stack.chat(session, payload)
    staff = StaffClient(stack)
    staff.login("anna")
    texts_ = [m["text"] for m in staff.case(card["case_id"])["messages"]]
    assert payload in texts_
    # the emergency safety net still answers at once during a handoff; the message reaches staff too
    urgent = stack.chat(session, "Hilfe, es brennt in der Küche!")
    assert cards(urgent, "emergency") and "112" in texts(urgent)
    kinds = {(m["kind"], m["text"]) for m in staff.case(card["case_id"])["messages"]}
    assert ("citizen", "Hilfe, es brennt in der Küche!") in kinds and any(k == "system" for k, _ in kinds)
    staff.post(f"/cases/{card['case_id']}/accept")
    staff.post(f"/cases/{card['case_id']}/close")


def test_nobody_accepts_in_time_then_callback_with_consent(stack: LiveStack) -> None:
    session = new_session()
    queue_case(stack, session)
    got = wait_for_events(stack, session, 0, lambda evs: any(
        e["message"].get("custom", {}).get("state") == "unavailable" for e in evs), timeout=ACCEPT_TIMEOUT + 30)
    offer = [e["message"] for e in got]
    assert "niemand" in texts(offer) and "willige ein" in texts(offer)
    consent = offered_payload(offer, "Ja, ich willige ein")
    assert consent.startswith("/affirm")
    assert rasa_tracker(stack, session)["paused"] is False
    # the offer's "Ja, ich willige ein" came through the events stream; the button still works
    asked = stack.chat(session, "Ja, ich willige ein", payload=consent)
    assert "Telefonnummer oder" in texts(asked)
    stored = stack.chat(session, "Bitte rufen Sie mich unter 0261 55555 an, es geht um die Hundesteuer.")
    assert "gespeichert" in texts(stored)
    staff = StaffClient(stack)
    staff.login("anna")
    status, body = staff.request("GET", "/api/staff/v1/callbacks")
    mine = [c for c in body["callbacks"] if c["contact"] == "0261 55555"]
    assert mine and mine[0]["contact_kind"] == "phone" and mine[0]["consent_at"]
    assert "0261 55555" not in json.dumps(rasa_tracker(stack, session))  # contact details never reach Rasa
    assert staff.post(f"/callbacks/{mine[0]['id']}/done")[0] == 200


def test_gateway_restart_in_the_middle_of_a_case_loses_nothing(holder: Holder) -> None:
    stack = holder.stack
    session = new_session()
    card = queue_case(stack, session)
    stack.chat(session, "Nachricht vor dem Neustart")
    staff = StaffClient(stack)
    staff.login("anna")
    staff.post(f"/cases/{card['case_id']}/accept")
    staff.post(f"/cases/{card['case_id']}/messages", {"text": "Antwort vor dem Neustart"})
    first = wait_for_events(stack, session, 0, lambda evs: any(e["message"].get("from") == "staff" for e in evs))
    seen = int(first[-1]["id"])
    staff.post(f"/cases/{card['case_id']}/messages", {"text": "Antwort, die der Bürger noch nicht abgeholt hat"})

    assert stop_stack(stack) == 0
    tokens = stack.events_tokens  # what the widget keeps in sessionStorage
    holder.stack = stack = start_stack(stack.var_dir, ENV)
    stack.events_tokens.update(tokens)  # still valid: the gateway secret survives the restart (var/)
    staff.stack = stack  # same cookie: the login is stored too

    after = wait_for_events(stack, session, seen, lambda evs: len(evs) >= 1)
    assert after[0]["message"]["text"] == "Antwort, die der Bürger noch nicht abgeholt hat"
    assert events(stack, session, int(after[-1]["id"]))["handoff"]["state"] == "connected"
    assert stack.chat(session, "Nachricht nach dem Neustart") == []
    detail = staff.case(card["case_id"])
    assert [m["text"] for m in detail["messages"] if m["kind"] == "citizen"] == [
        "Nachricht vor dem Neustart", "Nachricht nach dem Neustart"]
    assert staff.post(f"/cases/{card['case_id']}/close")[0] == 200
    answer = stack.chat(session, "Was kann Schängel?")
    assert answer and "technischen Gründen" not in texts(answer)
