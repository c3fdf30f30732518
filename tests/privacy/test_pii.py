"""PII masking with realistic German citizen messages (bot/privacy/pii.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.privacy.pii import PLACEHOLDERS, mask_pii

TODAY = dt.date(2026, 11, 21)

MASKED = [
    ("Meine Mail ist max.mustermann@web.de, bitte melden Sie sich", "Meine Mail ist [E-Mail], bitte melden Sie sich"),
    ("erreichbar unter anna-lena.schmitz+amt@t-online.de", "erreichbar unter [E-Mail]"),
    ("Rufen Sie mich an: 0261 1234567", "Rufen Sie mich an: [Telefon]"),
    ("Handy +49 171 2345678", "Handy [Telefon]"),
    ("Tel. 0171/2345678", "Tel. [Telefon]"),
    ("Nummer +49 (0)261 129-0 war besetzt", "Nummer [Telefon] war besetzt"),
    ("0049 261 98765-43", "[Telefon]"),
    ("Festnetz (0261) 4711 0815", "Festnetz [Telefon]"),
    ("Meine IBAN ist DE89 3704 0044 0532 0130 00", "Meine IBAN ist [IBAN]"),
    ("IBAN: DE89370400440532013000.", "IBAN: [IBAN]."),
    ("Konto in Österreich AT61 1904 3002 3457 3201", "Konto in Österreich [IBAN]"),
    ("Ausweisnummer L01X00T47 verloren", "Ausweisnummer [Ausweisnummer] verloren"),
    ("mein Reisepass C01X00T47 läuft ab", "mein Reisepass [Ausweisnummer] läuft ab"),
    ("Personalausweisnummer: T22000129", "Personalausweisnummer: [Ausweisnummer]"),
    ("Steuer-ID 12 345 678 901", "Steuer-ID [Steuer-ID]"),
    ("Identifikationsnummer 65929970489", "Identifikationsnummer [Steuer-ID]"),
    ("Steuernummer 22/815/08151", "Steuernummer [Steuernummer]"),
    ("Ich bin am 12.03.1985 geboren", "Ich bin am [Geburtsdatum] geboren"),
    ("geb. 3.5.2019, meine Tochter", "geb. [Geburtsdatum], meine Tochter"),
    ("Geburtsdatum 1990-07-14", "Geburtsdatum [Geburtsdatum]"),
    ("mein Vater, 12. März 1951, ist verstorben", "mein Vater, [Geburtsdatum], ist verstorben"),
    ("Mein Auto KO-AB 123 wurde abgeschleppt", "Mein Auto [Kennzeichen] wurde abgeschleppt"),
    ("Kennzeichen KO AB 123E", "Kennzeichen [Kennzeichen]"),
    ("MYK-X 42 parkt falsch", "[Kennzeichen] parkt falsch"),
    ("Ich wohne in der Löhrstraße 12, 56068 Koblenz", "Ich wohne in der [Adresse], 56068 Koblenz"),
    ("Adresse: Am Plan 3a", "Adresse: [Adresse]"),
    ("Schloßstr. 7 ist meine Anschrift", "[Adresse] ist meine Anschrift"),
    ("Hohenfelder Str. 22", "[Adresse]"),
    ("Friedrich-Ebert-Ring 50", "[Adresse]"),
    ("Auf der Karthause 14 b", "[Adresse]"),
]

UNCHANGED = [
    "Wann hat das Bürgeramt geöffnet? Mo-Fr 8:00-12:30?",
    "Haben Sie am 24.12. geöffnet?",
    "Ich habe am 03.02.2026 einen Termin",
    "Was kostet der Personalausweis? 37,00 € ?",
    "Ich wohne seit 2019 in Koblenz",
    "Welches Bürgeramt ist für 56068 zuständig?",
    "Wo ist die Löhrstraße?",
    "Ich brauche einen Kitaplatz für 2 Kinder",
    "Wie lange darf ich auf dem Parkplatz 3 Stunden parken?",
    "Wie beantrage ich einen Reisepass?",
    "Ich brauche eine Meldebescheinigung",
    "Hilfe, Notruf 112 oder 110?",
    "Die Behördennummer 115 ist besetzt",
    "Wohngeld für 2 Personen, Einkommen 1.800 Euro",
    "Leistung 99050012104000 im LeiKa",
    "Termin um 14:30 Uhr",
    "Ich möchte mein Auto ummelden",
    "",
]


@pytest.mark.parametrize("text, expected", MASKED)
def test_personal_data_is_masked(text: str, expected: str) -> None:
    assert mask_pii(text, TODAY) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_service_questions_stay_unchanged(text: str) -> None:
    assert mask_pii(text, TODAY) == text


def test_a_whole_message_with_everything() -> None:
    text = (
        "Hallo, ich bin Max Mustermann, geboren am 01.04.1980, wohne Löhrstraße 12 in 56068 Koblenz, "
        "Tel. 0261 9876543, max@example.org, IBAN DE89 3704 0044 0532 0130 00, Auto KO-MM 1980. "
        "Wie melde ich mich um?"
    )
    masked = mask_pii(text, TODAY)
    for secret in ("01.04.1980", "Löhrstraße 12", "9876543", "max@example.org", "DE89", "KO-MM"):
        assert secret not in masked
    assert masked.endswith("Wie melde ich mich um?")
    assert "56068 Koblenz" in masked


def test_masking_is_idempotent() -> None:
    once = mask_pii(" ".join(text for text, _ in MASKED), TODAY)
    assert mask_pii(once, TODAY) == once
    assert all(p.startswith("[") for p in PLACEHOLDERS)


@pytest.mark.parametrize("text", ["Ab-" * 333, "KO-A" * 250, "1" * 1000, "+49" + " 1" * 498, "Aa" * 500,
                                  "DE" + "1" * 998, "12." * 333, "a@" * 500, "Am " + "Aa " * 330])
def test_no_catastrophic_backtracking_on_long_input(text: str) -> None:
    import time

    started = time.perf_counter()
    mask_pii(text, TODAY)
    assert time.perf_counter() - started < 0.5
