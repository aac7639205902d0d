import pytest

from programme.models import Appearance
from tests.factories import EventFactory


@pytest.mark.django_db
def test_event_factory_builds_a_programme():
    event = EventFactory(published=True, slots=3, speakers_per_slot=2)
    appearances = Appearance.objects.filter(slot__day__event=event)
    assert appearances.count() == 3 * 3
    assert appearances.filter(role__name="Moderator").count() == 3
    assert event.is_published
