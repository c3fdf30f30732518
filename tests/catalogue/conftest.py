"""Shared fixtures: the real Koblenz catalogue and the real shared source files."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.catalogue import Catalogue, LeikaCatalog, load_catalogue, load_leika
from bot.config import PROJECT_ROOT, SHARED_SOURCES

CATALOGUE_DIR = PROJECT_ROOT / "data" / "catalogue"
LEIKA_CSV = SHARED_SOURCES / "ozg_leika_catalog_kdn-nrw_2021-08.csv"
DLDB_SERVICES = SHARED_SOURCES / "munich_dldb_services_de_2026-06-08.json"
DLDB_LOCATIONS = SHARED_SOURCES / "munich_dldb_locations_de_2026-06-08.json"


def _require(path: Path) -> Path:
    """The shared real data; skipped on a machine without ``../shared``, but CI must have it."""
    if not path.is_file():
        message = f"shared source file missing: {path}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI runs with ../shared beside the clone)")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def leika() -> LeikaCatalog:
    catalog = load_leika(_require(LEIKA_CSV))
    assert catalog is not None
    return catalog


@pytest.fixture(scope="session")
def catalogue(leika: LeikaCatalog) -> Catalogue:
    return load_catalogue(CATALOGUE_DIR, leika_csv=LEIKA_CSV)


@pytest.fixture()
def dldb_files() -> tuple[Path, Path]:
    return _require(DLDB_SERVICES), _require(DLDB_LOCATIONS)
