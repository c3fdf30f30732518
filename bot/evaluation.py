"""Evaluation of the whole bot on the held-out set (``tests/nlu/heldout.yml``).

Each utterance goes, as a new conversation, through the real gateway, Rasa and
actions; Rasa's parse endpoint gives the recognised intent. Scored:

- intent macro-F1 (``nlu_fallback`` counts as its own, always wrong, label);
- service top-1: the ``service`` card names the expected service (same LeiKa key,
  or the same service id for local services without one);
- out-of-scope rejection: an out-of-scope message gets no catalogue ``service`` card and
  no opening-hours card, and a ``fallback``, ``handoff`` or *reference* card (a service the city
  catalogue lacks, named without facts and routed to who is responsible: "Kindergeld … Familienkasse"
  is out of the city's scope and still deserves that answer); how many got a reference card is reported;
- wrong-confident answers: a catalogue ``service`` card for the wrong service, or for a
  message that is not about a service at all (reference cards are counted apart: ``oos_reference``);
- emergency recall: every emergency message gets the ``emergency`` card.
"""
from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

import yaml

from bot.catalogue import Catalogue

SERVICE_INTENTS = frozenset(
    {"service_info", "service_cost", "service_documents", "service_duration", "service_online",
     "service_location", "followup_child", "choose_service"}
)
#: targets from issue 4
TARGETS = {"intent_macro_f1": 0.92, "service_top1": 0.90, "oos_rejection": 0.90, "wrong_confident_rate": 0.03}
#: what CI enforces: slightly below the measured values (docs/benchmarks.md). Training is deterministic,
#: so an unchanged model scores exactly the same; the margin is for data edits, which moved held-out
#: macro-F1 by about ±0.015 (docs/nlu.md). The guards sit at or above the targets where that margin allows.
CI_THRESHOLDS = {"intent_macro_f1": 0.89, "service_top1": 0.92, "oos_rejection": 0.92, "wrong_confident_rate": 0.025}


@dataclass(frozen=True)
class Utterance:
    text: str
    intent: str
    service: Optional[str] = None
    office: Optional[str] = None
    expect: Optional[str] = None


@dataclass
class Record:
    utterance: Utterance
    predicted_intent: str
    confidence: float
    card_types: list[str]
    service_ids: list[str] = field(default_factory=list)
    service_leikas: list[Optional[str]] = field(default_factory=list)
    service_coverages: list[str] = field(default_factory=list)
    #: the best intent other than nlu_fallback, to study the fallback threshold offline
    top_intent: Optional[str] = None
    top_confidence: float = 0.0


@dataclass
class Metrics:
    count: int
    intent_macro_f1: float
    intent_accuracy: float
    service_top1: float
    service_count: int
    oos_rejection: float
    oos_count: int
    oos_reference: int
    wrong_confident_rate: float
    wrong_confident: int
    emergency_recall: float
    per_intent_f1: dict[str, float]
    failures: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_heldout(path: Path) -> list[Utterance]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Utterance(**entry) for entry in document["utterances"]]


def run(utterances: Sequence[Utterance], parse: Callable[[str], dict], chat: Callable[[str, str], list[dict]],
        new_session: Callable[[], str]) -> list[Record]:
    """Send every utterance through NLU (``parse``) and, as a new conversation, the whole bot (``chat``)."""
    records = []
    for utterance in utterances:
        parsed = parse(utterance.text)
        intent = parsed.get("intent") or {}
        top = next((r for r in parsed.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"), {})
        cards = [m["custom"] for m in chat(new_session(), utterance.text) if isinstance(m.get("custom"), dict)]
        services = [c for c in cards if c.get("type") == "service"]
        records.append(Record(
            utterance, intent.get("name") or "nlu_fallback", float(intent.get("confidence") or 0.0),
            [c.get("type", "") for c in cards], [c["service_id"] for c in services], [c.get("leika") for c in services],
            [c.get("coverage", "catalogue") for c in services], top.get("name"), float(top.get("confidence") or 0.0),
        ))
    return records


def _same_service(catalogue: Catalogue, expected_id: str, record: Record) -> bool:
    if not record.service_ids:
        return False
    expected = catalogue.service(expected_id)
    got_id, got_leika = record.service_ids[0], record.service_leikas[0]
    if expected is not None and expected.leika:
        return got_leika == expected.leika
    return got_id == expected_id


def _has_catalogue_card(record: Record) -> bool:
    return "catalogue" in record.service_coverages


def _is_wrong_confident(catalogue: Catalogue, record: Record) -> bool:
    if not _has_catalogue_card(record):
        return False
    u = record.utterance
    if u.service:
        return not _same_service(catalogue, u.service, record)
    return u.intent not in SERVICE_INTENTS  # a service card for small talk, out-of-scope, …


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> tuple[float, dict[str, float]]:
    labels = sorted(set(gold))
    scores = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores[label] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return sum(scores.values()) / len(scores), scores


def score(records: Sequence[Record], catalogue: Catalogue) -> Metrics:
    gold = [r.utterance.intent for r in records]
    predicted = [r.predicted_intent for r in records]
    f1, per_intent = macro_f1(gold, predicted)
    with_service = [r for r in records if r.utterance.service and r.utterance.expect in (None, "service")]
    service_right = [r for r in with_service if _same_service(catalogue, r.utterance.service or "", r)]
    oos = [r for r in records if r.utterance.intent == "out_of_scope"]
    rejected = [r for r in oos if not _has_catalogue_card(r) and "opening_hours" not in r.card_types
                and ({"fallback", "handoff"} & set(r.card_types) or "reference" in r.service_coverages)]
    oos_reference = [r for r in oos if "reference" in r.service_coverages]
    wrong = [r for r in records if _is_wrong_confident(catalogue, r)]
    emergencies = [r for r in records if r.utterance.intent == "emergency"]
    failures = [
        {"text": r.utterance.text, "intent": r.utterance.intent, "predicted": r.predicted_intent,
         "confidence": round(r.confidence, 3), "top_intent": r.top_intent, "top_confidence": round(r.top_confidence, 3),
         "expected_service": r.utterance.service,
         "got_services": r.service_ids, "cards": r.card_types}
        for r in records
        if r.predicted_intent != r.utterance.intent or r in wrong
        or (r in with_service and r not in service_right) or (r in oos and r not in rejected)
    ]
    return Metrics(
        count=len(records),
        intent_macro_f1=round(f1, 4),
        intent_accuracy=round(sum(g == p for g, p in zip(gold, predicted)) / len(records), 4),
        service_top1=round(len(service_right) / len(with_service), 4) if with_service else 0.0,
        service_count=len(with_service),
        oos_rejection=round(len(rejected) / len(oos), 4) if oos else 0.0,
        oos_count=len(oos),
        oos_reference=len(oos_reference),
        wrong_confident_rate=round(len(wrong) / len(records), 4),
        wrong_confident=len(wrong),
        emergency_recall=round(sum("emergency" in r.card_types for r in emergencies) / len(emergencies), 4)
        if emergencies else 1.0,
        per_intent_f1={k: round(v, 3) for k, v in per_intent.items()},
        failures=failures,
    )


def below(metrics: Metrics, thresholds: dict[str, float]) -> list[str]:
    """Which thresholds the metrics miss (rates must stay at or below, scores at or above)."""
    missed = []
    for name, threshold in thresholds.items():
        value = getattr(metrics, name)
        bad = value > threshold if name.endswith("_rate") else value < threshold
        if bad:
            missed.append(f"{name} = {value} (threshold {threshold})")
    return missed


def markdown(metrics: Metrics, command: str, evaluated: str = "held-out utterances (`tests/nlu/heldout.yml`)") -> str:
    rows = [
        ("Intent macro-F1", metrics.intent_macro_f1, f"≥ {TARGETS['intent_macro_f1']}"),
        ("Intent accuracy", metrics.intent_accuracy, "—"),
        (f"Service top-1 ({metrics.service_count} utterances)", metrics.service_top1, f"≥ {TARGETS['service_top1']}"),
        (f"Out-of-scope rejection ({metrics.oos_count}; {metrics.oos_reference} of them named a national service "
         "without facts)", metrics.oos_rejection, f"≥ {TARGETS['oos_rejection']}"),
        (f"Wrong-confident answers ({metrics.wrong_confident} of {metrics.count})", metrics.wrong_confident_rate,
         f"≤ {TARGETS['wrong_confident_rate']}"),
        ("Emergency recall", metrics.emergency_recall, "1.0"),
    ]
    lines = [f"Command: `{command}` — {metrics.count} {evaluated}.", "",
             "| metric | value | target |", "|---|---|---|"]
    lines += [f"| {name} | {value:.3f} | {target} |" for name, value, target in rows]
    weakest = sorted(metrics.per_intent_f1.items(), key=lambda kv: kv[1])[:5]
    lines += ["", "Weakest intents (F1): " + ", ".join(f"{k} {v:.2f}" for k, v in weakest)]
    return "\n".join(lines) + "\n"


def evaluate_stack(stack: Any, heldout: Path, results_dir: Path, catalogue: Catalogue) -> Metrics:
    """Run the held-out set against a running stack (``bot.local_stack.LiveStack``), score it and
    write ``nlu-eval.json`` (metrics and failures) and ``nlu-records.json`` (every answer) to ``results_dir``."""
    records = run(load_heldout(heldout), stack.parse, lambda s, t: stack.chat(s, text=t), lambda: uuid.uuid4().hex)
    metrics = score(records, catalogue)
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / "nlu-eval.json").write_text(json.dumps(metrics.as_dict(), ensure_ascii=False, indent=2),
                                               encoding="utf-8")
    (results_dir / "nlu-records.json").write_text(json.dumps(
        [{"text": r.utterance.text, "intent": r.utterance.intent, "predicted": r.predicted_intent,
          "top_intent": r.top_intent, "top_confidence": r.top_confidence, "cards": r.card_types} for r in records],
        ensure_ascii=False, indent=1), encoding="utf-8")
    return metrics


def baseline_service_top1(path: Path, catalogue: Catalogue) -> float:
    """Service top-1 of the plain TF-IDF site search (bot.baseline) on a set's service questions."""
    from bot.baseline import TfidfSearch, catalogue_documents

    search = TfidfSearch(catalogue_documents(catalogue))
    with_service = [u for u in load_heldout(path) if u.service and u.expect in (None, "service")]
    right = 0
    for u in with_service:
        expected = catalogue.service(u.service or "")
        right += search.top1(u.text) == (expected.leika if expected and expected.leika else u.service)
    return round(right / len(with_service), 4) if with_service else 0.0
