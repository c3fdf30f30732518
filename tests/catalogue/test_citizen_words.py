"""The authors' citizen words for LeiKa objects (data/reference/citizen_words*.yaml) stay usable:
real objects the catalogue lacks, known authorities, and no word that two services share."""
from __future__ import annotations

import shutil
from pathlib import Path

from bot.catalogue import LeikaCatalog, load_catalogue
from bot.catalogue.reference import check_citizen_words
from bot.config import load_settings

from .conftest import CATALOGUE_DIR

CATALOGUE = load_catalogue()


def test_the_real_citizen_words_have_no_problems(leika: LeikaCatalog) -> None:
    assert check_citizen_words(load_settings().reference_dir, leika, CATALOGUE.services) == []


def test_a_shared_word_an_unknown_object_and_a_catalogue_phrase_are_reported(leika: LeikaCatalog, tmp_path: Path) -> None:
    shutil.copy(load_settings().reference_dir / "responsibles.yaml", tmp_path)
    (tmp_path / "citizen_words_x.yaml").write_text(
        'objects:\n'
        '  - leika: "99025002"\n    words: ["Kneipe aufmachen", "Perso"]\n'
        '  - leika: "99999999"\n    words: ["gibt es nicht"]\n'
        '  - leika: "99001004"\n    words: ["kneipe  AUFMACHEN"]\n    responsible: niemand\n',
        encoding="utf-8")
    problems = check_citizen_words(tmp_path, leika, CATALOGUE.services)
    assert any("99999999" in p and "kein LeiKa" in p for p in problems)
    assert any("'Perso'" in p and "Katalog" in p for p in problems)
    assert any("99001004" in p and "gehört schon zu 99025002" in p for p in problems)
    assert any("unbekannte Zuständigkeit" in p for p in problems)


def test_words_of_a_covered_object_serve_the_catalogue_service(leika: LeikaCatalog) -> None:
    """The authors wrote words for the Gaststättenerlaubnis while it was only a reference; now that the city
    catalogues it, those words find the catalogue service (and no second, national entry remains)."""
    catalogue = load_catalogue(CATALOGUE_DIR)
    service = catalogue.service("gaststaettenerlaubnis")
    assert service is not None and service.leika == "99025002000000"
    assert catalogue.world.reference("leika:99025002000000") is None
    assert catalogue.world.resolve("kneipe eroeffnen").service is service  # a citizen word, not its title
    # covering an object the authors described is no validation problem: its words now serve the service
    assert check_citizen_words(load_settings().reference_dir, leika, catalogue.services) == []
