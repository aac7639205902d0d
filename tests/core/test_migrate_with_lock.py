from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.core.management.commands.migrate import Command as MigrateCommand
from django.db import connection

from core.management.commands.migrate_with_lock import LOCK_KEY


@pytest.mark.django_db
def test_migrate_with_lock_applies_migrations_like_migrate():
    out = StringIO()
    call_command("migrate_with_lock", interactive=False, stdout=out)
    assert "No migrations to apply." in out.getvalue()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks are PostgreSQL's")
def test_migrate_runs_while_the_lock_is_held_and_releases_it():
    def held():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = "
                "pg_backend_pid() AND ((classid::bigint << 32) | objid::bigint) = %s",
                [LOCK_KEY],
            )
            return cursor.fetchone()[0]

    seen = []
    with mock.patch.object(
        MigrateCommand, "handle", side_effect=lambda *a, **k: seen.append(held())
    ):
        call_command("migrate_with_lock", interactive=False, stdout=StringIO())
    assert seen == [1]
    assert held() == 0
