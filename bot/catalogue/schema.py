"""Schema of the catalogue YAML: allowed fields and rules per entry, as German/English issues.

:class:`EntryReader` turns one parsed YAML mapping (with line numbers, see
:mod:`bot.catalogue.yamlio`) into a model object, recording an :class:`Issue` for
every problem instead of raising, so that staff see all errors at once.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Optional

from bot.opening_hours import HolidayCalendar, check_expression
from bot.places import other_place_of_source

from .leika import LeikaCatalog, is_leika_key
from .model import OFFICE_FACTS, Address, Closure, Fee, FeeSchedule, Office, Service, Source
from .yamlio import LineDict, LineList

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
URL_PATTERN = re.compile(r"^https?://[^\s]+$")
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 /()-]{4,}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")
#: the date a source shows, as precise as it shows it: 2025-08-07, 2024-03 or 2021
AS_OF_PATTERN = re.compile(r"^(19|20)\d{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
#: office facts that may still be invented placeholders (said so to citizens); never an address or a number
SAMPLE_ALLOWED = frozenset({"opening_hours", "appointment_note", "accessibility"})

SERVICE_KEYS = {"id", "title", "leika", "leika_name", "ozg_id", "ozg_leistung", "synonyms", "summary",
                "documents", "fees", "processing_time", "online_url", "info_url", "appointment_url",
                "offices", "authority", "category", "source"}
FEES_KEYS = {"items", "source", "note"}
FEE_KEYS = {"label", "amount_eur", "min_age", "max_age", "note", "source"}
OFFICE_KEYS = {"id", "name", "kind", "address", "synonyms", "phone", "email", "url", "accessibility",
               "opening_hours", "appointment_only", "appointment_url", "appointment_note", "sample", "facts",
               "closures", "source"}
ADDRESS_KEYS = {"street", "postcode", "city"}
CLOSURE_KEYS = {"date", "from", "to", "reason", "hours", "offices", "source"}
SOURCE_KEYS = {"name", "url", "reviewed", "as_of", "note"}
META_KEYS = {"name", "url", "holidays", "timezone"}


@dataclass(frozen=True)
class Issue:
    """One validation problem, printed as ``file:line: message``."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class CatalogueError(Exception):
    """The catalogue is invalid; ``issues`` lists every problem found."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))


@dataclass(frozen=True)
class CatalogueMeta:
    name: str = "Stadt Koblenz"
    url: str = "https://www.koblenz.de/"
    holiday_country: str = "DE"
    holiday_subdiv: Optional[str] = "RP"
    timezone: str = "Europe/Berlin"


class EntryReader:
    """Turns parsed YAML into model objects, recording issues instead of raising."""

    def __init__(self, root: Path, leika: Optional[LeikaCatalog]):
        self.root = root
        self.leika = leika
        self.issues: list[Issue] = []
        self.file = ""

    # -- generic helpers ---------------------------------------------------
    def error(self, line: int, message: str) -> None:
        self.issues.append(Issue(self.file, line, message))

    def mapping(self, value: Any, line: int, what: str) -> Optional[LineDict]:
        if not isinstance(value, dict):
            self.error(line, f"{what}: Eintrag muss eine Zuordnung (key: value) sein / must be a mapping")
            return None
        return value  # type: ignore[return-value]

    def unknown_keys(self, data: LineDict, allowed: set[str], what: str) -> None:
        for key in data:
            if key not in allowed:
                self.error(data.line_of(str(key)), f"{what}: unbekanntes Feld '{key}' / unknown field "
                                                   f"(erlaubt / allowed: {', '.join(sorted(allowed))})")

    def text(self, data: LineDict, key: str, what: str, required: bool = False) -> Optional[str]:
        value = data.get(key)
        if value is None:
            if required:
                self.error(data.line, f"{what}: Pflichtfeld '{key}' fehlt / required field missing")
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            self.error(data.line_of(key), f"{what}: '{key}' muss Text sein / must be a non-empty string")
            return None
        return " ".join(value.split()) if "\n" in value else value.strip()

    def pattern(self, data: LineDict, key: str, what: str, regex: re.Pattern, label: str,
                required: bool = False) -> Optional[str]:
        value = self.text(data, key, what, required)
        if value is not None and not regex.match(value):
            self.error(data.line_of(key), f"{what}: '{key}' ist kein gültiger Wert ({label}) / invalid {label}: {value!r}")
            return None
        return value

    def url(self, data: LineDict, key: str, what: str, required: bool = False) -> Optional[str]:
        return self.pattern(data, key, what, URL_PATTERN, "URL", required)

    def texts(self, data: LineDict, key: str, what: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.error(data.line_of(key), f"{what}: '{key}' muss eine Liste von Texten sein / must be a list of strings")
            return ()
        return tuple(v.strip() for v in value)

    def boolean(self, data: LineDict, key: str, what: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.error(data.line_of(key), f"{what}: '{key}' muss true/false sein / must be a boolean")
            return False
        return value

    def date(self, data: LineDict, key: str, what: str, required: bool = True) -> Optional[dt.date]:
        value = data.get(key)
        if value is None and not required:
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if not isinstance(value, dt.date):
            self.error(data.line_of(key), f"{what}: '{key}' muss ein Datum JJJJ-MM-TT sein / must be a date YYYY-MM-DD")
            return None
        return value

    def identifier(self, data: LineDict, what: str) -> Optional[str]:
        return self.pattern(data, "id", what, ID_PATTERN, "id: a-z, 0-9, -", required=True)

    def source(self, data: LineDict, what: str, key: str = "source") -> Optional[Source]:
        raw = data.get(key)
        if raw is None:
            self.error(data.line, f"{what}: Quelle '{key}' fehlt / missing source")
            return None
        src = self.mapping(raw, data.line_of(key), f"{what}.{key}")
        if src is None:
            return None
        self.unknown_keys(src, SOURCE_KEYS, f"{what}.{key}")
        name = self.text(src, "name", f"{what}.{key}", required=True)
        url = self.url(src, "url", f"{what}.{key}", required=True)
        if "reviewed" not in src:
            self.error(src.line, f"{what}.{key}: 'reviewed' fehlt (Datum der Prüfung oder null) / "
                                 "'reviewed' missing (date of review or null)")
            return None
        reviewed = self.date(src, "reviewed", f"{what}.{key}", required=False)
        as_of = self.as_of(src, f"{what}.{key}")
        note = self.text(src, "note", f"{what}.{key}") or ""
        if name is None or url is None:
            return None
        return Source(name, url, reviewed, as_of, note)

    def as_of(self, data: LineDict, what: str) -> Optional[str]:
        """The source's own date; YAML reads 2025-08-07 as a date and 2021 as a number."""
        value = data.get("as_of")
        if value is None:
            return None
        text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
        if isinstance(value, bool) or not AS_OF_PATTERN.match(text):
            self.error(data.line_of("as_of"), f"{what}: 'as_of' muss JJJJ, JJJJ-MM oder JJJJ-MM-TT sein / "
                                              f"must be YYYY, YYYY-MM or YYYY-MM-DD: {value!r}")
            return None
        return text

    def each(self, document: Any, top_key: str, build: Callable[[LineDict], Any]) -> list[Any]:
        if document is None:
            return []
        if not isinstance(document, dict) or top_key not in document:
            self.error(getattr(document, "line", 1), f"oberster Schlüssel '{top_key}:' fehlt / top-level key '{top_key}:' missing")
            return []
        entries = document[top_key]
        if not isinstance(entries, list):
            self.error(document.line_of(top_key), f"'{top_key}' muss eine Liste sein / must be a list")
            return []
        results = []
        for index, raw in enumerate(entries):
            entry = self.mapping(raw, entries.line_of(index) if isinstance(entries, LineList) else 1, top_key)
            if entry is not None:
                results.append((build(entry), self.file, entry))
        return results

    def check_unique(self, entries: list[tuple[Any, str, LineDict]], what: str) -> None:
        """Report repeated ids (also of entries that failed validation)."""
        seen: dict[str, tuple[str, int]] = {}
        for _, file, entry in entries:
            raw_id = entry.get("id")
            if not isinstance(raw_id, str):
                continue
            if raw_id in seen:
                first = seen[raw_id]
                self.issues.append(Issue(file, entry.line, f"doppelte {what[0]} '{raw_id}' (zuerst in "
                                                           f"{first[0]}:{first[1]}) / duplicate {what[1]}"))
            else:
                seen[raw_id] = (file, entry.line)

    # -- entities ------------------------------------------------------------
    def meta(self, data: Any) -> CatalogueMeta:
        if data is None:
            return CatalogueMeta()
        meta = self.mapping(data, 1, "catalogue")
        if meta is None:
            return CatalogueMeta()
        self.unknown_keys(meta, META_KEYS, "catalogue")
        holidays_cfg = meta.get("holidays") or {}
        country, subdiv = str(holidays_cfg.get("country", "DE")), holidays_cfg.get("subdiv", "RP")
        try:
            HolidayCalendar(country, subdiv)
        except Exception:  # holidays raises NotImplementedError for unknown codes
            self.error(meta.line_of("holidays"), f"catalogue: unbekannter Feiertagskalender {country}/{subdiv} / "
                                                 "unknown holiday calendar")
        timezone = self.text(meta, "timezone", "catalogue") or "Europe/Berlin"
        if timezone != "Europe/Berlin":
            self.error(meta.line_of("timezone"), "catalogue: nur Europe/Berlin wird unterstützt / "
                                                 "only Europe/Berlin is supported")
        return CatalogueMeta(
            name=self.text(meta, "name", "catalogue") or CatalogueMeta.name,
            url=self.url(meta, "url", "catalogue") or CatalogueMeta.url,
            holiday_country=country, holiday_subdiv=subdiv, timezone=timezone,
        )

    def fees(self, data: LineDict, what: str) -> FeeSchedule:
        raw = data.get("fees")
        if raw is None:
            return FeeSchedule()
        fees = self.mapping(raw, data.line_of("fees"), f"{what}.fees")
        if fees is None:
            return FeeSchedule()
        self.unknown_keys(fees, FEES_KEYS, f"{what}.fees")
        items: list[Fee] = []
        raw_items = fees.get("items") or []
        if not isinstance(raw_items, list):
            self.error(fees.line_of("items"), f"{what}.fees.items muss eine Liste sein / must be a list")
            raw_items = []
        for index, raw_item in enumerate(raw_items):
            item = self.mapping(raw_item, raw_items.line_of(index), f"{what}.fees.items")
            if item is None:
                continue
            self.unknown_keys(item, FEE_KEYS, f"{what}.fees.items")
            label = self.text(item, "label", f"{what}.fees.items", required=True)
            amount = item.get("amount_eur")
            if amount is not None and (isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount < 0):
                self.error(item.line_of("amount_eur"), f"{what}: Gebühr muss eine Zahl ≥ 0 sein / fee must be a number ≥ 0")
                amount = None
            ages = []
            for key in ("min_age", "max_age"):
                age = item.get(key)
                if age is not None and (isinstance(age, bool) or not isinstance(age, int)):
                    self.error(item.line_of(key), f"{what}: '{key}' muss eine ganze Zahl sein / must be an integer")
                    age = None
                ages.append(age)
            own = self.source(item, f"{what}.fees.items") if "source" in item else None
            self.fee_source_of_koblenz(item, own, what)
            if label:
                items.append(Fee(label, None if amount is None else float(amount), ages[0], ages[1],
                                 self.text(item, "note", f"{what}.fees.items") or "", own))
        source = self.source(fees, f"{what}.fees") if "source" in fees else None
        self.fee_source_of_koblenz(fees, source, what)
        if any(f.amount_eur is not None and f.source is None for f in items) and source is None and "source" not in fees:
            self.error(data.line_of("fees"), f"{what}: Gebührenbeträge brauchen eine Quelle (fees.source) / fee amounts "
                                  "need a source — never enter a fee without saying where it comes from")
        return FeeSchedule(tuple(items), source, self.text(fees, "note", f"{what}.fees") or "")

    def fee_source_of_koblenz(self, data: LineDict, source: Optional[Source], what: str) -> None:
        """A Koblenz fee comes from a Koblenz source or the federal rule, never from another city's page."""
        place = other_place_of_source(source.name, source.url) if source else None
        if place:
            self.error(data.line_of("source"), f"{what}: Gebührenquelle aus {place} – für Koblenz gilt eine Koblenzer "
                                               "Quelle oder die Bundesregel / a fee source from another municipality")

    def service(self, data: LineDict) -> Optional[Service]:
        service_id = self.identifier(data, "service")
        what = f"service '{service_id or '?'}'"
        self.unknown_keys(data, SERVICE_KEYS, what)
        title = self.text(data, "title", what, required=True)
        source = self.source(data, what)
        leika, leika_name, ozg_id, ozg_leistung = self.leika_fields(data, what)
        info_url = self.url(data, "info_url", what)
        online_url = self.url(data, "online_url", what)
        if not (data.get("info_url") or data.get("online_url")):
            self.error(data.line, f"{what}: info_url oder online_url fehlt / needs info_url or online_url")
        offices = self.texts(data, "offices", what)
        authority = self.text(data, "authority", what) or ""
        if not offices and not authority:
            self.error(data.line, f"{what}: 'offices' oder 'authority' fehlt (wer ist zuständig?) / "
                                  "needs 'offices' or 'authority' (who is responsible?)")
        fees = self.fees(data, what)
        if service_id is None or title is None or source is None:
            return None
        return Service(
            service_id=service_id, title=title, source=source, leika=leika, leika_name=leika_name,
            ozg_id=ozg_id, ozg_leistung=ozg_leistung, synonyms=self.texts(data, "synonyms", what),
            summary=self.text(data, "summary", what) or "", documents=self.texts(data, "documents", what),
            fees=fees, processing_time=self.text(data, "processing_time", what) or "",
            online_url=online_url, info_url=info_url, appointment_url=self.url(data, "appointment_url", what),
            office_ids=offices, authority=authority, category=self.text(data, "category", what) or "",
        )

    def leika_fields(self, data: LineDict, what: str) -> tuple[Optional[str], str, Optional[int], str]:
        if "leika" not in data:
            self.error(data.line, f"{what}: 'leika' fehlt (14-stelliger Schlüssel oder null für eine rein "
                                  "lokale Leistung) / 'leika' missing (14-digit key or null for a local service)")
            return None, "", None, ""
        raw = data["leika"]
        line = data.line_of("leika")
        ozg_id = data.get("ozg_id")
        if ozg_id is not None and (isinstance(ozg_id, bool) or not isinstance(ozg_id, int)):
            self.error(data.line_of("ozg_id"), f"{what}: 'ozg_id' muss eine Zahl sein / must be an integer")
            ozg_id = None
        leika_name = self.text(data, "leika_name", what) or ""
        ozg_leistung = self.text(data, "ozg_leistung", what) or ""
        if raw is None:
            return None, leika_name, ozg_id, ozg_leistung
        key = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw
        if not is_leika_key(key):
            self.error(line, f"{what}: LeiKa-Schlüssel muss 14 Ziffern haben / malformed LeiKa key: {raw!r}")
            return None, leika_name, ozg_id, ozg_leistung
        if self.leika is not None:
            entry = self.leika.get(key)
            if entry is None:
                self.error(line, f"{what}: LeiKa-Schlüssel {key} steht nicht im LeiKa-Katalog / "
                                 f"LeiKa key not in the catalogue CSV ({self.leika.path.name if self.leika.path else 'CSV'})")
                return key, leika_name, ozg_id, ozg_leistung
            if ozg_id is not None and entry.ozg_id is not None and ozg_id != entry.ozg_id:
                self.error(data.line_of("ozg_id"), f"{what}: OZG-ID {ozg_id} passt nicht zum LeiKa-Schlüssel "
                                                   f"(Katalog: {entry.ozg_id}) / OZG id does not match the LeiKa key")
            if leika_name and leika_name != entry.name:
                self.error(data.line_of("leika_name"), f"{what}: leika_name weicht vom Katalog ab ('{entry.name}') / "
                                                       "leika_name differs from the catalogue")
            return key, leika_name or entry.name, ozg_id or entry.ozg_id, ozg_leistung or entry.ozg_leistung
        return key, leika_name, ozg_id, ozg_leistung

    def closure(self, data: LineDict, what: str, allow_offices: bool) -> Optional[Closure]:
        self.unknown_keys(data, CLOSURE_KEYS if allow_offices else CLOSURE_KEYS - {"offices"}, what)
        if "date" in data:
            start = end = self.date(data, "date", what)
        elif "from" in data and "to" in data:
            start, end = self.date(data, "from", what), self.date(data, "to", what)
            if start and end and end < start:
                self.error(data.line_of("to"), f"{what}: 'to' liegt vor 'from' / 'to' is before 'from'")
                return None
        else:
            self.error(data.line, f"{what}: 'date' oder 'from'/'to' fehlt / needs 'date' or 'from' and 'to'")
            return None
        reason = self.text(data, "reason", what, required=True)
        hours = self.text(data, "hours", what)
        if hours is not None and hours.lower() in ("off", "closed", "geschlossen"):
            hours = None
        if hours is not None:
            problem = check_expression(hours)
            if problem:
                self.error(data.line_of("hours"), f"{what}: {problem}")
                return None
        offices = self.texts(data, "offices", what) if allow_offices else ()
        source = self.source(data, what) if data.get("source") is not None else None
        if start is None or end is None or reason is None:
            return None
        return Closure(start, end, reason, hours, offices, source)

    def office(self, data: LineDict) -> Optional[Office]:
        office_id = self.identifier(data, "office")
        what = f"office '{office_id or '?'}'"
        self.unknown_keys(data, OFFICE_KEYS, what)
        name = self.text(data, "name", what, required=True)
        kind = self.text(data, "kind", what, required=True)
        source = self.source(data, what)
        address = None
        if data.get("address") is not None:
            raw = self.mapping(data["address"], data.line_of("address"), f"{what}.address")
            if raw is not None:
                self.unknown_keys(raw, ADDRESS_KEYS, f"{what}.address")
                street = self.text(raw, "street", f"{what}.address", required=True)
                postcode = self.pattern(raw, "postcode", f"{what}.address", re.compile(r"^\d{5}$"), "PLZ")
                city = self.text(raw, "city", f"{what}.address", required=True)
                if street and city:
                    address = Address(street, postcode, city)
        hours = self.text(data, "opening_hours", what)
        hours_ok = True
        if hours is not None:
            problem = check_expression(hours)
            if problem:
                self.error(data.line_of("opening_hours"), f"{what}: {problem}")
                hours, hours_ok = None, False
        phone = self.pattern(data, "phone", what, PHONE_PATTERN, "Telefonnummer / phone number")
        facts, sample = self.office_facts(data, what)
        closures = []
        raw_closures = data.get("closures") or []
        if not isinstance(raw_closures, list):
            self.error(data.line_of("closures"), f"{what}: 'closures' muss eine Liste sein / must be a list")
            raw_closures = []
        for index, raw_closure in enumerate(raw_closures):
            entry = self.mapping(raw_closure, raw_closures.line_of(index), f"{what}.closures")
            if entry is not None:
                closure = self.closure(entry, f"{what}.closures", allow_offices=False)
                if closure is not None and office_id:
                    closures.append(replace(closure, office_ids=(office_id,)))
        if office_id is None or name is None or kind is None or source is None or not hours_ok:
            return None
        return Office(
            office_id=office_id, name=name, kind=kind, address=address, opening_hours=hours, source=source,
            synonyms=self.texts(data, "synonyms", what), phone=phone,
            email=self.pattern(data, "email", what, EMAIL_PATTERN, "E-Mail"), url=self.url(data, "url", what),
            accessibility=self.text(data, "accessibility", what) or "",
            appointment_only=self.boolean(data, "appointment_only", what),
            appointment_url=self.url(data, "appointment_url", what),
            appointment_note=self.text(data, "appointment_note", what) or "",
            closures=tuple(closures), facts=facts, sample_fields=sample,
        )

    def office_facts(self, data: LineDict, what: str) -> tuple[tuple[tuple[str, Source], ...], tuple[str, ...]]:
        """``facts`` (a source per fact) and ``sample`` (facts still invented), checked against each other.

        Every fact the entry states needs exactly one of the two; an address, a phone
        number or an e-mail address can never be sample data.
        """
        facts: list[tuple[str, Source]] = []
        raw = data.get("facts")
        if raw is not None:
            mapping = self.mapping(raw, data.line_of("facts"), f"{what}.facts")
            for fact in (mapping or {}):
                if fact not in OFFICE_FACTS:
                    self.error(mapping.line_of(str(fact)), f"{what}.facts: unbekannte Angabe '{fact}' / unknown fact "
                                                           f"(erlaubt / allowed: {', '.join(OFFICE_FACTS)})")
                    continue
                src = self.source(mapping, f"{what}.facts", key=str(fact))
                if src is not None:
                    facts.append((str(fact), src))
        sample = self.texts(data, "sample", what)
        for fact in sample:
            if fact not in SAMPLE_ALLOWED:
                self.error(data.line_of("sample"), f"{what}: '{fact}' darf keine Beispielangabe sein – unbekannt "
                                                   f"lassen / '{fact}' can never be sample data: leave it out")
        sourced = {fact for fact, _ in facts}
        for fact in OFFICE_FACTS:
            stated = data.get(fact) not in (None, "")
            line = data.line_of(fact) if stated else data.line
            if stated and fact not in sourced and fact not in sample:
                self.error(line, f"{what}: '{fact}' braucht eine Quelle unter 'facts:' oder steht unter 'sample:' / "
                                 f"'{fact}' needs a source under 'facts:' or must be listed under 'sample:' — "
                                 "never invent one")
            elif fact in sourced and fact in sample:
                self.error(line, f"{what}: '{fact}' steht unter 'facts:' und 'sample:' / is both sourced and sample")
            elif not stated and (fact in sourced or fact in sample):
                self.error(line, f"{what}: Quelle für '{fact}', aber die Angabe fehlt / '{fact}' has a source "
                                 "but no value")
        return tuple(facts), sample


