# Two commands on a fresh machine: `make run` (the site with demo content) and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: run test install system-packages messages migrate demo lint bench clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11 or run make PYTHON=python3"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $@

install: system-packages $(VENV)/.installed node_modules/.installed

# The browser tests' accessibility checker (axe-core), pinned in package-lock.json, from the npm registry.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq npm >/dev/null; } || { echo "Install Node.js and npm (the browser tests' axe-core)"; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts --silent
	touch $@

# Certificates are printed by Debian's headless Chromium (never `playwright install`); the tests read the
# PDFs back with poppler-utils (pdftotext). On Debian/Ubuntu as root they are installed when missing.
SYSTEM_PACKAGES := chromium poppler-utils
system-packages:
	@{ command -v chromium >/dev/null && command -v pdftotext >/dev/null; } || { [ "$$(id -u)" = 0 ] && { apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; }; }; } || { echo "Install $(SYSTEM_PACKAGES) (Debian packages: the certificates' PDF engine and pdftotext)"; exit 1; }

# Compiling needs GNU gettext's msgfmt; on Debian/Ubuntu as root it is installed when missing.
messages: install
	@command -v msgfmt >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq gettext >/dev/null; } || { echo "Install GNU gettext (msgfmt)"; exit 1; }
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

migrate: install
	$(PY) manage.py migrate --noinput -v0

demo: migrate messages
	$(PY) manage.py load_demo_data

# The web server and, beside it, the embedded scheduler (SLA timers, workflow timers, the outbox sweep,
# which sends the mail and SMS): Celery is eager here, so there is no celery beat. It stops with the server.
run: demo
	@$(PY) manage.py run_periodic_jobs --reload & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null; wait $$scheduler' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST)

test: messages
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: install
	$(PY) -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm static_collected media/test
