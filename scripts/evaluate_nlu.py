#!/usr/bin/env python
"""Evaluate the whole bot on the held-out set and write docs/benchmarks.md ("NLU evaluation").

    .venv/bin/python scripts/evaluate_nlu.py            # start a stack, evaluate, write the section
    .venv/bin/python scripts/evaluate_nlu.py --no-write # only print
    .venv/bin/python scripts/evaluate_nlu.py --set tests/nlu/dev.yml --no-write   # the tuning set

Starts its own stack (trained model from the cache) on free ports. Exit code 1 if
a CI threshold is missed. Full results: results/nlu-eval.json.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.benchmarks_doc import write_section  # noqa: E402
from bot.catalogue import load_catalogue  # noqa: E402
from bot.evaluation import CI_THRESHOLDS, below, evaluate_stack, markdown  # noqa: E402
from bot.local_stack import start_stack, stop_stack  # noqa: E402

COMMAND = ".venv/bin/python scripts/evaluate_nlu.py"
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/benchmarks.md")
    parser.add_argument("--set", type=Path, default=HELDOUT, help="evaluation set (default: the held-out set)")
    args = parser.parse_args()
    is_heldout = args.set.resolve() == HELDOUT
    shown_set = Path(os.path.relpath(args.set.resolve(), ROOT)).as_posix()
    command = COMMAND if is_heldout else f"{COMMAND} --set {shown_set} --no-write"
    evaluated = f"{'held-out' if is_heldout else 'development'} utterances (`{shown_set}`)"
    results = ROOT / "results" if is_heldout else ROOT / "results" / args.set.stem
    if not is_heldout and not args.no_write:
        parser.error("only the held-out set is written to docs/benchmarks.md; add --no-write")
    with tempfile.TemporaryDirectory() as tmp:
        stack = start_stack(Path(tmp))
        try:
            started = time.monotonic()
            metrics = evaluate_stack(stack, args.set, results, load_catalogue())
            elapsed = time.monotonic() - started
        finally:
            stop_stack(stack)
    section = "## NLU evaluation\n\n" + markdown(metrics, command, evaluated) + (
        f"\nEvaluated in {elapsed:.0f} s (parse + full reply per utterance, each a new conversation). "
        f"Failures are listed in `{(results / 'nlu-eval.json').relative_to(ROOT)}`.\n"
    )
    print(section)
    if not args.no_write:
        write_section(section)
    missed = below(metrics, CI_THRESHOLDS)
    for line in missed:
        print(f"below CI threshold: {line}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
