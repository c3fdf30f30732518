"""The NLU's emergency verdict against what the message says (bot.dialogue.routing.answer_emergency_intent).

Written from the failure kinds of the open-world development sets (texts here are the team's own)."""
from __future__ import annotations

import pytest

from bot.catalogue import load_catalogue
from bot.dialogue.routing import answer_emergency_intent
from bot.emergency import ordinary_context

CATALOGUE = load_catalogue()


def _is_emergency(text: str, confidence: float) -> bool:
    reply = answer_emergency_intent(CATALOGUE, text, confidence)
    return any(m.get("response") == "utter_emergency" for m in reply.messages)


@pytest.mark.parametrize("text", [
    "Kein Notfall! Die Sirene auf dem Dach der Schule heult jeden Mittwoch, wer ist dafür zuständig?",
    "Meine Frau hatte letztes Jahr einen Unfall mit dem Rad, die Versicherung fragt nach dem Bericht.",
    "Notfall!! Mein Laptop ist runtergefallen, wo gibt es eine Reparatur, die heute noch offen hat?",
    "Dürfen wir an Silvester im Hof ein Feuerwerk zünden?",
])
def test_an_ordinary_question_overrules_a_sure_nlu(text: str) -> None:
    assert ordinary_context(text)
    assert not _is_emergency(text, confidence=0.99)


@pytest.mark.parametrize("text", [
    "Hilfe, in der Küche brennt es und meine Oma kommt nicht raus!",
    "mein mann schlägt mich, wo ist das nächste frauenhaus?",
    "Bei uns im Keller riecht es stark nach Gas, darf ich das Licht anmachen?",
])
def test_danger_now_stays_an_emergency_even_in_a_question(text: str) -> None:
    assert _is_emergency(text, confidence=0.99)


def test_a_sure_nlu_still_wins_when_the_message_gives_no_reason_to_doubt() -> None:
    # no danger word the net knows, no administrative context: the NLU's sure verdict counts
    assert _is_emergency("bitte kommt schnell zu uns in die Weißer Gasse", confidence=0.99)
