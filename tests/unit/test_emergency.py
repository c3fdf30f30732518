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


@pytest.mark.parametrize(
    "text",
    [
        "umbringen werde ich mich heute",
        "jetzt sitzt er im Zimmer, mein Freund hat mich gewürgt",
        "жить не хочу",
        "bu gece kendimi asacağım",
        "hab grad 30 tabletten geschluckt",
    ],
)
def test_word_orders_and_persons(text: str) -> None:
    assert looks_like_emergency(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ich sterbe vor Langeweile, gibt es Veranstaltungen?",
        "Die Hitze bringt mich um, wo gibt es Trinkbrunnen?",
        "I'm dying to know when the market opens",
        "je meurs de faim, où manger ?",
        "Letztes Jahr hat es bei uns im Keller gebrannt, wer zahlt die Sanierung?",
        "Il y a eu un incendie dans notre immeuble l'an dernier, qui paie les travaux ?",
        "Das Licht im Treppenhaus brennt die ganze Nacht",
        "Mein Vater schlägt vor, dass wir zusammen zum Amt gehen",
    ],
)
def test_idioms_and_past_are_not_emergencies(text: str) -> None:
    assert not looks_like_emergency(text)


def test_help_lines_follow_the_kind() -> None:
    from bot.emergency import detect_emergency

    assert "suicide" in detect_emergency("ich will nicht mehr leben").kinds
    assert "domestic_violence" in detect_emergency("mein Mann schlägt mich gerade").kinds
    assert "child" in detect_emergency("ein Kind ist in den Rhein gefallen").kinds


@pytest.mark.parametrize(
    "text",
    [
        "In meinem Videospiel verbrennt mein Held jedes Mal im Schloss, kennt jemand einen Trick?",
        "Im Film gestern ist einer im Rhein ertrunken, wurde das hier in Koblenz gedreht?",
        "in the game my character keeps drowning in the river lol",
        "Mein Opa hatte im Frühjahr einen Schlaganfall und kann jetzt nicht mehr Auto fahren. Wo gebe ich den Führerschein ab?",
        "Für die Kollegin, die in Rente geht, schreibe ich einen Abschiedsbrief vom Team.",
        "هل يوجد مخيم صيفي للأطفال في الصيف؟",  # "لص" (thief) inside "الصيف" (summer) is no thief
    ],
)
def test_fiction_history_and_words_inside_words_are_no_emergency(text: str) -> None:
    assert not looks_like_emergency(text)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Mein Bruder sitzt in der Garage im Auto und der Motor läuft seit einer Stunde", "suicide"),
        ("sie steht auf der brüstung vom parkhaus und sagt sie springt gleich", "suicide"),
        ("Sie schreibt, dass sie heute Nacht allem ein Ende setzt", "suicide"),
        ("Durch die Wand höre ich, wie der Nachbar sie anschreit und schlägt, sie schreit um Hilfe", "domestic_violence"),
        ("Kolleje hat die Stromleitung angefasst und kommt nicht mehr los", "accident"),
        ("mein Fünfjähriger ist weg, wir waren am Spielplatz am Rhein", "child"),
        ("my son swallowed a button battery", "medical"),
    ],
)
def test_new_phrasings_get_the_matching_kind(text: str, kind: str) -> None:
    from bot.emergency import detect_emergency

    found = detect_emergency(text)
    assert found is not None and kind in found.kinds, found
