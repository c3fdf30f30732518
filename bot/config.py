"""Runtime configuration from environment variables, with embedded defaults.

Every process (gateway, action server, tools) reads its settings here so that
defaults are defined exactly once. The README lists every variable.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_SOURCES = PROJECT_ROOT.parent / "shared" / "data" / "catalogue-sources"
DEFAULT_LEIKA_CSV = SHARED_SOURCES / "ozg_leika_catalog_kdn-nrw_2021-08.csv"


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from exc


def _var_dir() -> Path:
    return Path(_env("SCHAENGEL_VAR_DIR", str(PROJECT_ROOT / "var")))


@dataclass(frozen=True)
class Settings:
    """All settings of one Schängel installation."""

    var_dir: Path = field(default_factory=_var_dir)
    gateway_host: str = field(default_factory=lambda: _env("SCHAENGEL_GATEWAY_HOST", "127.0.0.1"))
    gateway_port: int = field(default_factory=lambda: _env_int("SCHAENGEL_GATEWAY_PORT", 8080))
    rasa_url: str = field(default_factory=lambda: _env("SCHAENGEL_RASA_URL", "http://127.0.0.1:5005"))
    rasa_port: int = field(default_factory=lambda: _env_int("SCHAENGEL_RASA_PORT", 5005))
    rasa_token: str = field(default_factory=lambda: _env("SCHAENGEL_RASA_TOKEN", ""))
    action_url: str = field(
        default_factory=lambda: _env("SCHAENGEL_ACTION_URL", "http://127.0.0.1:5055")
    )
    action_port: int = field(default_factory=lambda: _env_int("SCHAENGEL_ACTION_PORT", 5055))
    database_url: str = field(
        default_factory=lambda: _env("SCHAENGEL_DATABASE_URL", f"sqlite:///{_var_dir() / 'schaengel.db'}")
    )
    rasa_timeout_seconds: float = field(
        default_factory=lambda: float(_env("SCHAENGEL_RASA_TIMEOUT", "20"))
    )
    max_message_length: int = field(
        default_factory=lambda: _env_int("SCHAENGEL_MAX_MESSAGE_LENGTH", 1000)
    )
    city_phone: str = field(default_factory=lambda: _env("SCHAENGEL_CITY_PHONE", "115"))
    city_email: str = field(
        default_factory=lambda: _env("SCHAENGEL_CITY_EMAIL", "buergerservice@stadt.koblenz.de")
    )
    contact_form_url: str = field(
        default_factory=lambda: _env("SCHAENGEL_CONTACT_FORM_URL", "https://www.koblenz.de/kontakt/")
    )
    web_dir: Path = field(default_factory=lambda: Path(_env("SCHAENGEL_WEB_DIR", str(PROJECT_ROOT / "web"))))
    catalogue_dir: Path = field(
        default_factory=lambda: Path(_env("SCHAENGEL_CATALOGUE_DIR", str(PROJECT_ROOT / "data" / "catalogue")))
    )
    # -- human handoff (docs/handoff.md) --------------------------------------
    #: when staff answer chats, in OSM opening_hours syntax (RP public holidays via PH)
    staff_hours: str = field(
        default_factory=lambda: _env("SCHAENGEL_STAFF_HOURS", "Mo-Fr 08:00-16:00; PH off")
    )
    #: seconds a queued case waits for staff before the citizen is offered the alternatives
    handoff_accept_timeout: int = field(
        default_factory=lambda: _env_int("SCHAENGEL_HANDOFF_ACCEPT_TIMEOUT", 300)
    )
    #: assumed minutes per waiting case until enough accepted cases give a real average
    handoff_default_wait_minutes: int = field(
        default_factory=lambda: _env_int("SCHAENGEL_HANDOFF_DEFAULT_WAIT", 3)
    )
    #: days after which ended cases and finished callback requests are deleted
    handoff_retention_days: int = field(default_factory=lambda: _env_int("SCHAENGEL_HANDOFF_RETENTION_DAYS", 30))
    #: ``auto`` (Secure when the request came over HTTPS), ``true`` or ``false``
    staff_cookie_secure: str = field(
        default_factory=lambda: _env("SCHAENGEL_STAFF_COOKIE_SECURE", "auto").lower()
    )
    #: hours a staff login lasts (sliding: extended on each request)
    staff_session_hours: int = field(default_factory=lambda: _env_int("SCHAENGEL_STAFF_SESSION_HOURS", 8))
    #: failed logins in a row before an account is locked, and for how many minutes
    staff_max_failed_logins: int = field(default_factory=lambda: _env_int("SCHAENGEL_STAFF_MAX_FAILED_LOGINS", 5))
    staff_lockout_minutes: int = field(default_factory=lambda: _env_int("SCHAENGEL_STAFF_LOCKOUT_MINUTES", 15))
    #: the OZG/LeiKa catalogue CSV (read-only shared data; see docs/catalogue.md)
    leika_csv: Path = field(
        default_factory=lambda: Path(_env("SCHAENGEL_LEIKA_CSV", str(DEFAULT_LEIKA_CSV)))
    )


def load_settings() -> Settings:
    """Read the settings from the environment (call again to pick up changes)."""
    return Settings()
