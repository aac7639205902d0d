"""Stream the participants CSV for growing numbers of rows; print time and peak memory.

    python bench/export_participants.py [--sizes 10000 100000] [--repeat 3] [--keep-database]
    python bench/export_participants.py --database /tmp/rows.sqlite3 --output /tmp/rows.csv

Builds the rows with bulk_create in a throwaway SQLite database (a temporary file, deleted
afterwards; with --database, that file, kept, and its benchmark events reused by the next
run) and streams the CSV the way the staff URL does (the same generator, consumed chunk by
chunk and thrown away): --repeat times timed (the median wall-clock and CPU time), then
once with tracemalloc measuring the peak of the Python heap (tracemalloc slows Python down,
so it is not on while timing). If the export is streamed, the peak memory stays flat while
the rows grow tenfold. --output writes the CSV of the largest size and prints its SHA-256,
to check that a change leaves the file byte for byte as it was.
This is a script, not a test: it asserts nothing about time.
"""

import argparse
import datetime
import gc
import hashlib
import os
import shutil
import statistics
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
    """An event with `rows` appearances: slots of `per_slot` speakers, one document each.
    The event already in the database (a --database of an earlier run) if it has them."""
    from conference.models import Day, Event
    from documents.models import Document
    from programme.models import Appearance, Role, Slot
    from speakers.models import Organisation, Person

    event = Event.objects.filter(slug=f"bench-{index}").first()
    if event is not None:
        if Appearance.objects.filter(slot__day__event=event).count() == rows:
            return event
        raise SystemExit(f"{event.slug} has not {rows} appearances: use another --database")
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


def stream(event, output=None):
    """(rows, bytes) of the participants CSV of one event, consumed chunk by chunk (and
    written to the open binary file `output`, if given)."""
    from conference.models import Event
    from programme.exports import EXPORTS, csv_chunks

    header, rows = EXPORTS["participants"].csv_table(
        Event.objects.filter(pk=event.pk), "https://programme.example.org/"
    )
    size = lines = 0
    for chunk in csv_chunks(header, rows, neutralised=True):
        data = chunk.encode("utf-8")
        size += len(data)
        lines += chunk.count("\r\n")
        if output is not None:
            output.write(data)
    return lines - 1, size


def measure(event, repeat):
    """(rows, bytes, seconds, CPU seconds, peak bytes): the medians of `repeat` timed streams
    without tracemalloc, then one traced for memory."""
    elapsed, cpu = [], []
    for _ in range(repeat):
        gc.collect()
        started, started_cpu = time.perf_counter(), time.process_time()
        rows, size = stream(event)
        elapsed.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    gc.collect()
    tracemalloc.start()
    stream(event)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return rows, size, statistics.median(elapsed), statistics.median(cpu), peak


def write_csv(event, path):
    """Write the event's participants CSV to `path`; print its size and SHA-256."""
    with open(path, "wb") as output:
        stream(event, output)
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    print(f"wrote {path}: {Path(path).stat().st_size} bytes, sha256 {digest}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=1, help="timed streams of each size")
    parser.add_argument("--keep-database", action="store_true")
    parser.add_argument(
        "--database", type=Path, help="this SQLite file (kept), its events reused by the next run"
    )
    parser.add_argument(
        "--output", type=Path, help="write the CSV of the largest size here; print its SHA-256"
    )
    options = parser.parse_args()

    if options.database:
        directory, database = None, options.database.resolve()
    else:
        directory = tempfile.mkdtemp(prefix="plenary-bench-")
        database = Path(directory) / "bench.sqlite3"
    setup_django(database)
    # Warm up first: imports, URL resolvers and translations load once, outside the figures.
    measure(build_event(0, 100), 1)
    results = []
    for index, size in enumerate(options.sizes, start=1):
        started = time.perf_counter()
        event = build_event(index, size)
        print(f"built {size:>7} appearances in {time.perf_counter() - started:5.1f} s", flush=True)
        rows, size_bytes, elapsed, cpu, peak = measure(event, options.repeat)
        results.append((rows, elapsed, peak))
        print(
            f"streamed {rows:>7} rows ({size_bytes / 1e6:6.1f} MB of CSV) in {elapsed:6.2f} s "
            f"({cpu:6.2f} s CPU), {rows / elapsed:8.0f} rows/s ({rows / cpu:8.0f} per CPU "
            f"second), peak Python memory {peak / 1e6:6.2f} MB",
            flush=True,
        )
    if options.output:
        write_csv(event, options.output)
    if len(results) >= 2:
        (rows_a, time_a, peak_a), (rows_b, time_b, peak_b) = results[0], results[-1]
        print(
            f"rows x{rows_b / rows_a:.1f}: time x{time_b / time_a:.2f}, "
            f"peak memory x{peak_b / peak_a:.2f} (flat memory means close to x1)"
        )
    if options.keep_database or directory is None:
        print(f"database kept at {database}")
    else:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
