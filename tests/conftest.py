import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from documents.embargo import nothing_held_ahead
from tests.factories import UserFactory


@pytest.fixture(autouse=True, scope="session")
def _compiled_catalogues():
    """French and Spanish pages need the .mo files `make messages` builds; build stale ones."""
    catalogues = list(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/*.po"))
    stale = [
        po
        for po in catalogues
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale and shutil.which("msgfmt"):
        call_command("compilemessages", locale=["fr", "es"], ignore_patterns=[".venv"], verbosity=0)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    """Tests render pages without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the database rolls back, the cache does not.

    The empty database holds no embargo: said up front, so that query counts measure the
    steady state (the first request after a cache flush looks the next lift up once).
    """
    cache.clear()
    nothing_held_ahead()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english():
    """Tests start in English, the language content is entered in."""
    with translation.override("en"):
        yield


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", is_staff=True, groups=["Secretariat editors"])


@pytest.fixture
def viewer(db):
    return UserFactory(username="viewer", is_staff=True, groups=["Secretariat viewers"])


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    return client
