"""Properties of the importer: any text gives a written programme or a clear refusal, and a
second import of the same text changes nothing."""

import itertools

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conference.models import Event
from programme.importer import ProgrammeImportError, build_plan, import_programme, parse_text
from tests.programme.test_parser_properties import programme_like, years

pytestmark = pytest.mark.django_db

_slugs = (f"property-{number}" for number in itertools.count())

# Texts that always open with a dated day and a slot, so that most examples reach the writes.
dated_programme = programme_like.map(
    lambda text: "DAY ONE – 8 October 2018\n10:00-11:00 Opening Session\n" + text
)


def _refusal(function, *args):
    """(result, None) or (None, the message of the ProgrammeImportError raised)."""
    try:
        return function(*args), None
    except ProgrammeImportError as error:
        return None, str(error)


def _import_or_refuse(text, year):
    slug = next(_slugs)
    data = parse_text(text, year=year)
    plan, refusal = _refusal(build_plan, data, slug)
    if refusal is None:
        first, refusal = _refusal(import_programme, data, slug)
    if refusal is not None:
        assert refusal.strip()
        assert not Event.objects.filter(slug=slug).exists()
        event("refused with a message")
        return
    event("imported" if first.created["slots"] else "imported, no slot")
    assert first.event.slug == slug
    assert first.created["appearances"] <= len(plan.appearances)
    second = import_programme(data, slug)
    assert not second.changed, second.created


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(), years)
def test_any_text_is_imported_or_refused_with_a_message(text, year):
    _import_or_refuse(text, year)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(dated_programme, years)
def test_programme_like_text_is_imported_once(text, year):
    _import_or_refuse(text, year)
