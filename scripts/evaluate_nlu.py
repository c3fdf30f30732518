#!/usr/bin/env python
"""Evaluate the whole bot on the held-out sets and write docs/benchmarks.md.

Two evaluations through one stack: the intent set (``tests/nlu/heldout.yml``, section "NLU
evaluation") and the open-world sets (``tests/openworld/heldout_*.yml``, section "Open-world
evaluation"), each beside the plain TF-IDF site search (bot.baseline).

    .venv/bin/python scripts/evaluate_nlu.py            # start a stack, evaluate, write the sections
    .venv/bin/python scripts/evaluate_nlu.py --no-write # only print
    .venv/bin/python scripts/evaluate_nlu.py --dev      # the development sets (never written)

Starts its own stack (trained model from the cache) on free ports. Exit code 1 if
a CI threshold or an open-world target is missed. Full results: results/nlu-eval.json and
results/openworld-eval.json (results/dev/… for --dev).
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
from bot.evaluation import CI_THRESHOLDS, baseline_service_top1, below, evaluate_stack, markdown  # noqa: E402
from bot.evaluation_openworld import below_targets, evaluate_openworld_stack, set_paths  # noqa: E402
from bot.evaluation_openworld import markdown as openworld_markdown  # noqa: E402
from bot.local_stack import start_stack, stop_stack  # noqa: E402

COMMAND = ".venv/bin/python scripts/evaluate_nlu.py"
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
DEV = ROOT / "tests" / "nlu" / "dev.yml"
OPENWORLD = ROOT / "tests" / "openworld"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/benchmarks.md")
    parser.add_argument("--dev", action="store_true", help="the development sets (failures may be read)")
    args = parser.parse_args()
    split = "dev" if args.dev else "heldout"
    intent_set = DEV if args.dev else HELDOUT
    command = f"{COMMAND} --dev" if args.dev else COMMAND
    shown = Path(os.path.relpath(intent_set, ROOT)).as_posix()
    results = ROOT / "results" / ("dev" if args.dev else "")
    catalogue = load_catalogue()
    openworld_paths = set_paths(OPENWORLD, split)
    with tempfile.TemporaryDirectory() as tmp:
        stack = start_stack(Path(tmp))
        try:
            started = time.monotonic()
            metrics = evaluate_stack(stack, intent_set, results, catalogue)
            openworld = evaluate_openworld_stack(stack, openworld_paths, results, catalogue)
            elapsed = time.monotonic() - started
        finally:
            stop_stack(stack)
    kind = "development" if args.dev else "held-out"
    section = "## NLU evaluation\n\n" + markdown(metrics, command, f"{kind} utterances (`{shown}`)") + (
        f"\nPlain TF-IDF site search on the same service questions: "
        f"{baseline_service_top1(intent_set, catalogue):.3f} service top-1 (Schängel: {metrics.service_top1:.3f}).\n"
        f"\nEvaluated in {elapsed:.0f} s together with the open-world sets (parse + full reply per utterance, each "
        f"a new conversation). Failures are listed in `{(results / 'nlu-eval.json').relative_to(ROOT)}`.\n"
    )
    files = ", ".join(f"`{p.relative_to(ROOT).as_posix()}`" for p in openworld_paths)
    section += "\n## Open-world evaluation\n\n" + openworld_markdown(openworld, command, f"{kind} sets {files}") + (
        f"\nFailures: `{(results / 'openworld-eval.json').relative_to(ROOT)}`.\n")
    print(section)
    if not args.no_write and not args.dev:
        write_section(section.split("\n## Open-world evaluation")[0])
        write_section("## Open-world evaluation" + section.split("\n## Open-world evaluation", 1)[1])
    missed = below(metrics, CI_THRESHOLDS) + below_targets(openworld)
    for line in missed:
        print(f"below target: {line}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
