"""Importer for the DLDB JSON format (service database of Berlin, Munich, eappointment/ZMS).

Reads ``services_de.json`` and ``locations_de.json`` (``{"data": [...], "meta": {...}}``)
and maps them onto our :class:`Service`/:class:`Office` types. DLDB has no
opening hours, so imported offices get an explicit "unknown" expression; it has
fees only as HTML text, which is kept as a fee note.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .leika import LeikaCatalog, is_leika_key
from .model import Address, FeeSchedule, Office, Service, Source

#: OSM expression for offices without known hours: state "unknown" all the time
UNKNOWN_HOURS = '24/7 unknown "Öffnungszeiten nicht im Export – bitte Website prüfen"'
_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</(p|li|h\d)>|<br\s*/?>", re.I)


def html_to_text(value: Optional[str], limit: Optional[int] = None) -> str:
    """Plain text from a DLDB HTML snippet (paragraphs kept as single spaces)."""
    if not value:
        return ""
    text = html.unescape(_TAG.sub(" ", _BLOCK.sub(" \n", value))).replace("\u200b", "")
    text = " ".join(text.split())
    if limit and len(text) > limit:
        cut = text[:limit].rsplit(" ", 1)[0]
        text = cut.rstrip(",;:") + " …"
    return text


def _date(value: Any) -> Optional[dt.date]:
    try:
        return dt.datetime.fromisoformat(str(value)).date()
    except (TypeError, ValueError):
        return None


def _url(template: Any, **ids: str) -> Optional[str]:
    if not isinstance(template, str) or not template.startswith("http"):
        return None
    for name, value in ids.items():
        template = template.replace("{" + name + "}", value)
    return template


@dataclass
class DldbImport:
    """Result of reading one DLDB export."""

    services: list[Service]
    offices: list[Office]
    declared_services: Optional[int] = None  # meta.datacount of the export
    declared_locations: Optional[int] = None
    warnings: list[str] = field(default_factory=list)


def _read(path: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(document, dict) or not isinstance(document.get("data"), list):
        raise ValueError(f"{path}: kein DLDB-Export (erwartet {{'data': [...]}}) / not a DLDB export")
    return document["data"], document.get("meta") or {}


def read_dldb(services_path: Path, locations_path: Path, prefix: str = "dldb",
              publisher: str = "DLDB-Export", leika: Optional[LeikaCatalog] = None) -> DldbImport:
    """Map a DLDB export to services and offices (ids become ``{prefix}-{id}``)."""
    raw_services, services_meta = _read(services_path)
    raw_locations, locations_meta = _read(locations_path)
    result = DldbImport([], [], services_meta.get("datacount"), locations_meta.get("datacount"))
    location_ids = {str(loc["id"]) for loc in raw_locations}

    for loc in raw_locations:
        loc_id = str(loc["id"])
        meta = loc.get("meta") or {}
        contact = loc.get("contact") or {}
        address_raw = loc.get("address") or {}
        street = " ".join(str(p) for p in (address_raw.get("street"), address_raw.get("house_number")) if p)
        address = Address(street, str(address_raw.get("postal_code") or ""), str(address_raw.get("city") or "")) \
            if street else None
        url = _url(meta.get("url"), locationId=loc_id) or _url(contact.get("webinfo"))
        synonyms = tuple(a for a in (loc.get("displayNameAlternatives") or []) if isinstance(a, str))
        result.offices.append(Office(
            office_id=f"{prefix}-{loc_id}", name=str(loc.get("displayName") or loc["name"]),
            kind=str(loc.get("organizationUnit") or loc.get("organization") or "Dienststelle"),
            address=address, opening_hours=UNKNOWN_HOURS,
            source=Source(publisher, url or "", _date(meta.get("lastupdate"))),
            synonyms=synonyms, phone=(contact.get("phone") or None), email=(contact.get("email") or None),
            url=url, appointment_only=False,
        ))

    for raw in raw_services:
        service_id = str(raw["id"])
        meta = raw.get("meta") or {}
        keys = [k.strip() for k in str(raw.get("leika") or "").split(",") if k.strip()]
        valid = [k for k in keys if is_leika_key(k)]
        if keys and not valid:
            result.warnings.append(f"service {service_id}: ungültiger LeiKa-Schlüssel / invalid LeiKa key {raw['leika']!r}")
        key = valid[0] if valid else None
        entry = leika.get(key) if (leika is not None and key) else None
        if len(valid) > 1:
            result.warnings.append(f"service {service_id}: mehrere LeiKa-Schlüssel, erster übernommen / "
                                   f"several LeiKa keys, kept the first: {', '.join(valid)}")
        info_url = _url(meta.get("url"), serviceId=service_id)
        appointment = _url((raw.get("appointment") or {}).get("link"), serviceId=service_id)
        offices = []
        for loc in raw.get("locations") or []:
            loc_id = str(loc.get("location"))
            if loc_id in location_ids:
                offices.append(f"{prefix}-{loc_id}")
            else:
                result.warnings.append(f"service {service_id}: unbekannter Standort / unknown location {loc_id}")
        authority = ", ".join(a.get("name", "") for a in raw.get("authorities") or [] if a.get("name"))
        keywords = tuple(k.strip() for k in str(meta.get("keywords") or "").split(",") if k.strip())
        fee_text = html_to_text(raw.get("fees"))
        result.services.append(Service(
            service_id=f"{prefix}-{service_id}", title=str(raw["name"]).strip(),
            source=Source(publisher, info_url or "", _date(meta.get("lastupdate"))),
            leika=key, leika_name=entry.name if entry else "", ozg_id=entry.ozg_id if entry else None,
            ozg_leistung=entry.ozg_leistung if entry else "", synonyms=keywords,
            summary=html_to_text(raw.get("description"), limit=600),
            documents=tuple(f["name"] for f in raw.get("forms") or [] if isinstance(f, dict) and f.get("name")),
            fees=FeeSchedule((), None, fee_text), online_url=None, info_url=info_url, appointment_url=appointment,
            office_ids=tuple(dict.fromkeys(offices)), authority=authority,
            category="public" if raw.get("public", True) else "internal",
        ))

    for declared, actual, what in ((result.declared_services, len(result.services), "services"),
                                   (result.declared_locations, len(result.offices), "locations")):
        if declared is not None and declared != actual:
            result.warnings.append(f"meta.datacount {declared} ≠ {actual} {what} im Export / in the export")
    return result
