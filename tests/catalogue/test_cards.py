"""Reply-contract cards built from catalogue objects."""
from __future__ import annotations

import datetime as dt

from bot.catalogue import Catalogue
from bot.contract import opening_hours_card, service_card, validate_card, why


def test_service_card(catalogue: Catalogue) -> None:
    hit = catalogue.search("Perso verloren")[0]
    card = service_card(hit.service, why("service_info", hit.score, list(hit.matched)),
                        catalogue.offices_for(hit.service))
    validate_card(card)
    assert card["leika"] == "99008001014002" and card["service_id"] == "personalausweis-verlust"
    assert card["source"] == {"name": "Stadt Koblenz – Entwurf Schängel, ungeprüft",
                              "url": "https://www.koblenz.de/", "reviewed": None, "as_of": None}
    assert card["why"] == {"intent": "service_info", "confidence": 1.0, "matched": ["perso", "verloren"]}
    assert card["notice"] == ("Bitte prüfen Sie die aktuellen Angaben unter https://www.koblenz.de/buergerservice/leistungen/"
                              "RLP:entry:65121:ANLR-VLR/personalausweis-ausstellung-neu-wegen-verlust/.")
    assert card["offices"] == [{"office_id": "buergeramt", "name": "Bürgeramt"}]
    assert card["fees"][0]["text"] == "Verlust- oder Diebstahlsanzeige: gebührenfrei"
    assert card["fees"][1]["text"] == "neuer Personalausweis ab 24 Jahren: 46,00 €"


def test_local_service_card_has_null_leika(catalogue: Catalogue) -> None:
    card = service_card(catalogue.service("abfuhrtermine"), why(None, None, []))
    assert card["leika"] is None and card["ozg"] is None


def test_opening_hours_card(catalogue: Catalogue) -> None:
    status = catalogue.status("buergeramt", dt.datetime(2026, 6, 4, 9, 0))
    card = opening_hours_card(status, why("ask_opening_hours", 0.93, ["Bürgeramt"]))
    validate_card(card)
    assert card["open_now"] is False and card["office_id"] == "buergeramt"
    assert card["address"] == "Gymnasialstraße 6, Koblenz"  # the source names no postcode: none is guessed
    assert card["text"].startswith("Heute geschlossen (Fronleichnam).")
    assert card["next_opening"] == "2026-06-05T08:00:00+02:00"
    assert card["sample_data"] is True and card["reviewed"] is False
    assert card["sample_fields"] == ["opening_hours"]
    assert card["facts"]["address"]["as_of"] == "2025-08-07"  # the address has its own dated source
    assert set(card["source"]) == {"name", "url", "reviewed", "as_of"}
