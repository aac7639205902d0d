"""Consistent backups of the database and the uploaded files in one dated archive.

SQLite is copied through SQLite's online backup API (a consistent snapshot even while the
site runs); PostgreSQL is dumped with pg_dump (one transaction, so consistent too) and
restored with psql in a single transaction. The archive is a .tar.gz holding
manifest.json, the database and media/, readable by its owner only (0600).

Unless ``with_accounts`` is asked for, the database copy holds no sign-in secrets: the
sessions (django_session) and django-axes' log-in records are left out and every user's
password hash is replaced by an unusable password, so that a copied archive opens nobody's
account. Restoring such a backup keeps the accounts of the site it is restored into (their
passwords, e-mail addresses, staff flags and groups): see :func:`restore_backup`.
"""

import datetime
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connections

from core.cache import bump_all

FORMAT = 1
ARCHIVE_MODE = 0o600
SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.sql"


class BackupError(Exception):
    pass


def _engine(connection):
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _postgres_environment(connection):
    params = connection.settings_dict
    environment = dict(os.environ)
    if params.get("PASSWORD"):
        environment["PGPASSWORD"] = str(params["PASSWORD"])
    return environment


def _postgres_arguments(connection):
    params = connection.settings_dict
    arguments = []
    if params.get("HOST"):
        arguments += ["--host", str(params["HOST"])]
    if params.get("PORT"):
        arguments += ["--port", str(params["PORT"])]
    if params.get("USER"):
        arguments += ["--username", str(params["USER"])]
    return [*arguments, "--dbname", str(params["NAME"])]


def _tool(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    return path


def secret_tables():
    """Tables whose rows open accounts or tell who tried: sessions and django-axes' records."""
    tables = [apps.get_model("sessions", "Session")._meta.db_table]
    if apps.is_installed("axes"):
        tables += [model._meta.db_table for model in apps.get_app_config("axes").get_models()]
    return tables


def _scrub_sqlite(path):
    """Empty the secret tables, make every password unusable and leave no trace in free pages."""
    users = get_user_model()._meta.db_table
    database = sqlite3.connect(path)
    try:
        database.create_function("unusable_password", 0, lambda: make_password(None))
        tables = database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        existing = {name for (name,) in tables}
        for table in secret_tables():
            if table in existing:
                database.execute(f'DELETE FROM "{table}"')  # noqa: S608 - names from models
        database.execute(f'UPDATE "{users}" SET password = unusable_password()')  # noqa: S608
        database.commit()
        database.execute("VACUUM")
    finally:
        database.close()


def _scrub_postgres_dump(path):
    """Replace the password column of the users' COPY block of a plain pg_dump file."""
    users = re.escape(get_user_model()._meta.db_table)
    header = re.compile(rf'^COPY (?:\S+\.)?"?{users}"? \((?P<columns>[^)]*)\) FROM stdin;$')
    scrubbed = path.with_suffix(".scrubbed")
    password_index = None
    with path.open(encoding="utf-8") as source, scrubbed.open("w", encoding="utf-8") as target:
        for line in source:
            if password_index is not None:
                if line.rstrip("\n") == "\\.":
                    password_index = None
                else:
                    fields = line.rstrip("\n").split("\t")  # COPY escapes tabs in values
                    fields[password_index] = make_password(None)
                    line = "\t".join(fields) + "\n"
            elif match := header.match(line.rstrip("\n")):
                columns = [name.strip().strip('"') for name in match["columns"].split(",")]
                password_index = columns.index("password")
            target.write(line)
    scrubbed.replace(path)


def dump_database(connection, target, *, with_accounts=False):
    """Write the database to `target` (a path); return the archive member name."""
    if _engine(connection) == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        if not with_accounts:
            _scrub_sqlite(target)
        return SQLITE_MEMBER
    excluded = [] if with_accounts else [f"--exclude-table-data={t}" for t in secret_tables()]
    result = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
        [
            _tool("pg_dump"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            *excluded,
            "--file",
            str(target),
            *_postgres_arguments(connection),
        ],
        env=_postgres_environment(connection),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    if not with_accounts:
        _scrub_postgres_dump(Path(target))
    return POSTGRES_MEMBER


def load_database(connection, source, member):
    if _engine(connection) == "sqlite":
        if member != SQLITE_MEMBER:
            raise BackupError("This backup was made from PostgreSQL; this site runs on SQLite.")
        connection.ensure_connection()
        origin = sqlite3.connect(source)
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
        return
    if member != POSTGRES_MEMBER:
        raise BackupError("This backup was made from SQLite; this site runs on PostgreSQL.")
    connection.close()
    result = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
        [
            _tool("psql"),
            "--quiet",
            "--no-psqlrc",
            "--set",
            "ON_ERROR_STOP=1",
            "--single-transaction",
            "--file",
            str(source),
            *_postgres_arguments(connection),
        ],
        env=_postgres_environment(connection),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"psql failed: {result.stderr.strip()}")


def create_backup(output_dir, *, using="default", now=None, with_accounts=False):
    """Write backups/plenary-YYYYMMDD-HHMMSS.tar.gz (0600); return its path.

    Without ``with_accounts`` the copy holds no sessions, no log-in records and no password
    hashes (see the module's docstring).
    """
    connection = connections[using]
    now = now or datetime.datetime.now(datetime.UTC)
    output_dir = Path(output_dir)
    output_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    archive_path = output_dir / f"plenary-{now:%Y%m%d-%H%M%S}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        database_file = Path(work) / "database"
        member = dump_database(connection, database_file, with_accounts=with_accounts)
        media_files = (
            sorted(path for path in media_root.rglob("*") if path.is_file())
            if media_root.exists()
            else []
        )
        manifest = {
            "format": FORMAT,
            "created": now.isoformat(),
            "engine": connection.vendor,
            "database": member,
            "media_files": len(media_files),
            "accounts": with_accounts,
        }
        partial = archive_path.with_suffix(".partial")
        # Created 0600 whatever the umask: the archive holds every unpublished document.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, ARCHIVE_MODE)
        os.chmod(partial, ARCHIVE_MODE)
        with (
            os.fdopen(descriptor, "wb") as file,
            tarfile.open(fileobj=file, mode="w:gz") as archive,
        ):
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            info.mtime = int(now.timestamp())
            archive.addfile(info, fileobj=io.BytesIO(data))
            archive.add(database_file, arcname=member)
            for path in media_files:
                archive.add(path, arcname=f"media/{path.relative_to(media_root).as_posix()}")
        partial.rename(archive_path)
    return archive_path


def _safe_members(archive):
    members = []
    for member in archive.getmembers():
        name = member.name
        unsafe_path = name.startswith("/") or ".." in Path(name).parts
        if unsafe_path or not (member.isfile() or member.isdir()):
            raise BackupError(f"Refusing a suspicious entry in the archive: {name!r}")
        members.append(member)
    return members


def read_manifest(archive_path):
    with tarfile.open(archive_path, "r:gz") as archive:
        try:
            manifest = json.load(archive.extractfile("manifest.json"))
        except KeyError as error:
            raise BackupError("Not a Plenary backup: manifest.json is missing.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


ACCOUNT_FIELDS = ("password", "email", "is_active", "is_staff", "is_superuser", "last_login")


def current_accounts(using):
    """Every user's sign-in fields and group names, to carry over a restore without accounts."""
    user_model = get_user_model()
    username = user_model.USERNAME_FIELD
    accounts = {
        row[username]: row
        for row in user_model.objects.using(using).values(
            username, "first_name", "last_name", *ACCOUNT_FIELDS
        )
    }
    for name, group in user_model.groups.through.objects.using(using).values_list(
        f"user__{username}", "group__name"
    ):
        accounts[name].setdefault("groups", []).append(group)
    return accounts


def keep_accounts(accounts, using):
    """Give the restored users their current passwords and flags; bring back newer users.

    A backup without accounts holds unusable passwords: without this, nobody could sign in
    after restoring it. Users the backup does not know (created since) are created again with
    their groups; users only the backup knows keep an unusable password.
    """
    user_model = get_user_model()
    username = user_model.USERNAME_FIELD
    for name, row in accounts.items():
        fields = {field: row[field] for field in ACCOUNT_FIELDS}
        users = user_model.objects.using(using).filter(**{username: name})
        if users.update(**fields):
            continue
        user = user_model.objects.using(using).create(
            **{username: name}, first_name=row["first_name"], last_name=row["last_name"], **fields
        )
        groups = Group.objects.using(using).filter(name__in=row.get("groups", []))
        user.groups.set(groups)


def restore_backup(archive_path, *, using="default"):
    """Replace the database and the media files with the archive's; return the manifest.

    A backup made without accounts keeps the accounts of this site (:func:`keep_accounts`);
    the sessions are those of the backup (none): everyone signs in again.
    """
    connection = connections[using]
    archive_path = Path(archive_path)
    if not archive_path.is_file():
        raise BackupError(f"No such file: {archive_path}")
    manifest = read_manifest(archive_path)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        with tarfile.open(archive_path, "r:gz") as archive:
            members = _safe_members(archive)
            archive.extractall(work, members=members, filter="data")
        database_file = Path(work) / manifest["database"]
        if not database_file.is_file():
            raise BackupError("The archive has no database file.")
        # Backups older than the "accounts" entry held them all.
        accounts = None if manifest.get("accounts", True) else current_accounts(using)
        load_database(connection, database_file, manifest["database"])
        if accounts is not None:
            keep_accounts(accounts, using)
        extracted_media = Path(work) / "media"
        media_root.mkdir(parents=True, exist_ok=True)
        for child in media_root.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        if extracted_media.exists():
            shutil.copytree(extracted_media, media_root, dirs_exist_ok=True)
    # No signal tells the page cache (Redis or the shared default) that every row changed.
    bump_all()
    return manifest
