"""Finding 7 of issue 13: the formats that reached Rasa's tracker unmasked, and the rule-based name detector
with its measured recall on a set written for it (no downloadable model)."""
from __future__ import annotations

import pytest

from bot.privacy.pii import NAME, mask_pii


@pytest.mark.parametrize("text, value", [
    ("geboren am 12/03/1985", "12/03/1985"), ("geb. 12 März 1985", "12 März 1985"),
    ("Tel. 0261.123.4567", "0261.123.4567"), ("IBAN DE89-3704-0044-0532-0130-00", "3704-0044"),
    ("Ich wohne in der Schloßstraße Nr. 7", "Schloßstraße Nr. 7"), ("Karte 4111 1111 1111 1111", "4111 1111"),
    ("meine Rentenversicherungsnummer ist 65 170839 J 004", "170839"),
])
def test_formats_from_the_finding_are_masked(text: str, value: str) -> None:
    assert value not in mask_pii(text)


#: (sentence, the name in it) – names with a cue, as citizens write them
NAMES = [
    ("Ich heiße Anna Schmidt und brauche einen Termin", "Anna Schmidt"),
    ("Mein Name ist Peter Müller-Lüdenscheidt", "Müller-Lüdenscheidt"), ("mein name ist Jonas Weber", "Jonas Weber"),
    ("Hier spricht Maria Becker", "Maria Becker"), ("Ich hatte mit Frau Hoffmann telefoniert", "Hoffmann"),
    ("Herr Koch aus dem Bürgeramt sagte", "Koch"), ("Ein Brief an Herrn Wagner", "Wagner"),
    ("Dr. Klein hat das Attest geschrieben", "Klein"), ("Ich bin die Sabine Schulz", "Sabine Schulz"),
    ("Name: Ayse Yilmaz", "Ayse Yilmaz"), ("Hallo, ich heisse Lukas", "Lukas"), ("Frau von Berg wartet", "Berg"),
    ("mein Sohn Max braucht einen Pass", "Max"), ("Thomas Meier, Löhrstraße", "Thomas Meier"),
    ("Ich bin Fatma und brauche Hilfe", "Fatma"), ("Gruß, Stefan Braun", "Stefan Braun"),
]
KEEP = ["Frau Bürgermeisterin", "Herr Oberbürgermeister, wann ist die Sprechstunde?", "Wann hat das Bürgeramt offen?",
        "Ich bin die Mutter von zwei Kindern", "Ich heiße Sie willkommen"]
#: measured on NAMES: documented in docs/privacy-security.md; the test keeps it from falling
MIN_NAME_RECALL = 0.68


def test_name_recall_is_measured() -> None:
    found = sum(name.split()[-1] not in mask_pii(text) for text, name in NAMES)
    recall = found / len(NAMES)
    print(f"\nname recall {found}/{len(NAMES)} = {recall:.2f}")
    assert recall >= MIN_NAME_RECALL


def test_titles_and_idioms_are_no_names() -> None:
    for text in KEEP:
        assert NAME not in mask_pii(text), text
