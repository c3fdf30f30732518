"""The OZG/LeiKa catalogue (federal service keys joined with OZG services).

Read from the CSV export described in ``../shared/data/catalogue-sources/README.md``
(5,251 rows). Used to validate the LeiKa keys of the Koblenz catalogue, to name
any LeiKa key with its OZG-Leistung, and as the large index for the search
benchmark.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from .search import Field, SearchHit, SearchIndex

LEIKA_KEY = re.compile(r"^\d{14}$")
NO_KEY = "nicht im LeiKa"
COLUMNS = ("leika_key", "leika_name", "leika_typ", "sdg1", "sdg2", "law_shortcuts", "ozg_id",
           "ozg_leistung", "lebenslage", "themenfeld", "hidden")


def is_leika_key(value: object) -> bool:
    """True for a well-formed 14-digit LeiKa key."""
    return isinstance(value, str) and bool(LEIKA_KEY.match(value))


@dataclass(frozen=True)
class LeikaEntry:
    """One row of the catalogue. ``key`` is None for "nicht im LeiKa" and junk keys."""

    row: int  # line in the CSV (header = 1)
    key: Optional[str]
    raw_key: str
    name: str
    typ: str
    sdg1: bool
    sdg2: bool
    law: str
    ozg_id: Optional[int]
    ozg_leistung: str
    lebenslage: str
    themenfeld: str

    @property
    def level(self) -> Optional[str]:
        """"99" = federal service; see the key layout in the source README."""
        return self.key[:2] if self.key else None


class LeikaCatalog:
    """All entries of the CSV with lookup by key and a lazily built search index."""

    def __init__(self, entries: list[LeikaEntry], path: Optional[Path] = None):
        self.entries = tuple(entries)
        self.path = path
        self._by_key: dict[str, LeikaEntry] = {}
        for entry in self.entries:
            if entry.key and entry.key not in self._by_key:
                self._by_key[entry.key] = entry
        self._index: Optional[SearchIndex[LeikaEntry]] = None

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[LeikaEntry]:
        return iter(self.entries)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._by_key

    def get(self, key: str) -> Optional[LeikaEntry]:
        return self._by_key.get(key)

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self._by_key)

    @property
    def index(self) -> SearchIndex[LeikaEntry]:
        """Search index over all entries (built on first use, ~1 s)."""
        if self._index is None:
            self._index = build_leika_index(self.entries)
        return self._index

    def search(self, text: str, limit: int = 5) -> list[SearchHit[LeikaEntry]]:
        return self.index.search(text, limit)


def build_leika_index(entries: tuple[LeikaEntry, ...] | list[LeikaEntry]) -> SearchIndex[LeikaEntry]:
    return SearchIndex(
        (e, (Field(e.name, 1.0, phrase=True), Field(e.ozg_leistung, 0.6), Field(e.lebenslage, 0.3)))
        for e in entries
    )


def _flag(value: str) -> bool:
    return value.strip() == "1"


def read_leika_csv(path: Path) -> LeikaCatalog:
    """Parse the CSV; raises ``ValueError`` naming the file and line on a broken row."""
    entries: list[LeikaEntry] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}:1: Spalten fehlen / missing columns: {', '.join(missing)}")
        for row in reader:
            line = reader.line_num
            raw = (row["leika_key"] or "").strip()
            ozg = (row["ozg_id"] or "").strip()
            try:
                ozg_id = int(ozg) if ozg else None
            except ValueError as exc:
                raise ValueError(f"{path}:{line}: OZG-ID nicht numerisch / OZG id not numeric: {ozg!r}") from exc
            entries.append(LeikaEntry(
                row=line, key=raw if is_leika_key(raw) else None, raw_key=raw,
                name=row["leika_name"].strip(), typ=row["leika_typ"].strip(), sdg1=_flag(row["sdg1"]),
                sdg2=_flag(row["sdg2"]), law=row["law_shortcuts"].strip(), ozg_id=ozg_id,
                ozg_leistung=row["ozg_leistung"].strip(), lebenslage=row["lebenslage"].strip(),
                themenfeld=row["themenfeld"].strip(),
            ))
    return LeikaCatalog(entries, path)


_CACHE: dict[Path, LeikaCatalog] = {}


def load_leika(path: Optional[Path] = None) -> Optional[LeikaCatalog]:
    """The LeiKa catalogue from ``path`` (default: settings), cached; None if the file is absent."""
    if path is None:
        from bot.config import load_settings

        path = load_settings().leika_csv
    path = Path(path)
    if not path.is_file():
        return None
    if path not in _CACHE:
        _CACHE[path] = read_leika_csv(path)
    return _CACHE[path]
