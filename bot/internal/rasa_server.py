"""``rasa run`` with the HTTP API token from the environment instead of the command line.

    python -m bot.internal.rasa_server --enable-api --port 5005 --model … --endpoints … --credentials …

Takes the arguments of ``rasa run``; the token comes from ``SCHAENGEL_RASA_TOKEN`` (or the file named by
``SCHAENGEL_RASA_TOKEN_FILE``). A command line is readable by every local user (``ps``,
``/proc/<pid>/cmdline``), a process environment only by its owner, so ``--auth-token`` is refused.
Rasa runs with :func:`bot.rasa_cli.rasa_env` (telemetry off, the variables of the endpoint files) and
only with ``SCHAENGEL_INTERNAL_SECRET`` set, which its REST channel and action calls need.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Optional, Sequence

from bot.config import load_settings
from bot.internal import secret_problem
from bot.rasa_cli import rasa_env

TOKEN_ON_COMMAND_LINE = (
    "--auth-token ist hier nicht erlaubt: die Kommandozeile ist für jeden lokalen Benutzer sichtbar. "
    "Das Token gehört in SCHAENGEL_RASA_TOKEN (oder eine Datei in SCHAENGEL_RASA_TOKEN_FILE)."
)
MISSING_TOKEN = (
    "SCHAENGEL_RASA_TOKEN ist nicht gesetzt: mit --enable-api wäre Rasas HTTP-API ohne Schutz. "
    "Bitte über `python -m bot.stack` starten (erzeugt eines je Start) oder das Token setzen."
)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    settings = load_settings()
    token = settings.rasa_token
    if "--enable-api" in args and not token:
        print(f"Rasa startet nicht: {MISSING_TOKEN}", file=sys.stderr)
        return 2
    problem = secret_problem(settings.internal_secret)  # (rasa_env would make up one no gateway knows)
    if problem:
        print(f"Rasa startet nicht: {problem}", file=sys.stderr)
        return 2
    os.environ.update(rasa_env())  # before Rasa (and TensorFlow) are imported

    import rasa.__main__
    import rasa.cli.run

    run_rasa = rasa.cli.run.run

    def run_with_token(parsed: argparse.Namespace) -> None:
        """What ``rasa run`` does, with the token set after parsing (argparse also takes abbreviations)."""
        if parsed.auth_token:
            print(f"Rasa startet nicht: {TOKEN_ON_COMMAND_LINE}", file=sys.stderr)
            raise SystemExit(2)
        parsed.auth_token = token or None
        run_rasa(parsed)

    # rasa's parser binds ``rasa.cli.run.run`` as the default ``func`` of ``run`` when it is built (in
    # main), so replacing the module attribute first keeps everything else of Rasa's CLI: argument
    # checks, logging, plugin hooks and ``rasa.api.run``
    rasa.cli.run.run = run_with_token
    sys.argv = ["rasa", "run", *args]
    rasa.__main__.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
