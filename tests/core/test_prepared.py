"""Reads compiled once per process (core.prepared): each call gets the rows of its own
values, language and audience, as the ORM reads them; a read that would keep a value of its
first call for ever is refused."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from core.prepared import PreparedRead
from documents.enums import DocumentKind
from documents.models import Document
from programme.models import Slot
from public.reads import EVENT_SLOTS
from tests.factories import DocumentFactory, SlotFactory
from tests.programme.contribution_helpers import future_programme
from tests.public.helpers import programme, rendered_from_scratch

pytestmark = pytest.mark.django_db


def text_of(url, settings):
    return " ".join(rendered_from_scratch(url, settings).decode().split())


def test_each_event_gets_its_own_programme_from_one_statement(settings):
    first, _speaker = programme(slug="first-dialogue")
    second, _speaker = programme(slug="second-dialogue")
    SlotFactory(
        day=second.days.get(), title="Closing remarks", start_time=datetime.time(17), end_time=None
    )
    DocumentFactory(event=second, title="Final report")
    first_page = text_of(first.get_absolute_url(), settings)
    compiled = dict(EVENT_SLOTS.statements)
    second_page = text_of(second.get_absolute_url(), settings)
    assert EVENT_SLOTS.statements == compiled  # the second page ran the first's statement
    assert "Panel on remittances" in first_page
    assert "Closing remarks" not in first_page
    assert "Final report" not in first_page
    assert "Closing remarks" in second_page
    assert "Final report" in second_page


def test_an_embargo_lifts_on_a_statement_compiled_before(settings, monkeypatch):
    event, slot, first, _second = future_programme()
    statement = DocumentFactory(
        appearance=first, kind=DocumentKind.STATEMENT, embargoed_until_delivered=True
    )
    url = event.get_absolute_url()
    assert statement.get_absolute_url() not in text_of(url, settings)
    later = slot.starts_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert statement.get_absolute_url() in text_of(url, settings)


def test_each_language_reads_its_own_texts(settings):
    event, _speaker = programme()
    Slot.objects.filter(day__event=event).update(title_fr="Table ronde sur les envois de fonds")
    english = text_of(event.get_absolute_url(), settings)
    french = text_of(f"/fr/events/{event.slug}/", settings)
    assert "Panel on remittances" in english
    assert "Table ronde" not in english
    assert "Table ronde sur les envois de fonds" in french
    assert {key[0] for key in EVENT_SLOTS.statements} >= {"en", "fr"}


def test_staff_see_a_draft_document_the_same_process_hides_from_visitors(
    client, admin_client, settings
):
    event, speaker = programme()
    draft = DocumentFactory(appearance=speaker, is_public=False).get_absolute_url()
    settings.PAGE_CACHE_ENABLED = settings.FRAGMENT_CACHE_ENABLED = False
    url = event.get_absolute_url()
    assert draft in admin_client.get(url).content.decode()
    assert draft not in client.get(url).content.decode()
    assert draft in admin_client.get(url).content.decode()


def test_rows_come_in_the_order_the_read_names_them():
    event, _speaker = programme()
    read = PreparedRead(
        lambda _, event: (
            Slot.objects.filter(day__event=event).rewrite(False).values_list("pk", "day_id")
        ),
        as_rows=True,
    )
    assert [tuple(row) for row in read(event=event.pk)] == list(
        Slot.objects.filter(day__event=event).values_list("pk", "day_id")
    )


def test_a_translated_values_list_is_refused():
    read = PreparedRead(
        lambda _, event: Slot.objects.filter(day__event=event).values_list("pk", "title"),
        as_rows=True,
    )
    with pytest.raises(ImproperlyConfigured, match="rewrite"):
        read(event=1)


def test_a_read_that_takes_the_time_itself_is_refused():
    event, _speaker = programme()
    read = PreparedRead(lambda _, event: Document.objects.released().filter(event=event))
    with pytest.raises(ImproperlyConfigured, match="pass such a time as a value"):
        read(event=event.pk)


def test_a_value_changed_on_its_way_into_the_statement_is_refused():
    read = PreparedRead(lambda _, title: Slot.objects.filter(title__contains=title))
    with pytest.raises(ImproperlyConfigured, match="values as compared"):
        read(title="remittances")


@pytest.mark.parametrize("value", [[1, 2], True, None, datetime.datetime(2026, 1, 1)])
def test_lists_flags_nothing_and_naive_times_are_no_values(value):
    read = PreparedRead(lambda _, event: Slot.objects.filter(day__event=event))
    with pytest.raises(TypeError):
        read(event=value)
