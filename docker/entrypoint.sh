#!/bin/sh
# Start of every web container: check the settings, apply migrations, then run the command
# (gunicorn). The deploy check stops here on an error, e.g. a cache of one process
# (CACHE_URL=locmemcache://) with WEB_CONCURRENCY above 1, which would serve stale pages.
# migrate_with_lock is `migrate` holding a PostgreSQL advisory lock, so that the containers
# of `docker compose up --scale web=3` take turns instead of migrating at the same time.
set -eu

if [ "${1:-}" = "gunicorn" ]; then
    python manage.py check --deploy --fail-level ERROR
fi

if [ "${MIGRATE_ON_START:-1}" = "1" ]; then
    python manage.py migrate_with_lock --noinput
fi

exec "$@"
