# Plenary: `make run` serves the demo programme, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint fmt messages browser-deps migrate demo clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,pdf]"
	touch $(STAMP)

install: $(STAMP) messages

# French and Spanish catalogues are kept as .po files; the .mo files are built here.
messages: $(STAMP)
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	@if ls locale/*/LC_MESSAGES/*.po >/dev/null 2>&1; then \
		DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv -v0; fi

# The browser tests (tests/browser/) drive Debian's Chromium; they are skipped without it.
browser-deps:
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

migrate: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput

demo: migrate
	DEBUG=1 $(BIN)/python manage.py load_demo
	DEBUG=1 $(BIN)/python manage.py ensure_staff_login

run: demo
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

fmt: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Throughput and latency of /healthz and the programme pages under gunicorn (see README).
bench: install
	$(BIN)/python bench/run --python $(BIN)/python $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles

# Backups: one dated archive (database + uploaded files) under backups/.
.PHONY: backup restore
backup: install
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py backup

restore: install
	@test -n "$(FILE)" || (echo "Usage: make restore FILE=backups/plenary-YYYYMMDD-HHMMSS.tar.gz"; exit 2)
	DEBUG=$${DEBUG:-1} $(BIN)/python manage.py restore "$(FILE)"
