"""Time (and optionally profile) cold renders of programme pages in-process, no HTTP.

    DEBUG=1 .venv/bin/python bench/render.py                       # demo and big, 10 renders
    DEBUG=1 .venv/bin/python bench/render.py --profile big         # pyinstrument (if installed)
    DEBUG=1 .venv/bin/python bench/render.py --dump /tmp/before    # write each page's HTML

Uses the database of the environment (DATABASE_URL); run `manage.py load_demo` and
`manage.py make_big_conference` first. Every render is cold: the page cache is off
(PAGE_CACHE_ENABLED=False) and, where the programme is assembled from cached fragments,
the fragments are emptied before each render unless --warm-fragments is given. Prints the
median and best time of each page and the ratio big ÷ demo.
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


def render(client, path):
    response = client.get(path, HTTP_HOST="127.0.0.1")
    if response.status_code != 200:
        raise SystemExit(f"GET {path} answered {response.status_code}")
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--renders", type=int, default=10)
    parser.add_argument("--profile", choices=sorted(PAGES))
    parser.add_argument("--dump", help="folder to write each page's HTML to")
    parser.add_argument("--after-edit", action="store_true")
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    medians = {}
    for name, path in PAGES.items():
        path = path.replace("/en/", f"/{args.language}/")
        if args.dump:
            Path(args.dump).mkdir(parents=True, exist_ok=True)
            cache.clear()
            Path(args.dump, f"{name}-{args.language}.html").write_bytes(render(client, path))
        render(client, path)  # templates loaded, translations read
        if args.profile == name:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
            with profiler:
                for _ in range(args.renders):
                    prepare(path, args.after_edit)
                    render(client, path)
            print(profiler.output_text(unicode=True, color=False, show_all=False))
            continue
        times, cpu_times = [], []
        for _ in range(args.renders):
            prepare(path, args.after_edit)
            started, cpu_started = time.perf_counter(), time.process_time()
            render(client, path)
            times.append((time.perf_counter() - started) * 1000)
            cpu_times.append((time.process_time() - cpu_started) * 1000)
        medians[name] = statistics.median(cpu_times)
        print(
            f"{name:>5}: CPU median {medians[name]:7.1f} ms, best {min(cpu_times):7.1f} ms; "
            f"wall median {statistics.median(times):7.1f} ms ({path})"
        )
    if len(medians) == 2:
        print(f"big ÷ demo: {medians['big'] / medians['demo']:.1f}")


if __name__ == "__main__":
    main()
