# Every target installs what it needs: a fresh machine only needs python3 (>= 3.11) and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_HOME ?= $(CURDIR)/.demo-home

.PHONY: install demo test lint typecheck unit bench clean web jstest browser

install: $(STAMP) web

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The web pages: the npm packages (exact versions from web/package-lock.json) and the bundles that
# the Python package ships in src/leaktrace/web/static (rebuilt when web/ changes).
WEB_NPM_STAMP := web/node_modules/.installed
WEB_BUILT := web/node_modules/.built
WEB_SOURCES := $(wildcard web/src/*.js web/src/*.css web/src/*.svg web/src/pages/*.js) web/build.mjs

web: $(WEB_BUILT)

$(WEB_NPM_STAMP): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $(WEB_NPM_STAMP)

$(WEB_BUILT): $(WEB_NPM_STAMP) $(WEB_SOURCES)
	cd web && node build.mjs
	touch $(WEB_BUILT)

jstest: web
	cd web && node --test ../tests/js/

demo: install
	rm -rf $(DEMO_HOME)
	$(BIN)/leaktrace --home $(DEMO_HOME) demo

lint: install
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/ruff check src tests benchmarks

typecheck: install
	$(BIN)/mypy src

# Debian's chromium for the browser tests (Playwright drives it; it never downloads one).
browser:
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

unit: install browser
	$(BIN)/python -m pytest -q -n auto

test: lint typecheck unit jstest

bench: install
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) $(DEMO_HOME) .mypy_cache .pytest_cache .ruff_cache .hypothesis
