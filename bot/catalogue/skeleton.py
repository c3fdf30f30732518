"""A new catalogue entry from a LeiKa key: ``python -m bot.catalogue new-service <key>``.

Staff should not type what the national catalogue already knows. The skeleton takes
the LeiKa and OZG names, the key, the Lebenslage, the words citizens use for the
service object (``data/reference/citizen_words*.yaml``) and who is likely responsible
in Koblenz (``data/reference/responsibles.yaml``: a city office of ``offices.yaml`` or
a non-city authority). It states no summary, fee, document or deadline — those need
a person and a source — and is valid as it stands, so the bot can route the service
at once and says "Bitte prüfen Sie …" until someone has checked it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml

from .leika import LeikaCatalog
from .schema import CatalogueMeta
from .text import fold
from .reference import read_citizen_words, read_responsibles, routing

#: said when neither the authors' routing nor the LeiKa service group names anyone
UNKNOWN_AUTHORITY = "Stadtverwaltung Koblenz (Zuständigkeit noch zu klären, Behördennummer 115)"


@dataclass(frozen=True)
class Skeleton:
    service_id: str
    yaml_text: str
    office_ids: tuple[str, ...]
    authority: str


def slug(text: str) -> str:
    """"Gaststättenerlaubnis beantragen" → "gaststaettenerlaubnis-beantragen"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:60].rstrip("-")


def service_skeleton(key: str, leika: LeikaCatalog, reference_dir: Path, office_ids: Iterable[str],
                     taken_ids: Iterable[str] = (), city_url: str = CatalogueMeta.url) -> Skeleton:
    """The YAML text of one ``services:`` entry for LeiKa ``key`` (raises ``KeyError`` if unknown).

    ``city_url`` (the catalogue's ``meta.url``) is where citizens land until the city has a page of its own
    for the service."""
    entry = leika.get(key)
    if entry is None:
        raise KeyError(key)
    words = read_citizen_words(reference_dir).get(key[:8]) or {}
    responsible, certainty = routing(key[:8], words, *read_responsibles(reference_dir))
    office = (responsible.office_id or responsible.responsible_id) if responsible else None
    offices = (office,) if office in set(office_ids) else ()
    authority = "" if offices else (responsible.name if responsible else UNKNOWN_AUTHORITY)
    title = str(words.get("name") or entry.name)
    taken, service_id, n = set(taken_ids), slug(title), 2
    while service_id in taken:
        service_id, n = f"{slug(title)}-{n}", n + 1
    data: dict = {"id": service_id, "title": title, "leika": key, "info_url": city_url}
    data.update({"offices": list(offices)} if offices else {"authority": authority})
    if entry.lebenslage:
        data["category"] = entry.lebenslage
    data["source"] = {"name": "Stadt Koblenz – Entwurf Schängel aus dem LeiKa/OZG-Katalog, ungeprüft",
                      "url": city_url, "reviewed": None}
    routed = f"{responsible.name} (Sicherheit: {certainty})" if responsible else "unbekannt"
    header = "\n".join([
        f"  # Neu aus LeiKa {key}: {entry.name}",
        f"  # OZG-Leistung: {entry.ozg_leistung or '–'}; Lebenslage: {entry.lebenslage or '–'}",
        f"  # Zuständig laut data/reference/responsibles.yaml: {routed} – bitte prüfen.",
        "  # Bitte ergänzen: summary (kurz, einfache Sprache), info_url (die koblenz.de-Seite",
        "  # …/leistungen/RLP:entry:<id>:ANLR-VLR/…), documents und fees nur mit Quelle. Danach: make validate.",
    ])
    body = yaml.safe_dump([data], allow_unicode=True, sort_keys=False, width=110)
    body = "\n".join("  " + line if line else line for line in body.splitlines())
    return Skeleton(service_id, f"{header}\n{body}\n", offices, authority)


def append_to_file(path: Path, skeleton: Skeleton) -> None:
    """Add the entry to ``path`` (a ``services:`` file), creating the file if needed."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" if path.exists() else "services:\n"
    path.write_text(text + skeleton.yaml_text, encoding="utf-8")
