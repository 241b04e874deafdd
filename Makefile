# SPDX-License-Identifier: EUPL-1.2
# Two commands for a newcomer: `make demo` and `make test`. Both create .venv when missing.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
# Two test workers (pytest-xdist): the suite takes half the time on a 2-core machine.
PYTEST_ARGS ?= -n 2
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/kompas demo

test: $(STAMP)
	@if command -v chromium >/dev/null 2>&1; then \
		echo "Browsertests: chromium gevonden ($$(command -v chromium)), ze draaien mee."; \
	else \
		echo "LET OP: chromium ontbreekt; de browsertests (axe-core, Playwright) worden OVERGESLAGEN."; \
		echo "        Installeer Debians chromium (apt-get install chromium) om ze te draaien."; \
	fi
	$(BIN)/kompas makemigrations --check --dry-run >/dev/null || \
		(echo "Er ontbreken migraties: draai 'kompas makemigrations'." && exit 1)
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var build src/*.egg-info
