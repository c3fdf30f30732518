#!/usr/bin/env python
"""Time a full Rasa training from scratch and write docs/benchmarks.md ("Training").

    .venv/bin/python scripts/bench_training.py

Uses an empty model cache and an empty Rasa component cache (RASA_CACHE_DIRECTORY), so
nothing is reused: this is what CI pays when the training data changed.
"""
from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.benchmarks_doc import write_section  # noqa: E402

COMMAND = ".venv/bin/python scripts/bench_training.py"
BUDGET_SECONDS = 300


def main() -> int:
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as rasa_cache:
        os.environ["SCHAENGEL_MODEL_CACHE"] = cache
        os.environ["RASA_CACHE_DIRECTORY"] = rasa_cache
        from bot.training import ensure_model, training_hash

        load_before = os.getloadavg()[0]
        started = time.monotonic()
        model = ensure_model(log=lambda line: print(line, file=sys.stderr))
        elapsed = time.monotonic() - started
        size_mb = model.stat().st_size / 1e6
    section = f"""## Training

Command: `{COMMAND}` — a full training from scratch (empty model and component caches) of the
current data (hash `{training_hash()}`), including the catalogue lookup tables.
Machine: {os.cpu_count()} cores, Python {platform.python_version()}, {time.strftime('%Y-%m-%d')};
load average before the run: {load_before:.1f}.

| measure | value |
|---|---:|
| full training (`rasa train`, NLU + dialogue) | {elapsed:.0f} s |
| budget | {BUDGET_SECONDS} s — {"met" if elapsed < BUDGET_SECONDS else "MISSED"} |
| model size | {size_mb:.1f} MB |

When the data has not changed, `make run` and `make test` reuse the cached model (0 s).
"""
    print(section)
    write_section(section)
    return 0 if elapsed < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
