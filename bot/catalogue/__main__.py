"""Command line for the catalogue: ``python -m bot.catalogue <command>``.

Commands::

    validate [--max-age-years N]  check data/catalogue/ (exit 1 and file:line: message on errors) and
                                  report sourced vs. sample facts and sources older than N years
    load | sync                   validate, then replace the "koblenz" catalogue in the database
    import leika [CSV]            load the OZG/LeiKa CSV into the table leika_entry
    import dldb --services S --locations L [--catalogue NAME]
                                  load a DLDB JSON export (e.g. Munich) as catalogue NAME
    search TEXT [--leika]         show ranked hits (Koblenz catalogue or the full LeiKa index)
    hours OFFICE [--at ISO]       opening-hours answer and the next seven days
    vocabulary                    service/office names + synonyms as JSON (for the NLU)
    new-service KEY [--file F]    append a validated skeleton for LeiKa KEY (names, Lebenslage,
                                  responsible office filled in) to F (default services/neu.yaml)
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

from bot.config import DEFAULT_LEIKA_CSV, SHARED_SOURCES, load_settings

from . import CatalogueError, load_catalogue, load_leika, read_catalogue_dir
from .leika import read_leika_csv
from .provenance import DEFAULT_MAX_AGE_YEARS, provenance_report
from .reference import check_citizen_words


def _leika(path: Optional[str]):
    catalog = load_leika(Path(path) if path else None)
    if catalog is None:
        print(f"Hinweis / note: LeiKa-CSV nicht gefunden, Schlüssel werden nur formal geprüft "
              f"({path or load_settings().leika_csv})", file=sys.stderr)
    return catalog


def _read_or_report(args: argparse.Namespace, leika):  # type: ignore[no-untyped-def]
    """The validated catalogue, or ``None`` after printing every issue with file and line."""
    directory = Path(args.dir) if args.dir else load_settings().catalogue_dir
    try:
        return read_catalogue_dir(directory, leika)
    except CatalogueError as exc:
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        print(f"{len(exc.issues)} Fehler / errors – nichts geladen / nothing loaded", file=sys.stderr)
        return None


def cmd_validate(args: argparse.Namespace) -> int:
    leika = _leika(args.leika_csv)
    data = _read_or_report(args, leika)
    if data is None:
        return 1
    if leika is not None:
        problems = check_citizen_words(load_settings().reference_dir, leika, data.services)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"{len(problems)} Fehler in den Bürgerwörtern (data/reference) / errors", file=sys.stderr)
            return 1
    unreviewed = sum(1 for s in data.services if not s.is_reviewed)
    samples = sum(1 for o in data.offices if o.sample_data)
    print(f"OK: {len(data.services)} Leistungen, {len(data.offices)} Dienststellen, {len(data.closures)} "
          f"Schließtage; {unreviewed} Leistungen ungeprüft (reviewed: null), {samples} Dienststellen mit Beispieldaten")
    report = provenance_report(data.offices, data.closures, data.services, dt.date.today(), args.max_age_years)
    for line in report.lines(args.max_age_years):
        print(line)
    return 0


def _engine(url: Optional[str]):
    from bot.db import make_engine

    return make_engine(url or load_settings().database_url)


def cmd_load(args: argparse.Namespace) -> int:
    from .store import sync_catalogue

    data = _read_or_report(args, _leika(args.leika_csv))
    if data is None:
        return 1
    offices = [_without_global(o, data.closures) for o in data.offices]
    counts = sync_catalogue(_engine(args.database_url), data.services, offices, data.closures, args.catalogue)
    print(f"geladen / loaded '{args.catalogue}': {counts}")
    return 0


def _without_global(office, closures):
    from dataclasses import replace

    return replace(office, closures=tuple(c for c in office.closures if c not in closures))


def cmd_import(args: argparse.Namespace) -> int:
    from .store import import_leika, sync_catalogue

    engine = _engine(args.database_url)
    started = time.perf_counter()
    if args.source == "leika":
        path = Path(args.path or DEFAULT_LEIKA_CSV)
        catalog = read_leika_csv(path)
        count = import_leika(engine, catalog)
        print(f"LeiKa: {count} Zeilen importiert / rows imported ({len(catalog.keys)} gültige Schlüssel) "
              f"in {time.perf_counter() - started:.2f} s")
        return 0
    from .dldb import read_dldb

    services = Path(args.services or SHARED_SOURCES / "munich_dldb_services_de_2026-06-08.json")
    locations = Path(args.locations or SHARED_SOURCES / "munich_dldb_locations_de_2026-06-08.json")
    result = read_dldb(services, locations, prefix=args.catalogue, publisher=args.publisher,
                       leika=load_leika(None))
    counts = sync_catalogue(engine, result.services, result.offices, (), args.catalogue)
    for warning in result.warnings:
        print(f"Warnung / warning: {warning}", file=sys.stderr)
    print(f"DLDB '{args.catalogue}': {counts['services']} Leistungen, {counts['offices']} Standorte importiert "
          f"in {time.perf_counter() - started:.2f} s")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    text = " ".join(args.text)
    if args.leika:
        catalog = _leika(args.leika_csv)
        if catalog is None:
            return 1
        hits = catalog.search(text, args.limit)
        for hit in hits:
            print(f"{hit.score:.3f}  {hit.item.key or hit.item.raw_key:>14}  {hit.item.name}  "
                  f"[OZG {hit.item.ozg_id}: {hit.item.ozg_leistung}]  matched={list(hit.matched)}")
        return 0
    catalogue = load_catalogue(args.dir)
    hits = catalogue.search(text, args.limit)
    for hit in hits:
        print(f"{hit.score:.3f}  {hit.service.service_id:<30} {hit.service.title}  matched={list(hit.matched)}")
    if catalogue.is_ambiguous(hits):
        print("→ mehrdeutig: Rückfrage empfohlen / ambiguous: ask the citizen")
    return 0


def cmd_hours(args: argparse.Namespace) -> int:
    from bot.opening_hours import to_local, week_text

    catalogue = load_catalogue(args.dir)
    office = catalogue.office(args.office)
    if office is None:
        print(f"unbekannte Dienststelle / unknown office: {args.office}", file=sys.stderr)
        return 1
    if not office.has_hours:
        print(f"{office.name}: Öffnungszeiten aus keiner Quelle bekannt / opening hours unknown")
        return 0
    at = to_local(dt.datetime.fromisoformat(args.at) if args.at else None)
    print(f"{office.name}: {catalogue.status(office, at).sentence}")
    for line in week_text(office, at.date(), calendar=catalogue.calendar):
        print(f"  {line}")
    return 0


def cmd_new_service(args: argparse.Namespace) -> int:
    from .skeleton import append_to_file, service_skeleton

    leika = load_leika(Path(args.leika_csv) if args.leika_csv else None)
    if leika is None:
        print("LeiKa-CSV nicht gefunden / LeiKa CSV not found (--leika-csv)", file=sys.stderr)
        return 1
    data = _read_or_report(args, leika)
    if data is None:
        return 1
    key = args.key.strip()
    if any(s.leika == key for s in data.services):
        print(f"LeiKa {key} steht schon im Katalog / already in the catalogue", file=sys.stderr)
        return 1
    try:
        skeleton = service_skeleton(key, leika, load_settings().reference_dir, [o.office_id for o in data.offices],
                                    [s.service_id for s in data.services], city_url=data.meta.url)
    except KeyError:
        print(f"LeiKa-Schlüssel {key} nicht in der LeiKa-CSV / key not in the LeiKa CSV", file=sys.stderr)
        return 1
    directory = Path(args.dir) if args.dir else load_settings().catalogue_dir
    path = directory / "services" / args.file
    before = path.read_text(encoding="utf-8") if path.exists() else None
    append_to_file(path, skeleton)
    if _read_or_report(args, leika) is None:  # never leave an invalid catalogue behind
        path.write_text(before, encoding="utf-8") if before is not None else path.unlink()
        return 1
    where = ", ".join(skeleton.office_ids) or skeleton.authority
    print(f"OK: '{skeleton.service_id}' in {path} angelegt (zuständig: {where}); bitte summary und info_url "
          "ergänzen und die Zuständigkeit prüfen")
    return 0


def cmd_vocabulary(args: argparse.Namespace) -> int:
    catalogue = load_catalogue(args.dir)
    payload = [entry.__dict__ | {"synonyms": list(entry.synonyms)} for entry in catalogue.vocabulary()]
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--dir", help="Katalogverzeichnis / catalogue directory (default data/catalogue)")
    common.add_argument("--leika-csv", help="LeiKa-CSV (default SCHAENGEL_LEIKA_CSV or ../shared/…)")
    common.add_argument("--database-url", help="SQLAlchemy URL (default SCHAENGEL_DATABASE_URL)")
    parser = argparse.ArgumentParser(prog="python -m bot.catalogue", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", parents=[common])
    p.add_argument("--max-age-years", type=int, default=DEFAULT_MAX_AGE_YEARS,
                   help="Quellen, die älter sind, werden gemeldet / report sources older than this")
    p.set_defaults(func=cmd_validate)
    for name in ("load", "sync"):
        p = sub.add_parser(name, parents=[common])
        p.add_argument("--catalogue", default="koblenz")
        p.set_defaults(func=cmd_load)
    p = sub.add_parser("import", parents=[common])
    p.add_argument("source", choices=["leika", "dldb"])
    p.add_argument("path", nargs="?", help="CSV path for 'leika'")
    p.add_argument("--services", help="DLDB services JSON")
    p.add_argument("--locations", help="DLDB locations JSON")
    p.add_argument("--catalogue", default="dldb-muenchen", help="catalogue name / id prefix for DLDB")
    p.add_argument("--publisher", default="Landeshauptstadt München, DLDB-Export")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("search", parents=[common])
    p.add_argument("text", nargs="+")
    p.add_argument("--leika", action="store_true")
    p.add_argument("--limit", type=int, default=5)
    p.set_defaults(func=cmd_search)
    p = sub.add_parser("hours", parents=[common])
    p.add_argument("office")
    p.add_argument("--at", help="ISO time, e.g. 2026-06-04T09:00")
    p.set_defaults(func=cmd_hours)
    sub.add_parser("vocabulary", parents=[common]).set_defaults(func=cmd_vocabulary)
    p = sub.add_parser("new-service", parents=[common])
    p.add_argument("key", help="14-stelliger LeiKa-Schlüssel / 14-digit LeiKa key")
    p.add_argument("--file", default="neu.yaml", help="Datei unter services/ / file under services/")
    p.set_defaults(func=cmd_new_service)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except CatalogueError as exc:
        for issue in exc.issues:
            print(issue, file=sys.stderr)
        print(f"{len(exc.issues)} Fehler / errors – nichts geladen / nothing loaded", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
