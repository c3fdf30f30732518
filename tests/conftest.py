"""Shared fixtures. ``live_stack`` runs the real bot: trained model, action server, Rasa, gateway."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from bot.local_stack import LiveStack, free_port, start_stack, stop_stack

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["ROOT", "LiveStack", "free_port", "start_stack", "stop_stack"]


@pytest.fixture(scope="session")
def live_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveStack]:
    """The whole bot, started once per test session (model trained or taken from the cache)."""
    stack = start_stack(tmp_path_factory.mktemp("stack"))
    yield stack
    stop_stack(stack)


@pytest.fixture(scope="session")
def infra() -> Iterator["object"]:
    """Real PostgreSQL and Redis on loopback (installed by ``scripts/setup.sh --test``); required in CI."""
    from bot.local_infra import InfraUnavailable, start_infra

    try:
        services = start_infra()
    except InfraUnavailable as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL/Redis not available and not installable here: {exc}")
    yield services
    services.stop()
