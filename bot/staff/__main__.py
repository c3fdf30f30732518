"""Manage staff accounts of the handoff console.

    python -m bot.staff add-user NAME [--display-name "Frau Beispiel"]   # password: prompt, or stdin
    python -m bot.staff set-password NAME
    python -m bot.staff disable-user NAME | enable-user NAME
    python -m bot.staff list-users

Uses ``SCHAENGEL_DATABASE_URL`` like the gateway. There is no default password:
the password is typed twice at a prompt, or read as the first line of stdin
(``printf '%s\\n' "$PW" | python -m bot.staff add-user anna``).
"""
from __future__ import annotations

import argparse
import getpass
import sys

from bot.config import load_settings
from bot.db import create_schema, make_engine, make_session_factory
from bot.staff.auth import StaffAuth


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Passwort: ")
        second = getpass.getpass("Passwort wiederholen: ")
        if first != second:
            raise ValueError("Die Passwörter stimmen nicht überein")
        return first
    line = sys.stdin.readline()
    return line.rstrip("\r\n")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.staff", description="Mitarbeiterkonten der Handoff-Konsole")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add-user", help="Konto anlegen (Passwort per Eingabe oder stdin)")
    add.add_argument("name")
    add.add_argument("--display-name", default=None, help="Name, den Bürgerinnen und Bürger sehen, z. B. 'Frau Beispiel'")
    for name in ("set-password", "disable-user", "enable-user"):
        commands.add_parser(name).add_argument("name")
    commands.add_parser("list-users")
    args = parser.parse_args(argv)

    settings = load_settings()
    engine = make_engine(settings.database_url)
    create_schema(engine)
    auth = StaffAuth(make_session_factory(engine))
    try:
        if args.command == "add-user":
            auth.add_user(args.name, _read_password(), args.display_name)
            print(f"Konto {args.name.strip().lower()!r} angelegt.")
        elif args.command == "set-password":
            auth.set_password(args.name, _read_password())
            print("Passwort geändert.")
        elif args.command in ("disable-user", "enable-user"):
            auth.set_active(args.name, args.command == "enable-user")
            print("Gespeichert.")
        else:
            for username, display, active in auth.list_users():
                print(f"{username}\t{display or ''}\t{'aktiv' if active else 'gesperrt'}")
    except ValueError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
