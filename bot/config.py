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


def _secret(name: str) -> str:
    """A secret from ``NAME`` or from the file named by ``NAME_FILE`` (Kubernetes/Docker secrets)."""
    value = os.environ.get(name, "").strip()
    if value:
        return value
    path = os.environ.get(f"{name}_FILE", "").strip()
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return ""


def _var_dir() -> Path:
    return Path(_env("SCHAENGEL_VAR_DIR", str(PROJECT_ROOT / "var")))


def _default_tracker_url() -> str:
    """The tracker store that endpoints.yml / deploy/endpoints.production.yml configure for Rasa."""
    host = _env("SCHAENGEL_TRACKER_PG_HOST", "")
    if host:
        from sqlalchemy.engine import URL

        return URL.create(
            "postgresql+psycopg2", username=_env("SCHAENGEL_TRACKER_PG_USER", "") or None,
            password=_env("SCHAENGEL_TRACKER_PG_PASSWORD", "") or None, host=host,
            port=_env_int("SCHAENGEL_TRACKER_PG_PORT", 5432), database=_env("SCHAENGEL_TRACKER_PG_DB", "rasa"),
        ).render_as_string(hide_password=False)
    return f"sqlite:///{_env('SCHAENGEL_TRACKER_DB', str(_var_dir() / 'rasa_tracker.db'))}"


@dataclass(frozen=True)
class Settings:
    """All settings of one Schängel installation."""

    var_dir: Path = field(default_factory=_var_dir)
    gateway_host: str = field(default_factory=lambda: _env("SCHAENGEL_GATEWAY_HOST", "127.0.0.1"))
    gateway_port: int = field(default_factory=lambda: _env_int("SCHAENGEL_GATEWAY_PORT", 8080))
    rasa_url: str = field(default_factory=lambda: _env("SCHAENGEL_RASA_URL", "http://127.0.0.1:5005"))
    rasa_port: int = field(default_factory=lambda: _env_int("SCHAENGEL_RASA_PORT", 5005))
    rasa_token: str = field(default_factory=lambda: _secret("SCHAENGEL_RASA_TOKEN"))
    #: shared secret of the internal services: the gateway sends it to Rasa's REST channel, Rasa sends it
    #: to the action server (header ``X-Schaengel-Secret``, bot/internal); random per start if unset
    internal_secret: str = field(default_factory=lambda: _secret("SCHAENGEL_INTERNAL_SECRET"))
    #: key for the session-bound values the gateway hands out (button payloads, message ids, events
    #: token); several gateway instances need the same one; random per start if unset
    gateway_secret: str = field(default_factory=lambda: _secret("SCHAENGEL_GATEWAY_SECRET"))
    action_url: str = field(
        default_factory=lambda: _env("SCHAENGEL_ACTION_URL", "http://127.0.0.1:5055")
    )
    action_port: int = field(default_factory=lambda: _env_int("SCHAENGEL_ACTION_PORT", 5055))
    # -- scale-out (docs/deployment.md) -----------------------------------------
    #: how many Rasa processes / action servers ``bot.stack`` starts on this machine
    rasa_instances: int = field(default_factory=lambda: _env_int("SCHAENGEL_RASA_INSTANCES", 1))
    action_instances: int = field(default_factory=lambda: _env_int("SCHAENGEL_ACTION_INSTANCES", 1))
    #: Rasa's endpoints file (tracker store, lock store, action server), relative to the project
    endpoints_file: str = field(default_factory=lambda: _env("SCHAENGEL_ENDPOINTS", "endpoints.yml"))
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
    handoff_retention_days: int = field(default_factory=lambda: _env_int(
        "SCHAENGEL_HANDOFF_RETENTION_DAYS", _env_int("SCHAENGEL_RETENTION_DAYS", 30)))
    #: ``auto`` (Secure when the request came over HTTPS), ``true`` or ``false``
    staff_cookie_secure: str = field(
        default_factory=lambda: _env("SCHAENGEL_STAFF_COOKIE_SECURE", "auto").lower()
    )
    #: hours a staff login lasts (sliding: extended on each request)
    staff_session_hours: int = field(default_factory=lambda: _env_int("SCHAENGEL_STAFF_SESSION_HOURS", 8))
    #: absolute lifetime of a staff login in hours, however active it is
    staff_session_max_hours: int = field(default_factory=lambda: _env_int("SCHAENGEL_STAFF_SESSION_MAX_HOURS", 12))
    #: failed logins in a row before an account is locked, and for how many minutes
    staff_max_failed_logins: int = field(default_factory=lambda: _env_int("SCHAENGEL_STAFF_MAX_FAILED_LOGINS", 5))
    staff_lockout_minutes: int = field(default_factory=lambda: _env_int("SCHAENGEL_STAFF_LOCKOUT_MINUTES", 15))
    #: the OZG/LeiKa catalogue CSV (read-only shared data; see docs/catalogue.md)
    leika_csv: Path = field(
        default_factory=lambda: Path(_env("SCHAENGEL_LEIKA_CSV", str(DEFAULT_LEIKA_CSV)))
    )
    #: who handles services the catalogue lacks, and citizen words for them (bot.catalogue.reference)
    reference_dir: Path = field(
        default_factory=lambda: Path(_env("SCHAENGEL_REFERENCE_DIR", str(PROJECT_ROOT / "data" / "reference")))
    )
    # -- privacy and security (docs/privacy-security.md) ----------------------
    #: days after which conversations (tracker events), handoff cases and feedback are deleted
    retention_days: int = field(default_factory=lambda: _env_int("SCHAENGEL_RETENTION_DAYS", 30))
    #: SQLAlchemy URL of Rasa's tracker store for the retention purge; default: PostgreSQL from
    #: ``SCHAENGEL_TRACKER_PG_*`` if set, else the SQLite file ``SCHAENGEL_TRACKER_DB`` (``var/rasa_tracker.db``)
    tracker_db_url: str = field(default_factory=lambda: _env("SCHAENGEL_TRACKER_DB_URL", _default_tracker_url()))
    #: browser origins allowed to call the API from other sites (comma-separated); empty = same origin only
    cors_origins: str = field(default_factory=lambda: _env("SCHAENGEL_CORS_ORIGINS", ""))
    #: largest accepted request body in bytes (larger: 413)
    max_body_bytes: int = field(default_factory=lambda: _env_int("SCHAENGEL_MAX_BODY_BYTES", 16_384))
    #: requests per minute (token bucket, burst = the same number) per chat session and per client IP; 0 = off
    rate_limit_session: int = field(default_factory=lambda: _env_int("SCHAENGEL_RATE_LIMIT_SESSION", 30))
    rate_limit_ip: int = field(default_factory=lambda: _env_int("SCHAENGEL_RATE_LIMIT_IP", 300))


def split_urls(value: str) -> list[str]:
    """``"http://a:1, http://b:2/"`` → ``["http://a:1", "http://b:2"]`` (comma-separated URL lists)."""
    return [part.strip().rstrip("/") for part in value.split(",") if part.strip()]


def load_settings() -> Settings:
    """Read the settings from the environment (call again to pick up changes)."""
    return Settings()
