"""Browser tests: Playwright for Python drives Debian's Chromium against the live server.

Playwright's own browser download does not work here, so the tests launch /usr/bin/chromium
(`make browser-deps` installs it) and are skipped, with the reason, when it is missing.
Screenshots go to $SCREENSHOT_DIR (default: screenshots/ at the repository root).
"""

import os
import re
from pathlib import Path

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread


# One request at a time on the live server: its threads would otherwise share the test
# database's one SQLite connection, and a name suggestion arriving during a save of the
# editor could wait for a lock forever. Django closes each connection of a server without
# threads, so the browser's parallel requests simply queue.
class OneRequestAtATimeServer(WSGIServer):
    def __init__(self, *args, connections_override=None, **kwargs):
        # The live server thread itself holds the test database's connection.
        super().__init__(*args, **kwargs)


LiveServerThread.server_class = OneRequestAtATimeServer

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a
# thread with a running loop unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
REPOSITORY = Path(__file__).resolve().parents[2]
WIDTHS = (375, 1280)
DESKTOP = {"width": 1280, "height": 900}
LOAD_ALL_IMAGES = """async () => {
    const images = [...document.images];
    images.forEach(image => { image.loading = "eager"; });
    await Promise.all(images.map(image => image.complete ? null : new Promise(done => {
        image.addEventListener("load", done, {once: true});
        image.addEventListener("error", done, {once: true});
    })));
}"""


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason=f"{CHROMIUM} is missing: run `make browser-deps` to install Debian's Chromium"
    )
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture
def chromium():
    """Debian's Chromium, started for one test.

    While Playwright's sync API runs, its event loop makes Django's per-thread database
    handles per-context (asgiref.local), so the test body gets its own connections. Starting
    the browser per test keeps the database set-up and flush of pytest-django (with the
    serialized rollback that restores the seeded roles and groups) outside that loop, and
    the test's own connections are closed before the loop stops.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        connections.close_all()


@pytest.fixture
def page(chromium):
    """A fresh browser tab (own cookies) at desktop width, English unless a test says otherwise."""
    context = chromium.new_context(viewport=DESKTOP, locale="en-GB")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    folder = Path(os.environ.get("SCREENSHOT_DIR") or REPOSITORY / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def screenshot(screenshot_dir):
    """screenshot(page, "programme-fr") writes programme-fr-375.png and programme-fr-1280.png."""

    def take(tab, name):
        original = tab.viewport_size or DESKTOP
        # A full-page screenshot does not scroll, so lazy images below the fold would be blank.
        tab.evaluate(LOAD_ALL_IMAGES)
        paths = []
        for width in WIDTHS:
            tab.set_viewport_size({"width": width, "height": original["height"]})
            path = screenshot_dir / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}-{width}.png"
            tab.screenshot(path=str(path), full_page=True)
            paths.append(path)
        tab.set_viewport_size(original)
        return paths

    return take
