"""The aspect correction: only service_info changes, only on unambiguous cues."""
from __future__ import annotations

import pytest

from bot.nlu.aspects import aspect_cue, refine


@pytest.mark.parametrize(("text", "aspect"), [
    ("Wie teuer ist ein Kinderreisepass?", "service_cost"),
    ("Was zahlt man für den Fischereischein?", "service_cost"),
    ("Gebühr Führungszeugnis", "service_cost"),
    ("Was brauch ich für die Ummeldung?", "service_documents"),
    ("Welche Unterlagen muss ich zur Zulassung mitbringen?", "service_documents"),
    ("Wie lange dauert ein Reisepass gerade?", "service_duration"),
    ("Kann man die Hundesteuer online abmelden?", "service_online"),
    ("wo bekomme ich einen Bewohnerparkausweis", "service_location"),
    ("Welches Amt ist für die Einbürgerung zuständig?", "service_location"),
])
def test_cues_name_the_aspect(text: str, aspect: str) -> None:
    assert aspect_cue(text) == aspect


@pytest.mark.parametrize("text", [
    "Ich brauche einen neuen Reisepass",      # "brauche" without a question is the service itself
    "Perso verloren",
    "Wie melde ich mein Gewerbe an?",
    "Ich ziehe nach Koblenz",
])
def test_plain_service_requests_have_no_cue(text: str) -> None:
    assert aspect_cue(text) is None


RANKING = [{"name": "service_info", "confidence": 0.8}, {"name": "service_cost", "confidence": 0.15},
           {"name": "greet", "confidence": 0.05}]


def test_service_info_with_a_cost_cue_becomes_a_cost_question() -> None:
    intent, ranking = refine({"name": "service_info", "confidence": 0.8}, RANKING, "Wie teuer ist der Pass?")
    assert intent == {"name": "service_cost", "confidence": 0.8}
    assert [(r["name"], r["confidence"]) for r in ranking] == [
        ("service_cost", 0.8), ("service_info", 0.15), ("greet", 0.05)]


def test_other_intents_and_uncued_messages_pass_unchanged() -> None:
    out_of_scope = {"name": "out_of_scope", "confidence": 0.9}
    assert refine(out_of_scope, RANKING, "Was kostet ein Kinoticket?") == (out_of_scope, RANKING)
    info = {"name": "service_info", "confidence": 0.8}
    assert refine(info, RANKING, "Ich brauche einen Pass") == (info, RANKING)


def test_aspect_missing_from_a_cut_ranking_keeps_service_info_second() -> None:
    intent, ranking = refine({"name": "service_info", "confidence": 0.8}, RANKING[:1], "online?")
    assert intent["name"] == "service_online"
    assert [r["name"] for r in ranking] == ["service_online", "service_info"]
