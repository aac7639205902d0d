"""Settings that let several web containers share one site (read in a fresh process)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from tests.factories import DocumentFactory, EventFactory, PhotoFactory

ROOT = Path(__file__).resolve().parents[2]

SHOW_SETTINGS = """
import json
import django
django.setup()
from django.conf import settings
from django.core.files.storage import InvalidStorageError, storages
try:
    storage_class = type(storages["default"]).__name__
except (ImportError, InvalidStorageError):  # the optional extra `s3` is not installed
    storage_class = None
print(json.dumps({
    "session_engine": settings.SESSION_ENGINE,
    "default_storage": settings.STORAGES["default"],
    "proxy_header": list(getattr(settings, "SECURE_PROXY_SSL_HEADER", None) or []),
    "storage_class": storage_class,
}))
"""

SETTINGS_VARIABLES = (
    "SESSION_ENGINE",
    "CACHE_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_LOCATION",
    "TRUST_X_FORWARDED_PROTO",
    "DEBUG",
)


def settings_with(**variables):
    """Django's settings as a process started with these environment variables sees them."""
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE="conference.settings",
        SECRET_KEY="tests-only-secret-key-not-for-any-server",
        **variables,
    )
    completed = subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return completed


def test_by_default_slots_are_in_the_database_and_files_on_disk():
    completed = settings_with()
    assert completed.returncode == 0, completed.stderr
    shown = json.loads(completed.stdout)
    assert shown["session_engine"] == "django.contrib.sessions.backends.db"
    assert shown["default_storage"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert shown["storage_class"] == "FileSystemStorage"
    assert shown["proxy_header"] == []


@pytest.mark.parametrize(
    ("value", "engine"),
    [
        ("cache", "django.contrib.sessions.backends.cache"),
        ("cached_db", "django.contrib.sessions.backends.cached_db"),
        ("django.contrib.sessions.backends.cache", "django.contrib.sessions.backends.cache"),
    ],
)
def test_sessions_can_live_in_a_shared_cache(value, engine):
    completed = settings_with(SESSION_ENGINE=value, CACHE_URL="redis://redis:6379/1")
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["session_engine"] == engine


def test_sessions_in_a_one_process_cache_are_refused_in_words():
    completed = settings_with(SESSION_ENGINE="cache", CACHE_URL="locmemcache://plenary")
    assert completed.returncode != 0
    assert "CACHE_URL is a local-memory cache of one process" in completed.stderr


def test_sessions_can_live_in_the_default_file_cache_shared_by_the_workers():
    completed = settings_with(SESSION_ENGINE="cache")
    assert completed.returncode == 0, completed.stderr
    engine = json.loads(completed.stdout)["session_engine"]
    assert engine == "django.contrib.sessions.backends.cache"


def test_a_bucket_name_switches_uploads_to_s3_with_signed_urls():
    completed = settings_with(
        AWS_STORAGE_BUCKET_NAME="plenary-media",
        AWS_S3_ENDPOINT_URL="http://minio:9000",
        AWS_S3_REGION_NAME="eu-central-2",
    )
    assert completed.returncode == 0, completed.stderr
    shown = json.loads(completed.stdout)
    storage = shown["default_storage"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "plenary-media"
    assert storage["OPTIONS"]["endpoint_url"] == "http://minio:9000"
    assert storage["OPTIONS"]["region_name"] == "eu-central-2"
    assert storage["OPTIONS"]["querystring_auth"] is True
    assert storage["OPTIONS"]["default_acl"] is None


def test_the_s3_storage_accepts_these_options():
    pytest.importorskip("storages", reason="django-storages is the optional extra `s3`")
    completed = settings_with(
        AWS_STORAGE_BUCKET_NAME="plenary-media", AWS_S3_ENDPOINT_URL="http://minio:9000"
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["storage_class"] == "S3Storage"


def test_the_proxy_header_is_trusted_only_when_asked():
    completed = settings_with(TRUST_X_FORWARDED_PROTO="1")
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]


@pytest.mark.django_db
def test_uploads_go_through_the_storage_api_and_never_to_the_local_disk(settings):
    """What makes an S3 bucket a setting away: no code writes to MEDIA_ROOT itself."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    event = EventFactory(published=True)
    document = DocumentFactory(event=event)
    photo = PhotoFactory(event=event)

    assert type(default_storage._wrapped).__name__ == "InMemoryStorage"
    assert default_storage.exists(document.file.name)
    assert default_storage.exists(photo.image.name)
    assert default_storage.exists(photo.thumbnail.name)
    assert document.file_size == len(default_storage.open(document.file.name).read())
    media_root = Path(settings.MEDIA_ROOT)
    assert not media_root.exists() or not any(media_root.rglob("*.*"))
