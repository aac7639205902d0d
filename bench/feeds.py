"""Time cold renders of the big conference's feeds and the participants CSV, in-process.

    DEBUG=1 .venv/bin/python bench/feeds.py                   # 10 renders of each feed
    DEBUG=1 .venv/bin/python bench/feeds.py --profile frab-json --renders 5
    DEBUG=1 .venv/bin/python bench/feeds.py --csv-rows 100000   # and the 100,000-row CSV

Uses the database of the environment (DATABASE_URL); run `manage.py make_big_conference`
first. Every render is cold: the cache is emptied before each one (per-slot fragments
included). Prints the median CPU time of one render and the ratio to the figure each feed
must reach (issue 18: pretalx's req/s times the factor asked for, at 2 workers on this
2-core machine, so the time of one render on one core). The participants CSV is streamed
chunk by chunk as the staff URL streams it, several times over the big conference's 800
rows; with --csv-rows N, `bench/export_participants.py` (in a throwaway SQLite database,
built with bulk_create) then measures the N-row export, its rows/s and peak memory.
This is a script, not a test: it asserts nothing about time.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conference.settings")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("CACHE_URL", "locmemcache://")
# As bench/run measures cold pages: rendered at every request, not compressed for the cache.
os.environ.setdefault("PLENARY_PAGE_CACHE", "0")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.test import Client  # noqa: E402

from conference.models import Event  # noqa: E402
from programme.exports import EXPORTS, csv_chunks  # noqa: E402

SLUG = "big-conference"
WORKERS = 2  # the figures: gunicorn with 2 workers on 2 cores
# name: (address, pretalx req/s, factor asked for); None when no target is set.
FEEDS = {
    "frab-json": (f"/en/events/{SLUG}/schedule.json", 1.9, 20),
    "frab-xml": (f"/en/events/{SLUG}/schedule.xml", None, None),
    "ical": (f"/en/events/{SLUG}/programme.ics", 13.1, 5),
    "json": (f"/en/events/{SLUG}/programme.json", None, None),
}
CSV_ROWS_PER_SECOND = 50_000


def render(client, path):
    response = client.get(path, HTTP_HOST="127.0.0.1")
    if response.status_code != 200:
        raise SystemExit(f"GET {path} answered {response.status_code}")
    return response.content


def cold_render(client, path):
    cache.clear()
    return render(client, path)


def target_ms(pretalx, factor):
    return 1000 * WORKERS / (pretalx * factor)


def stream_participants(events):
    header, rows = EXPORTS["participants"].csv_table(events, "https://programme.example.org/")
    lines = 0
    for chunk in csv_chunks(header, rows, neutralised=True):
        lines += chunk.count("\r\n")
    return lines - 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=10)
    parser.add_argument("--profile", choices=[*FEEDS, "csv"])
    parser.add_argument(
        "--csv-rows",
        type=int,
        metavar="N",
        help="also stream the participants CSV of N appearances (and of N/10, to compare memory)",
    )
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    events = Event.objects.filter(slug=SLUG)
    if args.profile:
        if args.profile == "csv":  # imports, URL resolvers and translations loaded first
            stream_participants(events)
        else:
            cold_render(client, FEEDS[args.profile][0])
        profiler = cProfile.Profile()
        for _ in range(args.renders):
            if args.profile == "csv":
                profiler.runcall(stream_participants, events)
            else:
                cache.clear()
                profiler.runcall(render, client, FEEDS[args.profile][0])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        return
    for name, (path, pretalx, factor) in FEEDS.items():
        size = len(cold_render(client, path))  # templates, translations and imports loaded
        cpu_times = []
        for _ in range(args.renders):
            cache.clear()
            started = time.process_time()
            render(client, path)
            cpu_times.append((time.process_time() - started) * 1000)
        median = statistics.median(cpu_times)
        line = f"{name:>9}: {median:7.1f} ms per cold render (best {min(cpu_times):6.1f}), "
        line += f"{size / 1000:6.0f} KB"
        if pretalx:
            goal = target_ms(pretalx, factor)
            line += f"; goal {goal:5.1f} ms ({factor}x pretalx's {pretalx} req/s): "
            line += f"{goal / median:4.2f} of the way"
        print(line, flush=True)
    stream_participants(events)
    started, rows = time.perf_counter(), 0
    while time.perf_counter() - started < 2:
        rows += stream_participants(events)
    rate = rows / (time.perf_counter() - started)
    print(
        f"      csv: {rate:7.0f} participant rows/s; goal {CSV_ROWS_PER_SECOND}: "
        f"{rate / CSV_ROWS_PER_SECOND:4.2f} of the way",
        flush=True,
    )
    if args.csv_rows:  # a database of its own: the script sets up Django in a new process
        script = Path(__file__).resolve().parent / "export_participants.py"
        sizes = [str(max(args.csv_rows // 10, 1)), str(args.csv_rows)]
        subprocess.run([sys.executable, str(script), "--sizes", *sizes], check=True)


if __name__ == "__main__":
    main()
