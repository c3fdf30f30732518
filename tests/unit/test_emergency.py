"""The deterministic emergency net catches emergencies hidden in other questions."""
import pytest

from bot.emergency import looks_like_emergency


@pytest.mark.parametrize(
    "text",
    [
        "Ich wollte nach dem Perso fragen, aber hier brennt es gerade",
        "Es brennt!",
        "Unfall auf der B9, zwei Verletzte",
        "mein Mann hat glaube ich einen Herzinfarkt",
        "Im Treppenhaus riecht es stark, es riecht nach Gas",
        "Ein Kind ist in den Rhein gefallen",
        "Hilfe, jemand bedroht mich mit einem Messer",
        "Meine Mutter ist bewusstlos und atmet nicht",
        "UEBERFALL an der Tankstelle",
    ],
)
def test_emergencies_are_detected(text: str) -> None:
    assert looks_like_emergency(text)


@pytest.mark.parametrize(
    "text",
    [
        "Was kostet ein Reisepass?",
        "Wann hat das Bürgeramt offen?",
        "Ich möchte mein Gewerbe anmelden",
        "Wie melde ich meinen Hund an?",
        "Wann ist das nächste Feuerwerk bei Rhein in Flammen?",
    ],
)
def test_ordinary_questions_are_not_emergencies(text: str) -> None:
    assert not looks_like_emergency(text)
