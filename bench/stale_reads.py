#!/usr/bin/env python
"""Count stale reads of cached public pages under gunicorn with several workers.

Starts Plenary under gunicorn (3 workers by default, bench/live_server.py) with the cache the
site gets when CACHE_URL is unset (unless CACHE_URL is given), warms every worker's view of
the demo programme page, then changes the event from another process (`manage.py shell`, as
an editor's save in another worker would): first its title, then "Unpublish". One second
after each change it reads the page N times, as anonymous visitors, and counts the answers
that still show the old state. Issue 12 asks for 0. With --load C, C clients read the page
without pause during the whole run (before, during and after each change) and the counted
reads are made by those clients too, as under real traffic.

    python bench/stale_reads.py [--workers 3] [--reads 60]
    python bench/stale_reads.py --load 10 --reads 150
"""

import argparse
import concurrent.futures
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from live_server import PROJECT, PYTHON, live_server

SLUG = "idm-2018-second-session"


def read(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def change(environment, code):
    """Change the event from a process of its own, through the models (signals included)."""
    lookup = f"from conference.models import Event\nevent = Event.objects.get(slug={SLUG!r})"
    script = f"{lookup}\n{code}"
    subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script], cwd=PROJECT, env=environment, check=True
    )


def read_many(url, count, clients):
    """Read url count times with clients concurrent connections; return the answers."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=clients) as pool:
        return list(pool.map(lambda _: read(url), range(count)))


def background_load(url, clients, stop):
    """Keep clients connections reading url until stop is set."""

    def reader():
        while not stop.is_set():
            read(url)

    threads = [threading.Thread(target=reader, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    return threads


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--reads", type=int, default=60)
    parser.add_argument(
        "--load", type=int, default=0, help="clients reading without pause during the run"
    )
    args = parser.parse_args()
    failures = 0
    clients = max(args.load, 1)
    stop = threading.Event()
    with live_server(workers=args.workers, threads=1) as (base, environment, _work):
        url = f"{base}/en/events/{SLUG}/"
        read_many(url, args.reads, clients)  # every worker caches the page
        threads = background_load(url, args.load, stop) if args.load else []
        change(environment, "event.title = 'Renamed in another process'\nevent.save()")
        time.sleep(1)
        answers = read_many(url, args.reads, clients)
        stale = sum("Renamed in another process" not in body for _, body in answers)
        print(f"edit:      {stale} of {args.reads} reads stale one second after the save")
        failures += stale
        change(environment, "event.unpublish()\nevent.save()")
        time.sleep(1)
        answers = read_many(url, args.reads, clients)
        stale = sum(status != 404 for status, _ in answers)
        print(f"unpublish: {stale} of {args.reads} reads still public one second after it")
        failures += stale
        stop.set()
        for thread in threads:
            thread.join()
    load = f", {args.load} clients reading throughout" if args.load else ""
    print(f"{args.workers} workers, cache: {environment['CACHE_URL'].split(':')[0]}{load}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
