#!/bin/sh
# Start of every web container: apply migrations, then run the command (gunicorn).
# migrate_with_lock is `migrate` holding a PostgreSQL advisory lock, so that the containers
# of `docker compose up --scale web=3` take turns instead of migrating at the same time.
set -eu

if [ "${MIGRATE_ON_START:-1}" = "1" ]; then
    python manage.py migrate_with_lock --noinput
fi

exec "$@"
