# Two commands on a fresh machine:
#   make demo  - create .venv if absent, install benefitcalc, sweep the built-in example
#   make test  - create .venv if absent, install with test extras, run the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install install-test bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

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

docs: install-test
	$(BIN)/python -m benefitcalc.docgen
	$(BIN)/python -m benefitcalc.report.samples

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
