# The two commands: `make run` serves the site, `make test` runs every test.
# Both set themselves up (virtual environment, install, migrate) and are safe to run twice.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
MANAGE := $(PY) manage.py
# The development server and management commands run with DEBUG on unless told otherwise.
DEV_ENV := DEBUG=$${DEBUG:-true}
PYTEST_ARGS ?=

.PHONY: help run test lint format assets setup setup-dev superuser clean lock audit stack

help:
	@echo "make run    serve the site with its starter content on http://127.0.0.1:8000"
	@echo "make test   run every test, browser tests included"
	@echo "make lint   the layer contracts, ruff, djlint, Django's checks, missing migrations"
	@echo "make assets rebuild the compiled CSS and JS from frontend/ (needs Node)"
	@echo "make lock   pin every dependency with hashes in requirements.lock"
	@echo "make audit  check requirements.lock for known vulnerabilities"
	@echo "make stack  the production shape on loopback: nginx TLS, Varnish, two gunicorn, PostgreSQL, Redis"

$(PY):
	@python=$$(scripts/find-python) || exit 1; \
	echo "Creating $(VENV) with $$python"; \
	$$python -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PIP) install --quiet -e ".[dev]"
	@touch $@

# axe-core for the accessibility tests comes from npm, like the design system.
node_modules/.package-lock.json: package-lock.json
	@command -v npm >/dev/null || { echo "error: npm is needed for the test tools (apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(VENV)/.installed
	$(DEV_ENV) $(MANAGE) migrate --noinput
	$(DEV_ENV) $(MANAGE) load_starter_content

setup-dev: $(VENV)/.installed-dev node_modules/.package-lock.json
	@scripts/ensure-chromium
	@scripts/ensure-edge

run: setup
	@echo ""
	@echo "  The site:  http://127.0.0.1:8000/"
	@echo "  The admin: http://127.0.0.1:8000/admin/"
	@echo "  Create a staff account with: make superuser"
	@echo "  (or $(MANAGE) createsuperuser)"
	@echo ""
	$(DEV_ENV) $(MANAGE) runserver 127.0.0.1:8000

superuser: setup
	$(DEV_ENV) $(MANAGE) createsuperuser

test: setup-dev
	$(PY) -m pytest -n auto --dist loadgroup $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/lint-imports
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint
	$(DEV_ENV) $(MANAGE) check
	$(DEV_ENV) $(MANAGE) makemigrations --check --dry-run

# requirements.lock pins every dependency, dev tools included, with hashes: what `make audit`
# checks. Regenerate it after changing pyproject.toml.
lock: $(VENV)/.installed-dev
	$(VENV)/bin/pip-compile --quiet --extra dev --generate-hashes --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# Known vulnerabilities in the locked dependencies. Exits non-zero when any is found, and when
# the vulnerability data cannot be reached (it never reports a clean audit it did not do).
audit: $(VENV)/.installed-dev
	$(PY) scripts/audit.py

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

assets:
	npm ci --no-audit --no-fund && npm run build

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache

# The production shape on one machine, for trying it (scripts/stack says what it needs).
stack:
	@scripts/stack
