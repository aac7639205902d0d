"""Time (and optionally profile) cold renders of programme pages in-process, no HTTP.

    SECRET_KEY=x .venv/bin/python bench/render.py                     # the table, 10 renders
    SECRET_KEY=x .venv/bin/python bench/render.py --profile big       # pyinstrument (if installed)
    SECRET_KEY=x .venv/bin/python bench/render.py --dump /tmp/before  # write each page's HTML

Uses the database of the environment (DATABASE_URL); run `manage.py load_demo` and
`manage.py make_big_conference` first. Every render misses the page cache and stores the
page as a server does for a browser (compressed in brotli; each request sends
`Accept-Encoding: br, gzip`, as bench/peer does): "cold" empties the cache (pages and
fragments) before each render; "after one slot's edit" renames one slot before each
render, the other fragments (and the page around the slots) staying warm; "one assembly"
empties the page alone, as bench/peer's server that stores fragments but no page sees
every request (every fragment warm, no query). The cache is a local-memory one unless
CACHE_URL says otherwise (Redis in production); DEBUG off (DEBUG=1 renders slower).
Prints, for each measurement, the median and best CPU time of a render, and its budget:
the time one render may take for the targets of issue 18, from pretalx's req/s on this
machine with 2 workers on 2 cores (a ratio of 1x or more meets the target in-process;
HTTP, compression and the page cache come on top, see bench/peer).

Then, for each page, where a cold render's time goes against its budget: the programme's
reads (``public.queries.event_programme``, every query of the page, compiled once per
process by ``core.prepared``) as the view makes them, the same SQL statements alone on a
cursor (what the database itself costs), and the rest of the render (templates, labels,
schema.org data, the response). The budgets come from pretalx's req/s: the issue's figures
unless --pretalx-big / --pretalx-demo give this machine's (bench/peer prints them).
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
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import translation  # noqa: E402

from core.cache import bump_event_slugs  # noqa: E402
from core.collection import collection_paused  # noqa: E402
from programme.models import Slot  # noqa: E402
from public.queries import event_programme  # noqa: E402

PAGES = {
    "demo": "/en/events/idm-2018-second-session/",
    "big": "/en/events/big-conference/",
}

# pretalx 2025.2.2's req/s on this machine when issue 18 was written: the no-script
# schedule of the big event and of IDM 2018 (--pretalx-big, --pretalx-demo for today's).
PRETALX_BIG, PRETALX_DEMO = 17.6, 85.0
WORKERS = 2  # gunicorn's on bench/peer's 2 CPUs


def budget(pretalx, ratio):
    """The CPU time (ms) one render may take for ``ratio`` times pretalx's req/s, WORKERS
    processes on as many CPUs."""
    return WORKERS / (ratio * pretalx) * 1000


COLD, EDITED, ASSEMBLED = "cold", "edited", "assembled"


def measurements(pretalx_big, pretalx_demo):
    """(name, page, what comes before each render, budget in ms) for the issue's targets."""
    return [
        ("demo cold", "demo", COLD, budget(pretalx_demo, 2)),
        ("big cold", "big", COLD, budget(pretalx_big, 2)),
        ("big cold, one render", "big", COLD, 80.0),  # under 80 ms
        ("big after one slot's edit", "big", EDITED, budget(pretalx_big, 20)),
        ("big, one assembly (bench/peer's fragments server)", "big", ASSEMBLED,
         budget(pretalx_big, 20)),
    ]  # fmt: skip


def render(client, path):
    # As browsers ask (bench/peer too): the page is stored and served in brotli only; a
    # client that accepts no compression also has a gzip copy made, 6.5 ms more on the big page.
    response = client.get(path, HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="br, gzip")
    if response.status_code != 200:
        raise SystemExit(f"GET {path} answered {response.status_code}")
    if response.get("Content-Encoding") == "br":
        return brotli.decompress(response.content)
    return response.content


def slug_of(path):
    return path.rstrip("/").split("/")[-1]


def prepare(path, before):
    """Empty the cache (cold), edit one slot of the page (the other fragments and the page
    around the slots warm), or empty the page alone (every fragment warm: the page is
    assembled, as bench/peer's server that stores fragments but no page does)."""
    if before == COLD:
        cache.clear()
        return
    if before == ASSEMBLED:
        bump_event_slugs([slug_of(path)], fragments=False, shell=False)
        return
    slot = Slot.objects.filter(day__event__slug=slug_of(path)).first()
    slot.title = (
        slot.title.removesuffix(" (edited)")
        if slot.title.endswith(" (edited)")
        else (f"{slot.title} (edited)")
    )
    slot.save()


def measure(client, path, before, renders):
    """CPU and wall times (ms) of renders, each after ``before`` (:func:`prepare`)."""
    times, cpu_times = [], []
    for _ in range(renders):
        prepare(path, before)
        started, cpu_started = time.perf_counter(), time.process_time()
        render(client, path)
        times.append((time.perf_counter() - started) * 1000)
        cpu_times.append((time.process_time() - cpu_started) * 1000)
    return cpu_times, times


def statements_of(read):
    """The SQL statements (with their parameters) that ``read()`` runs."""
    statements = []

    def record(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        read()
    return statements


def run_statements(statements):
    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            cursor.fetchall()


def cpu_median(work, rounds):
    times = []
    for _ in range(rounds):
        started = time.process_time()
        work()
        times.append((time.process_time() - started) * 1000)
    return statistics.median(times)


def reads(path, language, rounds):
    """CPU medians (ms) of the page's reads as the view makes them and of their SQL alone,
    and the number of statements."""
    user = AnonymousUser()

    def read():
        with translation.override(language), collection_paused():  # as the view reads
            event_programme(slug_of(path), user)

    read()
    statements = statements_of(read)
    with collection_paused():
        sql = cpu_median(lambda: run_statements(statements), rounds)
    return cpu_median(read, rounds), sql, len(statements)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=10)
    parser.add_argument("--profile", choices=sorted(PAGES))
    parser.add_argument("--dump", help="folder to write each page's HTML to")
    parser.add_argument("--after-edit", action="store_true", help="with --profile")
    parser.add_argument("--assembled", action="store_true", help="with --profile")
    parser.add_argument("--language", default="en")
    parser.add_argument(
        "--pretalx-big", type=float, default=PRETALX_BIG, help="pretalx's big schedule, req/s"
    )
    parser.add_argument(
        "--pretalx-demo", type=float, default=PRETALX_DEMO, help="pretalx's IDM 2018, req/s"
    )
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
            before = EDITED if args.after_edit else ASSEMBLED if args.assembled else COLD
            measure(client, paths[args.profile], before, args.renders)
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        return
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} CPUs; {args.renders} renders each")
    print("| render | CPU median | CPU best | wall median | budget | budget ÷ median |")
    print("| --- | --- | --- | --- | --- | --- |")
    targets = measurements(args.pretalx_big, args.pretalx_demo)
    for label, name, before, allowed in targets:
        cpu_times, times = measure(client, paths[name], before, args.renders)
        median = statistics.median(cpu_times)
        print(
            f"| {label} | {median:.1f} ms | {min(cpu_times):.1f} ms | "
            f"{statistics.median(times):.1f} ms | {allowed:.1f} ms | {allowed / median:.2f}x |"
        )
    print()
    print("Where a cold render goes (CPU medians; the reads as the view makes them, gc paused):")
    print("| page | cold render | reads as the view makes them | their SQL alone | the rest of the "
          "render | budget | budget ÷ reads |")  # fmt: skip
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, path in paths.items():
        # The page's cold renders measured again beside its reads: the machine's speed moves
        # from one minute to the next.
        cpu_times, _times = measure(client, path, COLD, args.renders)
        orm, sql, count = reads(path, args.language, args.renders)
        cold = statistics.median(cpu_times)
        allowed = min(ms for _label, page, before, ms in targets if page == name and before == COLD)
        print(
            f"| {name} | {cold:.1f} ms | {orm:.1f} ms | {sql:.1f} ms ({count} statements) | "
            f"{cold - orm:.1f} ms | {allowed:.1f} ms | {allowed / orm:.2f}x |"
        )


if __name__ == "__main__":
    main()
