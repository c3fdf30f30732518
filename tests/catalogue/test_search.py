"""Search on real, ambiguous citizen phrasing against the real Koblenz catalogue."""
from __future__ import annotations

import pytest

from bot.catalogue import Catalogue, is_ambiguous
from bot.catalogue.search import Field, SearchIndex, damerau_levenshtein
from bot.catalogue.text import stem, terms


def top(catalogue: Catalogue, text: str) -> str:
    hits = catalogue.search(text)
    assert hits, f"no hit for {text!r}"
    return hits[0].service.service_id


@pytest.mark.parametrize("text, expected", [
    ("Perso verloren", "personalausweis-verlust"),
    ("Mein Personalausweis wurde gestohlen", "personalausweis-verlust"),
    ("Fuehrerschein umtauschen", "fuehrerschein-umtausch"),
    ("führerschein umtauschen", "fuehrerschein-umtausch"),
    ("Führerschien verloren", "fuehrerschein-ersatz"),          # typo
    ("knöllchen", "verwarnungsgeld"),                            # colloquial
    ("Knoellchen bezahlen", "verwarnungsgeld"),
    ("Hundesteueranmeldung", "hundesteuer"),                     # compound
    ("Personalausweiss beantragen", "personalausweis-beantragen"),
    ("ich melde mein Auto ab", "kfz-abmeldung"),                  # separable verb
    ("Gewerbe abmelden", "gewerbe-abmeldung"),
    ("Wir wollen heiraten", "eheschliessung-anmeldung"),
    ("Angelschein", "fischereischein"),
    ("Wo bekomme ich Wohngeld?", "wohngeld"),
    ("Anwohnerparkausweiss", "bewohnerparkausweis"),
    ("Müllabfuhr Termine", "abfuhrtermine"),
    ("Ich brauche einen neuen Pass", "reisepass"),              # short inflected word "neuen"
    ("Meine Mutter ist gestorben", "sterbeurkunde"),
    ("Wohnungsgeberbestätigung", "wohnsitz-anmeldung"),         # found via required documents
    ("Ich bin neu in Koblenz", "wohnsitz-anmeldung"),
])
def test_top_hit(catalogue: Catalogue, text: str, expected: str) -> None:
    assert top(catalogue, text) == expected


def test_moving_is_ambiguous_and_offers_the_registration_services(catalogue: Catalogue) -> None:
    hits = catalogue.search("Ich ziehe um")
    ids = [h.service.service_id for h in hits[:3]]
    assert {"wohnsitz-anmeldung", "wohnsitz-ummeldung"} <= set(ids)
    assert is_ambiguous(hits)


def test_clear_question_is_not_ambiguous(catalogue: Catalogue) -> None:
    hits = catalogue.search("Perso verloren")
    assert hits[0].score == pytest.approx(1.0)
    assert not is_ambiguous(hits)
    assert hits[0].matched == ("perso", "verloren")


def test_scores_are_ranked_and_bounded(catalogue: Catalogue) -> None:
    hits = catalogue.search("Ausweis", limit=10)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 < s <= 1.0 for s in scores)


def test_nonsense_and_empty_queries_find_nothing(catalogue: Catalogue) -> None:
    assert catalogue.search("") == []
    assert catalogue.search("ich und du") == []
    assert catalogue.search("xyzzy qwrtz") == []


def test_office_search(catalogue: Catalogue) -> None:
    assert catalogue.search_offices("Einwohnermeldeamt")[0].item.office_id == "buergeramt"
    hit = catalogue.search_offices("Hat die Zulassungsstelle morgen auf?")[0]
    assert hit.item.office_id == "kfz-zulassung" and hit.score == 1.0


def test_leika_index_search(leika) -> None:
    hit = leika.search("Wohnsitzanmeldung")[0]
    assert hit.item.key == "99115005104000"
    assert leika.search("Baugenemigung")[0].item.name.startswith("Baugenehmigung")


def test_text_normalisation() -> None:
    assert stem("anmeldung") == stem("anmelden") == "anmeld"
    assert terms("Führerschein") == terms("Fuehrerschein")
    assert terms("Ich möchte bitte meinen Ausweis") == ["auswei"]


def test_damerau_levenshtein() -> None:
    assert damerau_levenshtein("schein", "schien") == 1
    assert damerau_levenshtein("abc", "abc") == 0
    assert damerau_levenshtein("kurz", "langes wort", limit=2) == 3


def test_index_splits_compounds_on_both_sides() -> None:
    index = SearchIndex([("a", [Field("Hundesteuer", phrase=True), Field("Anmeldung")]),
                         ("b", [Field("Steuer")])])
    assert index.split("hundesteueranmeldung") == ("hundesteu", "anmeld")
    assert index.search("Steuer")[0].item == "b"
    assert [h.item for h in index.search("Hundesteueranmeldung")] == ["a"]  # "steuer" alone is not split off
