import pytest

from programme.models import Participation
from tests.factories import EventFactory


@pytest.mark.django_db
def test_event_factory_builds_a_programme():
    event = EventFactory(published=True, sessions=3, speakers_per_session=2)
    appearances = Participation.objects.filter(session__day__event=event)
    assert appearances.count() == 3 * 3
    assert appearances.filter(role__name="Moderator").count() == 3
    assert event.is_published
