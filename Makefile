# Two commands on a fresh machine:
#   make demo  - create .venv if absent, install benefitcalc, sweep the built-in example
#   make test  - create .venv if absent, install with test extras, run the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install install-test chromium bench load docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet .

install-test: $(BIN)/python chromium
	$(BIN)/python -m pip install --quiet -e '.[test]'

# The browser tests (tests/web/test_browser.py) drive Debian's Chromium, never a browser Playwright
# downloads. Installed here when missing and we are root with apt-get (as CI is); otherwise the
# browser tests skip and say why.
chromium:
	@if ! command -v chromium >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

demo: install
	$(BIN)/benefitcalc sweep --example --hours 0,8,16,24,30 --period week

test: install-test lint
	$(BIN)/python -m pytest

# The gates: ruff (lint and format) and mypy, configured in pyproject.toml.
lint: install-test
	$(BIN)/ruff check benefitcalc tests benchmarks
	$(BIN)/ruff format --check benefitcalc tests benchmarks
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/sweep.py

# The HTTP service under load: 64 clients on loopback, 1 and 2 workers (benchmarks/load.py).
load: install-test
	$(BIN)/python benchmarks/load.py

docs: install-test
	$(BIN)/python -m benefitcalc.docgen
	$(BIN)/python -m benefitcalc.report.samples

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
