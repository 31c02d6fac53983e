# The two commands a new machine needs: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
SCALE ?= 200
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: run serve services test bench bench-large bench-bakery bench-throughput bench-load screenshots lighthouse lint format messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

$(VENV)/.run-deps: requirements/base.lock | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/base.lock
	touch $@

$(VENV)/.dev-deps: requirements/dev.lock | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements/dev.lock
	touch $@ $(VENV)/.run-deps

## run: the portal with demo content on SQLite at http://127.0.0.1:$(PORT)/
# The demo Site and Wagtail's base URL get the address runserver listens on, so canonical
# links, feeds, the sitemap and the API's URLs (images too) all point to it.
run: export WAGTAILADMIN_BASE_URL = http://127.0.0.1:$(PORT)
run: $(VENV)/.run-deps
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content --site-url $(WAGTAILADMIN_BASE_URL)
	@echo ""
	@echo "  Website:  http://127.0.0.1:$(PORT)/  (Deutsch: /de/, English: /en/)"
	@echo "  Admin:    http://127.0.0.1:$(PORT)/admin/"
	@echo ""
	@# Scheduled posts go live while the server runs: publish_scheduled every minute in the
	@# background, stopped with the server (Ctrl-C, or runserver ending for any reason).
	$(BIN)/python manage.py publish_scheduled_loop & loop=$$!; \
	trap 'kill $$loop 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

## serve: the production stack locally: gunicorn (WORKERS, default 4) and the task worker
## against local PostgreSQL and Redis, after migrate and collectstatic, with demo content
# portal.settings.serve = production + local hosts, plain HTTP, demo content allowed; override
# DATABASE_URL / REDIS_URL to point it elsewhere (docs/deploy.md).
WORKERS ?= 4
serve: export DJANGO_SETTINGS_MODULE = portal.settings.serve
serve: export WAGTAILADMIN_BASE_URL = http://127.0.0.1:$(PORT)
serve: $(VENV)/.run-deps services
	$(BIN)/python manage.py create_database
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py load_demo_content --site-url $(WAGTAILADMIN_BASE_URL)
	@echo ""
	@echo "  Production stack: http://127.0.0.1:$(PORT)/ ($(WORKERS) gunicorn workers, task worker)"
	@echo ""
	$(BIN)/python manage.py db_worker & worker=$$!; \
	$(BIN)/python manage.py publish_scheduled_loop & loop=$$!; \
	trap 'kill $$worker $$loop 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn -c portal/gunicorn.conf.py --bind 127.0.0.1:$(PORT) --workers $(WORKERS) portal.wsgi

## services: start the local PostgreSQL and Redis if they have stopped (make serve, CI)
services:
	@if ! pg_isready -q -h 127.0.0.1 -p 5432; then \
	    pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql)" main start; \
	    for _ in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done; \
	fi
	@if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then \
	    mkdir -p /var/lib/redis /var/log/redis; \
	    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" \
	        --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log; \
	    for _ in $$(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done; \
	fi

## test: the whole test suite, browser tests included, on every core (TEST_WORKERS=0: in one process)
TEST_WORKERS ?= auto
test: $(VENV)/.dev-deps
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python -m pytest \
	    $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadgroup) $(PYTEST_ARGS)

## bench: timings and query counts of the key pages on a database of SCALE items
bench: $(VENV)/.dev-deps
	DJANGO_SETTINGS_MODULE=portal.settings.bench $(BIN)/python manage.py bench --scale $(SCALE)

## bench-large: the small and the large database of issue 12 side by side (kept in var/ for reuse;
## REBUILD=1 builds them anew). DATABASE_URL=postgres://… measures on PostgreSQL.
bench-large: $(VENV)/.dev-deps
	DJANGO_SETTINGS_MODULE=portal.settings.bench $(BIN)/python manage.py bench --compare --scale $(SCALE) $(if $(REBUILD),,--keep-db)

## bench-bakery: our pages beside wagtail/bakerydemo's (fetched into var/ at run time)
bench-bakery: $(VENV)/.dev-deps
	$(BIN)/python bench/bakerydemo.py

## bench-throughput: requests per second through gunicorn (wrk), pages next to static copies
bench-throughput: $(VENV)/.dev-deps
	bash bench/throughput.sh

## bench-load: a bounded locust run with readers, searchers and a commenter
bench-load: $(VENV)/.dev-deps
	bash bench/load.sh

## screenshots: phone and desktop screenshots of every public page type into var/screenshots/
screenshots: $(VENV)/.dev-deps
	$(BIN)/python manage.py screenshots --out var/screenshots

## lighthouse: Lighthouse's four scores (phone) per public page type on the production stack
# Needs Node.js/npm (Lighthouse goes into var/lighthouse on first use) and Debian's Chromium.
lighthouse: $(VENV)/.dev-deps
	$(BIN)/python manage.py lighthouse $(LIGHTHOUSE_ARGS)

## lint: ruff, djhtml and missing migrations
lint: $(VENV)/.dev-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(find templates -name '*.html')
	$(BIN)/python manage.py makemigrations --check --dry-run

format: $(VENV)/.dev-deps
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(find templates -name '*.html')

## messages: refresh the message catalogues (needs GNU gettext), then compile them
messages: $(VENV)/.dev-deps
	$(BIN)/python manage.py makemessages -l de -l en --no-location --ignore=.venv --ignore=var --ignore=tests
	$(BIN)/python manage.py makemessages -d djangojs -l de -l en --no-location --ignore=.venv --ignore=var --ignore=tests
	$(BIN)/python manage.py compile_catalogues

clean:
	rm -rf $(VENV) var db.sqlite3 db.sqlite3-shm db.sqlite3-wal
