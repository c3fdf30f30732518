"""Rasa lookup tables generated from the service catalogue.

Staff edit services and offices in ``data/catalogue/``; their names and synonyms
become lookup tables (features for the intent classifier via RegexFeaturizer), so
a new synonym like "Perso" helps NLU without anyone touching ``data/nlu``. The
file is written at training time (``bot.training``), never committed.

    python -m bot.nlu_lookups [OUT]   # print or write the generated YAML
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import yaml

from bot.catalogue import Catalogue, load_catalogue


def lookup_tables(catalogue: Catalogue) -> dict:
    names: dict[str, set[str]] = {"service": set(), "office": set()}
    for entry in catalogue.vocabulary():
        for name in (entry.name, *entry.synonyms):
            if name and len(name) >= 3:
                names[entry.kind].add(name.strip())
    return {
        "version": "3.1",
        "nlu": [
            {"lookup": kind, "examples": "".join(f"- {name}\n" for name in sorted(values))}
            for kind, values in names.items()
        ],
    }


def write_lookups(path: Path, catalogue: Optional[Catalogue] = None) -> Path:
    document = lookup_tables(catalogue or load_catalogue())
    path.write_text(
        "# generated from data/catalogue by bot.nlu_lookups – do not edit\n"
        + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000),
        encoding="utf-8",
    )
    return path


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(write_lookups(Path(sys.argv[1])))
    else:
        print(yaml.safe_dump(lookup_tables(load_catalogue()), allow_unicode=True, sort_keys=False, width=1000))
