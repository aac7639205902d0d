"""Bad input in admin forms gets a message on the form, never a 500 (found by
bench/hostile.py: a model's clean() naming "name" while the form shows "name_en")."""

import pytest
from django.urls import reverse

from speakers.models import Organisation
from tests.admin_forms import form_data
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

TOO_LONG = "plx " + "A" * 6000


@pytest.mark.parametrize("value", [TOO_LONG, "name\x00with NUL"], ids=["too long", "NUL character"])
def test_organisation_with_an_unusable_name_gets_messages(staff_client, value):
    staff_client.raise_request_exception = True
    url = reverse("admin:speakers_organisation_add")
    data = {**form_data(staff_client.get(url)), "name_en": value, "acronym": "X"}

    response = staff_client.post(url, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Give the organisation&#x27;s name." in page
    assert not Organisation.objects.exists()


def test_photo_with_an_unusable_text_alternative_gets_messages(staff_client):
    staff_client.raise_request_exception = True
    event = EventFactory()
    url = reverse("admin:documents_photo_add")
    data = {**form_data(staff_client.get(url)), "event": event.pk, "alt_text_en": TOO_LONG}

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert "Describe the photo for people who cannot see it." in response.content.decode()


def test_an_error_for_a_field_the_form_lacks_goes_on_top_of_the_form():
    """A model error about a field the form does not show becomes a form-wide message."""
    import datetime

    from django import forms

    from conference.models import Day
    from core.admin_forms import with_mapped_errors

    class DayLabelForm(forms.ModelForm):
        class Meta:
            model = Day
            fields = ["label"]

    day = Day(event=EventFactory(), date=datetime.date(2030, 1, 1))
    form = with_mapped_errors(DayLabelForm)(data={"label": "DAY ONE"}, instance=day)

    assert not form.is_valid()
    assert "The day must fall within the event's dates" in form.non_field_errors()[0]
