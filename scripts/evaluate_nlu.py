#!/usr/bin/env python
"""Evaluate the whole bot on the held-out set and write docs/benchmarks.md ("NLU evaluation").

    .venv/bin/python scripts/evaluate_nlu.py            # start a stack, evaluate, write the section
    .venv/bin/python scripts/evaluate_nlu.py --no-write # only print

Starts its own stack (trained model from the cache) on free ports. Exit code 1 if
a CI threshold is missed. Full results: results/nlu-eval.json.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.benchmarks_doc import write_section  # noqa: E402
from bot.catalogue import load_catalogue  # noqa: E402
from bot.evaluation import CI_THRESHOLDS, below, load_heldout, markdown, run, score  # noqa: E402
from bot.local_stack import start_stack, stop_stack  # noqa: E402

COMMAND = ".venv/bin/python scripts/evaluate_nlu.py"
HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-write", action="store_true", help="do not touch docs/benchmarks.md")
    args = parser.parse_args()
    utterances = load_heldout(HELDOUT)
    with tempfile.TemporaryDirectory() as tmp:
        stack = start_stack(Path(tmp))
        try:
            started = time.monotonic()
            records = run(utterances, stack.parse, lambda s, t: stack.chat(s, text=t), lambda: uuid.uuid4().hex)
            elapsed = time.monotonic() - started
        finally:
            stop_stack(stack)
    metrics = score(records, load_catalogue())
    out = ROOT / "results" / "nlu-eval.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(metrics.as_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    (out.parent / "nlu-records.json").write_text(json.dumps(
        [{"text": r.utterance.text, "intent": r.utterance.intent, "predicted": r.predicted_intent,
          "top_intent": r.top_intent, "top_confidence": r.top_confidence, "cards": r.card_types} for r in records],
        ensure_ascii=False, indent=1), encoding="utf-8")
    section = "## NLU evaluation\n\n" + markdown(metrics, COMMAND) + (
        f"\nEvaluated in {elapsed:.0f} s (parse + full reply per utterance, each a new conversation). "
        f"Failures are listed in `results/nlu-eval.json`.\n"
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
