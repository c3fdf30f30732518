"""``python -m bot.retention purge`` on real SQLite files: Rasa's own tracker store and our database."""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import update

from bot.config import PROJECT_ROOT
from bot.db import create_schema, make_engine, make_session_factory
from bot.feedback import Feedback, record_feedback
from bot.handoff import models  # noqa: F401  (tables)
from bot.handoff.inbox import SqlInbox
from bot.handoff.models import CallbackRow, CaseRow

DAY = 24 * 3600


def _rasa_tracker_db(path: Path, **store: object) -> None:
    """Two conversations written by Rasa's real SQLTrackerStore: one 40 days old, one from today.

    ``store`` overrides the SQLite file with another dialect's connection (PostgreSQL).
    """
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    store = SQLTrackerStore(Domain.empty(), **(store or {"dialect": "sqlite", "db": str(path)}))
    now = time.time()
    for sender, age_days in (("old-session-1234", 40), ("new-session-1234", 0)):
        events = [ActionExecuted("action_listen", timestamp=now - age_days * DAY - 2),
                  UserUttered("Wie melde ich mich um?", timestamp=now - age_days * DAY - 1)]
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    store.engine.dispose()


def _our_db(path: Path, url: str = "") -> None:
    engine = make_engine(url or f"sqlite:///{path}")
    create_schema(engine)
    sessions = make_session_factory(engine)
    inbox = SqlInbox(sessions)
    old, recent, open_case = (inbox.open_case(f"session-{n}-abcd", []) for n in ("old", "new", "open"))
    for case in (old, recent):
        inbox.cancel(case.id)
        inbox.mark_resumed(case.id)
    old_callback = inbox.begin_callback("session-cb-old", "Einwilligung", [], None)
    inbox.complete_callback(old_callback.id, "0261 1234567", "phone", "Rückruf bitte")
    inbox.mark_callback_done(old_callback.id, "anna")
    inbox.begin_callback("session-cb-open", "Einwilligung", [], None)
    record_feedback(sessions, "msg-old", "up")
    record_feedback(sessions, "msg-new", "down")
    long_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=40)
    with sessions.begin() as session:
        session.execute(update(CaseRow).where(CaseRow.public_id == old.id).values(ended_at=long_ago))
        session.execute(update(CallbackRow).where(CallbackRow.public_id == old_callback.id).values(created_at=long_ago))
        session.execute(update(Feedback).where(Feedback.message_id == "msg-old").values(created_at=long_ago))
    engine.dispose()


def _rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def test_purge_command_deletes_only_what_is_older_than_the_retention(tmp_path: Path) -> None:
    tracker, ours = tmp_path / "rasa_tracker.db", tmp_path / "schaengel.db"
    _rasa_tracker_db(tracker)
    _our_db(ours)
    assert len(_rows(tracker, "SELECT * FROM events")) >= 4
    env = {**os.environ, "SCHAENGEL_VAR_DIR": str(tmp_path), "SCHAENGEL_TRACKER_DB": str(tracker),
           "SCHAENGEL_DATABASE_URL": f"sqlite:///{ours}", "SCHAENGEL_RETENTION_DAYS": "30"}
    env.pop("SCHAENGEL_TRACKER_DB_URL", None)
    done = subprocess.run([sys.executable, "-m", "bot.retention", "purge"], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    deleted = json.loads(done.stdout.strip().splitlines()[-1])["deleted"]
    assert deleted["tracker_events"] >= 2 and deleted["feedback"] == 1 and deleted["handoff"] == 2

    senders = {row[0] for row in _rows(tracker, "SELECT sender_id FROM events")}
    assert senders == {"new-session-1234"}
    assert {row[0] for row in _rows(ours, "SELECT session_id FROM handoff_case")} == {
        "session-new-abcd", "session-open-abcd"}
    assert [row[0] for row in _rows(ours, "SELECT session_id FROM handoff_callback")] == ["session-cb-open"]
    assert [row[0] for row in _rows(ours, "SELECT message_id FROM feedback")] == ["msg-new"]

    # a shorter retention on the command line; a second run finds nothing more that is old
    again = subprocess.run([sys.executable, "-m", "bot.retention", "purge", "--days", "1"], cwd=PROJECT_ROOT,
                           env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and json.loads(again.stdout.strip().splitlines()[-1])["deleted"]["feedback"] == 0


def test_missing_tracker_database_is_not_created(tmp_path: Path) -> None:
    from bot.retention import purge_tracker_events

    assert purge_tracker_events(f"sqlite:///{tmp_path / 'none.db'}", dt.datetime.now(dt.timezone.utc)) == 0
    assert not (tmp_path / "none.db").exists()


def test_days_below_one_are_refused(tmp_path: Path) -> None:
    env = {**os.environ, "SCHAENGEL_VAR_DIR": str(tmp_path), "SCHAENGEL_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    done = subprocess.run([sys.executable, "-m", "bot.retention", "purge", "--days", "0"], cwd=PROJECT_ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "at least 1" in done.stderr


def test_purge_on_postgresql(infra, tmp_path: Path) -> None:
    """The same purge on real PostgreSQL: Rasa's tracker store and our data (issue 7 asks for both)."""
    from sqlalchemy import create_engine, text

    from bot.local_infra import PG_PASSWORD, PG_USER, TRACKER_DB

    _rasa_tracker_db(tmp_path, dialect="postgresql", host="127.0.0.1", port=infra.pg_port, db=TRACKER_DB,
                     username=PG_USER, password=PG_PASSWORD)
    _our_db(tmp_path, infra.database_url)
    env = {**os.environ, "SCHAENGEL_VAR_DIR": str(tmp_path), "SCHAENGEL_DATABASE_URL": infra.database_url,
           "SCHAENGEL_TRACKER_DB_URL": infra.tracker_url, "SCHAENGEL_RETENTION_DAYS": "30"}
    done = subprocess.run([sys.executable, "-m", "bot.retention", "purge"], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    deleted = json.loads(done.stdout.strip().splitlines()[-1])["deleted"]
    assert deleted["tracker_events"] >= 2 and deleted["feedback"] == 1 and deleted["handoff"] == 2

    def values(url: str, sql: str) -> set:
        engine = create_engine(url)
        try:
            with engine.connect() as connection:
                return {row[0] for row in connection.execute(text(sql))}
        finally:
            engine.dispose()

    assert values(infra.tracker_url, "SELECT sender_id FROM events") == {"new-session-1234"}
    assert values(infra.database_url, "SELECT message_id FROM feedback") == {"msg-new"}
    assert values(infra.database_url, "SELECT session_id FROM handoff_callback") == {"session-cb-open"}


def test_handoff_has_its_own_retention_in_the_same_purge(tmp_path: Path) -> None:
    """SCHAENGEL_HANDOFF_RETENTION_DAYS is honoured by the one purge; --days overrides both."""
    tracker, ours = tmp_path / "rasa_tracker.db", tmp_path / "schaengel.db"
    _rasa_tracker_db(tracker)
    _our_db(ours)
    env = {**os.environ, "SCHAENGEL_VAR_DIR": str(tmp_path), "SCHAENGEL_TRACKER_DB": str(tracker),
           "SCHAENGEL_DATABASE_URL": f"sqlite:///{ours}", "SCHAENGEL_RETENTION_DAYS": "30",
           "SCHAENGEL_HANDOFF_RETENTION_DAYS": "60"}
    env.pop("SCHAENGEL_TRACKER_DB_URL", None)

    def purge(*extra: str) -> dict:
        done = subprocess.run([sys.executable, "-m", "bot.retention", "purge", *extra], cwd=PROJECT_ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.strip().splitlines()[-1])["deleted"]

    first = purge()  # 40-day-old feedback and events go, 40-day-old handoff data stays (60 days)
    assert first["feedback"] == 1 and first["tracker_events"] >= 2 and first["handoff"] == 0
    assert purge("--days", "30")["handoff"] == 2
