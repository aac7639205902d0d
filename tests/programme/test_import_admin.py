"""Admin: “Import programme from text” on an event — paste, preview, confirm or edit again."""

import datetime
import re

import pytest
from django.urls import reverse

from conference import admin_views
from conference.models import Event
from documents.models import Document
from programme.models import Appearance, Slot
from speakers.models import Person
from tests.factories import EventFactory, PersonFactory

pytestmark = pytest.mark.django_db


TEXT = """DAY ONE – 8 October 2018

10:00-11:00 Opening Session (Video of the session)
  • António Vitorino, Director General, International Organization for Migration (Remarks)
#### ????
11:00-12:00 Session 1: Capacity development
Panellists:
  • Zrinka Bralo, Chief Executive, Migrants Organise, United Kingdom (Presentation)
"""


@pytest.fixture
def event():
    return EventFactory(
        slug="idm-2018",
        start_date=datetime.date(2018, 10, 8),
        end_date=datetime.date(2018, 10, 9),
        description="",
    )


def url(event):
    return reverse("admin:conference_event_import_programme", args=[event.pk])


def test_the_event_page_links_to_the_import(staff_client, event):
    response = staff_client.get(reverse("admin:conference_event_change", args=[event.pk]))
    content = response.content.decode()
    assert "Import programme from text" in content
    assert url(event) in content


def test_the_form_asks_for_the_text_and_the_year(staff_client, event):
    response = staff_client.get(url(event))
    content = response.content.decode()
    assert '<textarea name="text"' in content
    assert 'name="year" value="2018"' in content
    assert "nothing is written until you confirm" in content


def test_preview_shows_slots_people_roles_designations_and_markers_and_writes_nothing(
    staff_client, event
):
    vitorino = PersonFactory(given_names="Antonio", family_names="Vitorino")

    response = staff_client.post(url(event), {"text": TEXT, "year": "2018", "_preview": "1"})

    content = response.content.decode()
    assert "Opening Session" in content
    assert "video marked, address to add" in content
    assert "Session 1: Capacity development" in content
    assert "Panellists" in content
    assert "new role" in content
    assert "Zrinka Bralo" in content
    assert "new person" in content
    assert "Chief Executive, Migrants Organise, United Kingdom" in content
    assert "Organisation: Migrants Organise" in content
    assert "Country: United Kingdom" in content
    assert "(Opening)" in content
    assert "(Presentation)" in content
    assert "(Remarks)" in content
    matched = reverse("admin:speakers_person_change", args=[vitorino.pk])
    assert f'href="{matched}">matched #{vitorino.pk}</a>' in content
    assert "Nothing has been written yet." in content
    assert not Slot.objects.exists()
    assert Person.objects.count() == 1
    assert not Document.objects.exists()


def test_preview_highlights_unplaced_lines_with_their_numbers(staff_client, event):
    response = staff_client.post(url(event), {"text": TEXT, "_preview": "1"})

    content = response.content.decode()
    assert "1 line was not placed" in content
    assert re.search(r'<a href="#line-5">Line 5</a>: <mark>#### \?\?\?\?</mark>', content)
    assert re.search(r'<tr id="line-5" class="import-line--unplaced">', content)


def test_the_text_travels_to_the_confirmation_in_a_hidden_field(staff_client, event):
    response = staff_client.post(url(event), {"text": TEXT, "_preview": "1"})
    content = response.content.decode()
    assert '<input type="hidden" name="text"' in content
    assert 'name="_confirm"' in content
    assert 'name="_edit"' in content


def test_back_to_edit_keeps_the_text(staff_client, event):
    response = staff_client.post(url(event), {"text": TEXT, "year": "2018", "_edit": "1"})
    content = response.content.decode()
    assert '<textarea name="text"' in content
    assert "Zrinka Bralo, Chief Executive, Migrants Organise" in content
    assert not Slot.objects.exists()


def test_confirm_imports_and_returns_to_the_event(staff_client, event):
    response = staff_client.post(
        url(event), {"text": TEXT, "year": "2018", "_confirm": "1"}, follow=True
    )

    assert response.redirect_chain[-1][0] == reverse(
        "admin:conference_event_change", args=[event.pk]
    )
    assert "Programme imported: 2 new slots, 2 new appearances, 2 new people" in (
        response.content.decode()
    )
    assert list(
        Slot.objects.filter(day__event=event).order_by("order").values_list("title", flat=True)
    ) == ["Opening Session", "Capacity development"]
    bralo = Appearance.objects.get(person__family_names="Bralo")
    assert bralo.role.label == "Panellist"  # stored singular, as issue 16 asks
    assert bralo.documents.get().title == "Presentation – Zrinka Bralo"
    event.refresh_from_db()
    assert not event.is_published


def test_after_the_import_the_preview_marks_everything_as_existing(staff_client, event):
    staff_client.post(url(event), {"text": TEXT, "_confirm": "1"})
    bralo = Person.objects.get(family_names="Bralo")
    slot = Slot.objects.get(title="Opening Session")

    content = staff_client.post(url(event), {"text": TEXT, "_preview": "1"}).content.decode()

    assert f"existing slot #{slot.pk}" in content
    assert f"matched #{bralo.pk}" in content
    assert "new person" not in content
    assert "2 slots (0 new), 2 appearances (0 new)" in content


def test_confirming_twice_changes_nothing(staff_client, event):
    staff_client.post(url(event), {"text": TEXT, "_confirm": "1"})
    response = staff_client.post(url(event), {"text": TEXT, "_confirm": "1"}, follow=True)
    assert "Nothing changed: the event already holds this programme." in response.content.decode()
    assert Slot.objects.count() == 2
    assert Appearance.objects.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "   ", "_preview": "1"}, "Paste the programme"),
        ({"text": TEXT, "year": "18", "_preview": "1"}, "greater than or equal to 1900"),
        ({"text": TEXT, "year": "next", "_preview": "1"}, "Enter a whole number"),
    ],
)
def test_bad_input_is_shown_on_the_form(staff_client, event, data, message):
    response = staff_client.post(url(event), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Slot.objects.exists()


def test_an_import_error_is_shown_on_the_form_and_nothing_is_written(staff_client, event):
    text = "DAY ONE – 8 October 2018\n\n10:00-11:00 " + "Very long title " * 40 + "\n"
    response = staff_client.post(url(event), {"text": text, "_confirm": "1"})
    # A long title is clipped, not refused: the import goes through.
    assert response.status_code == 302
    assert Slot.objects.get().title.endswith("…")


def test_editors_may_import(client, editor, event):
    client.force_login(editor)
    response = client.post(url(event), {"text": TEXT, "_confirm": "1"})
    assert response.status_code == 302
    assert Slot.objects.count() == 2


def test_viewers_may_not_import_nor_see_the_link(client, viewer, event):
    client.force_login(viewer)
    page = client.get(reverse("admin:conference_event_change", args=[event.pk]))
    assert "Import programme from text" not in page.content.decode()
    assert client.get(url(event)).status_code == 403
    assert client.post(url(event), {"text": TEXT, "_confirm": "1"}).status_code == 403
    assert not Slot.objects.exists()


def test_visitors_are_sent_to_the_login(client, event):
    response = client.post(url(event), {"text": TEXT, "_confirm": "1"})
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert not Slot.objects.exists()


def test_an_unknown_event_is_not_found(staff_client):
    response = staff_client.get(reverse("admin:conference_event_import_programme", args=[999]))
    assert response.status_code == 404
    assert not Event.objects.exists()


@pytest.mark.parametrize("step", ["get", "preview"])
def test_no_inline_script_or_style(staff_client, event, step):
    if step == "get":
        response = staff_client.get(url(event))
    else:
        response = staff_client.post(url(event), {"text": TEXT, "_preview": "1"})
    content = response.content.decode()
    assert "css/admin-import.css" in content
    assert " style=" not in content
    assert "<style" not in content
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", content)
    assert not re.search(r"\son[a-z]+=", content)


def test_a_long_preview_shows_its_first_slots_and_only_the_unplaced_lines(
    staff_client, event, monkeypatch
):
    monkeypatch.setattr(admin_views, "PREVIEW_MAX_SLOTS", 1)
    monkeypatch.setattr(admin_views, "PREVIEW_MAX_LINES", 3)

    content = staff_client.post(url(event), {"text": TEXT, "_preview": "1"}).content.decode()

    assert content.count('<table class="import-preview">') == 1  # the second is counted only
    assert "1 more slot is not shown here" in content
    assert "2 slots (2 new)" in content
    assert "The text has 9 lines: only those that were not placed are shown." in content
    assert 'id="line-5"' in content  # "#### ????", unplaced
    assert 'id="line-4"' not in content

    staff_client.post(url(event), {"text": TEXT, "_confirm": "1"})
    assert Slot.objects.filter(day__event=event).count() == 2  # everything is imported
