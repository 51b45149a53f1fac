# Styr — set-up and checks. `make run` and `make test` do everything on a fresh machine.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
TOOLS := .tools
UV := $(TOOLS)/bin/uv
STYR := $(VENV)/bin/styr
export STYR_DEV ?= 1
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON := $(VENV)/bin/python

.PHONY: install run serve screenshots test lint format messages bench bench-optimizer bench-jobs bench-assessments bench-involvement bench-publication bench-catalogue chromium clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==0.13.9

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Packages from the lockfiles, front-end assets, collected static files; leaves .venv/bin/styr.
install: $(UV) $(VENV)/bin/python node_modules/.package-lock.json
	$(UV) sync --frozen --quiet
	$(STYR) collectstatic --noinput --verbosity 0

chromium:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

run: install
	$(STYR) migrate --noinput
	$(STYR) demo
	@# The worker solves scenarios, sends the e-mail outbox and runs the daily cycle outside the
	@# web requests (no scheduler needed); it stops with the server.
	$(STYR) worker & trap "kill $$! 2>/dev/null" EXIT INT TERM; DEBUG=1 $(STYR) runserver 127.0.0.1:$(PORT)

# Production: gunicorn and the background worker, without the development key or DEBUG.
# Needs SECRET_KEY (and DATABASE_URL, ALLOWED_HOSTS, ...; README "Production").
serve: install
	STYR_DEV= $(STYR) migrate --noinput
	STYR_DEV= $(STYR) worker & trap "kill $$! 2>/dev/null" EXIT INT TERM; \
	STYR_DEV= $(VENV)/bin/gunicorn styr.wsgi:application --bind $${BIND:-127.0.0.1:8000} \
		--workers $${WEB_WORKERS:-3} --timeout 60 --access-logfile - --forwarded-allow-ips '*'

# The README's gallery: the demo's main pages at 1280 and 390 px into docs/screenshots/.
screenshots: install chromium
	STYR_SCREENSHOTS=docs/screenshots $(VENV)/bin/python -m pytest -q -n 1 tests/browser/test_gallery.py

test: install chromium
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/python -m pytest -n 2 --dist loadgroup -q

# ruff, and the layers contract in pyproject.toml (docs/architecture.md): imports run down only.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Re-extract and compile translations (needs GNU gettext's xgettext/msgfmt).
messages: install
	$(STYR) makemessages -l da -l nb -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=.tools
	$(STYR) compilemessages --ignore=.venv --ignore=.tools

bench: install
	$(VENV)/bin/python bench/run.py
	$(VENV)/bin/python bench/optimizer.py

bench-jobs: install
	$(VENV)/bin/python bench/jobqueue.py
	$(VENV)/bin/python bench/outbox.py

bench-assessments: install
	$(VENV)/bin/python bench/assessments.py

bench-involvement: install
	$(VENV)/bin/python bench/involvement.py

bench-publication: install
	$(VENV)/bin/python bench/publication.py

bench-catalogue: install
	$(VENV)/bin/python bench/catalogue.py

bench-optimizer: install
	$(VENV)/bin/python bench/optimizer.py
	$(VENV)/bin/python bench/mkp.py

clean:
	rm -rf $(VENV) $(TOOLS) node_modules var/static
