"""Deterministic emergency detection: 112/110 first, whatever else a message says.

NLU recognises emergencies too, but a safety rule must not depend on a model's
confidence, on the action server or even on Rasa being up. The gateway checks
every citizen message with :func:`looks_like_emergency` and puts the emergency
card first if the bot's reply lacks it. Patterns favour recall: showing the
emergency numbers once too often is cheap; missing a fire is not.
"""
from __future__ import annotations

import re
import unicodedata

_PATTERNS = [
    r"\bes brennt\b", r"\bbrennt\b", r"\bfeuer\b(?!wehrfest|werk)", r"\brauch\b.*\b(wohnung|haus|keller|treppenhaus)\b",
    r"\bunfall\b", r"\bverkehrsunfall\b", r"\bverletzte?n?\b",
    r"\bherzinfarkt\b", r"\bschlaganfall\b", r"\bbewusstlos\b", r"\batmet nicht\b", r"\bkeine luft\b",
    r"\bzusammengebrochen\b", r"\bnotarzt\b", r"\bkrankenwagen\b", r"\brettungswagen\b", r"\bnotfall\b",
    r"\bblutet\b", r"\bstark(e|en)? blutung\b", r"\bvergiftung\b",
    r"\bgasgeruch\b", r"\briecht nach gas\b", r"\bgas ?leck\b",
    r"\bertrinkt\b", r"\bertrinken\b", r"\bins wasser gefallen\b", r"\bin den rhein gefallen\b",
    r"\bin die mosel gefallen\b",
    r"\büberfall\b", r"\bueberfall\b", r"\bwerde bedroht\b", r"\bbedroht mich\b", r"\bmesser\b",
    r"\bangegriffen\b", r"\beinbrecher\b", r"\bjemand ist in meiner wohnung\b",
    r"\bsuizid\b", r"\bumbringen\b",
]
_EMERGENCY = re.compile("|".join(_PATTERNS))


def looks_like_emergency(text: str) -> bool:
    """True when a message may describe danger to life, health or property right now."""
    return bool(_EMERGENCY.search(unicodedata.normalize("NFC", text).lower()))
