"""Issue 12, item 9: gender is private; every export shows it only to those who may change
people, and the people CSV needs the view permission on people."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories import AppearanceFactory, EventFactory, PersonFactory, SlotFactory, UserFactory
from tests.programme.helpers import parse_csv, streamed_text
from tests.speakers.test_spreadsheets import PEOPLE, PEOPLE_WITH_PRIVATE_FIELDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    event = EventFactory(slug="dialogue", title="Dialogue", published=True)
    slot = SlotFactory(day__event=event, title="Panel on labour mobility")
    person = PersonFactory(given_names="María", family_names="Gómez Camacho", gender="female")
    AppearanceFactory(slot=slot, person=person)
    return event


def csv_rows(client, event, kind):
    url = reverse("public:event-export", kwargs={"slug": event.slug, "kind": kind})
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    header, rows = parse_csv(streamed_text(response))
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.mark.parametrize("kind", ["participants", "people"])
def test_viewers_get_the_csv_exports_without_gender(client, viewer, event, kind):
    client.force_login(viewer)
    (row,) = csv_rows(client, event, kind)
    assert row["family_names"] == "Gómez Camacho"
    assert "gender" not in row
    assert "Female" not in row.values()


@pytest.mark.parametrize("kind", ["participants", "people"])
def test_editors_get_the_csv_exports_with_gender(client, editor, event, kind):
    client.force_login(editor)
    (row,) = csv_rows(client, event, kind)
    assert row["gender"] == "Female"


def test_the_people_csv_needs_the_view_permission_on_people(client, event):
    only_events = UserFactory(username="events-only", is_staff=True)
    only_events.user_permissions.add(*Permission.objects.filter(codename="view_event"))
    client.force_login(only_events)
    url = reverse("public:event-export", kwargs={"slug": event.slug, "kind": "people"})
    assert client.get(url).status_code == 403
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Statistics" in page
    assert "People (CSV)" not in page


def test_staff_without_permissions_see_no_export_links(client, event):
    client.force_login(UserFactory(username="bare", is_staff=True))
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Dialogue" in page
    assert "People (CSV)" not in page
    assert "For staff" not in page


def spreadsheet(client, resource):
    data = {"format": "0", "resource": resource}
    prefix = "personresource" if resource == PEOPLE else "personwithprivatefieldsresource"
    data.update({f"{prefix}_{name}": "on" for name in ("given_names", "family_names", "gender")})
    return client.post(reverse("admin:speakers_person_export"), data)


def test_the_spreadsheet_export_withholds_gender_from_viewers(client, viewer, editor, event):
    client.force_login(viewer)
    shown = spreadsheet(client, PEOPLE).content.decode("utf-8-sig")
    assert "Gómez Camacho" in shown
    assert "female" not in shown.lower()
    refused = spreadsheet(client, PEOPLE_WITH_PRIVATE_FIELDS)
    assert "female" not in refused.content.decode("utf-8-sig", errors="replace").lower()
    client.force_login(editor)
    allowed = spreadsheet(client, PEOPLE_WITH_PRIVATE_FIELDS).content.decode("utf-8-sig")
    assert "Gómez Camacho,female" in allowed
