#!/usr/bin/env bash
# Creates .venv with Python 3.10 and installs the locked dependencies.
# Idempotent: a second run with the same requirements.lock does nothing.
#   scripts/setup.sh          runtime dependencies (what `make run` needs)
#   scripts/setup.sh --test   plus test tools: Chromium, PostgreSQL, Redis (Debian packages) and web/node_modules
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
lock_hash="$(sha256sum requirements.lock | cut -c1-16)"
stamp="$VENV/.installed-$lock_hash"

if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)'; then
  echo "setup: .venv hat nicht Python 3.10 – wird neu angelegt"
  rm -rf "$VENV"
fi
if [ ! -x "$VENV/bin/python" ]; then
  python310="$(scripts/find_python.sh)"
  echo "setup: lege .venv mit $python310 an"
  "$python310" -m venv "$VENV"
fi
if [ ! -f "$stamp" ]; then
  echo "setup: installiere die festgelegten Abhängigkeiten (requirements.lock) …"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "pip==24.0"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
  "$VENV/bin/python" -m pip check
  rm -f "$VENV"/.installed-*
  touch "$stamp"
  echo "setup: fertig"
fi
"$VENV/bin/rasa" telemetry disable >/dev/null 2>&1 || true

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installiere Chromium (Debian-Paket) für die Browser-Tests …"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "setup: Chromium fehlt. Bitte installieren: sudo apt-get install chromium" >&2
      exit 1
    fi
  fi
  # PostgreSQL and Redis for tests/scaleout (started by the test itself on free loopback ports)
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installiere PostgreSQL und Redis (Debian-Pakete) für den Scale-out-Test …"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server >/dev/null
    else
      echo "setup: PostgreSQL/Redis fehlen (tests/scaleout). Bitte installieren: sudo apt-get install postgresql redis-server" >&2
      exit 1
    fi
  fi
  if [ -f web/package-lock.json ]; then
    npm_stamp="web/node_modules/.installed-$(sha256sum web/package-lock.json | cut -c1-16)"
    if [ ! -f "$npm_stamp" ]; then
      echo "setup: installiere web/node_modules (npm ci) …"
      (cd web && npm ci --silent --no-audit --no-fund)
      touch "$npm_stamp"
    fi
  fi
fi
