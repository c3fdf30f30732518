"""Load and validate the staff-edited YAML catalogue (``data/catalogue/``).

Layout::

    catalogue.yaml        name, url, holidays (country/subdiv)
    offices.yaml          offices: [...]
    closures.yaml         closures: [...]   (special closures by date)
    services/*.yaml       services: [...]
    keywords*.yaml        keywords: {service id: [citizen words, …]}   (search only; one file per author)

Every problem is collected as an :class:`Issue` with file, line and a
German/English message; if there is any, :class:`CatalogueError` is raised and
nothing is returned — there is no partial catalogue.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Optional

import yaml

from .leika import LeikaCatalog
from .model import Closure, Office, Service
from .schema import CatalogueError, CatalogueMeta, EntryReader, Issue
from .yamlio import load_yaml

__all__ = ["CatalogueData", "CatalogueError", "CatalogueMeta", "Issue", "read_catalogue_dir"]


@dataclass
class CatalogueData:
    """Validated content of a catalogue directory."""

    meta: CatalogueMeta
    services: list[Service]
    offices: list[Office]
    closures: list[Closure]
    files: list[Path] = field(default_factory=list)


def copy_with_drafts(catalogue_dir: Path, drafts_dir: Path, target: Path) -> Path:
    """A copy of ``catalogue_dir`` at ``target`` whose services include the drafts (``drafts_dir/*.yaml``,
    not loaded by the bot) — how a draft is validated and measured before it is activated."""
    shutil.copytree(catalogue_dir, target)
    for draft in sorted(drafts_dir.glob("*.yaml")):
        shutil.copy(draft, target / "services" / f"draft_{draft.name}")
    return target


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent.parent if root.parent.name == "data" else root))
    except ValueError:
        return str(path)


def _read_keywords(reader: EntryReader, path: Path, services: dict[str, Service]) -> dict[str, tuple[str, ...]]:
    """``keywords.yaml``: search words per service id; unknown ids and non-text entries are errors."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        reader.error(0, f"YAML-Syntaxfehler / YAML syntax error: {exc}")
        return {}
    result: dict[str, tuple[str, ...]] = {}
    for service_id, words in (document.get("keywords") or {}).items():
        if service_id not in services:
            reader.error(0, f"keywords: unbekannte Leistung '{service_id}' / unknown service id")
        elif not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            reader.error(0, f"keywords '{service_id}': eine Liste von Texten erwartet / a list of texts expected")
        else:
            result[service_id] = tuple(w.strip() for w in words)
    return result


def read_catalogue_dir(directory: Path, leika: Optional[LeikaCatalog] = None) -> CatalogueData:
    """Read and validate a catalogue directory; raise :class:`CatalogueError` on any problem."""
    directory = Path(directory)
    reader = EntryReader(directory, leika)
    documents: dict[Path, Any] = {}
    files = [directory / "catalogue.yaml", directory / "offices.yaml", directory / "closures.yaml",
             *sorted((directory / "services").glob("*.yaml"))]
    for path in files:
        reader.file = _relative(path, directory)
        if not path.is_file():
            if path.name in ("offices.yaml",):
                reader.error(0, "Datei fehlt / file missing")
            continue
        try:
            documents[path] = load_yaml(path)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            reader.error(mark.line + 1 if mark else 0, f"YAML-Syntaxfehler / YAML syntax error: {getattr(exc, 'problem', exc)}")

    reader.file = _relative(directory / "catalogue.yaml", directory)
    meta = reader.meta(documents.get(directory / "catalogue.yaml"))

    reader.file = _relative(directory / "offices.yaml", directory)
    office_entries = reader.each(documents.get(directory / "offices.yaml"), "offices", reader.office)
    reader.check_unique(office_entries, ("Dienststellen-ID", "office id"))
    offices_by_id: dict[str, Office] = {}
    for office, _, _ in office_entries:
        if office is not None:
            offices_by_id.setdefault(office.office_id, office)
    known_offices = {e.get("id") for _, _, e in office_entries}

    closures: list[Closure] = []
    reader.file = _relative(directory / "closures.yaml", directory)
    closures_doc = documents.get(directory / "closures.yaml")
    for closure, file, entry in reader.each(closures_doc, "closures",
                                            lambda d: reader.closure(d, "closure", allow_offices=True)):
        if closure is None:
            continue
        for office_id in closure.office_ids:
            if office_id not in known_offices:
                reader.issues.append(Issue(file, entry.line_of("offices"),
                                           f"closure: unbekannte Dienststelle '{office_id}' / unknown office id"))
        closures.append(closure)

    service_entries = []
    for path in files[3:]:
        reader.file = _relative(path, directory)
        if path in documents:
            service_entries += reader.each(documents[path], "services", reader.service)
    reader.check_unique(service_entries, ("Leistungs-ID", "service id"))
    services_by_id: dict[str, Service] = {}
    for service, file, entry in service_entries:
        if service is None:
            continue
        services_by_id.setdefault(service.service_id, service)
        for office_id in service.office_ids:
            if office_id not in known_offices:
                reader.issues.append(Issue(file, entry.line_of("offices"), f"service '{service.service_id}': "
                                           f"unbekannte Dienststelle '{office_id}' / unknown office id"))
    keywords: dict[str, tuple[str, ...]] = {}
    for keywords_path in sorted(directory.glob("keywords*.yaml")):
        reader.file = _relative(keywords_path, directory)
        for service_id, found in _read_keywords(reader, keywords_path, services_by_id).items():
            keywords[service_id] = tuple(dict.fromkeys(keywords.get(service_id, ()) + found))
    services_by_id = {i: replace(s, keywords=keywords.get(i, ())) for i, s in services_by_id.items()}
    if reader.issues:
        raise CatalogueError(reader.issues)

    offices = []
    for office in offices_by_id.values():
        extra = tuple(c for c in closures if not c.office_ids or office.office_id in c.office_ids)
        offices.append(replace(office, closures=office.closures + extra))
    return CatalogueData(meta, list(services_by_id.values()), offices, closures,
                         [p for p in files if p.is_file()])
