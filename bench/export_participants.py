"""Stream the participants CSV for growing numbers of rows; print time and peak memory.

    python bench/export_participants.py [--sizes 10000 100000] [--keep-database]

Builds the rows with bulk_create in a throwaway SQLite database (a temporary file, deleted
afterwards) and streams the CSV the way the staff URL does (the same generator, consumed
chunk by chunk and thrown away) twice: once timed, once with tracemalloc measuring the
peak of the Python heap (tracemalloc slows Python down, so it is not on while timing).
If the export is streamed, the peak memory stays flat while the rows grow tenfold.
This is a script, not a test: it asserts nothing about time.
"""

import argparse
import datetime
import gc
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(database):
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conference.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def build_event(index, rows, *, per_slot=100):
    """An event with `rows` appearances: slots of `per_slot` speakers, one document each."""
    from conference.models import Day, Event
    from documents.models import Document
    from programme.models import Appearance, Role, Slot
    from speakers.models import Organisation, Person

    event = Event.objects.create(
        title=f"Benchmark event {index}",
        slug=f"bench-{index}",
        start_date=datetime.date(2030, 1, 1),
        end_date=datetime.date(2030, 1, 1),
        status="published",
    )
    day = Day.objects.create(event=event, date=event.start_date, label="DAY ONE")
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(name=f"Organisation {n}", category="government", country="CH")
            for n in range(50)
        ]
    )
    people = Person.objects.bulk_create(
        [
            Person(
                given_names=f"Given{n}",
                family_names=f"Family{index}-{n:06d}",
                slug=f"bench-{index}-{n}",
                gender="female" if n % 2 else "male",
                position="Director",
                organisation=organisations[n % 50],
                country="CH",
            )
            for n in range(rows)
        ],
        batch_size=2000,
    )
    slots = Slot.objects.bulk_create(
        [
            Slot(
                day=day,
                start_time=datetime.time(9, 0),
                end_time=datetime.time(10, 0),
                title=f"Panel {n}",
                number=n + 1,
                order=n,
                video_url="https://video.example.org/panel",
            )
            for n in range((rows + per_slot - 1) // per_slot)
        ]
    )
    speaker = Role.objects.get(name="Speaker")
    appearances = Appearance.objects.bulk_create(
        [
            Appearance(
                slot=slots[n // per_slot],
                person=person,
                role=speaker,
                order=n % per_slot,
                position="Director",
                organisation=person.organisation,
                country="CH",
            )
            for n, person in enumerate(people)
        ],
        batch_size=2000,
    )
    Document.objects.bulk_create(
        [
            Document(
                title=f"Remarks {n}",
                kind="remarks",
                url="https://example.org/r.pdf",
                appearance=p,
            )
            for n, p in enumerate(appearances)
        ],
        batch_size=2000,
    )
    return event


def stream(event):
    """(rows, bytes) of the participants CSV of one event, consumed chunk by chunk."""
    from conference.models import Event
    from programme.exports import EXPORTS, csv_chunks

    header, rows = EXPORTS["participants"].csv_table(
        Event.objects.filter(pk=event.pk), "https://programme.example.org/"
    )
    size = lines = 0
    for chunk in csv_chunks(header, rows, neutralised=True):
        size += len(chunk.encode("utf-8"))
        lines += chunk.count("\r\n")
    return lines - 1, size


def measure(event):
    """(rows, bytes, seconds, peak bytes): timed without tracemalloc, then traced for memory."""
    gc.collect()
    started = time.perf_counter()
    rows, size = stream(event)
    elapsed = time.perf_counter() - started
    gc.collect()
    tracemalloc.start()
    stream(event)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return rows, size, elapsed, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--keep-database", action="store_true")
    options = parser.parse_args()

    directory = tempfile.mkdtemp(prefix="plenary-bench-")
    database = Path(directory) / "bench.sqlite3"
    setup_django(database)
    # Warm up first: imports, URL resolvers and translations load once, outside the figures.
    measure(build_event(0, 100))
    results = []
    for index, size in enumerate(options.sizes, start=1):
        started = time.perf_counter()
        event = build_event(index, size)
        print(f"built {size:>7} appearances in {time.perf_counter() - started:5.1f} s", flush=True)
        rows, size_bytes, elapsed, peak = measure(event)
        results.append((rows, elapsed, peak))
        print(
            f"streamed {rows:>7} rows ({size_bytes / 1e6:6.1f} MB of CSV) in {elapsed:6.2f} s, "
            f"{rows / elapsed:8.0f} rows/s, peak Python memory {peak / 1e6:6.2f} MB",
            flush=True,
        )
    if len(results) >= 2:
        (rows_a, time_a, peak_a), (rows_b, time_b, peak_b) = results[0], results[-1]
        print(
            f"rows x{rows_b / rows_a:.1f}: time x{time_b / time_a:.2f}, "
            f"peak memory x{peak_b / peak_a:.2f} (flat memory means close to x1)"
        )
    if options.keep_database:
        print(f"database kept at {database}")
    else:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
