"""Staff accounts: scrypt hashes, lock-out, sessions, CSRF token, and the add-user command."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.db import create_schema, make_engine, make_session_factory
from bot.staff import models  # noqa: F401
from bot.staff.auth import AuthError, StaffAuth, hash_password, verify_password

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Rhein-Mosel-Eck 1216"


@pytest.fixture
def auth(tmp_path: Path) -> StaffAuth:
    engine = make_engine(f"sqlite:///{tmp_path / 'staff.db'}")
    create_schema(engine)
    return StaffAuth(make_session_factory(engine), session_hours=1, max_failed=3, lockout_minutes=15)


def test_password_hash_is_salted_scrypt() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first.startswith("scrypt$32768$8$1$") and first != second
    assert verify_password(PASSWORD, first) and not verify_password("falsch" + PASSWORD, first)
    assert not verify_password(PASSWORD, "plain$text")


def test_weak_or_default_passwords_are_refused(auth: StaffAuth) -> None:
    for bad in ("", "kurz", "   leerzeichen am rand   "):
        with pytest.raises(ValueError):
            auth.add_user("anna", bad)
    auth.add_user("anna", PASSWORD)
    with pytest.raises(ValueError):
        auth.add_user("Anna", PASSWORD)  # names are case-insensitive and unique


def test_login_session_csrf_and_logout(auth: StaffAuth) -> None:
    auth.add_user("anna", PASSWORD, "Frau Beispiel")
    result = auth.login("Anna", PASSWORD)
    who = auth.principal(result.token)
    assert who.username == "anna" and who.display_name == "Frau Beispiel"
    assert auth.csrf_ok(who, who.csrf_token) and not auth.csrf_ok(who, "x" + who.csrf_token) and not auth.csrf_ok(who, None)
    assert auth.principal("not-a-token") is None
    auth.logout(result.token)
    assert auth.principal(result.token) is None


def test_lock_out_after_repeated_failures(auth: StaffAuth) -> None:
    auth.add_user("bernd", PASSWORD)
    with pytest.raises(AuthError) as first:
        auth.login("bernd", "falsches Passwort 1")
    assert first.value.code == "invalid"
    auth.login("bernd", PASSWORD)  # a success resets the counter
    for _ in range(2):
        with pytest.raises(AuthError):
            auth.login("bernd", "falsches Passwort 2")
    with pytest.raises(AuthError) as third:
        auth.login("bernd", "falsches Passwort 3")
    assert third.value.code == "locked"
    with pytest.raises(AuthError) as locked:
        auth.login("bernd", PASSWORD)  # even the right password while locked
    assert locked.value.code == "locked"


def test_unknown_and_disabled_users_get_the_same_answer(auth: StaffAuth) -> None:
    auth.add_user("carla", PASSWORD)
    token = auth.login("carla", PASSWORD).token
    auth.set_active("carla", False)
    assert auth.principal(token) is None
    for name in ("carla", "niemand"):
        with pytest.raises(AuthError) as error:
            auth.login(name, PASSWORD)
        assert error.value.code == "invalid"


def run_cli(db: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "SCHAENGEL_DATABASE_URL": f"sqlite:///{db}"}
    return subprocess.run([sys.executable, "-m", "bot.staff", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=60)


def test_add_user_command_reads_the_password_from_stdin_and_has_no_default(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    assert run_cli(db, "add-user", "dora").returncode == 2  # empty stdin: no password, no account
    done = run_cli(db, "add-user", "dora", "--display-name", "Frau Dora", stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert "dora\tFrau Dora\taktiv" in run_cli(db, "list-users").stdout
    engine = make_engine(f"sqlite:///{db}")
    auth = StaffAuth(make_session_factory(engine))
    assert auth.login("dora", PASSWORD).principal.display_name == "Frau Dora"
    assert PASSWORD not in db.read_bytes().decode("latin-1")
