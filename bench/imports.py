"""Time the long pieces of work against the request budget; print each with its limit.

    .venv/bin/python bench/imports.py [--only parse preview write dry-run csv pdf]

Generates its inputs (a 200,000-character programme of about 4,500 slots, the same style
grown to 1 MB and 10 MB, a people spreadsheet of 20,000 rows, an event description of
3 MB) and runs, in a throwaway SQLite database (a temporary folder, deleted afterwards),
with DEBUG off and a SECRET_KEY of its own:

- parse: ``parse_text`` of the 200,000 characters;
- preview and write: the admin's "Import programme from text" (the preview, then the
  confirmation that writes), as a signed-in superuser posts them;
- dry-run: ``manage.py import_programme --dry-run`` of the 1 MB and 10 MB files, each in
  its own process, with that process's peak memory (RSS): flat memory means the 10 MB run
  needs about what the 1 MB run needs;
- csv: the preview (dry run) of the people spreadsheet import of 20,000 rows;
- pdf: ``programme.pdf`` of an event whose description is 3 MB, first request (rendered)
  and the next one (cached).

Each line reads "what: time (limit, ratio)"; a ratio above 1x is over the limit. The
limits are those of the README (Performance, "Long work within the request budget").
A script, not a test: nothing here asserts a time.
"""

import argparse
import csv
import datetime
import io
import json
import os
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# seconds
LIMITS = {
    "parse": 2.0,
    "preview": 5.0,
    "write": 10.0,
    "dry-run": 30.0,
    "csv": 10.0,
    "pdf": 30.0,
}
DRY_RUN_MEMORY_MB = 250  # peak RSS of the 10 MB dry run, Django included

GIVEN = [
    "Anna",
    "Bruno",
    "Chiara",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hiroshi",
    "Ines",
    "Jonas",
    "Kemal",
    "Lucia",
    "Marek",
    "Nadia",
    "Omar",
    "Petra",
    "Quentin",
    "Rosa",
    "Samir",
    "Tomas",
    "Ursula",
    "Viktor",
    "Wanjiru",
    "Xavier",
    "Yara",
    "Zoltan",
]
FAMILY = [
    "Abara",
    "Bellini",
    "Castro",
    "Dubois",
    "Eriksen",
    "Fontaine",
    "Garcia",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rossi",
    "Santos",
    "Tanaka",
    "Usman",
    "Varga",
    "Weber",
    "Xu",
    "Yilmaz",
    "Zeller",
]


def programme_text(chars, seed=1):
    """A programme of about ``chars`` characters: a day heading, then 20 half-hour slots per
    day, one in four with a speaker (name, designation, "(Remarks)"); about 45 characters
    per slot, so 200,000 characters hold about 4,500 slots."""
    rnd = random.Random(seed)
    out = ["The meeting brings together the members of the organisation.", ""]
    size, day, number = 0, datetime.date(2030, 1, 7), 0
    while size < chars:
        lines = [f"{day:%A} {day.day} {day:%B %Y}", ""]
        minutes = 8 * 60
        for index in range(20):
            start = f"{minutes // 60:02d}:{minutes % 60:02d}"
            minutes += 30
            end = f"{minutes // 60:02d}:{minutes % 60:02d}"
            lines.append(f"{start}-{end} Topic {number}")
            if index % 4 == 0:
                name = f"{rnd.choice(GIVEN)} {rnd.choice(FAMILY)}{rnd.choice(FAMILY).lower()}"
                lines.append(f"  • Ms. {name}, Director, Agency {number % 300} (Remarks)")
            number += 1
        block = "\n".join(lines) + "\n\n"
        out.append(block)
        size += len(block)
        day += datetime.timedelta(days=1)
    return "\n".join(out)[:chars].rsplit("\n", 1)[0] + "\n"


def people_csv(rows, seed=2):
    rnd = random.Random(seed)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["given_names", "family_names", "honorific", "position", "organisation"])
    for number in range(rows):
        given = rnd.choice(GIVEN)
        family = f"{rnd.choice(FAMILY)}{rnd.choice(FAMILY).lower()}{number}"
        writer.writerow([given, family, "Ms.", "Director", "Agency" if number % 2 else ""])
    return buffer.getvalue().encode("utf-8")


def setup_django(directory):
    os.environ.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(32),
        DATABASE_URL=f"sqlite:///{directory / 'bench.sqlite3'}",
        CACHE_URL="locmemcache://",
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        DJANGO_SETTINGS_MODULE="conference.settings",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # Static files as they are in the source tree: no collectstatic manifest to build.
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = {**settings.STORAGES, "staticfiles": static}

    call_command("migrate", verbosity=0, interactive=False)


def report(what, seconds, limit, extra="", cpu=None):
    """One line: wall time against the limit, and the CPU time the work took (steadier than
    wall time on a shared machine: a ratio by CPU time says what a quiet machine would do)."""
    cpu_text = f"; CPU {cpu:.2f} s, {cpu / limit:.2f}x" if cpu is not None else ""
    print(
        f"{what}: {seconds:.2f} s (limit {limit:g} s, {seconds / limit:.2f}x{cpu_text}){extra}",
        flush=True,
    )


def staff_client():
    from django.test import Client

    from conference.models import User

    user, _ = User.objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    return client


def bench_text_import(text, only):
    from django.urls import reverse

    from conference.models import Event
    from programme.importer import parse_text
    from programme.models import Appearance, Slot

    if "parse" in only:
        started, cpu_started = time.perf_counter(), time.process_time()
        data = parse_text(text)
        slots = sum(len(day["sessions"]) for day in data["days"])
        report(
            f"parse {len(text):,} chars", time.perf_counter() - started, LIMITS["parse"],
            f"; {slots:,} slots, {len(data['unplaced'])} unplaced",
            cpu=time.process_time() - cpu_started,
        )  # fmt: skip
    if not {"preview", "write"} & set(only):
        return
    event = Event.objects.create(
        slug="bench-import",
        title="Benchmark",
        start_date=datetime.date(2030, 1, 7),
        end_date=datetime.date(2030, 1, 7),
    )
    client = staff_client()
    url = reverse("admin:conference_event_import_programme", args=[event.pk])
    client.get(url)  # warm up: templates, URL resolvers, translations
    started, cpu_started = time.perf_counter(), time.process_time()
    response = client.post(url, {"text": text, "year": ""})
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    if "preview" in only:
        report(
            "admin preview", elapsed, LIMITS["preview"],
            f"; HTTP {response.status_code}, {len(response.content) / 1e6:.1f} MB of HTML",
            cpu=cpu,
        )  # fmt: skip
    if "write" in only:
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.post(url, {"text": text, "year": "", "_confirm": "1"})
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        slots = Slot.objects.filter(day__event=event).count()
        appearances = Appearance.objects.filter(slot__day__event=event).count()
        report(
            "admin import (write)", elapsed, LIMITS["write"],
            f"; HTTP {response.status_code}, {slots:,} slots, {appearances:,} appearances",
            cpu=cpu,
        )  # fmt: skip


# Runs a command and prints its exit status, CPU seconds and peak RSS (KB) as JSON. The
# command is started from this small process, not from the benchmark's: Linux counts the
# memory of the process that forks (here Django, the migrations and the generated texts) in
# the peak RSS of the child it starts, so a child of the benchmark would report at least
# the benchmark's own size, whatever the command needs.
MEASURE = """
import json, os, subprocess, sys
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_pid, status, usage = os.wait4(process.pid, 0)
print(json.dumps([os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime,
                  usage.ru_maxrss]))
"""


def dry_run(path):
    """(seconds, CPU seconds, peak RSS in MB, exit status, end of standard error) of
    import_programme --dry-run in its own process."""
    started = time.perf_counter()
    command = [sys.executable, str(ROOT / "manage.py"), "import_programme", str(path), "--dry-run"]
    measured = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, env=os.environ, text=True
    )
    elapsed = time.perf_counter() - started
    try:
        status, cpu, peak_kb = json.loads(measured.stdout)
    except ValueError:
        status, cpu, peak_kb = measured.returncode or 1, 0.0, 0
    return elapsed, cpu, peak_kb / 1024, status, measured.stderr[-500:]


def bench_dry_run(directory):
    peaks = {}
    for megabytes in (1, 10):
        path = directory / f"programme-{megabytes}mb.txt"
        path.write_text(programme_text(megabytes * 1_000_000, seed=megabytes), encoding="utf-8")
        elapsed, cpu, peak, status, error = dry_run(path)
        peaks[megabytes] = peak
        flat = f", x{peak / peaks[1]:.2f} of the 1 MB run" if megabytes != 1 else ""
        report(
            f"import_programme --dry-run {megabytes} MB", elapsed, LIMITS["dry-run"],
            f"; peak {peak:.0f} MB (limit {DRY_RUN_MEMORY_MB} MB, "
            f"{peak / DRY_RUN_MEMORY_MB:.2f}x{flat}); exit {status}",
            cpu=cpu,
        )  # fmt: skip
        if status:
            print(error)


def bench_csv(rows=20_000):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from speakers.models import Organisation

    Organisation.objects.get_or_create(name="Agency")
    client = staff_client()
    url = reverse("admin:speakers_person_import")
    upload = SimpleUploadedFile("people.csv", people_csv(rows), "text/csv")
    started, cpu_started = time.perf_counter(), time.process_time()
    response = client.post(url, {"import_file": upload, "format": "0", "resource": "0"})
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    report(
        f"people spreadsheet preview, {rows:,} rows", elapsed, LIMITS["csv"],
        f"; HTTP {response.status_code}, {len(response.content) / 1e6:.1f} MB of HTML",
        cpu=cpu,
    )  # fmt: skip


def bench_pdf(megabytes=3):
    from django.test import Client

    from conference.models import Event
    from programme.feeds.pdf import pdf_unavailable_reason

    if pdf_unavailable_reason():
        print(f"pdf: skipped, WeasyPrint is unavailable ({pdf_unavailable_reason()})")
        return
    paragraph = "The members discuss the governance of migration and its partnerships. " * 10
    description = "\n\n".join([paragraph] * (megabytes * 1_000_000 // len(paragraph)))
    event = Event.objects.create(
        slug="bench-pdf",
        title="Benchmark PDF",
        start_date=datetime.date(2030, 1, 7),
        end_date=datetime.date(2030, 1, 7),
        status="published",
        description=description,
    )
    client = Client()
    url = f"/en/events/{event.slug}/programme.pdf"
    for attempt in ("first request", "second request"):
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(url)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        report(
            f"programme.pdf, {len(description) / 1e6:.0f} MB description, {attempt}",
            elapsed, LIMITS["pdf"],
            f"; HTTP {response.status_code}, {len(response.content) / 1e3:.0f} KB",
            cpu=cpu,
        )  # fmt: skip


PARTS = ("parse", "preview", "write", "dry-run", "csv", "pdf")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=PARTS, default=list(PARTS))
    parser.add_argument("--chars", type=int, default=200_000)
    options = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="plenary-bench-imports-"))
    try:
        setup_django(directory)
        bench_text_import(programme_text(options.chars), options.only)
        if "dry-run" in options.only:
            bench_dry_run(directory)
        if "csv" in options.only:
            bench_csv()
        if "pdf" in options.only:
            bench_pdf()
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
