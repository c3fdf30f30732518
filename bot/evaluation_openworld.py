"""Open-world evaluation: catalogued and uncovered services, one-word traps, conversations.

The sets (``tests/openworld/{dev,heldout}_*.yml``, brief in ``tests/openworld/AUTHORING.md``) were
written by independent authors from the catalogue and the national LeiKa list only. Every case goes
through the public gateway exactly as the widget sends it (a conversation's turns in one session).
Scored, beside the plain TF-IDF site search of :mod:`bot.baseline`:

- **catalogued top-1**: the first ``service`` card is the expected catalogue service (same LeiKa key,
  or the same id for a local service);
- **uncovered named**: the first ``service`` card (catalogue or reference) names the expected LeiKa
  object (the first 8 digits of the key: the service, whatever the action);
- **wrong catalogue card**: a ``coverage: catalogue`` card for a different service than asked — the
  confident wrong answer that matters most; wrong *reference* cards are counted separately;
- **traps**: no card for the catalogue service that merely shares a word;
- **office turns**: the ``opening_hours`` card (or a service card listing that office) for the office;
- **emergency false alarms**: an ``emergency`` card on any of these (non-emergency) messages.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

import yaml

from bot.baseline import TfidfSearch, catalogue_documents, world_documents
from bot.catalogue import Catalogue

Chat = Callable[[str, str], list[dict]]

#: the issue's targets ("Done when"), also what CI enforces on the held-out sets
TARGETS = {
    "catalogued_top1": 0.95,
    "uncovered_named": 0.70,
    "uncovered_wrong_catalogue_rate": 0.02,
    "wrong_confident_rate": 0.01,
    "emergency_false_alarm_rate": 0.01,
}
#: CI: the bot must beat the site search by this many points on catalogued top-1
BASELINE_MARGIN = 0.05


@dataclass(frozen=True)
class Turn:
    text: str
    kind: str  # catalogued | uncovered | trap | office | no_service
    service: Optional[str] = None  # expected catalogue id
    leika: Optional[str] = None  # expected LeiKa key
    office: Optional[str] = None
    not_service: Optional[str] = None
    not_emergency: bool = True


@dataclass(frozen=True)
class Case:
    kind: str  # catalogued | uncovered | trap | conversation
    turns: tuple[Turn, ...]
    source: str = ""


@dataclass
class TurnResult:
    turn: Turn
    case_kind: str
    cards: list[dict[str, Any]]
    first_turn: bool
    baseline: Optional[str] = None  # the site search's top-1 label (single-turn cases only)


def _turn(entry: dict, case_kind: str) -> Turn:
    if "office" in entry:
        kind = "office"
    elif entry.get("expect") == "no_service":
        kind = "no_service"
    elif case_kind == "trap":
        kind = "trap"
    elif "service" in entry:
        kind = "catalogued"
    elif "leika" in entry:
        kind = "uncovered"
    else:
        kind = "no_service"
    return Turn(str(entry["text"]), kind, entry.get("service"), entry.get("leika"), entry.get("office"),
                entry.get("not_service"), True)


def load_cases(paths: Sequence[Path]) -> list[Case]:
    cases = []
    for path in paths:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in document["cases"]:
            kind = entry["kind"]
            turns = entry["turns"] if kind == "conversation" else [entry]
            cases.append(Case(kind, tuple(_turn(t, kind) for t in turns), path.name))
    return cases


def set_paths(folder: Path, split: str) -> list[Path]:
    """``dev`` or ``heldout`` files of the open-world folder."""
    return sorted(folder.glob(f"{split}_*.yml"))


def run(cases: Sequence[Case], chat: Chat, new_session: Callable[[], str], catalogue: Catalogue) -> list[TurnResult]:
    catalogue_search = TfidfSearch(catalogue_documents(catalogue))
    world_search = TfidfSearch(world_documents(catalogue))
    results = []
    for case in cases:
        session = new_session()
        for index, turn in enumerate(case.turns):
            messages = chat(session, turn.text)
            cards = [m["custom"] for m in messages if isinstance(m.get("custom"), dict)]
            baseline = None
            if case.kind != "conversation":
                search = catalogue_search if turn.kind == "catalogued" else world_search
                baseline = search.top1(turn.text)
            results.append(TurnResult(turn, case.kind, cards, index == 0, baseline))
    return results


def _service_cards(result: TurnResult) -> list[dict]:
    return [c for c in result.cards if c.get("type") == "service"]


def _object(key: Optional[str]) -> Optional[str]:
    return key[:8] if key else None


def _expected_key(catalogue: Catalogue, turn: Turn) -> Optional[str]:
    if turn.service:
        service = catalogue.service(turn.service)
        return service.leika if service and service.leika else turn.service
    return turn.leika


def _names(card: dict, expected: Optional[str], by_object: bool) -> bool:
    if expected is None:
        return False
    got = card.get("leika") or card.get("service_id")
    if by_object and card.get("leika") and expected.isdigit():
        return _object(card["leika"]) == _object(expected)
    return got == expected


def _is_catalogue(card: dict) -> bool:
    return card.get("coverage", "catalogue") == "catalogue"


@dataclass
class OpenWorldMetrics:
    turns: int
    catalogued_count: int
    catalogued_top1: float
    baseline_catalogued_count: int
    baseline_catalogued_top1: float
    bot_on_baseline_catalogued: float
    uncovered_count: int
    uncovered_named: float
    baseline_uncovered_named: float
    uncovered_wrong_catalogue: int
    uncovered_wrong_catalogue_rate: float
    uncovered_reference_cards: int
    traps: int
    trap_wrong_cards: int
    office_turns: int
    office_right: float
    wrong_confident: int
    wrong_confident_rate: float
    wrong_reference: int
    emergency_false_alarms: int
    emergency_false_alarm_rate: float
    failures: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _wrong_catalogue_card(catalogue: Catalogue, result: TurnResult) -> bool:
    """A catalogue card for something the citizen did not ask about."""
    turn = result.turn
    cards = [c for c in _service_cards(result) if _is_catalogue(c)]
    if not cards:
        return False
    card = cards[0]
    if turn.kind in ("catalogued", "uncovered"):
        return not _names(card, _expected_key(catalogue, turn), by_object=turn.kind == "uncovered")
    if turn.kind == "trap":
        return not (turn.leika and _names(card, turn.leika, by_object=True))
    if turn.kind == "office":
        return not any(c.get("type") == "opening_hours" for c in result.cards) and not _lists_office(card, turn.office)
    return True  # no_service


def _lists_office(card: dict, office: Optional[str]) -> bool:
    return any(o.get("office_id") == office for o in card.get("offices") or [])


def score(results: Sequence[TurnResult], catalogue: Catalogue) -> OpenWorldMetrics:
    failures: list[dict[str, Any]] = []

    def first_card(result: TurnResult) -> Optional[dict]:
        cards = _service_cards(result)
        return cards[0] if cards else None

    catalogued = [r for r in results if r.turn.kind == "catalogued"]
    catalogued_right = [r for r in catalogued if (c := first_card(r)) and _is_catalogue(c)
                        and _names(c, _expected_key(catalogue, r.turn), by_object=False)]
    single = [r for r in catalogued if r.baseline is not None or r.case_kind == "catalogued"]
    baseline_right = [r for r in single if r.baseline == _expected_key(catalogue, r.turn)]
    bot_single_right = [r for r in single if r in catalogued_right]
    uncovered = [r for r in results if r.turn.kind == "uncovered"]
    uncovered_right = [r for r in uncovered if (c := first_card(r)) and _names(c, r.turn.leika, by_object=True)]
    baseline_uncovered = [r for r in uncovered if r.baseline and r.turn.leika
                          and _object(r.baseline) == _object(r.turn.leika)]
    uncovered_wrong = [r for r in uncovered if _wrong_catalogue_card(catalogue, r)]
    traps = [r for r in results if r.turn.kind == "trap"]
    trap_wrong = [r for r in traps if any(c.get("service_id") == r.turn.not_service for c in _service_cards(r))]
    offices = [r for r in results if r.turn.kind == "office"]
    office_right = [r for r in offices if any(c.get("type") == "opening_hours" and c.get("office_id") == r.turn.office
                                              for c in r.cards)
                    or any(_lists_office(c, r.turn.office) for c in _service_cards(r))]
    wrong = [r for r in results if _wrong_catalogue_card(catalogue, r) or r in trap_wrong]
    wrong_reference = []
    for r in results:
        card = first_card(r)
        if card and not _is_catalogue(card):
            expected = _expected_key(catalogue, r.turn) if r.turn.kind in ("catalogued", "uncovered") else r.turn.leika
            if not _names(card, expected, by_object=True):
                wrong_reference.append(r)
    alarms = [r for r in results if any(c.get("type") == "emergency" for c in r.cards)]
    for r in results:
        reasons = []
        if r in catalogued and r not in catalogued_right:
            reasons.append("catalogued_missed")
        if r in uncovered and r not in uncovered_right:
            reasons.append("uncovered_missed")
        if r in wrong:
            reasons.append("WRONG_CATALOGUE_CARD")
        if r in wrong_reference:
            reasons.append("wrong_reference")
        if r in offices and r not in office_right:
            reasons.append("office_missed")
        if r in alarms:
            reasons.append("FALSE_EMERGENCY")
        if reasons:
            failures.append({
                "text": r.turn.text, "kind": r.turn.kind, "case": r.case_kind, "reasons": reasons,
                "expected": r.turn.service or r.turn.leika or r.turn.office or r.turn.not_service,
                "got": [(c.get("type"), c.get("coverage"), c.get("service_id") or c.get("office_id") or c.get("reason"),
                         c.get("title")) for c in r.cards],
            })

    def rate(part: Sequence, whole: Sequence) -> float:
        return round(len(part) / len(whole), 4) if whole else 0.0

    return OpenWorldMetrics(
        turns=len(results),
        catalogued_count=len(catalogued), catalogued_top1=rate(catalogued_right, catalogued),
        baseline_catalogued_count=len(single), baseline_catalogued_top1=rate(baseline_right, single),
        bot_on_baseline_catalogued=rate(bot_single_right, single),
        uncovered_count=len(uncovered), uncovered_named=rate(uncovered_right, uncovered),
        baseline_uncovered_named=rate(baseline_uncovered, [r for r in uncovered if r.baseline is not None]),
        uncovered_wrong_catalogue=len(uncovered_wrong), uncovered_wrong_catalogue_rate=rate(uncovered_wrong, uncovered),
        uncovered_reference_cards=sum(1 for r in uncovered if (c := first_card(r)) and not _is_catalogue(c)),
        traps=len(traps), trap_wrong_cards=len(trap_wrong),
        office_turns=len(offices), office_right=rate(office_right, offices),
        wrong_confident=len(wrong), wrong_confident_rate=rate(wrong, results),
        wrong_reference=len(wrong_reference),
        emergency_false_alarms=len(alarms), emergency_false_alarm_rate=rate(alarms, results),
        failures=failures,
    )


def below_targets(metrics: OpenWorldMetrics, targets: dict[str, float] = TARGETS,
                  margin: float = BASELINE_MARGIN) -> list[str]:
    """Missed targets, and whether the bot fails to beat the site search by ``margin``."""
    missed = []
    for name, target in targets.items():
        value = getattr(metrics, name)
        if (value > target) if name.endswith("_rate") else (value < target):
            missed.append(f"{name} = {value} (target {target})")
    if metrics.bot_on_baseline_catalogued < metrics.baseline_catalogued_top1 + margin:
        missed.append(f"catalogued top-1 {metrics.bot_on_baseline_catalogued} does not beat the site search "
                      f"{metrics.baseline_catalogued_top1} by {margin}")
    return missed


def markdown(metrics: OpenWorldMetrics, command: str, evaluated: str) -> str:
    m = metrics
    rows = [
        (f"Catalogued service, top-1 right card ({m.catalogued_count} turns, incl. follow-ups)",
         f"{m.catalogued_top1:.3f}", "—", f"≥ {TARGETS['catalogued_top1']}"),
        (f"… the same single-turn questions ({m.baseline_catalogued_count})", f"{m.bot_on_baseline_catalogued:.3f}",
         f"{m.baseline_catalogued_top1:.3f}", f"≥ site search + {BASELINE_MARGIN}"),
        (f"Uncovered service: right LeiKa service named ({m.uncovered_count})", f"{m.uncovered_named:.3f}",
         f"{m.baseline_uncovered_named:.3f}", f"≥ {TARGETS['uncovered_named']}"),
        ("… answered with a wrong catalogue card", f"{m.uncovered_wrong_catalogue_rate:.3f} ({m.uncovered_wrong_catalogue})",
         "1.0 (always a card)", f"≤ {TARGETS['uncovered_wrong_catalogue_rate']}"),
        (f"One-word traps answered with the trap's service ({m.traps})", str(m.trap_wrong_cards), "—", "0"),
        (f"Office turns answered with that office ({m.office_turns})", f"{m.office_right:.3f}", "—", "—"),
        (f"Wrong-confident (wrong catalogue card) over all {m.turns} turns",
         f"{m.wrong_confident_rate:.3f} ({m.wrong_confident})", "—", f"≤ {TARGETS['wrong_confident_rate']}"),
        ("Reference card naming the wrong service", str(m.wrong_reference), "—", "reported"),
        ("Emergency card on these non-emergency messages", f"{m.emergency_false_alarm_rate:.3f} ({m.emergency_false_alarms})",
         "—", f"≤ {TARGETS['emergency_false_alarm_rate']}"),
    ]
    lines = [f"Command: `{command}` — {m.turns} turns, {evaluated}.", "",
             "| measure | Schängel | plain TF-IDF site search | target |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines) + "\n"


def evaluate_openworld_stack(stack: Any, paths: Sequence[Path], results_dir: Path,
                             catalogue: Catalogue) -> OpenWorldMetrics:
    """Run the open-world sets against a running stack and write ``openworld-eval.json``."""
    results = run(load_cases(paths), lambda s, t: stack.chat(s, text=t), lambda: uuid.uuid4().hex, catalogue)
    metrics = score(results, catalogue)
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / "openworld-eval.json").write_text(json.dumps(metrics.as_dict(), ensure_ascii=False, indent=1),
                                                     encoding="utf-8")
    return metrics
