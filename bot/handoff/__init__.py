"""Human handoff: a person at the city takes over the chat (docs/handoff.md).

- :mod:`bot.handoff.inbox` — the :class:`~bot.handoff.inbox.Inbox` interface and :class:`SqlInbox`
- :mod:`bot.handoff.hours` — staff chat hours (``SCHAENGEL_STAFF_HOURS``)
- :mod:`bot.handoff.messages` — German texts and ``handoff`` cards
- :mod:`bot.handoff.service` — the gateway's live part (citizen messages, events, close, timeout)
"""
from __future__ import annotations

import importlib
import os
from functools import lru_cache
from typing import Optional

from bot.config import Settings, load_settings
from bot.handoff.hours import StaffHours
from bot.handoff.inbox import Inbox, SqlInbox

__all__ = ["Inbox", "SqlInbox", "StaffHours", "get_inbox", "make_inbox", "staff_hours"]


def make_inbox(settings: Settings, sessions=None) -> Inbox:  # type: ignore[no-untyped-def]
    """The configured inbox: ``SCHAENGEL_HANDOFF_INBOX=module:factory`` or the built-in SQL one.

    A factory receives the settings and returns an object implementing :class:`Inbox`.
    """
    plugin = os.environ.get("SCHAENGEL_HANDOFF_INBOX", "").strip()
    if plugin:
        module_name, _, attribute = plugin.partition(":")
        factory = getattr(importlib.import_module(module_name), attribute or "make_inbox")
        return factory(settings)
    from bot.db import create_schema, make_engine, make_session_factory

    if sessions is None:
        engine = make_engine(settings.database_url)
        create_schema(engine)
        sessions = make_session_factory(engine)
    return SqlInbox(sessions)


@lru_cache(maxsize=1)
def get_inbox() -> Inbox:
    """One inbox per process (the action server uses this)."""
    return make_inbox(load_settings())


def staff_hours(settings: Optional[Settings] = None) -> StaffHours:
    """Staff hours with the catalogue's city-wide closures (if the catalogue can be read)."""
    settings = settings or load_settings()
    return _staff_hours(settings.staff_hours, str(settings.catalogue_dir))


@lru_cache(maxsize=4)
def _staff_hours(expression: str, catalogue_dir: str) -> StaffHours:
    return StaffHours(expression, _city_closures(catalogue_dir))


def _city_closures(catalogue_dir: str):  # type: ignore[no-untyped-def]
    try:
        from pathlib import Path

        from bot.catalogue import read_catalogue_dir

        data = read_catalogue_dir(Path(catalogue_dir), None)
        return tuple(c for c in data.closures if not c.office_ids)
    except Exception:  # the catalogue is optional for staff hours
        return ()
