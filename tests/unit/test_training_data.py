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


def _search_vocabulary() -> set[str]:
    """Citizen words the search learns from: catalogue keywords and LeiKa citizen words."""
    words: set[str] = set()
    for path in (ROOT / "data" / "catalogue").glob("keywords*.yaml"):
        for entries in (yaml.safe_load(path.read_text(encoding="utf-8")).get("keywords") or {}).values():
            words.update(_norm(e) for e in entries)
    for path in (ROOT / "data" / "reference").glob("citizen_words*.yaml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in document.get("objects") or []:
            words.update(_norm(w) for w in entry.get("words") or ())
        for extra in (document.get("more_words") or {}).values():
            words.update(_norm(w) for w in extra or ())
    return words


def _single_questions(path: Path) -> list[str]:
    """Texts of the single-question cases (a conversation's follow-ups such as "und was kostet das?"
    are generic by nature and meant to equal everyday phrasing)."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    return [c["text"] for c in cases if c["kind"] != "conversation"]


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "openworld").glob("*.yml")), ids=lambda p: p.name)
def test_open_world_questions_are_neither_training_data_nor_search_words(path: Path) -> None:
    known = training_texts() | _search_vocabulary()
    collisions = [text for text in _single_questions(path) if _norm(text) in known]
    count = len(collisions)
    if path.name.startswith("dev_"):
        assert not collisions, collisions
    del collisions  # held-out texts are never shown, only counted (pytest would print the list)
    assert count == 0, f"{count} held-out questions equal a training text or search word"
