#!/usr/bin/env bash
# `make test`: every check, in the order that fails fastest. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

scripts/setup.sh --test
scripts/validate.sh

echo "== Modell (trainiert nur bei geänderten Daten)"
model="$(.venv/bin/python -m bot.training ensure)"

echo "== Rasa-Teststories (tests/stories)"
rm -rf results/stories && mkdir -p results
.venv/bin/python -m bot.rasa_cli test core --model "$model" --stories tests/stories --fail-on-prediction-errors \
  --out results/stories >results/rasa-test-core.log 2>&1 || {
  status=$?
  tail -n 40 results/rasa-test-core.log
  [ -f results/stories/failed_test_stories.yml ] && cat results/stories/failed_test_stories.yml
  echo "Rasa-Teststories fehlgeschlagen (Exit-Code $status)" >&2
  exit 1
}
grep -E "Correct:|Accuracy:" results/rasa-test-core.log | head -n 4 || true

echo "== pytest"
set +e
SCHAENGEL_MODEL="$model" .venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest hat keinen Test gefunden – das zählt als Fehler." >&2
  exit 1
fi
[ "$status" -eq 0 ] || exit "$status"
echo "== make test: alles grün in $((SECONDS - started)) s"
