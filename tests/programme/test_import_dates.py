"""Issue 12, item 11: an import may not move a published event's dates without a person's
say-so, and a date typo such as year 0001 is refused in words."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from conference.models import Event
from programme.models import Slot
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

WIDER = """DAY ONE – 8 October 2018

10:00-11:00 Opening Session

DAY THREE – 10 October 2018

11:00-12:00 Session 1: Capacity development
"""
TYPO = WIDER.replace("10 October 2018", "10 October 0001")
TICK = "I understand the published dates will change"


@pytest.fixture
def event():
    return EventFactory(
        slug="idm-2018",
        published=True,
        start_date=datetime.date(2018, 10, 8),
        end_date=datetime.date(2018, 10, 9),
        description="",
    )


def url(event):
    return reverse("admin:conference_event_import_programme", args=[event.pk])


def dates(event):
    event = Event.objects.get(pk=event.pk)
    return event.start_date, event.end_date


def test_the_preview_asks_for_a_tick_before_moving_published_dates(staff_client, event):
    content = staff_client.post(url(event), {"text": WIDER, "_preview": "1"}).content.decode()
    assert "is published: its dates will change from 2018-10-08 – 2018-10-09" in content
    assert TICK in content
    assert 'name="accept_date_change"' in content


def test_confirming_without_the_tick_writes_nothing_and_says_why(staff_client, event):
    response = staff_client.post(url(event), {"text": WIDER, "_confirm": "1"})
    content = response.content.decode()
    assert "Tick “I understand the published dates will change” to import." in content
    assert 'name="_confirm"' in content  # still on the preview
    assert dates(event) == (datetime.date(2018, 10, 8), datetime.date(2018, 10, 9))
    assert not Slot.objects.filter(day__event=event).exists()


def test_confirming_with_the_tick_imports_and_widens(staff_client, event):
    response = staff_client.post(
        url(event), {"text": WIDER, "_confirm": "1", "accept_date_change": "on"}, follow=True
    )
    assert "Programme imported" in response.content.decode()
    assert dates(event) == (datetime.date(2018, 10, 8), datetime.date(2018, 10, 10))


def test_a_draft_widens_without_a_tick(staff_client, event):
    event.unpublish()
    event.save()
    content = staff_client.post(url(event), {"text": WIDER, "_preview": "1"}).content.decode()
    assert TICK not in content
    staff_client.post(url(event), {"text": WIDER, "_confirm": "1"})
    assert dates(event) == (datetime.date(2018, 10, 8), datetime.date(2018, 10, 10))


@pytest.mark.parametrize("step", ["_preview", "_confirm"])
def test_a_year_typo_is_refused_in_words(staff_client, event, step):
    event.unpublish()
    event.save()
    content = staff_client.post(
        url(event), {"text": TYPO, step: "1", "accept_date_change": "on"}
    ).content.decode()
    assert "The text has a day dated 0001-10-10, which cannot be right" in content
    assert dates(event) == (datetime.date(2018, 10, 8), datetime.date(2018, 10, 9))
    assert not Slot.objects.filter(day__event=event).exists()


def run(tmp_path, text, *args):
    path = tmp_path / "programme.txt"
    path.write_text(text)
    out = StringIO()
    call_command("import_programme", str(path), "--event", "idm-2018", *args, stdout=out)
    return out.getvalue()


def test_the_command_needs_allow_date_change_for_a_published_event(tmp_path, event):
    with pytest.raises(CommandError, match="add --allow-date-change"):
        run(tmp_path, WIDER)
    assert dates(event) == (datetime.date(2018, 10, 8), datetime.date(2018, 10, 9))
    run(tmp_path, WIDER, "--allow-date-change")
    assert dates(event) == (datetime.date(2018, 10, 8), datetime.date(2018, 10, 10))


def test_the_command_refuses_a_year_typo(tmp_path, event):
    with pytest.raises(CommandError, match="0001-10-10, which cannot be right"):
        run(tmp_path, TYPO, "--allow-date-change")
    assert dates(event) == (datetime.date(2018, 10, 8), datetime.date(2018, 10, 9))
