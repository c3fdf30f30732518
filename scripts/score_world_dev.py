#!/usr/bin/env python3
"""Service resolution alone (no Rasa) on the open-world *development* sets, with or without drafts.

A quick check before moving drafted services (``data/catalogue-drafts/*.yaml``) into the catalogue:
every single-turn case goes through ``catalogue.world.resolve`` exactly as the dialogue builds
the query, and the figures that matter are counted — right service, and a *catalogue* service for
something else (the confident wrong answer). Seconds instead of the minutes of
``scripts/evaluate_nlu.py --dev``, and never the held-out sets.

    .venv/bin/python scripts/score_world_dev.py              # the catalogue as it is
    .venv/bin/python scripts/score_world_dev.py --drafts     # plus data/catalogue-drafts/*.yaml
    .venv/bin/python scripts/score_world_dev.py --drafts -v  # and list the wrong catalogue answers
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.catalogue import ReferenceService, load_catalogue  # noqa: E402
from bot.catalogue.loader import copy_with_drafts  # noqa: E402
from bot.dialogue.services import content_words  # noqa: E402
from bot.evaluation_openworld import _expected_key, _names, load_cases, set_paths  # noqa: E402


def _catalogue(with_drafts: bool):  # type: ignore[no-untyped-def]
    if not with_drafts:
        return load_catalogue()
    target = Path(tempfile.mkdtemp()) / "catalogue"
    return load_catalogue(copy_with_drafts(ROOT / "data" / "catalogue", ROOT / "data" / "catalogue-drafts", target))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drafts", action="store_true", help="add data/catalogue-drafts/*.yaml")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the wrong catalogue answers")
    args = parser.parse_args(argv)
    catalogue = _catalogue(args.drafts)
    counts = {"catalogued": [0, 0, 0], "uncovered": [0, 0, 0], "trap": [0, 0, 0]}
    wrong: list[str] = []
    for case in load_cases(set_paths(ROOT / "tests" / "openworld", "dev")):
        if case.kind not in counts:  # single-turn cases; conversations need the dialogue's context
            continue
        turn = case.turns[0]
        query = " ".join(content_words(turn.text))
        found = catalogue.world.resolve(query).service if query else None
        card = {"leika": found.leika, "service_id": found.service_id} if found else None
        # "right" as the full evaluation counts it (bot.evaluation_openworld)
        expected = _expected_key(catalogue, turn) if turn.kind != "trap" else turn.leika
        right = card is not None and _names(card, expected, by_object=turn.kind != "catalogued")
        counts[turn.kind][0] += 1
        counts[turn.kind][1] += right
        if found is not None and not isinstance(found, ReferenceService) and not right:
            counts[turn.kind][2] += 1
            wrong.append(f"{turn.kind}: {turn.text[:80]} → {found.service_id}")
    print(f"{len(catalogue.services)} catalogue services" + (" (with drafts)" if args.drafts else ""))
    for kind, (total, right, wrong_cards) in counts.items():
        print(f"{kind:10} {total:4} turns  right {right:4}  wrong catalogue service {wrong_cards:3}")
    if args.verbose:
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
