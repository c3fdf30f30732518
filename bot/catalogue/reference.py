"""The national background: every LeiKa service object, with who is responsible in Koblenz.

The Koblenz catalogue holds checked facts for a few dozen services; citizens ask about hundreds more.
Each of the ~1,800 LeiKa *Leistungsobjekte* (the first 8 digits of a key: level, service group, object,
e.g. ``99008001`` Personalausweis) becomes a :class:`ReferenceService`: its official names (the object's
rows and their OZG-Leistung), the words citizens use for it (``data/reference/citizen_words.yaml``,
written by the project's own authors) and the authority that handles it
(``data/reference/responsibles.yaml``: per object, else a default per LeiKa service group).

A reference service is only *named* to the citizen, never answered with fees, documents or deadlines:
the city has checked none of them (reply contract: ``coverage: "reference"``).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Optional, Sequence

import yaml

from .leika import LeikaCatalog, LeikaEntry

if TYPE_CHECKING:
    from .model import Service

#: how sure the routing to ``responsible`` is, from the data
CERTAINTIES = ("high", "medium", "low")
REFERENCE_PREFIX = "leika:"


@dataclass(frozen=True)
class Responsible:
    """An authority that handles services: a city office or a state, federal or other body."""

    responsible_id: str
    name: str
    kind: str  # city | state | federal | other
    url: Optional[str] = None
    office_id: Optional[str] = None  # its office in offices.yaml when the ids differ

    def as_dict(self) -> dict[str, Optional[str]]:
        return {"id": self.responsible_id, "name": self.name, "kind": self.kind, "url": self.url}


@dataclass(frozen=True)
class ReferenceService:
    """One LeiKa service object the Koblenz catalogue does not hold."""

    leika: str  # the object's general 14-digit key (``…000000`` where it exists)
    title: str
    names: tuple[str, ...]  # the LeiKa names of the object's rows
    ozg_leistungen: tuple[str, ...]
    lebenslagen: tuple[str, ...]
    words: tuple[str, ...] = ()
    responsible: Optional[Responsible] = None
    certainty: str = "low"
    ozg_id: Optional[int] = None

    @property
    def object_key(self) -> str:
        return self.leika[:8]

    @property
    def service_id(self) -> str:
        """Stable id in cards and button payloads: ``leika:<key>``."""
        return f"{REFERENCE_PREFIX}{self.leika}"


def is_reference_id(service_id: Optional[str]) -> bool:
    return bool(service_id) and str(service_id).startswith(REFERENCE_PREFIX)


def _read_yaml(path: Path) -> Mapping:
    if not path.is_file():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _authority(entry: Mapping) -> Responsible:
    return Responsible(str(entry["id"]), str(entry["name"]), str(entry.get("kind") or "other"), entry.get("url") or None,
                       entry.get("office") or None)


def _word_files(directory: Path) -> list[Path]:
    """``citizen_words*.yaml``: one file per author."""
    return sorted(directory.glob("citizen_words*.yaml"))


def read_responsibles(directory: Path) -> tuple[dict[str, Responsible], dict[str, tuple[str, str]]]:
    """Authorities by id, and the default ``(responsible_id, certainty)`` per 3-digit service group."""
    document = _read_yaml(directory / "responsibles.yaml")
    authorities = {str(entry["id"]): _authority(entry) for entry in document.get("responsibles") or []}
    for path in _word_files(directory):  # authorities a later author needed
        for entry in _read_yaml(path).get("new_responsibles") or []:
            authorities.setdefault(str(entry["id"]), _authority(entry))
    groups = {
        str(entry["group"]).zfill(3): (str(entry["responsible"]), str(entry.get("certainty") or "medium"))
        for entry in document.get("groups") or []
    }
    return authorities, groups


def read_citizen_words(directory: Path) -> dict[str, dict]:
    """Name, words and routing per 8-digit LeiKa object, merged over the authors' files
    (an object's first entry wins; ``more_words`` adds words to any object)."""
    objects: dict[str, dict] = {}
    extra: dict[str, list[str]] = {}
    for path in _word_files(directory):
        document = _read_yaml(path)
        for entry in document.get("objects") or []:
            objects.setdefault(str(entry["leika"])[:8], dict(entry))
        for key, words in (document.get("more_words") or {}).items():
            extra.setdefault(str(key)[:8], []).extend(str(w) for w in words or ())
    for key, words in extra.items():
        if key in objects:
            objects[key]["words"] = list(dict.fromkeys([*(objects[key].get("words") or []), *words]))
    return objects


def routing(object_key: str, entry: Mapping, authorities: Mapping[str, Responsible],
            groups: Mapping[str, tuple[str, str]]) -> tuple[Optional[Responsible], str]:
    """Who handles a LeiKa object in Koblenz and how sure that is: the authors' entry for the object
    (``citizen_words*.yaml``), else the default of its LeiKa service group (``responsibles.yaml``)."""
    responsible_id, certainty = entry.get("responsible"), entry.get("certainty")
    if not responsible_id:
        responsible_id, certainty = groups.get(object_key[2:5], (None, "low"))
    return (authorities.get(str(responsible_id)) if responsible_id else None,
            str(certainty if certainty in CERTAINTIES else "low"))


def build_references(leika: LeikaCatalog, directory: Path, covered_objects: Iterable[str] = ()) -> list[ReferenceService]:
    """One :class:`ReferenceService` per LeiKa object that no catalogue service covers."""
    authorities, groups = read_responsibles(directory)
    words = read_citizen_words(directory)
    covered = set(covered_objects)
    rows: dict[str, list[LeikaEntry]] = defaultdict(list)
    for entry in leika:
        if entry.key:
            rows[entry.key[:8]].append(entry)
    references = []
    for object_key, entries in rows.items():
        if object_key in covered:
            continue
        general = next((e for e in entries if e.key and e.key.endswith("000000")), entries[0])
        extra = words.get(object_key) or {}
        responsible, certainty = routing(object_key, extra, authorities, groups)
        references.append(ReferenceService(
            leika=general.key or "",
            title=str(extra.get("name") or general.name),
            names=tuple(dict.fromkeys(e.name for e in entries)),
            ozg_leistungen=tuple(dict.fromkeys(e.ozg_leistung for e in entries if e.ozg_leistung)),
            lebenslagen=tuple(dict.fromkeys(e.lebenslage for e in entries if e.lebenslage)),
            words=tuple(str(w) for w in extra.get("words") or ()),
            responsible=responsible,
            certainty=certainty,
            ozg_id=general.ozg_id,
        ))
    return references


def check_citizen_words(directory: Path, leika: LeikaCatalog, services: Sequence["Service"]) -> list[str]:
    """Problems in the authors' ``citizen_words*.yaml`` (empty when fine), as ``file: message``.

    An entry must name a LeiKa object that exists and route to a known authority; a citizen word
    may belong to one object only and never repeat the title, a synonym or a keyword of a catalogue
    service for *another* object (else the search could not tell them apart and the catalogue would
    lose its precedence). Words of an object the catalogue covers serve that service
    (:func:`bot.catalogue.world.background_fields`).
    """
    objects = {entry.key[:8] for entry in leika if entry.key}
    authorities, _groups = read_responsibles(directory)
    taken = {" ".join(phrase.casefold().split()): (s.leika or "")[:8]
             for s in services for phrase in (s.title, *s.synonyms, *s.keywords)}
    owner: dict[str, str] = {}
    problems: list[str] = []
    for path in _word_files(directory):
        document = _read_yaml(path)
        entries = [(str(e.get("leika", ""))[:8], e.get("words") or (), e.get("responsible"))
                   for e in document.get("objects") or []]
        entries += [(str(k)[:8], words or (), None) for k, words in (document.get("more_words") or {}).items()]
        for key, words, responsible in entries:
            where = f"{path.name}: {key}"
            if key not in objects:
                problems.append(f"{where}: kein LeiKa-Leistungsobjekt")
            if responsible and str(responsible) not in authorities:
                problems.append(f"{where}: unbekannte Zuständigkeit {responsible!r}")
            for word in words:
                norm = " ".join(str(word).casefold().split())
                if norm in taken and taken[norm] != key:
                    problems.append(f"{where}: {word!r} steht schon im Koblenzer Katalog")
                elif owner.setdefault(norm, key) != key:
                    problems.append(f"{where}: {word!r} gehört schon zu {owner[norm]}")
    return problems
