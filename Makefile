# Two entry points that work on a fresh machine with only Python 3.11:
#   make demo   - create .venv, install, extract claims from the bundled seed articles
#   make test   - create .venv, install with test extras, run ruff and the tests
PYTHON ?= python3.11
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test lint bench clean

$(BIN)/python:
	$(shell command -v $(PYTHON) >/dev/null 2>&1 && echo $(PYTHON) || echo python3) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/migration-extract extract fixtures/seeds/*.txt --out demo-claims.jsonl --no-progress
	$(BIN)/migration-extract show demo-claims.jsonl

test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) demo-claims.jsonl .pytest_cache .hypothesis .ruff_cache
