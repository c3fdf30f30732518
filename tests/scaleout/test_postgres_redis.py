"""Scale-out on real infrastructure: PostgreSQL tracker store + our data, Redis lock store, two Rasa instances.

Starts its own PostgreSQL and Redis on free loopback ports (bot/local_infra.py; the Debian packages
are installed by ``scripts/setup.sh --test`` or here when running as root), then ``bot.stack`` with
``SCHAENGEL_RASA_INSTANCES=2`` and ``deploy/endpoints.production.yml``. Everything is stopped at the end.
"""
from __future__ import annotations

import json
import os
import signal
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator

import pytest
import sqlalchemy as sa

from bot.local_stack import LiveStack, start_stack, stop_stack

pytestmark = pytest.mark.live

TECHNICAL_ERROR = "aus technischen Gründen"


@pytest.fixture(scope="module")
def stack(infra, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveStack]:
    running = start_stack(tmp_path_factory.mktemp("scaleout"), infra.scale_out_env(2), rasa_instances=2)
    yield running
    stop_stack(running)


def texts(messages: list[dict]) -> str:
    return " ".join(m.get("text", "") for m in messages)


def rasa_pids(stack: LiveStack) -> dict[int, int]:
    """Rasa process of each instance, by its port."""
    pids = {}
    for pid, cmdline in stack.children().items():
        if "bot.internal.rasa_server" in cmdline:
            args = cmdline.split()
            pids[int(args[args.index("--port") + 1])] = pid
    return pids


def cpu_ticks(pid: int) -> int:
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def tracker_events(infra, session: str) -> list[tuple[str, dict]]:
    engine = sa.create_engine(infra.tracker_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id"), {"s": session}
            ).all()
    finally:
        engine.dispose()
    return [(type_name, json.loads(data)) for type_name, data in rows]


def user_texts(events: list[tuple[str, dict]]) -> list[str]:
    return [data.get("text") for type_name, data in events if type_name == "user"]


def assert_turns_not_interleaved(events: list[tuple[str, dict]]) -> None:
    """Between two user messages the bot finished its turn (action_listen), as a single instance would."""
    last_user = None
    for index, (type_name, data) in enumerate(events):
        if type_name == "user":
            if last_user is not None:
                between = [d.get("name") for t, d in events[last_user + 1:index] if t == "action"]
                assert between and between[-1] == "action_listen", events[last_user:index + 1]
            last_user = index


def test_both_instances_use_postgres_and_redis(stack: LiveStack, infra) -> None:
    assert len(stack.rasa_urls) == 2
    assert len(rasa_pids(stack)) == 2
    status, body = stack.get("/health")
    assert status == 200 and body["status"] == "ok", body
    messages = stack.chat(uuid.uuid4().hex, payload="/greet")
    assert "künstliche Intelligenz" in texts(messages)
    # our own data is on PostgreSQL too (the gateway created its tables there)
    engine = sa.create_engine(infra.database_url)
    try:
        assert sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_concurrent_messages_of_one_conversation_keep_order_and_lose_nothing(stack: LiveStack, infra) -> None:
    """Ten messages of one conversation at once, round-robin over both instances (docs/deployment.md:
    the gateway sends one conversation's messages one after the other, Rasa's Redis lock orders them
    across gateway processes)."""
    session = uuid.uuid4().hex
    stack.chat(session, payload="/greet")
    questions = [
        "Was kostet ein Reisepass?", "Ich brauche einen neuen Personalausweis", "Wann hat das Bürgeramt geöffnet?",
        "Wie melde ich meinen Wohnsitz um?", "Ich möchte ein Auto zulassen", "Wo beantrage ich ein Führungszeugnis?",
        "Hat das Standesamt morgen offen?", "Was brauche ich für die Anmeldung einer Wohnung?",
        "Wie lange dauert ein Reisepass?", "Welche Unterlagen brauche ich für den Personalausweis?",
    ]
    pids = rasa_pids(stack)
    before = {port: cpu_ticks(pid) for port, pid in pids.items()}
    with ThreadPoolExecutor(len(questions)) as pool:
        replies = list(pool.map(lambda q: stack.chat(session, text=q), questions))
    after = {port: cpu_ticks(pid) for port, pid in pids.items()}
    for question, messages in zip(questions, replies):
        assert messages and TECHNICAL_ERROR not in texts(messages), (question, messages)
    # both instances did real work (round-robin), not one of them alone
    assert all(after[port] - before[port] >= 10 for port in pids), (before, after)
    events = tracker_events(infra, session)
    stored = user_texts(events)
    assert sorted(q for q in stored if q in questions) == sorted(questions)  # each exactly once
    assert len(stored) == len(questions) + 1  # plus /greet
    assert_turns_not_interleaved(events)


def test_killing_one_rasa_instance_mid_conversation_loses_no_message(stack: LiveStack, infra) -> None:
    session = uuid.uuid4().hex
    sent = ["Hallo", "Was kostet ein Reisepass?"]
    for text in sent:
        assert TECHNICAL_ERROR not in texts(stack.chat(session, text=text))
    port, pid = sorted(rasa_pids(stack).items())[0]
    os.kill(pid, signal.SIGKILL)
    later = ["Wann hat das Bürgeramt geöffnet?", "Ich brauche einen Personalausweis", "Wie melde ich mich um?",
             "Danke schön", "Was kostet eine Meldebescheinigung?", "Tschüss"]
    for text in later:  # round-robin sends every other one to the dead instance first
        messages = stack.chat(session, text=text)
        assert messages and TECHNICAL_ERROR not in texts(messages), (text, messages)
        sent.append(text)
    assert user_texts(tracker_events(infra, session)) == sent
    assert_turns_not_interleaved(tracker_events(infra, session))
    # the supervisor brings the instance back
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and rasa_pids(stack).get(port) in (None, pid):
        time.sleep(1)
    assert rasa_pids(stack).get(port) not in (None, pid)


def test_killed_action_server_gives_friendly_message_then_recovers(stack: LiveStack) -> None:
    action_pid = next(pid for pid, cmd in stack.children().items() if "bot.internal.action_server" in cmd)
    session = uuid.uuid4().hex
    stack.chat(session, payload="/greet")
    # Hold the supervisor so that it cannot restart the action server before we have asked.
    os.kill(stack.process.pid, signal.SIGSTOP)
    try:
        os.kill(action_pid, signal.SIGKILL)
        time.sleep(0.5)
        messages = stack.chat(session, text="Was kostet ein Reisepass?")
    finally:
        os.kill(stack.process.pid, signal.SIGCONT)
    reply = texts(messages)
    assert TECHNICAL_ERROR in reply and "115" in reply, messages
    fallback = [m["custom"] for m in messages if m.get("custom", {}).get("type") == "fallback"]
    assert fallback and fallback[0]["reason"] == "technical_error", messages
    # the supervisor restarts the action server; the same conversation then gets real answers again
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        status, body = stack.get("/health", timeout=5)
        if status == 200 and action_pid not in stack.children():
            break
        time.sleep(0.5)
    assert status == 200, body
    messages = stack.chat(session, text="Was kostet ein Reisepass?")
    assert TECHNICAL_ERROR not in texts(messages) and "Reisepass" in json.dumps(messages, ensure_ascii=False)
