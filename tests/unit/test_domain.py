"""The Rasa domain keeps the promises of the brief: AI disclosure, privacy link, valid cards."""
from pathlib import Path

import yaml

from bot.contract import validate_card

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def test_every_custom_payload_in_responses_is_a_valid_card() -> None:
    cards = [
        variant["custom"]
        for variants in DOMAIN["responses"].values()
        for variant in variants
        if "custom" in variant
    ]
    assert cards, "expected at least the emergency and fallback cards"
    for card in cards:
        validate_card(card)


def test_greeting_discloses_ai_and_links_privacy_notice() -> None:
    for variant in DOMAIN["responses"]["utter_greet"]:
        assert "KI" in variant["text"] and "kein Mensch" in variant["text"]
        assert "](/datenschutz)" in variant["text"]


def test_emergency_response_names_both_numbers_in_text() -> None:
    for variant in DOMAIN["responses"]["utter_emergency"]:
        assert "112" in variant["text"] and "110" in variant["text"]
        assert variant["custom"]["type"] == "emergency"


def test_citizen_texts_use_formal_address() -> None:
    informal = (" du ", " dich ", " dir ", " dein")
    for name, variants in DOMAIN["responses"].items():
        for variant in variants:
            text = f" {variant.get('text', '').lower()} "
            assert not any(word in text for word in informal), name
