"""How Schängel invokes Rasa's command line: one place for paths and environment."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from bot.config import PROJECT_ROOT

#: Rasa training data folders (data/catalogue is ours, not Rasa's).
TRAINING_DATA_DIRS = ("data/nlu", "data/stories", "data/rules")
TEST_STORIES_DIR = "tests/stories"


def rasa_executable() -> str:
    """The ``rasa`` script of the running virtualenv."""
    return str(Path(sys.executable).parent / "rasa")


def rasa_env(**extra: str) -> dict[str, str]:
    """Environment for Rasa processes: no telemetry (no third-party calls), quiet TensorFlow."""
    env = dict(os.environ)
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


def training_data_args() -> list[str]:
    return ["--config", "config.yml", "--domain", "domain.yml", "--data", *TRAINING_DATA_DIRS]
