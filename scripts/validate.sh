#!/usr/bin/env bash
# Checks staff-edited YAML: Rasa training data + domain, and the service catalogue.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== rasa data validate"
.venv/bin/python -m bot.rasa_cli data validate --fail-on-warnings --config config.yml --domain domain.yml \
  --data data/nlu data/stories data/rules
if [ -f bot/catalogue/__main__.py ]; then
  echo "== Dienstleistungskatalog prüfen"
  .venv/bin/python -m bot.catalogue validate
fi
