"""The model cache key changes exactly when training inputs change."""
import shutil
from pathlib import Path

from bot.training import CATALOGUE_DIR, HASHED_PATHS, training_hash

ROOT = Path(__file__).resolve().parents[2]


def _copy_inputs(target: Path) -> None:
    for relative in (*HASHED_PATHS, CATALOGUE_DIR, "requirements.lock"):
        source = ROOT / relative
        if source.is_dir():
            shutil.copytree(source, target / relative)
        elif source.is_file():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target / relative)


def test_hash_is_stable_and_tracks_training_data(tmp_path: Path) -> None:
    _copy_inputs(tmp_path)
    first = training_hash(tmp_path)
    assert training_hash(tmp_path) == first
    (tmp_path / "README.md").write_text("docs do not matter")
    assert training_hash(tmp_path) == first
    nlu = tmp_path / "data" / "nlu" / "basics.yml"
    nlu.write_text(nlu.read_text() + "\n# edited\n")
    assert training_hash(tmp_path) != first


def test_hash_tracks_ml_package_versions_only(tmp_path: Path) -> None:
    _copy_inputs(tmp_path)
    lock = tmp_path / "requirements.lock"
    first = training_hash(tmp_path)
    lock.write_text(lock.read_text() + "some-test-tool==1.0\n")
    assert training_hash(tmp_path) == first
    lock.write_text(lock.read_text().replace("rasa==3.6.21", "rasa==3.6.20"))
    assert training_hash(tmp_path) != first


def test_hash_tracks_catalogue_names_not_search_keywords(tmp_path: Path) -> None:
    """Lookup tables come from service names and synonyms; keywords and facts are read at run time."""
    _copy_inputs(tmp_path)
    first = training_hash(tmp_path)
    services = tmp_path / CATALOGUE_DIR / "services" / "ausweise.yaml"
    text = services.read_text(encoding="utf-8")
    services.write_text(text.replace("summary: >-", "summary: >-\n      Geändert.", 1), encoding="utf-8")
    assert training_hash(tmp_path) == first
    services.write_text(text.replace("synonyms: [", "synonyms: [Ausweisding, ", 1), encoding="utf-8")
    assert training_hash(tmp_path) != first
