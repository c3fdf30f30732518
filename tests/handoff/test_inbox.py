"""The built-in SQL inbox on a real SQLite file, including two "processes" racing for a case."""
from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from bot.db import create_schema, make_engine, make_session_factory
from bot.handoff.inbox import SqlInbox
from bot.handoff import models  # noqa: F401  (tables)


def make_inbox(path: Path) -> SqlInbox:
    engine = make_engine(f"sqlite:///{path}")
    create_schema(engine)
    return SqlInbox(make_session_factory(engine))


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    return tmp_path / "inbox.db"


@pytest.fixture
def inbox(db_file: Path) -> SqlInbox:
    return make_inbox(db_file)


TRANSCRIPT = [{"from": "citizen", "text": "Ich möchte mit einem Menschen sprechen", "intent": "request_human",
               "confidence": 0.97}]


def test_open_case_is_idempotent_and_queues_in_order(inbox: SqlInbox) -> None:
    first = inbox.open_case("session-aaaa", TRANSCRIPT, "request_human")
    again = inbox.open_case("session-aaaa", [], None)
    second = inbox.open_case("session-bbbb", TRANSCRIPT)
    assert again.id == first.id and first.state == "queued"
    assert first.transcript == TRANSCRIPT
    assert inbox.queue_info(first.id).position == 1
    assert inbox.queue_info(second.id).position == 2
    assert inbox.queue_info(second.id, default_wait_minutes=4).wait_minutes == 8
    assert inbox.active_case("session-aaaa").id == first.id


def test_messages_are_stored_and_only_citizen_visible_ones_are_events(inbox: SqlInbox) -> None:
    case = inbox.open_case("session-cccc", TRANSCRIPT)
    inbox.add_citizen_message(case.id, "/restart <b>hallo</b>")
    assert inbox.accept(case.id, 7, "anna")
    reply = inbox.staff_reply(case.id, 7, "Guten Tag!", {"id": "m1", "text": "Guten Tag!", "from": "staff"})
    inbox.add_note(case.id, "anna", "intern")
    assert reply is not None
    kinds = [m.kind for m in inbox.case_messages(case.id)]
    assert kinds == ["citizen", "staff", "note"]
    assert inbox.case_messages(case.id)[0].text == "/restart <b>hallo</b>"
    events = inbox.citizen_events("session-cccc")
    assert [e.message["text"] for e in events] == ["Guten Tag!"]
    assert inbox.citizen_events("session-cccc", after=events[-1].event_id) == []


def test_only_the_assigned_member_of_staff_replies_and_closes(inbox: SqlInbox) -> None:
    case = inbox.open_case("session-dddd", TRANSCRIPT)
    assert inbox.staff_reply(case.id, 1, "zu früh", {}) is None  # not accepted yet
    assert inbox.accept(case.id, 1, "anna")
    assert inbox.staff_reply(case.id, 2, "fremd", {}) is None
    assert inbox.close(case.id, 2) is None
    closed = inbox.close(case.id, 1)
    assert closed is not None and closed.state == "closed" and closed.ended_by == "staff"
    assert inbox.active_case("session-dddd") is None
    assert [c.id for c in inbox.cases_to_resume()] == [case.id]
    inbox.mark_resumed(case.id)
    assert inbox.cases_to_resume() == []


def test_two_gateways_accepting_the_same_case_only_one_wins(db_file: Path) -> None:
    """Two inboxes on separate engines (like two gateway processes), many rounds, threads released together."""
    setup = make_inbox(db_file)
    inboxes = [make_inbox(db_file) for _ in range(4)]
    for round_ in range(10):
        case = setup.open_case(f"session-race-{round_:02d}", TRANSCRIPT)
        barrier = threading.Barrier(len(inboxes))
        results: list[bool] = [False] * len(inboxes)

        def accept(index: int) -> None:
            barrier.wait()
            results[index] = inboxes[index].accept(case.id, 100 + index, f"staff{index}")

        threads = [threading.Thread(target=accept, args=(i,)) for i in range(len(inboxes))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sum(results) == 1, results
        stored = setup.get_case(case.id)
        assert stored.state == "connected"
        assert stored.staff_user_id == 100 + results.index(True)


def test_cancel_and_expiry_end_a_case_once(inbox: SqlInbox) -> None:
    case = inbox.open_case("session-eeee", TRANSCRIPT)
    assert inbox.cancel(case.id).state == "cancelled"
    assert inbox.cancel(case.id) is None
    old = inbox.open_case("session-ffff", TRANSCRIPT)
    future = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=5)
    expired = inbox.expire_unaccepted(future)
    assert [c.id for c in expired] == [old.id]
    assert inbox.expire_unaccepted(future) == []
    assert inbox.accept(old.id, 1, "anna") is False


def test_callback_requires_the_consent_step_and_can_be_withdrawn(inbox: SqlInbox) -> None:
    pending = inbox.begin_callback("session-gggg", "Ich willige ein …", TRANSCRIPT, dt.date(2026, 11, 23))
    assert pending.status == "awaiting_contact" and pending.contact is None
    assert inbox.list_callbacks(("open",)) == []
    done = inbox.complete_callback(pending.id, "0261 1234567", "phone", "Bitte wegen Wohngeld zurückrufen")
    assert done.status == "open" and done.contact == "0261 1234567"
    assert inbox.complete_callback(pending.id, "x", "phone", "y") is None
    assert [c.id for c in inbox.list_callbacks(("open",))] == [pending.id]
    assert inbox.mark_callback_done(pending.id, "anna")
    assert not inbox.mark_callback_done(pending.id, "anna")
    other = inbox.begin_callback("session-hhhh", "…", [], None)
    inbox.withdraw_callback(other.id)
    assert inbox.pending_callback("session-hhhh") is None


def test_survives_a_new_engine_on_the_same_file(db_file: Path) -> None:
    first = make_inbox(db_file)
    case = first.open_case("session-iiii", TRANSCRIPT)
    first.add_citizen_message(case.id, "Hallo?")
    second = make_inbox(db_file)  # like a restarted gateway
    assert second.active_case("session-iiii").id == case.id
    assert [m.text for m in second.case_messages(case.id)] == ["Hallo?"]


def test_purge_deletes_only_ended_cases_and_finished_requests(inbox: SqlInbox) -> None:
    ended = inbox.open_case("session-old1", TRANSCRIPT)
    inbox.add_citizen_message(ended.id, "alt")
    inbox.cancel(ended.id)
    inbox.mark_resumed(ended.id)
    active = inbox.open_case("session-new1", TRANSCRIPT)
    open_cb = inbox.begin_callback("session-cb1", "…", [], None)
    inbox.complete_callback(open_cb.id, "0261 1", "phone", "bitte")
    done_cb = inbox.begin_callback("session-cb2", "…", [], None)
    inbox.complete_callback(done_cb.id, "0261 2", "phone", "bitte")
    inbox.mark_callback_done(done_cb.id, "anna")
    later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=5)
    assert inbox.purge(later) == 2
    assert inbox.get_case(ended.id) is None and inbox.case_messages(ended.id) == []
    assert inbox.get_case(active.id) is not None
    assert [c.id for c in inbox.list_callbacks(("open", "done"))] == [open_cb.id]
