"""How Schängel invokes Rasa's command line: one place for paths and environment.

    python -m bot.rasa_cli data validate …   # any rasa command, with our environment

Every Rasa process gets telemetry switched off (no third-party calls) and the
variables ``endpoints.yml`` refers to, so no command can create a tracker
database with a literal ``${…}`` name (or send a literal ``${…}`` as the
action server's secret).
"""
from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

from bot.config import PROJECT_ROOT, load_settings

#: Rasa training data folders (data/catalogue is ours, not Rasa's).
TRAINING_DATA_DIRS = ("data/nlu", "data/stories", "data/rules")
TEST_STORIES_DIR = "tests/stories"


def rasa_executable() -> str:
    """The ``rasa`` script of the running virtualenv."""
    return str(Path(sys.executable).parent / "rasa")


def rasa_env(**extra: str) -> dict[str, str]:
    """Environment for Rasa processes: no telemetry (no third-party calls), quiet TensorFlow."""
    settings = load_settings()
    env = dict(os.environ)
    env.setdefault("SCHAENGEL_ACTION_URL", settings.action_url)
    env.setdefault("SCHAENGEL_TRACKER_DB", str(settings.var_dir / "rasa_tracker.db"))
    # optional parts of deploy/endpoints.production.yml (Rasa fails on an unset ${VAR})
    env.setdefault("SCHAENGEL_REDIS_PASSWORD", "")
    env.setdefault("SCHAENGEL_REDIS_PREFIX", "schaengel")
    # endpoints.yml sends it to the action server; a value from SCHAENGEL_INTERNAL_SECRET_FILE must reach
    # Rasa as a variable, and a one-off command (rasa shell, rasa test) gets a random one
    if not env.get("SCHAENGEL_INTERNAL_SECRET", "").strip():
        env["SCHAENGEL_INTERNAL_SECRET"] = settings.internal_secret or secrets.token_urlsafe(32)
    env.update(
        {
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "PYTHONWARNINGS": "ignore::DeprecationWarning",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH", "")])),
        }
    )
    env.update(extra)
    return env


def training_data_args(*extra_data: str) -> list[str]:
    return ["--config", "config.yml", "--domain", "domain.yml", "--data", *TRAINING_DATA_DIRS, *extra_data]


def main(argv: list[str]) -> int:
    """Run ``rasa`` with :func:`rasa_env` in the project root; return its exit code."""
    import subprocess

    settings = load_settings()
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    return subprocess.call([rasa_executable(), *argv], cwd=PROJECT_ROOT, env=rasa_env())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
