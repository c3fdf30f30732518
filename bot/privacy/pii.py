"""Masking of personal data (PII) in citizen text, before anything is stored.

``mask_pii("Meine IBAN ist DE89 3704 0044 0532 0130 00")`` returns
``"Meine IBAN ist [IBAN]"``. The gateway masks every typed citizen message before
it goes to Rasa (tracker store) or into the handoff inbox; see
docs/privacy-security.md for what is masked where.

Design decisions (false positives matter: the bot must still understand the question):

- Patterns run in a fixed order (e-mail, IBAN, tax numbers, ID numbers, dates of
  birth, phone numbers, vehicle plates, street addresses); a placeholder is never
  matched again.
- **Dates** are only masked as ``[Geburtsdatum]`` when they carry a year and either
  stand next to a birth word (``geboren``, ``geb.``, ``Geburtsdatum`` …) or lie more
  than :data:`BIRTH_YEAR_DISTANCE` years back. Appointment dates ("am 24.12.",
  "Termin am 03.02.2026") stay, years alone ("seit 2019") stay.
- **Times and fees** ("8:00-12:30", "37,00 €") never match: phone numbers need a
  leading ``0``/``+49``/``0049`` and at least 6 digits after the area code part.
- **Postcodes alone stay** ("56068", "56068 Koblenz"): a postcode names an area of
  thousands of people, and the bot needs it for "Wo ist mein Bürgeramt?". Together
  with a street and house number the street part becomes ``[Adresse]``.
- **Street names without a house number stay** ("Wo ist die Löhrstraße?"): only an
  address with a number identifies a household. Compound nouns ending like streets
  (Parkplatz, Kitaplatz, Radweg …) are not addresses.
- **Names** are masked after a naming phrase or a title ("ich heiße …", "mein Name ist …", "Frau …",
  "Herr …", "Dr. …"): rules, no downloadable model. Names without such a cue stay (measured recall in
  docs/privacy-security.md).
- **Vehicle plates** need the official upper-case shape (district, separator,
  1–2 letters, 1–4 digits, optional E/H).
- Only citizen text is masked; bot texts (LeiKa keys, fees, phone numbers of the
  city) are never passed through here.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Match, Pattern, Union

EMAIL = "[E-Mail]"
PHONE = "[Telefon]"
IBAN = "[IBAN]"
ID_NUMBER = "[Ausweisnummer]"
TAX_ID = "[Steuer-ID]"
TAX_NUMBER = "[Steuernummer]"
BIRTH_DATE = "[Geburtsdatum]"
PLATE = "[Kennzeichen]"
ADDRESS = "[Adresse]"
CARD = "[Kartennummer]"
SOCIAL = "[Sozialversicherungsnummer]"
NAME = "[Name]"

PLACEHOLDERS = (EMAIL, PHONE, IBAN, ID_NUMBER, TAX_ID, TAX_NUMBER, BIRTH_DATE, PLATE, ADDRESS, CARD, SOCIAL, NAME)

#: a full date whose year lies this many years back or more counts as a date of birth
BIRTH_YEAR_DISTANCE = 10

_MONTHS = (
    "januar|jan|februar|feb|märz|maerz|mär|april|apr|mai|juni|jun|juli|jul|august|aug|"
    "september|sept|sep|oktober|okt|november|nov|dezember|dez"
)
_BIRTH_WORDS = re.compile(
    r"(geboren|geb\.|geburtsdatum|geburtstag|geb\.-?datum|geburt|jahrgang|\bgeb\b)", re.IGNORECASE
)

_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)

# Country code, 2 check digits, 11-30 alphanumerics, optionally grouped by 4 (DE: 18 digits).
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?\b", re.IGNORECASE)
# payment cards: 13-19 digits in groups (Luhn-checked); Rentenversicherungsnummer "65 170839 J 004"
_CARD = re.compile(r"(?<![\d-])\d{4}(?:[ -]?\d{4}){2}[ -]?\d{1,7}(?![\d-])")
_SOCIAL = re.compile(r"\b\d{2}\s?[0-3]\d[01]\d\d{2}\s?[A-Z]\s?\d{3}\b")
# names after a naming phrase or a title ("ich heiße …", "mein Name ist …", "Frau …", "Herr …")
_NAME = re.compile(
    r"(?P<cue>\b(?:(?i:ich heiße|ich heisse|mein name ist|mein name lautet|name:|hier ist|hier spricht|"
    r"ich bin (?:die|der))|Frau|Herrn?|Fr\.|Hr\.|Dr\.)\s+)"
    r"(?P<name>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?(?:\s+(?:von\s+|van\s+|de\s+)?[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)?)",
)
#: words after "Frau"/"Herr" or "ich bin die …" that are no names
_NOT_NAMES = frozenset({"Bürgermeister", "Bürgermeisterin", "Oberbürgermeister", "Oberbürgermeisterin", "Doktor",
                        "Mitarbeiterin", "Mitarbeiter", "Sachbearbeiterin", "Sachbearbeiter", "Mutter", "Vater",
                        "Besitzerin", "Besitzer", "Mieterin", "Mieter", "Vermieterin", "Vermieter", "Ansprechpartnerin",
                        "Ansprechpartner", "Nachbarin", "Nachbar", "Kollegin", "Kollege", "Tochter", "Sohn", "Halterin",
                        "Halter", "Eigentümerin", "Eigentümer", "Antragstellerin", "Antragsteller", "Stadt", "Ich",
                        "Sie", "Ihnen", "Euch", "Dich"})

# Steuer-ID: 11 digits, first not 0, often written "12 345 678 901"; Steuernummer: "22/815/08151".
_TAX_ID = re.compile(r"(?<![\d/.,])\b[1-9]\d(?:[ ]?\d{3}){3}\b(?![\d/.,]\d)")
_TAX_NUMBER = re.compile(r"(?<![\d/])\b\d{2,3}/\d{3,4}/\d{4,5}\b(?!/)")

# Personalausweis / Reisepass (since 2010): 9 characters from the ICAO alphabet without
# vowels, e.g. "L01X00T47", "C01X00T47", optional check digit; at least 3 digits.
_ID_CHARS = "CFGHJKLMNPRTVWXYZ"
_ID_NUMBER = re.compile(rf"\b(?=(?:[{_ID_CHARS}]*\d){{3}})[{_ID_CHARS}][{_ID_CHARS}0-9]{{8}}\d?\b")
_ID_CONTEXT = re.compile(
    r"(?P<label>(?:personal)?ausweis(?:nummer|-?nr\.?)?|(?:reise)?pass(?:nummer|-?nr\.?)?|"
    r"dokumentennummer|seriennummer des ausweises)(?P<sep>\s*(?:ist|lautet|:|-)?\s*)"
    r"(?P<value>[A-Z0-9]{6,10})\b",
    re.IGNORECASE,
)

_DATE_NUMERIC = re.compile(
    r"(?<![\d.])\b(?P<d>[0-3]?\d)\.\s?(?P<m>[01]?\d)\.\s?(?P<y>(?:19|20)?\d{2})\b(?![.\d])"
    r"|(?<![\d/])\b(?P<sd>[0-3]?\d)/(?P<sm>[01]?\d)/(?P<y2>(?:19|20)\d{2})\b(?![/\d])"
    r"|\b(?P<iy>(?:19|20)\d{2})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"
)
_DATE_WORDS = re.compile(
    rf"\b(?P<d>[0-3]?\d)\.?\s?(?:{_MONTHS})\.?\s+(?P<y>(?:19|20)\d{{2}})\b", re.IGNORECASE
)

# +49 / 0049 / national 0…: area code and number, with spaces, dashes, slashes, "(0)".
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?49[\s\-/.]*(?:\(0\)[\s\-/.]*)?|\(?0)\d{2,5}\)?(?:[\s\-/.]*\d){4,11}\b"
    r"|(?<![\w+])\+\s?\d{2,3}[\s\-/]*\d{2,5}(?:[\s\-/]*\d){4,11}\b"
)

# KO-AB 123, KO AB 123E, MYK-X 42, B-MW 1234H (case-sensitive upper case).
_PLATE = re.compile(r"(?<![\w-])[A-ZÄÖÜ]{1,3}[- ][A-Z]{1,2}[- ]?\d{1,4}[EH]?\b")

_STREET_SUFFIX = (
    r"(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|ufer|damm|pfad|markt|graben|wall|kai|"
    r"chaussee|steig|stieg|gässchen|hof|berg|tal|park|garten|feld|höhe|stra[sß]e)"
)
_HOUSE_NUMBER = r"\s?(?:(?:Nr\.?|Nummer|Hausnummer)\s?)?\d{1,3}(?:\s?[a-zA-Z](?![a-zA-ZäöüÄÖÜß]))?(?:\s?[-/]\s?\d{1,3}[a-z]?)?(?!\d|[.,:]\d)"
_STREET = re.compile(
    r"\b(?:[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*[\s-])?"  # "Hohenfelder Str.", "Friedrich-Ebert-Ring"
    rf"(?P<word>[A-ZÄÖÜ][\wäöüß]*?{_STREET_SUFFIX}|(?:Straße|Strasse|Str\.|Weg|Platz|Gasse|Allee|Ring|Ufer|Damm|"
    r"Markt|Wall|Graben|Berg))"
    rf"(?P<num>{_HOUSE_NUMBER})"
)
_STREET_PREPOSITION = re.compile(
    r"\b(?:Am|An der|An den|An dem|Auf der|Auf dem|Auf den|Im|In der|In den|In dem|Zum|Zur|Unter den|"
    r"Hinter der|Hinter dem|Vor dem|Vor der|Über dem|Bei der|Beim|Alte|Alter|Neue|Neuer)\s+"
    rf"[A-ZÄÖÜ][\wäöüß-]+(?:\s[A-ZÄÖÜ][\wäöüß-]+)?(?P<num>{_HOUSE_NUMBER})"
)
#: compound nouns that end like a street name but are none
_NOT_STREETS = frozenset({
    "parkplatz", "spielplatz", "arbeitsplatz", "kitaplatz", "krippenplatz", "kindergartenplatz", "stellplatz",
    "studienplatz", "ausbildungsplatz", "heimplatz", "pflegeplatz", "sportplatz", "bauplatz", "zeltplatz",
    "campingplatz", "schulplatz", "betreuungsplatz", "platz", "schulweg", "radweg", "rechtsweg", "umweg",
    "postweg", "dienstweg", "bildungsweg", "lebensweg", "weg", "ring", "hof", "berg", "tal", "park",
    "garten", "feld", "höhe", "friedhof", "bahnhof", "hauptbahnhof", "innenhof", "bauhof", "wertstoffhof",
    "recyclinghof", "gerichtshof", "flughafen", "wall", "markt", "arbeitsmarkt", "wochenmarkt", "flohmarkt",
    "weihnachtsmarkt", "wohnungsmarkt", "supermarkt", "kindergarten", "biergarten", "schrebergarten",
    "spielfeld", "umfeld", "bußgeldhöhe", "gebührenhöhe", "beitragshöhe", "nationalpark", "freizeitpark",
    "fuhrpark", "wasserpark", "damm", "graben", "ufer", "kai", "allee", "gasse",
})

_PLACEHOLDER_RE = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS))

Replacement = Union[str, Callable[[Match[str]], str]]


def _birth_date(today: dt.date) -> Callable[[Match[str]], str]:
    def replace(match: Match[str]) -> str:
        groups = match.groupdict()
        year_text = groups.get("y") or groups.get("iy") or groups.get("y2")
        if not year_text:
            return match.group(0)
        year = int(year_text)
        if year < 100:  # "3.5.85": two-digit years count back from today
            year += 1900 if year > today.year % 100 else 2000
        context = match.string[max(0, match.start() - 22):match.start()] + match.string[match.end():match.end() + 12]
        if _BIRTH_WORDS.search(context) or year <= today.year - BIRTH_YEAR_DISTANCE:
            return BIRTH_DATE
        return match.group(0)

    return replace


_BARE_SUFFIXES = frozenset({"straße", "strasse", "str.", "weg", "platz", "gasse", "allee", "ring", "ufer", "damm",
                            "markt", "wall", "graben", "berg"})
_NOT_PREFIXES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "mein",
                           "meine", "meinen", "unser", "unsere", "am", "im", "zum", "zur", "welche", "welcher"})


def _street(match: Match[str]) -> str:
    word = match.group("word").lower()
    prefix = match.group(0)[:match.start("word") - match.start()].strip(" -")
    if word in _BARE_SUFFIXES:  # "Friedrich-Ebert-Ring 50", "Hohenfelder Str. 22", not "Die Straße 5"
        return ADDRESS if prefix and prefix.lower() not in _NOT_PREFIXES else match.group(0)
    if word in _NOT_STREETS:
        return match.group(0)
    return match.group(0)[:match.start("word") - match.start()] + ADDRESS  # keep "Wohne " in "Wohne Löhrstr. 1"


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _card(match: Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    return CARD if 13 <= len(digits) <= 19 and _luhn(digits) else match.group(0)


def _name(match: Match[str]) -> str:
    words = match.group("name").split()
    if words[0] in _NOT_NAMES:
        return match.group(0)
    return match.group("cue") + NAME


def _id_context(match: Match[str]) -> str:
    value = match.group("value")
    if not any(ch.isdigit() for ch in value) or value.startswith("["):
        return match.group(0)
    return f"{match.group('label')}{match.group('sep')}{ID_NUMBER}"


def _rules(today: dt.date) -> list[tuple[Pattern[str], Replacement]]:
    birth = _birth_date(today)
    return [
        (_EMAIL, EMAIL),
        (_IBAN, lambda m: IBAN if sum(ch.isdigit() for ch in m.group(0)) >= 10 else m.group(0)),
        (_CARD, _card),
        (_SOCIAL, SOCIAL),
        (_TAX_NUMBER, TAX_NUMBER),
        (_ID_CONTEXT, _id_context),
        (_ID_NUMBER, ID_NUMBER),
        (_DATE_WORDS, birth),
        (_DATE_NUMERIC, birth),
        (_TAX_ID, TAX_ID),
        (_PHONE, lambda m: PHONE if sum(ch.isdigit() for ch in m.group(0)) >= 6 else m.group(0)),
        (_PLATE, PLATE),
        (_STREET_PREPOSITION, ADDRESS),
        (_STREET, _street),
        (_NAME, _name),
    ]


def mask_pii(text: str, today: dt.date | None = None) -> str:
    """Replace personal data in ``text`` by placeholders such as ``[E-Mail]`` or ``[Adresse]``."""
    if not text:
        return text
    for pattern, replacement in _rules(today or dt.date.today()):
        text = pattern.sub(replacement, text)
    return text


def contains_pii(text: str) -> bool:
    return mask_pii(text) != text


def placeholders_in(text: str) -> list[str]:
    return _PLACEHOLDER_RE.findall(text)
