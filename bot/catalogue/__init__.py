"""Service catalogue of the city: services, offices, opening hours and search.

Public API (see ``docs/catalogue.md``)::

    from bot.catalogue import load_catalogue
    catalogue = load_catalogue()                  # validated YAML from data/catalogue/
    hits = catalogue.search("Perso verloren")     # [SearchHit(service, score, matched)]
    catalogue.status("buergeramt")                # OfficeStatus (open now, sentence, …)

The YAML under ``data/catalogue/`` is the source of truth that staff edit; the
database holds a synced copy (``python -m bot.catalogue load``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional, Union

from .catalogue import Catalogue, VocabularyEntry
from .leika import LeikaCatalog, LeikaEntry, is_leika_key, load_leika
from .loader import CatalogueData, CatalogueError, CatalogueMeta, Issue, read_catalogue_dir
from .reference import ReferenceService, Responsible, build_references, is_reference_id
from .model import Address, Closure, Fee, FeeSchedule, Office, Service, Source
from .search import SearchHit, close_hits, is_ambiguous

__all__ = [
    "Address", "Catalogue", "CatalogueData", "CatalogueError", "CatalogueMeta", "Closure", "Fee", "FeeSchedule",
    "Issue", "LeikaCatalog", "LeikaEntry", "Office", "ReferenceService", "Responsible", "SearchHit", "Service",
    "Source", "VocabularyEntry", "is_reference_id",
    "close_hits", "is_ambiguous", "is_leika_key", "load_catalogue", "load_leika", "read_catalogue_dir", "vocabulary",
]


def load_catalogue(directory: Optional[Union[str, Path]] = None, *, leika_csv: Optional[Union[str, Path]] = None,
                   database_url: Optional[str] = None, name: str = "koblenz") -> Catalogue:
    """Load the catalogue, validated, with its in-memory search index.

    * default: the YAML in ``directory`` (``SCHAENGEL_CATALOGUE_DIR``, else
      ``data/catalogue``); LeiKa keys are checked against ``leika_csv``
      (``SCHAENGEL_LEIKA_CSV``) when that file exists;
    * ``database_url``: the copy synced into the database under ``name``.

    Raises :class:`CatalogueError` (every issue with file and line) for invalid YAML.
    """
    if database_url is not None:
        from bot.db import make_engine

        from .store import read_catalogue

        return read_catalogue(make_engine(database_url), name)
    from bot.config import load_settings

    settings = load_settings()
    directory = Path(directory) if directory is not None else settings.catalogue_dir
    leika = load_leika(Path(leika_csv) if leika_csv is not None else None)
    data = read_catalogue_dir(directory, leika)
    # every LeiKa object, also those the catalogue covers: the world search gives their citizen words
    # to the catalogue service (bot.catalogue.world.background_fields)
    references = build_references(leika, settings.reference_dir) if leika is not None else []
    return Catalogue(data.services, data.offices, data.closures, data.meta, references)


def vocabulary(catalogue: Optional[Catalogue] = None) -> Iterator[VocabularyEntry]:
    """Service and office names + synonyms, e.g. to generate Rasa lookup tables."""
    return (catalogue or load_catalogue()).vocabulary()
