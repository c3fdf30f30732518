"""The open-world sets: their shape (issue 12) and the whole bot on the held-out half in CI.

Only the held-out metrics are asserted; its texts are never printed by these tests (failures go to
``results/openworld-eval.json``, which nobody tuning the bot reads).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.catalogue import load_catalogue, load_leika
from bot.evaluation_openworld import BASELINE_MARGIN, evaluate_openworld_stack, load_cases, set_paths

FOLDER = Path(__file__).parent
RESULTS_DIR = Path(__file__).resolve().parents[2] / "results"
#: CI guards on the held-out sets: at the measured values (docs/benchmarks.md, "Open-world evaluation");
#: the search is deterministic, so only data or code changes move them
#: (measured 2026-12-01, second round: 0.448, 0.361, 0.014, 0.029, 0.022 — the issue's targets are far
#: above; see bot.evaluation_openworld.TARGETS)
CI_GUARDS = {
    "catalogued_top1": 0.44,
    "uncovered_named": 0.35,
    "uncovered_wrong_catalogue_rate": 0.02,
    "wrong_confident_rate": 0.03,
    "emergency_false_alarm_rate": 0.025,
}
#: CI fails when Schängel does not beat the plain site search on the same single questions by the issue's
#: five points (measured 2026-12-01: 0.425 vs. 0.362)
CI_BASELINE_MARGIN = BASELINE_MARGIN


def _all_cases():  # type: ignore[no-untyped-def]
    return load_cases(set_paths(FOLDER, "dev") + set_paths(FOLDER, "heldout"))


def test_sets_have_the_size_the_issue_asks_for() -> None:
    cases = _all_cases()
    kinds = Counter(c.kind for c in cases)
    uncovered = [t for c in cases for t in c.turns if t.kind == "uncovered"]
    assert kinds["uncovered"] >= 250 and kinds["catalogued"] >= 150, kinds
    assert kinds["trap"] >= 60 and kinds["conversation"] >= 40, kinds
    assert len({t.leika[:8] for t in uncovered if t.leika}) >= 100
    assert set_paths(FOLDER, "dev") and set_paths(FOLDER, "heldout")


def test_every_label_exists() -> None:
    catalogue = load_catalogue()
    leika = load_leika()
    assert leika is not None, "../shared/data/catalogue-sources is needed for the open-world sets"
    for case in _all_cases():
        for turn in case.turns:
            assert turn.service is None or catalogue.service(turn.service), (case.source, turn.service)
            assert turn.not_service is None or catalogue.service(turn.not_service), (case.source, turn.not_service)
            assert turn.office is None or catalogue.office(turn.office), (case.source, turn.office)
            assert turn.leika is None or turn.leika in leika, (case.source, turn.leika)


@pytest.mark.live
def test_whole_bot_on_heldout_open_world_sets(live_stack) -> None:
    metrics = evaluate_openworld_stack(live_stack, set_paths(FOLDER, "heldout"), RESULTS_DIR, load_catalogue())
    missed = [f"{name} = {getattr(metrics, name)} (guard {guard})" for name, guard in CI_GUARDS.items()
              if ((getattr(metrics, name) > guard) if name.endswith("_rate") else (getattr(metrics, name) < guard))]
    bot, search = metrics.bot_on_baseline_catalogued, metrics.baseline_catalogued_top1
    del metrics  # numbers only from here: a failure report must not show held-out texts
    assert bot >= search + CI_BASELINE_MARGIN, f"Schängel {bot} does not beat the plain site search {search}"
    assert not missed, missed
