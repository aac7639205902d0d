"""Bulk writers (the demo, the text import, the spreadsheet import, a new edition, a merge)
leave one history version with a comment, so the first correction can be undone, and
invalidate the page cache once. The event's History lists its slots' changes too."""

import datetime
import html
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from reversion.models import Revision, Version

import core.cache
from conference.models import Event
from programme.admin import appearance_label
from programme.models import Slot
from speakers.models import Person
from tests.admin_forms import form_data
from tests.factories import EventFactory, OrganisationFactory
from tests.speakers.test_merge import duplicates  # noqa: F401 (a fixture)
from tests.speakers.test_spreadsheets import CSV_FORMAT, GOOD_ROWS, confirm, csv_file, upload

pytestmark = pytest.mark.django_db

TEXT = """DAY ONE – 8 October 2018

10:00-11:00 Opening Session
  • António Vitorino, Director General, International Organization for Migration (Remarks)
11:00-12:00 Session 1: Capacity development
Panellists:
  • Zrinka Bralo, Chief Executive, Migrants Organise, United Kingdom (Presentation)
"""


@pytest.fixture
def invalidations(monkeypatch):
    """How many times the page cache was invalidated (each bump of generations)."""
    calls = []
    original = core.cache._bump_keys

    def counting(keys, *args, **kwargs):
        calls.append(keys)
        original(keys, *args, **kwargs)

    monkeypatch.setattr(core.cache, "_bump_keys", counting)
    return calls


def comments():
    return list(Revision.objects.order_by("pk").values_list("comment", flat=True))


def change(client, obj, **changes):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    data = form_data(client.get(url))
    data.update(changes)
    assert client.post(url, data).status_code == 302


def history(client, obj):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])
    return client.get(url).content.decode()


def test_after_load_demo_a_wrong_rename_can_be_seen_and_undone(staff_client, invalidations):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert comments() == ["Loaded the demo programme"]
    assert len(invalidations) == 1
    arbour = Person.objects.get(family_names="Arbour")
    change(staff_client, arbour, family_names="Arbor")

    page = history(staff_client, arbour)
    assert "Loaded the demo programme" in page
    assert "“Arbour” → “Arbor”" in page
    first = Version.objects.get_for_object(arbour).order_by("pk").first()
    revert_url = reverse("admin:speakers_person_revision", args=[arbour.pk, first.pk])
    staff_client.post(revert_url, form_data(staff_client.get(revert_url)))
    arbour.refresh_from_db()
    assert arbour.family_names == "Arbour"


def test_the_text_import_in_the_admin_is_one_version(staff_client, superuser, invalidations):
    event = EventFactory(
        slug="idm-2018", start_date=datetime.date(2018, 10, 8), end_date=datetime.date(2018, 10, 9)
    )
    url = reverse("admin:conference_event_import_programme", args=[event.pk])
    invalidations.clear()

    staff_client.post(url, {"text": TEXT, "_confirm": "1"})

    revision = Revision.objects.get()
    assert revision.comment == "Imported from text"
    assert revision.user == superuser
    slot = Slot.objects.get(title="Capacity development")
    assert Version.objects.get_for_object(slot).get().revision == revision
    assert len(invalidations) == 1


def test_the_import_command_is_one_version(tmp_path, invalidations):
    path = Path(tmp_path, "programme.txt")
    path.write_text(TEXT, encoding="utf-8")

    call_command("import_programme", str(path), event="idm-2018", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert comments() == ["Imported from text"]
    assert Version.objects.get_for_object(Slot.objects.get(title="Opening Session")).exists()
    assert len(invalidations) == 1


def test_the_people_spreadsheet_import_is_one_version(staff_client, invalidations):
    OrganisationFactory(name="International Organization for Migration", acronym="IOM")
    preview = upload(staff_client, "person", csv_file(GOOD_ROWS), CSV_FORMAT)
    assert comments() == []  # the preview records nothing
    invalidations.clear()

    confirm(staff_client, "person", preview)

    assert comments() == ["Imported from a spreadsheet"]
    bralo = Person.objects.get(family_names="Bralo")
    assert "Imported from a spreadsheet" in history(staff_client, bralo)
    assert len(invalidations) == 1


def test_a_new_edition_is_one_version(staff_client, invalidations):
    event = EventFactory(slug="idm-2018", slots=2, speakers_per_slot=1)
    url = reverse("admin:conference_event_new_edition", args=[event.pk])
    invalidations.clear()

    staff_client.post(
        url,
        {"slug": "idm-2019", "title": "IDM 2019", "edition": "", "start_date": "2019-03-26"},
    )

    copy = Event.objects.get(slug="idm-2019")
    assert comments() == ["Duplicated from idm-2018"]
    assert Version.objects.get_for_object(copy).exists()
    assert len(invalidations) == 1


def test_a_merge_is_one_version_and_one_invalidation(
    staff_client,
    duplicates,  # noqa: F811
    invalidations,
):
    keep, other = duplicates

    staff_client.post(
        reverse("admin:speakers_person_merge"), {"ids": f"{keep.pk},{other.pk}", "keep": keep.pk}
    )

    assert len(comments()) == 1
    assert comments()[0].startswith("Merged people")
    assert len(invalidations) == 1


def test_the_event_history_lists_the_changes_of_its_slots(staff_client):
    event = EventFactory(slots=1, speakers_per_slot=1)
    slot = event.days.get().slots.get()
    change(staff_client, slot, title_en="Panel on migration data")
    change(staff_client, slot, title_en="Panel on migration statistics")
    appearance = slot.appearances.first()
    change(staff_client, appearance, designation_en="Director, IOM Geneva")

    page = history(staff_client, event)

    assert "Slot" in page
    assert "“Panel on migration data” → “Panel on migration statistics”" in page
    assert "“—” → “Director, IOM Geneva”" in page
    # Rows of the event are named as everywhere in the back office: name — role — slot — event.
    appearance.refresh_from_db()
    assert appearance_label(appearance) in html.unescape(page)
