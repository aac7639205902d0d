"""Issue 12, items 2 and 3: the default page cache is shared by every process of the site.

Gunicorn runs three workers (Dockerfile); `manage.py shell`, `import_programme` and `restore`
are processes of their own. A change made in any of them must reach the pages cached by the
others, with the cache the site gets when CACHE_URL is unset.
"""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from conference.models import Event
from core.cache_checks import check_shared_cache, gunicorn_workers
from tests.pages import page_text
from tests.public.helpers import cached_text, programme

ROOT = Path(__file__).resolve().parents[2]

SHOW_CACHES = """
import json
import django
django.setup()
from django.conf import settings
print(json.dumps({"caches": settings.CACHES, "session_engine": settings.SESSION_ENGINE}))
"""

# Another process of the site (a worker saving an edit, a command importing a programme):
# it runs with the same cache settings and invalidates the pages as its receivers would.
OTHER_PROCESS = """
import json, os, sys
import conference.settings
conference.settings.CACHES = json.loads(os.environ["PLENARY_TEST_CACHES"])
import django
django.setup()
from core.cache import bulk_changes, bump_event_slugs
if sys.argv[1] == "save":
    bump_event_slugs([sys.argv[2]])  # what public.invalidation does on a save
else:
    with bulk_changes():  # what an import does
        pass
"""


def run_python(script, *arguments, **variables):
    env = {key: value for key, value in os.environ.items() if key != "CACHE_URL"}
    env.update(DJANGO_SETTINGS_MODULE="conference.settings", **variables)
    completed = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def default_settings():
    """The cache and session settings of a process started without CACHE_URL."""
    return json.loads(run_python(SHOW_CACHES))


def test_without_cache_url_the_cache_is_a_file_cache_in_the_project():
    shown = default_settings()
    default = shown["caches"]["default"]
    assert default["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert Path(default["LOCATION"]) == ROOT / ".cache"
    assert ".cache/" in (ROOT / ".gitignore").read_text().split()
    assert shown["session_engine"] == "django.contrib.sessions.backends.db"


@pytest.fixture
def default_cache(settings, tmp_path):
    """This process's cache as configured without CACHE_URL (a file cache moved to tmp_path)."""
    caches = default_settings()["caches"]
    if caches["default"]["BACKEND"].endswith("FileBasedCache"):
        caches["default"]["LOCATION"] = str(tmp_path / "cache")
    settings.CACHES = caches
    return caches


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["save", "import"])
def test_a_change_in_another_process_reaches_the_pages_cached_here(
    client, django_assert_num_queries, default_cache, change
):
    event, _ = programme()
    url = event.get_absolute_url()
    assert "Dialogue on migration" in cached_text(client, url, django_assert_num_queries)

    # The other process writes the row (shared database) and invalidates the pages.
    Event.objects.filter(pk=event.pk).update(title="Dialogue on labour mobility")
    run_python(OTHER_PROCESS, change, event.slug, PLENARY_TEST_CACHES=json.dumps(default_cache))

    text = page_text(client.get(url))
    assert "Dialogue on labour mobility" in text
    assert "Dialogue on migration" not in text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_invalidates_the_cached_pages(client, tmp_path, django_assert_num_queries):
    event, _ = programme()
    call_command("backup", output_dir=str(tmp_path / "backups"), stdout=io.StringIO())
    (archive,) = (tmp_path / "backups").glob("plenary-*.tar.gz")
    event.title = "Dialogue on labour mobility"
    event.save()
    url = event.get_absolute_url()
    assert "Dialogue on labour mobility" in cached_text(client, url, django_assert_num_queries)

    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())

    text = page_text(client.get(url))
    assert "Dialogue on migration" in text
    assert "Dialogue on labour mobility" not in text


# The deploy check --------------------------------------------------------------------------


@pytest.fixture
def one_process_cache(settings, monkeypatch, tmp_path):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    for name in ("WEB_CONCURRENCY", "GUNICORN_CMD_ARGS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no gunicorn.conf.py here unless a test writes one
    return tmp_path


@pytest.mark.parametrize(
    ("variables", "config", "workers"),
    [
        ({"WEB_CONCURRENCY": "3"}, None, 3),  # the Dockerfile and docker-compose.yml
        ({"GUNICORN_CMD_ARGS": "--workers 4 --timeout 60"}, None, 4),
        ({"GUNICORN_CMD_ARGS": "--workers=2"}, None, 2),
        ({"GUNICORN_CMD_ARGS": "-w 5"}, None, 5),
        ({"GUNICORN_CMD_ARGS": "-w3"}, None, 3),
        ({}, "workers = 4\n", 4),  # ./gunicorn.conf.py, which gunicorn reads by default
        ({}, "import multiprocessing\nworkers = multiprocessing.cpu_count() * 2 + 1\n", 2),
        ({"GUNICORN_CMD_ARGS": "-c deploy/gunicorn.py"}, "workers = 6\n", 6),
        ({"GUNICORN_CMD_ARGS": "--config python:deploy.gunicorn"}, None, 2),  # not readable
    ],
)
def test_check_deploy_errors_on_a_cache_of_one_process_with_several_workers(
    one_process_cache, monkeypatch, variables, config, workers
):
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    if config:
        named = "-c" in variables.get("GUNICORN_CMD_ARGS", "")
        path = one_process_cache / ("deploy/gunicorn.py" if named else "gunicorn.conf.py")
        path.parent.mkdir(exist_ok=True)
        path.write_text(config)
    assert gunicorn_workers() >= workers
    (error,) = check_shared_cache()
    assert error.is_serious()
    assert error.id == "plenary.E001"
    assert "CACHE_URL=redis://" in error.hint


def test_check_deploy_accepts_one_worker_or_a_shared_cache(
    one_process_cache, monkeypatch, settings
):
    monkeypatch.setenv("GUNICORN_CMD_ARGS", "--workers 1")
    assert check_shared_cache() == []
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    settings.CACHES = default_settings()["caches"]
    assert check_shared_cache() == []


def test_the_deploy_check_runs_before_gunicorn_starts():
    """The image's entrypoint refuses to start workers that would serve stale pages."""
    entrypoint = (ROOT / "docker" / "entrypoint.sh").read_text()
    assert "check --deploy --fail-level ERROR" in entrypoint
