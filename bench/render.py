"""Time (and optionally profile) cold renders of programme pages in-process, no HTTP.

    SECRET_KEY=x .venv/bin/python bench/render.py                     # the table, 10 renders
    SECRET_KEY=x .venv/bin/python bench/render.py --profile big       # pyinstrument (if installed)
    SECRET_KEY=x .venv/bin/python bench/render.py --dump /tmp/before  # write each page's HTML

Uses the database of the environment (DATABASE_URL); run `manage.py load_demo` and
`manage.py make_big_conference` first. Every render misses the page cache and stores the
page as a server does for a browser (compressed in brotli; each request sends
`Accept-Encoding: br, gzip`, as bench/peer does): "cold" empties the cache (pages and
fragments) before each render; "after one slot's edit" renames one slot before each
render, the other fragments staying warm. The cache is a local-memory one unless
CACHE_URL says otherwise (Redis in production); DEBUG off (DEBUG=1 renders slower).
Prints, for each measurement, the median and best CPU time of a render, and its budget:
the time one render may take for the targets of issue 18, from pretalx's req/s on this
machine with 2 workers on 2 cores (a ratio of 1x or more meets the target in-process;
HTTP, compression and the page cache come on top, see bench/peer).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conference.settings")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# Room for every fragment and stamp of the big programme: a local-memory cache culls a third
# of its entries past MAX_ENTRIES (300 by default), fragments included.
os.environ.setdefault("CACHE_URL", "locmemcache://bench-render?max_entries=100000")

import brotli
import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402

from programme.models import Slot  # noqa: E402

PAGES = {
    "demo": "/en/events/idm-2018-second-session/",
    "big": "/en/events/big-conference/",
}

# (name, page, after one slot's edit, budget in ms): the CPU time one render may take for
# the targets with 2 workers on 2 cores. pretalx 2025.2.2 measured on this machine
# (issue 18): no-script schedule of the big event 17.6 req/s, of IDM 2018 about 85 req/s.
MEASUREMENTS = [
    ("demo cold", "demo", False, 2 / (2 * 85) * 1000),  # 2x pretalx
    ("big cold", "big", False, 80.0),  # one render under 80 ms
    ("big after one slot's edit", "big", True, 2 / (20 * 17.6) * 1000),  # 20x pretalx
]


def render(client, path):
    # As browsers ask (bench/peer too): the page is stored and served in brotli only; a
    # client that accepts no compression also has a gzip copy made, 6.5 ms more on the big page.
    response = client.get(path, HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="br, gzip")
    if response.status_code != 200:
        raise SystemExit(f"GET {path} answered {response.status_code}")
    if response.get("Content-Encoding") == "br":
        return brotli.decompress(response.content)
    return response.content


def prepare(path, after_edit):
    """Empty the cache (cold), or edit one slot of the page (fragments warm)."""
    if not after_edit:
        cache.clear()
        return
    slot = Slot.objects.filter(day__event__slug=path.rstrip("/").split("/")[-1]).first()
    slot.title = (
        slot.title.removesuffix(" (edited)")
        if slot.title.endswith(" (edited)")
        else (f"{slot.title} (edited)")
    )
    slot.save()


def measure(client, path, after_edit, renders):
    """CPU and wall times (ms) of renders, each cold or after one slot's edit."""
    times, cpu_times = [], []
    for _ in range(renders):
        prepare(path, after_edit)
        started, cpu_started = time.perf_counter(), time.process_time()
        render(client, path)
        times.append((time.perf_counter() - started) * 1000)
        cpu_times.append((time.process_time() - cpu_started) * 1000)
    return cpu_times, times


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=10)
    parser.add_argument("--profile", choices=sorted(PAGES))
    parser.add_argument("--dump", help="folder to write each page's HTML to")
    parser.add_argument("--after-edit", action="store_true", help="with --profile")
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    paths = {name: path.replace("/en/", f"/{args.language}/") for name, path in PAGES.items()}
    for name, path in paths.items():
        if args.dump:
            Path(args.dump).mkdir(parents=True, exist_ok=True)
            cache.clear()
            Path(args.dump, f"{name}-{args.language}.html").write_bytes(render(client, path))
        render(client, path)  # templates loaded, translations read
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        with profiler:
            measure(client, paths[args.profile], args.after_edit, args.renders)
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        return
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} CPUs; {args.renders} renders each")
    print("| render | CPU median | CPU best | wall median | budget | budget ÷ median |")
    print("| --- | --- | --- | --- | --- | --- |")
    for label, name, after_edit, budget in MEASUREMENTS:
        cpu_times, times = measure(client, paths[name], after_edit, args.renders)
        median = statistics.median(cpu_times)
        print(
            f"| {label} | {median:.1f} ms | {min(cpu_times):.1f} ms | "
            f"{statistics.median(times):.1f} ms | {budget:.1f} ms | {budget / median:.2f}x |"
        )


if __name__ == "__main__":
    main()
