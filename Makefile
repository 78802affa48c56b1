# borderwatch — developer and CI entry points. `make help` lists the targets.
#
# Every recipe is one bash script (.ONESHELL) run with -eu -o pipefail, so a failing line
# fails the target.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.ONESHELL:
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
# `make bench BENCH_SCALE=quick` (100k incidents) or full (1M, the default); BENCH_ARGS
# passes more, e.g. BENCH_ARGS='--only latency'.
BENCH_SCALE ?= full
BENCH_ARGS ?=
# `make run HOST=0.0.0.0 PORT=8080`: passed to `borderwatch demo` only when given.
HOST ?=
PORT ?=

export PIP_DISABLE_PIP_VERSION_CHECK := 1
export DEBIAN_FRONTEND := noninteractive

.PHONY: help install system-deps run lint check-migrations test test-sqlite test-postgres bench bench-extraction lock clean

help: ## list the targets
	@echo "Usage: make TARGET [PYTEST_ARGS='...'] [HOST=... PORT=...]"
	grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-17s %s\n", $$1, $$2}'

install: $(STAMP) ## create .venv and install the package with its test extra, pinned by requirements.lock

$(STAMP): pyproject.toml requirements.lock
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c requirements.lock -e '.[test]'
	touch $@

system-deps: ## install Debian's Chromium and a PostgreSQL server where missing (root)
	@missing=()
	[ -x /usr/bin/chromium ] || missing+=(chromium chromium-driver)
	have_pg=
	for d in /usr/lib/postgresql/*/bin; do
	    if [ -x "$$d/initdb" ] && [ -x "$$d/pg_ctl" ]; then have_pg=1; fi
	done
	if [ -z "$$have_pg" ] && command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then have_pg=1; fi
	[ -n "$$have_pg" ] || missing+=(postgresql)
	if [ -n "$$have_pg" ] && ! command -v psql >/dev/null && ! ls /usr/lib/postgresql/*/bin/psql >/dev/null 2>&1; then
	    missing+=(postgresql-client)
	fi
	if [ $${#missing[@]} -eq 0 ]; then echo "system-deps: Chromium and PostgreSQL present"; exit 0; fi
	if [ "$$(id -u)" != 0 ]; then
	    echo "system-deps: missing Debian packages: $${missing[*]}" >&2
	    echo "system-deps: not root; run 'sudo make system-deps' or: sudo apt-get install -y $${missing[*]}" >&2
	    exit 1
	fi
	echo "system-deps: installing $${missing[*]}"
	apt-get update -q
	apt-get install -y -q "$${missing[@]}"

run: install ## serve the demo scenario on 127.0.0.1:8000 (SQLite in var/) and print sign-ins
	$(BIN)/borderwatch demo $(if $(HOST),--host $(HOST)) $(if $(PORT),--port $(PORT))

lint: install ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-migrations: install ## fail if models have changes without a migration
	env -u DATABASE_URL $(BIN)/python manage.py makemigrations --check --dry-run

test: install system-deps ## lint, migrations check, then the whole suite on SQLite and on PostgreSQL
	# -k: run every step even after one fails; the sub-make still exits non-zero if any did.
	$(MAKE) --no-print-directory -k lint check-migrations test-sqlite test-postgres

test-sqlite: install system-deps ## the whole pytest suite on SQLite
	env -u DATABASE_URL $(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres: install system-deps ## the whole pytest suite on a throwaway PostgreSQL
	scripts/with-postgres.sh $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install system-deps ## the benchmark suite on its own throwaway PostgreSQL: bench/results/RESULTS.md
	if ! command -v wrk >/dev/null; then
	    if [ "$$(id -u)" != 0 ]; then echo "bench: needs wrk: sudo apt-get install -y wrk" >&2; exit 1; fi
	    apt-get install -y -q wrk || { apt-get update -q && apt-get install -y -q wrk; }
	fi
	scripts/with-postgres.sh $(BIN)/python bench/run.py --scale $(BENCH_SCALE) $(BENCH_ARGS)

bench-extraction: install ## report extraction speed: docs/s per core, share outside spaCy (bench/results/)
	$(BIN)/python bench/extraction.py --with-ner

lock: ## regenerate requirements.lock from a fresh temporary venv
	tmp=$$(mktemp -d /tmp/borderwatch-lock.XXXXXX)
	trap 'rm -rf "$$tmp"' EXIT
	$(PYTHON) -m venv "$$tmp/venv"
	# The requirements themselves, read from pyproject.toml: no need to build the package.
	$(PYTHON) -c 'import tomllib; p = tomllib.load(open("pyproject.toml", "rb"))["project"]; print("\n".join(p["dependencies"] + p["optional-dependencies"]["test"]))' > "$$tmp/requirements.in"
	"$$tmp/venv/bin/pip" install -q -r "$$tmp/requirements.in"
	{
	    echo "# Exact versions of everything pyproject.toml's dependencies and its [test] extra resolve to."
	    echo "# Used as a pip constraints file: pip install -c requirements.lock -e '.[test]' (make install)."
	    echo "# Generated for Python $$("$$tmp/venv/bin/python" -c 'import platform; print(platform.python_version())'); regenerate with \`make lock\`; do not edit by hand."
	    "$$tmp/venv/bin/pip" freeze --exclude-editable | grep -viE '^borderwatch( |=|@)' | LC_ALL=C sort -f -t= -k1,1
	} > requirements.lock.tmp
	mv requirements.lock.tmp requirements.lock
	echo "lock: wrote requirements.lock ($$(grep -vc '^#' requirements.lock) pins)"

clean: ## remove .venv, var/ and caches
	rm -rf $(VENV) var .pytest_cache .ruff_cache .hypothesis test-results build *.egg-info
	find . -path ./.git -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +
