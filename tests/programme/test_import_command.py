"""`manage.py import_programme FILE [--event SLUG] [--year YYYY] [--dry-run] [--json]`."""

import html
import json
import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from conference.models import Day, Event
from documents.models import Document
from programme.import_checks import date_refusal, published_date_change
from programme.importer import build_plan, import_programme, parse_text, sources
from programme.management.commands.import_programme import describe_plan
from programme.models import Appearance, Slot
from programme.parser import parse_programme
from speakers.models import Person
from tests.programme.seed import REPOSITORY, seed_fragments, seed_path, seed_text

pytestmark = pytest.mark.django_db

SMALL = """DAY ONE – 8 October 2018

10:00-11:00 Opening Session (Video of the session)
  • António Vitorino, Director General, International Organization for Migration (Remarks)

11:00-12:00 Session 1: Capacity development
Moderator: Laura Thompson, Deputy Director General, IOM
  • Zrinka Bralo, Chief Executive, Migrants Organise, United Kingdom (Presentation)
"""


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_programme", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def small_file(tmp_path):
    path = tmp_path / "programme.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_json_prints_the_parsed_programme_and_nothing_else(small_file):
    out, _ = run(str(small_file), "--json")

    assert json.loads(out) == parse_programme(SMALL).to_dict()
    assert out.count("\n") <= 1
    assert not Event.objects.exists()


def test_json_of_the_seed_has_its_twelve_slots():
    out, _ = run(str(seed_path()), "--json", "--dry-run")
    data = json.loads(out)
    assert [len(day["sessions"]) for day in data["days"]] == [6, 6]
    assert data["days"][0]["sessions"][2]["title"] == (
        "Advancing migration governance: global capacity development frameworks and processes"
    )


def test_dry_run_shows_every_slot_and_person_and_writes_nothing(small_file):
    out, _ = run(str(small_file), "--event", "idm-2018", "--dry-run")

    assert "10:00–11:00 Opening Session (opening) [new]" in out
    assert "video marked, address to add" in out
    assert "Moderator: Laura Thompson [new person]" in out
    assert "Chief Executive, Migrants Organise, United Kingdom" in out
    assert "(Presentation) → presentation [new]" in out
    assert "Dry run: nothing was written." in out
    assert not Event.objects.exists()
    assert not Person.objects.exists()


def test_dry_run_names_the_matched_person(small_file):
    from tests.factories import PersonFactory

    vitorino = PersonFactory(given_names="Antonio", family_names="VITORINO")
    out, _ = run(str(small_file), "--dry-run")
    assert f"Speaker: António Vitorino [matched person #{vitorino.pk}]" in out


def test_import_writes_a_draft_event_and_a_second_run_changes_nothing(small_file):
    out, _ = run(str(small_file), "--event", "idm-2018")

    event = Event.objects.get(slug="idm-2018")
    assert not event.is_published
    assert Slot.objects.filter(day__event=event).count() == 2
    assert Appearance.objects.filter(slot__day__event=event).count() == 3
    assert "Imported into idm-2018 (draft)." in out
    assert "Created: 1 events, 1 days, 2 slots, 3 people" in out

    out, _ = run(str(small_file), "--event", "idm-2018")
    assert "Nothing changed: idm-2018 already holds this programme." in out
    assert Slot.objects.count() == 2
    assert Person.objects.count() == 3
    assert Document.objects.count() == 2


def test_json_with_an_event_writes_and_keeps_standard_output_to_the_json(small_file):
    out, err = run(str(small_file), "--event", "idm-2018", "--json")

    assert json.loads(out) == parse_programme(SMALL).to_dict()
    assert "Imported into idm-2018" in err
    assert Event.objects.filter(slug="idm-2018").exists()


def test_year_completes_dates_printed_without_one(tmp_path):
    path = tmp_path / "programme.txt"
    path.write_text("DAY ONE – 8 May\n\n10:00-11:00 Opening Session\n", encoding="utf-8")
    out, _ = run(str(path), "--year", "2017", "--json")
    assert json.loads(out)["days"][0]["date"] == "2017-05-08"


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "programme.txt"
    path.write_bytes(SMALL.encode("utf-8-sig"))
    out, _ = run(str(path), "--json")
    assert json.loads(out)["days"][0]["date"] == "2018-10-08"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{missing}"], "File not found"),
        (["{directory}", "--dry-run"], "Not a file"),
        (["{binary}", "--dry-run"], "This file is not a programme that can be read"),
        (["{small}", "--year", "18", "--dry-run"], "--year must be a four-digit year"),
        (["{small}", "--year", "abcd", "--dry-run"], "--year must be a four-digit year"),
        (["{small}", "--year", "3000", "--dry-run"], "--year must be a four-digit year"),
        (["{small}"], "Say which event to import into with --event SLUG"),
        (["{small}", "--event", "not a slug"], "cannot be an event's address"),
    ],
)
def test_bad_input_gives_a_clear_error(tmp_path, small_file, args, message):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    paths = {
        "missing": tmp_path / "missing.txt",
        "directory": tmp_path,
        "binary": binary,
        "small": small_file,
    }
    args = [arg.format(**paths) for arg in args]
    with pytest.raises(CommandError, match=re.escape(message)):
        run(*args)
    assert not Event.objects.exists()


def test_bad_input_on_the_command_line_prints_no_traceback(tmp_path):
    environment = {**os.environ, "DEBUG": "1"}
    completed = subprocess.run(
        [sys.executable, "manage.py", "import_programme", str(tmp_path / "missing.txt")],
        cwd=REPOSITORY,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 1
    assert "CommandError: File not found" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_the_seed_finds_its_38_appearances_and_43_markers_and_places_every_line():
    run(str(seed_path()), "--event", "idm-2018-second-session")

    event = Event.objects.get(slug="idm-2018-second-session")
    assert Day.objects.filter(event=event).count() == 2
    assert Slot.objects.filter(day__event=event).count() == 12
    assert Appearance.objects.filter(slot__day__event=event).count() == 38
    assert Person.objects.count() == 36
    documents = Document.objects.filter(appearance__slot__day__event=event)
    assert documents.count() == 43
    assert all(document.is_placeholder for document in documents)
    assert parse_programme(seed_text()).to_dict()["unplaced"] == []


def _page_text(content):
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", content, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(text.replace("\u00a0", " ").split())


def test_the_seed_page_end_to_end(client):
    """Parse, import, render the programme page: every seed line is on it, in order."""
    run(str(seed_path()), "--event", "idm-2018-second-session")
    event = Event.objects.get(slug="idm-2018-second-session")
    event.publish()
    event.save()

    response = client.get(event.get_absolute_url())

    assert response.status_code == 200
    text = _page_text(response.content.decode())
    position = 0
    for number, fragment in seed_fragments():
        found = text.find(fragment, position)
        assert found >= 0, f"Seed line {number} is missing or out of order: {fragment!r}"
        position = found + len(fragment)
    assert Appearance.objects.filter(slot__day__event=event).count() == 38
    assert Document.objects.filter(appearance__slot__day__event=event).count() == 43
    assert parse_programme(seed_text()).to_dict()["unplaced"] == []
    # The 43 documents await their file: visitors see none of them.
    assert "Opening remarks – António Vitorino" not in text
    assert not Document.objects.public().exists()


def repeated_days(count):
    """A programme of ``count`` days made of the same few blocks: an introduction, dates
    printed again later (their slots join the first day of that date), a date alone with
    no slot under it (the document's date), lines that fit nowhere, a day heading with no
    date, people met again, a role label over several people, markers on their own line."""
    parts = ["Second meeting of the members", "It takes place in Geneva.", ""]
    for number in range(count):
        day = 7 + number % 5  # five dates, each printed again and again
        parts += [
            f"Monday {day} October 2030",
            f"09:00-10:00 Session {number}: Opening of day {number}",
            f"  • Ms. Anna Castro{number % 3}, Director, Agency {number % 4} (Remarks)",
            "(Presentation)",
            "A line that fits nowhere, at all",
            "10:00 Panel",
            "Panellists:",
            "  • Mr. Omar Novak, Minister, Country",
            f"  • Dr. Lucia Varga{number}, Professor, University",
            "",
            f"{12 + number % 3} March 2029",
            "",
        ]
        if number % 7 == 3:
            parts += ["Day two", "11:00 Coffee break", "Stray text before a slot"]
    return "\n".join(parts) + "\n"


def whole_dry_run(text, slug):
    """What the dry run printed when it held the whole text: parse, plan, describe."""
    plan = build_plan(parse_text(text), slug)
    lines = describe_plan(plan)
    lines += [f"Note: {problem}" for problem in (date_refusal(plan), published_date_change(plan))]
    return "\n".join([line for line in lines if line != "Note: None"]) + (
        "\nDry run: nothing was written.\n"
    )


@pytest.mark.parametrize("slug", [None, "geneva"])
def test_a_long_dry_run_reads_a_day_at_a_time_and_reports_what_the_whole_text_gives(
    tmp_path, monkeypatch, slug
):
    text = repeated_days(60)
    if slug:  # an event that already holds the first days: days, slots and people matched
        import_programme(parse_text(repeated_days(4)), slug)
    expected = whole_dry_run(text, slug)
    path = tmp_path / "programme.txt"
    path.write_text(text, encoding="utf-8")

    monkeypatch.setattr(sources, "CHUNK", 100)  # pieces end in the middle of lines

    def whole(self):
        raise AssertionError(f"{self} was read whole")

    monkeypatch.setattr(Path, "read_bytes", whole)
    out, _ = run(str(path), "--dry-run", *(["--event", slug] if slug else []))

    assert out == expected
    # What the text is made to show: one day per date, the document's dates reported.
    assert out.count("Monday – 2030-10-07 [") == 1
    assert ": 12 March 2029\n" in out
    assert ("[matched person #" if slug else "[new person, met above]") in out


def test_the_json_of_a_long_text_is_written_a_day_at_a_time_with_the_same_bytes(
    tmp_path, monkeypatch
):
    text = repeated_days(60)
    expected = json.dumps(parse_text(text), ensure_ascii=False) + "\n"
    path = tmp_path / "programme.txt"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(sources, "CHUNK", 100)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read whole"))

    out, _ = run(str(path), "--json")

    assert out == expected
