"""The real stack: personal data never reaches Rasa's tracker store or the logs; the bot still answers."""
from __future__ import annotations

import json
import urllib.request
import uuid

import pytest

from bot.privacy.pii import mask_pii

pytestmark = pytest.mark.live

SECRETS = ("DE89", "0261 9876543", "erika@example.org", "Löhrstraße 12", "KO-EM 123", "12.03.1985")


def tracker(stack, session: str) -> dict:  # type: ignore[no-untyped-def]
    request = urllib.request.Request(
        f"{stack.rasa_url}/conversations/{session}/tracker?token={stack.env['SCHAENGEL_RASA_TOKEN']}")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def test_pii_is_masked_before_rasa_and_the_bot_still_answers(live_stack) -> None:
    session = uuid.uuid4().hex
    messages = live_stack.chat(session, text=(
        "Ich bin Erika, geboren am 12.03.1985, wohne Löhrstraße 12, Tel. 0261 9876543, erika@example.org, "
        "IBAN DE89 3704 0044 0532 0130 00, Auto KO-EM 123. Wie beantrage ich einen Personalausweis?"))
    assert messages  # answered by Rasa, not the gateway's technical-error message
    assert not any(isinstance(m.get("custom"), dict) and m["custom"].get("reason") == "technical_error"
                   for m in messages)
    stored = json.dumps(tracker(live_stack, session), ensure_ascii=False)
    assert "[IBAN]" in stored and "[Adresse]" in stored
    for secret in SECRETS:
        assert secret not in stored
    for log in (live_stack.var_dir / "logs").glob("*.log"):
        content = log.read_text(errors="replace")
        assert not any(secret in content for secret in SECRETS), log.name


def test_emergency_with_an_address_still_gets_the_emergency_card(live_stack) -> None:
    messages = live_stack.chat(uuid.uuid4().hex, text="Es brennt in der Löhrstraße 12, schnell!")
    assert any(isinstance(m.get("custom"), dict) and m["custom"].get("type") == "emergency" for m in messages)


@pytest.mark.parametrize("plain, with_pii", [
    ("Wie melde ich meinen Wohnsitz um?", "Wie melde ich meinen Wohnsitz um? Neue Adresse: Schloßstr. 7"),
    ("Ich habe meinen Personalausweis verloren", "Ich habe meinen Personalausweis L01X00T47 verloren"),
    ("Wo kann ich mein Auto abmelden?", "Wo kann ich mein Auto KO-AB 123 abmelden?"),
    ("Ich möchte mit einem Menschen sprechen", "Ich möchte mit einem Menschen sprechen, Tel. 0171 2345678"),
])
def test_masking_keeps_the_intent(live_stack, plain: str, with_pii: str) -> None:
    masked = mask_pii(with_pii)
    assert masked != with_pii
    assert live_stack.parse(masked)["intent"]["name"] == live_stack.parse(plain)["intent"]["name"]
