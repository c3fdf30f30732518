"""Train the Rasa model only when its inputs changed (hash-keyed model cache).

The key is a SHA-256 over the Rasa config, domain, training data, the NLU lookup tables
generated from the catalogue (its service and office names and synonyms — not its fees,
summaries or search keywords, which the actions read at run time) and the locked ML package
versions, so a model is reused exactly when training would produce the same thing. Models live outside
git in ``$SCHAENGEL_MODEL_CACHE`` (default ``~/.cache/schaengel/models``), so a
fresh clone on the same machine reuses them.

    python -m bot.training ensure   # prints the model path, trains if needed
    python -m bot.training hash     # prints the key
"""
from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.catalogue import load_catalogue
from bot.nlu_lookups import lookup_tables, write_lookups
from bot.rasa_cli import TRAINING_DATA_DIRS, rasa_env, rasa_executable, training_data_args

HASHED_PATHS = ("config.yml", "domain.yml", *TRAINING_DATA_DIRS)
CATALOGUE_DIR = "data/catalogue"
#: locked packages whose version changes what training produces
MODEL_PACKAGES = ("rasa", "rasa-sdk", "tensorflow", "scikit-learn", "spacy", "spacy-lookups-data", "numpy")


def model_cache_dir() -> Path:
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "schaengel" / "models"
    return Path(os.environ.get("SCHAENGEL_MODEL_CACHE", default))


def training_hash(root: Path = PROJECT_ROOT) -> str:
    """SHA-256 over every input file's relative path and content, in a stable order."""
    digest = hashlib.sha256()
    for relative in HASHED_PATHS:
        path = root / relative
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if not file.is_file() or "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(root)).encode())
            digest.update(b"\0")
            digest.update(file.read_bytes())
            digest.update(b"\0")
    lookups = lookup_tables(load_catalogue(root / CATALOGUE_DIR)) if (root / CATALOGUE_DIR).is_dir() else {}
    digest.update(json.dumps(lookups, sort_keys=True, ensure_ascii=False).encode())
    digest.update("\n".join(_model_package_pins(root / "requirements.lock")).encode())
    return digest.hexdigest()[:20]


def _model_package_pins(lock: Path) -> list[str]:
    if not lock.is_file():
        return []
    lines = lock.read_text(encoding="utf-8").splitlines()
    return sorted(line for line in lines if line.split("==")[0].strip().lower() in MODEL_PACKAGES)


def ensure_model(root: Path = PROJECT_ROOT, log=print) -> Path:  # type: ignore[no-untyped-def]
    """Return the cached model for the current inputs, training it first if needed."""
    key = training_hash(root)
    cache = model_cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    model = cache / f"schaengel-{key}.tar.gz"
    with open(cache / ".train.lock", "w") as lock:  # one training at a time per cache
        fcntl.flock(lock, fcntl.LOCK_EX)
        if model.is_file():
            log(f"Modell aktuell (Cache-Treffer): {model}")
            return model
        log(f"Trainingsdaten geändert – trainiere Modell {key} …")
        started = time.monotonic()
        with tempfile.TemporaryDirectory(dir=cache) as tmp:
            lookups = write_lookups(Path(tmp) / "catalogue_lookups.yml")
            subprocess.run(
                [rasa_executable(), "train", *training_data_args(str(lookups)), "--out", tmp,
                 "--fixed-model-name", model.stem.removesuffix(".tar")],
                cwd=root, env=rasa_env(), check=True,
                stdout=sys.stderr,  # stdout carries only the model path (scripts capture it)
            )
            produced = Path(tmp) / model.name
            os.replace(produced, model)
        log(f"Modell trainiert in {time.monotonic() - started:.0f} s: {model}")
        _prune_old_models(cache, keep=model)
    return model


def _prune_old_models(cache: Path, keep: Path, max_models: int = 5) -> None:
    models = sorted(cache.glob("schaengel-*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [m for m in models if m != keep][max_models - 1:]:
        old.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.training", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["ensure", "hash"])
    args = parser.parse_args(argv)
    if args.command == "hash":
        print(training_hash())
        return 0
    try:
        model = ensure_model(log=lambda line: print(line, file=sys.stderr))
    except subprocess.CalledProcessError as exc:
        print(f"Training fehlgeschlagen (Exit-Code {exc.returncode}).", file=sys.stderr)
        return 1
    print(model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
