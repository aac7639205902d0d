"""`manage.py backup` and `restore`: a backup restored into an empty database brings the
demo programme back whole, files included."""

import hashlib
import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from conference.models import Day, Event
from documents.models import Document, Photo
from programme.models import Appearance, Slot
from speakers.models import Person

SLUG = "idm-2018-second-session"


def programme_snapshot():
    event = Event.objects.get(slug=SLUG)
    appearances = Appearance.objects.filter(slot__day__event=event)
    return {
        "event": (event.title, event.status, event.start_date),
        "days": list(Day.objects.filter(event=event).values_list("date", "label")),
        "slots": list(
            Slot.objects.filter(day__event=event)
            .order_by("day__date", "order")
            .values_list("start_time", "title")
        ),
        "appearances": sorted(
            appearances.values_list("person__family_names", "role__name", "slot__title")
        ),
        "people": appearances.values("person").distinct().count(),
        "documents": sorted(
            Document.objects.filter(appearance__slot__day__event=event).values_list("title", "file")
        ),
        "photos": sorted(Photo.objects.filter(event=event).values_list("image", "thumbnail")),
    }


def media_digest():
    root = Path(settings.MEDIA_ROOT)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def require_tools():
    if connection.vendor == "postgresql" and not (shutil.which("pg_dump") and shutil.which("psql")):
        pytest.skip(
            "pg_dump and psql are needed to back up PostgreSQL (apt-get install postgresql-client)"
        )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restoring_a_backup_into_an_empty_database_brings_the_demo_back_whole(tmp_path):
    require_tools()
    call_command("load_demo", stdout=io.StringIO())
    before, files = programme_snapshot(), media_digest()
    assert len(before["slots"]) == 12
    assert len(before["appearances"]) == 38
    assert before["people"] == 36
    assert len(before["documents"]) == 43
    assert len(before["photos"]) == 3
    assert len(files) >= 43 + 3

    out = io.StringIO()
    call_command("backup", output_dir=str(tmp_path / "backups"), stdout=out)
    (archive,) = (tmp_path / "backups").glob("plenary-*.tar.gz")
    assert f"Backup written to {archive}" in out.getvalue()

    call_command("flush", interactive=False)
    shutil.rmtree(settings.MEDIA_ROOT)
    assert not Event.objects.exists()
    assert not Person.objects.exists()

    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())

    assert programme_snapshot() == before
    assert media_digest() == files
    document = Document.objects.filter(appearance__isnull=False).first()
    assert document.file.open("rb").read(5) == b"%PDF-"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_replaces_later_changes(tmp_path):
    require_tools()
    call_command("load_demo", stdout=io.StringIO())
    call_command("backup", output_dir=str(tmp_path), stdout=io.StringIO())
    (archive,) = tmp_path.glob("plenary-*.tar.gz")
    Slot.objects.filter(day__event__slug=SLUG).update(title="Vandalised")
    stray = Path(settings.MEDIA_ROOT) / "documents" / "stray.html"
    stray.write_text("<script>alert(1)</script>")

    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())

    assert not Slot.objects.filter(title="Vandalised").exists()
    assert not stray.exists()


def make_archive(path, members):
    with tarfile.open(path, "w:gz") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


MANIFEST = json.dumps(
    {
        "format": 1,
        "created": "2026-01-01T00:00:00+00:00",
        "engine": "sqlite",
        "database": "database.sqlite3",
        "media_files": 0,
    }
).encode()


@pytest.mark.django_db
def test_restore_refuses_an_archive_that_writes_outside_its_folder(tmp_path):
    archive = tmp_path / "evil.tar.gz"
    make_archive(archive, {"manifest.json": MANIFEST, "../../outside.txt": b"x"})
    with pytest.raises(CommandError, match="suspicious entry"):
        call_command("restore", str(archive), interactive=False)
    assert not (tmp_path.parent / "outside.txt").exists()


@pytest.mark.django_db
def test_restore_refuses_something_that_is_not_a_backup(tmp_path):
    archive = tmp_path / "other.tar.gz"
    make_archive(archive, {"notes.txt": b"hello"})
    with pytest.raises(CommandError, match=r"manifest\.json is missing"):
        call_command("restore", str(archive), interactive=False)


@pytest.mark.django_db
def test_restore_asks_before_replacing_everything(tmp_path, monkeypatch):
    archive = tmp_path / "backup.tar.gz"
    make_archive(archive, {"manifest.json": MANIFEST})
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match=r"Restore cancelled\."):
        call_command("restore", str(archive))


def test_make_has_backup_and_restore_targets():
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    assert "manage.py backup" in makefile
    assert 'manage.py restore "$(FILE)"' in makefile
