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
    # fire and smoke
    r"\bes brennt\b", r"\bbrennt\b", r"\bfeuer\b(?!wehrfest|werk)", r"(?<!rhein in )\bflammen\b", r"\bbrand\b",
    r"\bqualmt\b", r"\b(rauch|qualm)\b.*\b(wohnung|haus|keller|treppenhaus|dach|küche|zimmer)\b",
    r"\b(wohnung|haus|keller|treppenhaus|küche)\b.*\b(rauch|qualm)\b",
    # gas, electricity, water
    r"\bgasgeruch\b", r"\briecht\b.*\bnach gas\b", r"\bgas ?leck\b", r"\bgas strömt\b",
    r"\b(strom|hochspannungs)(kabel|leitung)\b.*\b(funk|liegt|hängt|runter)", r"\bwasser steigt\b",
    # accidents, violence, crime in progress
    r"\bunfall\b", r"\bverkehrsunfall\b", r"\bverletzte?n?\b", r"\büberfall\b", r"\bueberfall\b",
    r"\bwerde (bedroht|verfolgt)\b", r"\bbedroht mich\b", r"\bmesser\b", r"\bwaffe\b", r"\bpistole\b",
    r"\bangegriffen\b", r"\bprügeln\b", r"\bschlägerei\b", r"\bschlägt\b.*\b(ein|zu)\b",
    r"\beinbrecher\b", r"\bbricht\b.*\bein\b", r"\beinbruch\b", r"\bjemand ist in meiner wohnung\b",
    # medical
    r"\bherzinfarkt\b", r"\bschlaganfall\b", r"\bbewusstlos\b", r"\bohnmächtig\b", r"\batmet nicht\b",
    r"\bkeine luft\b", r"\bersticken\b", r"\bzusammengebrochen\b", r"\bkrampfanfall\b",
    r"\b(brustschmerz|schmerzen in der brust)", r"\b(gesicht|arm|mundwinkel) hängt\b",
    r"\bkann (plötzlich )?nicht mehr (richtig )?sprechen\b",
    r"\bnotarzt\b", r"\bkrankenwagen\b", r"\brettungswagen\b", r"\bnotfall\b", r"\bnotruf\b",
    r"\bblutet\b", r"\bblutung\b", r"\bvergift", r"\b(tabletten|reiniger|putzmittel|gift|chemikalien)\b.*"
    r"\b(geschluckt|getrunken|gegessen)\b",
    r"\bertrinkt\b", r"\bertrinken\b", r"\buntergegangen\b", r"\bins wasser gefallen\b",
    r"\bin den rhein gefallen\b", r"\bin die mosel gefallen\b", r"\beingesperrt\b.*\bauto\b",
    # crisis
    r"\bsuizid\b", r"\bumbringen\b", r"\bnicht mehr leben\b", r"\bvon der brücke springen\b",
]
_EMERGENCY = re.compile("|".join(_PATTERNS))


def looks_like_emergency(text: str) -> bool:
    """True when a message may describe danger to life, health or property right now."""
    return bool(_EMERGENCY.search(unicodedata.normalize("NFC", text).lower()))
