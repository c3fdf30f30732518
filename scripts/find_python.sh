#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter (Rasa 3.6 needs 3.10), or fails with help.
# Looks, in order, at: $SCHAENGEL_PYTHON, python3.10 on PATH, pyenv's versions folder,
# uv's managed Pythons, and the usual system locations. Never installs anything.
set -euo pipefail

is_py310() {
  [ -n "$1" ] && [ -x "$1" ] && "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1
}

candidates=()
[ -n "${SCHAENGEL_PYTHON:-}" ] && candidates+=("$SCHAENGEL_PYTHON")
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
pyenv_root="${PYENV_ROOT:-}"
[ -z "$pyenv_root" ] && command -v pyenv >/dev/null 2>&1 && pyenv_root="$(pyenv root 2>/dev/null || true)"
[ -z "$pyenv_root" ] && pyenv_root="$HOME/.pyenv"
if [ -d "$pyenv_root/versions" ]; then
  # newest 3.10.x first
  while IFS= read -r dir; do
    candidates+=("$dir/bin/python3.10")
  done < <(ls -d "$pyenv_root"/versions/3.10* 2>/dev/null | sort -t. -k3,3nr)
fi
if command -v uv >/dev/null 2>&1; then
  uv_python="$(uv python find 3.10 2>/dev/null || true)"
  [ -n "$uv_python" ] && candidates+=("$uv_python")
fi
candidates+=(/usr/local/bin/python3.10 /usr/bin/python3.10)

for candidate in "${candidates[@]}"; do
  if is_py310 "$candidate"; then
    echo "$candidate"
    exit 0
  fi
done

cat >&2 <<'HELP'
Python 3.10 wurde nicht gefunden (Rasa 3.6 braucht genau 3.10).
Python 3.10 was not found (Rasa 3.6 needs exactly 3.10). Install it with one of:
  pyenv install 3.10        |  uv python install 3.10  |  apt-get install python3.10
or point SCHAENGEL_PYTHON at an existing python3.10 binary.
HELP
exit 1
