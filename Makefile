# Schängel — the two commands a person needs: `make run` and `make test`.
# Everything else is a step of those two (see README.md).
.PHONY: run test setup setup-test validate train test-stories pytest clean

PY := .venv/bin/python

run: setup                  ## install what is missing, train if data changed, start everything
	$(PY) -m bot.stack

test:                       ## every check CI runs (validate, pytest, browser tests, test stories)
	scripts/test.sh

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

validate: setup             ## check staff-edited YAML: Rasa training data and the service catalogue
	scripts/validate.sh

train: setup                ## train the Rasa model if its inputs changed (hash-keyed cache)
	$(PY) -m bot.training ensure

clean:                      ## remove local runtime data and test output (not the model cache)
	rm -rf var results test-artifacts .pytest_cache
