"""Passwords (scrypt from the standard library), sessions, CSRF tokens and lock-out."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import case, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from bot.staff.models import StaffLoginGuardRow, StaffSessionRow, StaffUserRow

# scrypt parameters (RFC 7914; N=2^15, r=8, p=1 ≈ 32 MiB, OWASP's minimum is N=2^17 with p=1 or 2^15 with more memory)
SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_DKLEN = 2**15, 8, 1, 64
SCRYPT_MAXMEM = 64 * 1024 * 1024
MIN_PASSWORD_LENGTH = 12
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P,
                            maxmem=SCRYPT_MAXMEM, dklen=SCRYPT_DKLEN)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r),
                                p=int(p), maxmem=SCRYPT_MAXMEM, dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


_DUMMY_HASH = None  # computed lazily: a hash to verify against for unknown users (same timing)


def _utc(value: Optional[dt.datetime]) -> Optional[dt.datetime]:
    if value is None:
        return None
    return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class AuthError(Exception):
    """Login refused; ``code`` is ``invalid`` or ``locked``."""

    def __init__(self, code: str, locked_until: Optional[dt.datetime] = None) -> None:
        super().__init__(code)
        self.code = code
        self.locked_until = locked_until


@dataclass(frozen=True)
class StaffPrincipal:
    user_id: int
    username: str
    display_name: Optional[str]
    csrf_token: str

    @property
    def shown_name(self) -> str:
        return self.display_name or self.username


@dataclass(frozen=True)
class LoginResult:
    token: str
    principal: StaffPrincipal
    expires_at: dt.datetime


class StaffAuth:
    def __init__(self, sessions: sessionmaker, session_hours: int = 8, max_failed: int = 5,
                 lockout_minutes: int = 15, absolute_hours: int = 12) -> None:
        self._sessions = sessions
        self._session_hours = session_hours
        #: a login ends after this many hours however active it is (the sliding expiry cannot pass it)
        self._absolute = dt.timedelta(hours=max(absolute_hours, session_hours))
        self._max_failed = max_failed
        self._lockout = dt.timedelta(minutes=lockout_minutes)

    # ------------------------------------------------------------ users
    def add_user(self, username: str, password: str, display_name: Optional[str] = None) -> int:
        username = username.strip().lower()
        if not USERNAME.match(username):
            raise ValueError("Benutzername: 2–64 Zeichen aus a–z, 0–9, Punkt, Binde- und Unterstrich")
        if len(password) < MIN_PASSWORD_LENGTH:
            raise ValueError(f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen lang sein")
        if password.strip() != password or password.lower() == username:
            raise ValueError("Das Passwort darf nicht mit Leerzeichen beginnen/enden oder dem Namen gleichen")
        row = StaffUserRow(username=username, display_name=display_name or None,
                           password_hash=hash_password(password), active=True, failed_logins=0, created_at=_now())
        try:
            with self._sessions.begin() as session:
                session.add(row)
                session.flush()
                return int(row.id)
        except IntegrityError as exc:
            raise ValueError(f"Den Benutzer {username!r} gibt es schon") from exc

    def set_password(self, username: str, password: str) -> None:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise ValueError(f"Das Passwort muss mindestens {MIN_PASSWORD_LENGTH} Zeichen lang sein")
        with self._sessions.begin() as session:
            result = session.execute(
                update(StaffUserRow).where(StaffUserRow.username == username.strip().lower())
                .values(password_hash=hash_password(password), failed_logins=0, locked_until=None)
            )
            if result.rowcount != 1:
                raise ValueError(f"Den Benutzer {username!r} gibt es nicht")
            # a new password ends every existing login of that account
            user_id = session.execute(
                select(StaffUserRow.id).where(StaffUserRow.username == username.strip().lower())).scalar_one()
            session.execute(delete(StaffSessionRow).where(StaffSessionRow.user_id == user_id))

    def set_active(self, username: str, active: bool) -> None:
        with self._sessions.begin() as session:
            result = session.execute(
                update(StaffUserRow).where(StaffUserRow.username == username.strip().lower()).values(active=active)
            )
            if result.rowcount != 1:
                raise ValueError(f"Den Benutzer {username!r} gibt es nicht")
            if not active:
                user_id = session.execute(
                    select(StaffUserRow.id).where(StaffUserRow.username == username.strip().lower())
                ).scalar_one()
                session.execute(delete(StaffSessionRow).where(StaffSessionRow.user_id == user_id))

    def list_users(self) -> list[tuple[str, Optional[str], bool]]:
        with self._sessions() as session:
            rows = session.execute(select(StaffUserRow).order_by(StaffUserRow.username)).scalars().all()
            return [(r.username, r.display_name, bool(r.active)) for r in rows]

    # ------------------------------------------------------------ login
    def _guard_key(self, username: str, client: str) -> str:
        return hashlib.sha256(f"{username.strip().lower()}\x00{client}".encode("utf-8")).hexdigest()

    def _reserve_attempt(self, key: str, now: dt.datetime) -> bool:
        """Atomically take one of ``max_failed`` attempts (a conditional UPDATE in the database).

        However many requests arrive at once, at most ``max_failed`` passwords are checked per name and
        client before the lock; the lock starts with the attempt that takes the last slot."""
        try:
            with self._sessions.begin() as session:
                session.add(StaffLoginGuardRow(key=key, failures=0, locked_until=None))
        except IntegrityError:
            pass  # the row exists
        with self._sessions.begin() as session:
            session.execute(update(StaffLoginGuardRow)
                            .where(StaffLoginGuardRow.key == key, StaffLoginGuardRow.locked_until <= now)
                            .values(failures=0, locked_until=None))
            taken = session.execute(
                update(StaffLoginGuardRow)
                .where(StaffLoginGuardRow.key == key, StaffLoginGuardRow.locked_until.is_(None),
                       StaffLoginGuardRow.failures < self._max_failed)
                .values(failures=StaffLoginGuardRow.failures + 1,
                        locked_until=case((StaffLoginGuardRow.failures + 1 >= self._max_failed, now + self._lockout),
                                          else_=None))
                .execution_options(synchronize_session=False)
            ).rowcount
        return taken == 1

    def _locked_until(self, key: str) -> Optional[dt.datetime]:
        with self._sessions() as session:
            return _utc(session.execute(select(StaffLoginGuardRow.locked_until)
                                        .where(StaffLoginGuardRow.key == key)).scalar_one_or_none())

    def login(self, username: str, password: str, client: str = "") -> LoginResult:
        """Check the password; after ``max_failed`` failures in a row for this name from this client,
        lock for ``lockout_minutes`` – the same for names that do not exist, with the same work."""
        global _DUMMY_HASH
        now = _now()
        if _DUMMY_HASH is None:
            _DUMMY_HASH = hash_password(secrets.token_hex(16))
        key = self._guard_key(username, client)
        if not self._reserve_attempt(key, now):
            verify_password(password, _DUMMY_HASH)  # same work as a check: the answer's timing says nothing
            raise AuthError("locked", self._locked_until(key))
        with self._sessions() as session:
            user = session.execute(
                select(StaffUserRow).where(StaffUserRow.username == username.strip().lower())
            ).scalar_one_or_none()
        if user is None or not user.active or not verify_password(password, user.password_hash):
            if user is None or not user.active:
                verify_password(password, _DUMMY_HASH)  # same work as for a real user
            locked = self._locked_until(key)
            if locked is not None and locked > now:
                raise AuthError("locked", locked)
            raise AuthError("invalid")
        with self._sessions.begin() as session:
            session.execute(update(StaffLoginGuardRow).where(StaffLoginGuardRow.key == key)
                            .values(failures=0, locked_until=None))
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        expires = now + dt.timedelta(hours=self._session_hours)
        with self._sessions.begin() as session:
            session.execute(update(StaffUserRow).where(StaffUserRow.id == user.id)
                            .values(failed_logins=0, locked_until=None, last_login_at=now))
            session.execute(delete(StaffSessionRow).where(StaffSessionRow.expires_at < now))
            session.add(StaffSessionRow(token_hash=_token_hash(token), user_id=user.id, csrf_token=csrf,
                                        created_at=now, expires_at=expires))
        return LoginResult(token, StaffPrincipal(user.id, user.username, user.display_name, csrf), expires)

    def principal(self, token: Optional[str]) -> Optional[StaffPrincipal]:
        """The logged-in member of staff for a session cookie (sliding expiry), or None."""
        if not token or len(token) > 128:
            return None
        now = _now()
        with self._sessions.begin() as session:
            row = session.execute(
                select(StaffSessionRow, StaffUserRow).join(StaffUserRow, StaffUserRow.id == StaffSessionRow.user_id)
                .where(StaffSessionRow.token_hash == _token_hash(token))
            ).first()
            if row is None:
                return None
            login, user = row
            if (_utc(login.expires_at) <= now or not user.active
                    or _utc(login.created_at) + self._absolute <= now):
                session.execute(delete(StaffSessionRow).where(StaffSessionRow.token_hash == login.token_hash))
                return None
            session.execute(update(StaffSessionRow).where(StaffSessionRow.token_hash == login.token_hash)
                            .values(expires_at=min(now + dt.timedelta(hours=self._session_hours),
                                                   _utc(login.created_at) + self._absolute)))
            return StaffPrincipal(user.id, user.username, user.display_name, login.csrf_token)

    def logout(self, token: Optional[str]) -> None:
        if token:
            with self._sessions.begin() as session:
                session.execute(delete(StaffSessionRow).where(StaffSessionRow.token_hash == _token_hash(token)))

    @staticmethod
    def csrf_ok(principal: StaffPrincipal, header_value: Optional[str]) -> bool:
        return bool(header_value) and hmac.compare_digest(principal.csrf_token.encode(), header_value.encode())
