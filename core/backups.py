"""Consistent backups of the database and the uploaded files in one dated archive.

SQLite is copied through SQLite's online backup API (a consistent snapshot even while the
site runs); PostgreSQL is dumped with pg_dump (one transaction, so consistent too) and
restored with psql in a single transaction. The archive is a .tar.gz holding
manifest.json, the database and media/.
"""

import datetime
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections

from core.cache import bump_all

FORMAT = 1
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


def dump_database(connection, target):
    """Write the database to `target` (a path); return the archive member name."""
    if _engine(connection) == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        return SQLITE_MEMBER
    result = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
        [
            _tool("pg_dump"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
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


def create_backup(output_dir, *, using="default", now=None):
    """Write backups/plenary-YYYYMMDD-HHMMSS.tar.gz; return its path."""
    connection = connections[using]
    now = now or datetime.datetime.now(datetime.UTC)
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    archive_path = output_dir / f"plenary-{now:%Y%m%d-%H%M%S}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as work:
        database_file = Path(work) / "database"
        member = dump_database(connection, database_file)
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
        }
        partial = archive_path.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as archive:
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


def restore_backup(archive_path, *, using="default"):
    """Replace the database and the media files with the archive's; return the manifest."""
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
        load_database(connection, database_file, manifest["database"])
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
