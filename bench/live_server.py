"""A throwaway Plenary under gunicorn on a free loopback port, for the bench scripts.

Production settings (DEBUG off, static files collected, WhiteNoise), plain HTTP on
127.0.0.1 (so the HTTPS redirect and secure cookies are turned off by their env vars),
a temporary SQLite database, media folder and file cache (unless CACHE_URL is set), the demo
programme loaded.
"""

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(environment, *args, quiet=True):
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=PROJECT,
        env=environment,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


@contextlib.contextmanager
def live_server(*, workers=2, threads=4, superuser=None, log=print):
    """Yield (base_url, environment). superuser=(name, password) creates one."""
    work = Path(tempfile.mkdtemp(prefix="plenary-bench-"))
    port = free_port()
    environment = {
        **{key: value for key, value in os.environ.items() if key != "DATABASE_URL"},
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "AXES_FAILURE_LIMIT": "1000",
        "LOG_LEVEL": "ERROR",
    }
    # The default cache kind (file-based, shared by the workers), in the throwaway folder.
    environment.setdefault("CACHE_URL", f"filecache://{work / 'cache'}")
    server = None
    try:
        started = time.monotonic()
        manage(environment, "migrate", "--noinput")
        manage(environment, "collectstatic", "--noinput")
        manage(environment, "load_demo")
        if superuser:
            name, password = superuser
            manage(
                {
                    **environment,
                    "DJANGO_SUPERUSER_PASSWORD": password,
                    "DJANGO_SUPERUSER_USERNAME": name,
                    "DJANGO_SUPERUSER_EMAIL": f"{name}@example.org",
                },
                "createsuperuser",
                "--noinput",
            )
        server = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "conference.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--log-level",
                "warning",
                "--access-logfile",
                "-",
                "--access-logformat",
                "%(s)s %(m)s %(U)s",
            ],
            cwd=PROJECT,
            env=environment,
            stdout=open(work / "access.log", "w"),  # noqa: SIM115 - closed with the process
            stderr=open(work / "error.log", "w"),  # noqa: SIM115
        )
        base_url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base_url}/admin/login/", timeout=2)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError((work / "error.log").read_text()) from None
                time.sleep(0.2)
        log(f"server ready at {base_url} in {time.monotonic() - started:.1f}s ({work})")
        yield base_url, environment, work
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)
