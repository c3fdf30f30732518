"""Deletes what is older than the retention period (DSGVO storage limitation).

    python -m bot.retention purge            # SCHAENGEL_RETENTION_DAYS (default 30)
    python -m bot.retention purge --days 7

Deletes
- Rasa tracker events (conversations) older than N days from the SQL tracker store
  (table ``events`` of Rasa's ``SQLTrackerStore``, column ``timestamp`` = Unix seconds);
- ended handoff cases with their messages and finished/abandoned callback requests
  (:meth:`bot.handoff.inbox.SqlInbox.purge`; open cases and open callbacks stay);
- feedback rows.

Only SQLAlchemy Core expressions are used, so the same code runs on SQLite and
PostgreSQL. The gateway runs :func:`purge` once at start and then every 24 hours
(``bot/gateway/app.py``); the command is for cron/Kubernetes CronJobs and manual use.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from dataclasses import asdict, dataclass
from typing import Optional

from sqlalchemy import Column, Float, MetaData, Table, create_engine, delete, inspect

from bot.config import Settings, load_settings

logger = logging.getLogger(__name__)

#: Rasa 3.6 SQLTrackerStore's table (rasa/core/tracker_store.py, ``SQLEvent``): only what we need
_metadata = MetaData()
RASA_EVENTS = Table("events", _metadata, Column("timestamp", Float))


@dataclass
class PurgeResult:
    tracker_events: int = 0
    handoff: int = 0
    feedback: int = 0


def purge_tracker_events(tracker_url: str, before: dt.datetime) -> int:
    """Delete Rasa events older than ``before``; 0 if the store (or its table) does not exist yet."""
    if tracker_url.startswith("sqlite:///"):
        from pathlib import Path

        path = tracker_url[len("sqlite:///"):]
        if path and path != ":memory:" and not Path(path).is_file():
            return 0  # do not create an empty tracker database
    engine = create_engine(tracker_url)
    try:
        if not inspect(engine).has_table("events"):
            return 0
        with engine.begin() as connection:
            result = connection.execute(delete(RASA_EVENTS).where(RASA_EVENTS.c.timestamp < before.timestamp()))
            return int(result.rowcount or 0)
    finally:
        engine.dispose()


def purge_our_data(settings: Settings, before: dt.datetime, handoff_before: Optional[dt.datetime] = None
                   ) -> tuple[int, int]:
    """Handoff cases/callbacks (the configured inbox's own purge, older than ``handoff_before``, default
    ``before``) and feedback older than ``before``."""
    from bot.db import create_schema, make_engine, make_session_factory
    from bot.feedback import Feedback
    from bot.handoff import make_inbox
    from bot.handoff import models as _handoff_models  # noqa: F401  (tables)

    engine = make_engine(settings.database_url)
    try:
        create_schema(engine)
        sessions = make_session_factory(engine)
        inbox_purge = getattr(make_inbox(settings, sessions), "purge", None)
        handoff = inbox_purge(handoff_before or before) if inbox_purge is not None else 0
        with sessions.begin() as session:
            feedback = session.execute(
                delete(Feedback).where(Feedback.created_at < before).execution_options(synchronize_session=False)
            ).rowcount
        return int(handoff), int(feedback or 0)
    finally:
        engine.dispose()


def purge(days: Optional[int] = None, settings: Optional[Settings] = None,
          now: Optional[dt.datetime] = None) -> PurgeResult:
    """Delete conversations, handoff cases and feedback older than ``days``.

    Without ``days``: ``SCHAENGEL_RETENTION_DAYS``, and ``SCHAENGEL_HANDOFF_RETENTION_DAYS`` for handoff
    cases and callback requests. An explicit ``days`` (``--days``) applies to everything.
    """
    settings = settings or load_settings()
    handoff_days = settings.handoff_retention_days if days is None else days
    days = settings.retention_days if days is None else days
    if min(days, handoff_days) < 1:
        raise ValueError("days must be at least 1")
    now = now or dt.datetime.now(dt.timezone.utc)
    before = now - dt.timedelta(days=days)
    result = PurgeResult()
    result.tracker_events = purge_tracker_events(settings.tracker_db_url, before)
    result.handoff, result.feedback = purge_our_data(settings, before, now - dt.timedelta(days=handoff_days))
    logger.info("retention_purge", extra={"days": days, **asdict(result)})
    return result


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.retention", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("purge", help="delete data older than the retention period")
    run.add_argument("--days", type=int, default=None, help="retention in days (default: SCHAENGEL_RETENTION_DAYS)")
    args = parser.parse_args(argv)
    try:
        result = purge(args.days)
    except ValueError as exc:
        parser.error(str(exc))
    print(json.dumps({"deleted": asdict(result)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
