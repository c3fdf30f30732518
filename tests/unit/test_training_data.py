"""Test and evaluation texts are never training texts."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def _norm(text: str) -> str:
    return re.sub(r"[^\w ]", "", text.lower()).strip()


def training_texts() -> set[str]:
    texts = set()
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in (block.get("examples") or "").splitlines():
                if line.strip().startswith("- "):
                    texts.add(_norm(line.strip()[2:]))
    return texts


def test_test_story_texts_are_not_in_training_data() -> None:
    training = training_texts()
    for path in (ROOT / "tests" / "stories").glob("*.yml"):
        for story in yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]:
            for step in story["steps"]:
                if "user" in step:
                    assert _norm(step["user"]) not in training, (path.name, step["user"])


@pytest.mark.parametrize("evaluation_set", ["heldout.yml", "dev.yml"])
def test_evaluation_texts_are_not_in_training_data(evaluation_set: str) -> None:
    training = training_texts()
    document = yaml.safe_load((ROOT / "tests" / "nlu" / evaluation_set).read_text(encoding="utf-8"))
    overlap = [u["text"] for u in document["utterances"] if _norm(u["text"]) in training]
    assert not overlap, overlap
