"""python manage.py export_csv: the same CSV as the staff URLs, to standard output or a file."""

import io

import pytest
from django.core.management import CommandError, call_command

from tests.factories import EventFactory, EventSeriesFactory
from tests.programme.helpers import csv_dicts, parse_csv

DEMO = "idm-2018-second-session"


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def run(*args):
    out = io.StringIO()
    call_command("export_csv", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_participants_of_an_event_go_to_standard_output(demo, settings):
    settings.SITE_URL = "https://programme.example.org"
    header, rows = parse_csv(run("participants", "--event", DEMO))
    assert header[:3] == ["event", "date", "start"]
    assert len(rows) == 38
    documents = dict(zip(header, rows[0], strict=True))["documents"]
    assert "<https://programme.example.org/" in documents
    assert "/documents/" in documents


def test_output_file_is_utf8_with_bom_and_crlf(demo, tmp_path):
    target = tmp_path / "people.csv"
    call_command(
        "export_csv", "people", "--event", DEMO, "--output", str(target), stderr=io.StringIO()
    )
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    header, rows = parse_csv(raw.decode("utf-8"))
    assert len(rows) == 36
    assert "Boček" in [dict(zip(header, row, strict=True))["family_names"] for row in rows]


def test_series_export_covers_all_its_events(db):
    series = EventSeriesFactory(slug="idm")
    EventFactory(series=series, slots=2, published=True)
    EventFactory(series=series, slots=3)
    EventFactory(slots=4)
    rows = csv_dicts(run("programme", "--series", "idm"))
    assert [row["status"] for row in rows] == ["published", "published"]
    rows = csv_dicts(run("programme", "--series", "idm", "--include-drafts"))
    assert len(rows) == 5
    assert [row["status"] for row in rows].count("draft") == 3


def test_statistics_can_be_exported_too(demo):
    rows = csv_dicts(run("statistics", "--event", DEMO))
    totals = {row["section"]: row["count"] for row in rows if row["label"] == "Total"}
    assert totals["appearances_by_role"] == "38"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["participants", "--event", "no-such-event"], "No event has the slug “no-such-event”."),
        (
            ["participants", "--series", "no-such-series"],
            "No series has the slug “no-such-series”.",
        ),
        (["participants"], "one of the arguments --event --series is required"),
        (["passwords", "--event", DEMO], "invalid choice: 'passwords'"),
    ],
)
def test_bad_arguments_get_a_clear_message(db, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_an_unwritable_output_file_is_reported(demo, tmp_path):
    with pytest.raises(CommandError, match="Cannot write to"):
        run("participants", "--event", DEMO, "--output", str(tmp_path / "missing" / "x.csv"))
