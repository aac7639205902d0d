"""The stock slot page: one card per person; appearances and slots labelled the same
everywhere the back office names them (lists, autocompletes, history, revert)."""

import datetime
import html
import re

import pytest
from django.urls import reverse

from programme.models import Appearance
from tests.admin_forms import form_data
from tests.factories import (
    AppearanceFactory,
    DayFactory,
    DocumentFactory,
    EventFactory,
    PersonFactory,
    SlotFactory,
    role,
)


def text(response):
    page = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(page).split())


@pytest.fixture
def appearance(db):
    event = EventFactory(title="IDM 2019", edition="First session")
    day = DayFactory(event=event, date=datetime.date(2019, 2, 28))
    slot = SlotFactory(day=day, start_time=datetime.time(10), title="Opening", number="")
    person = PersonFactory(honorific="Mr.", given_names="Carlos", family_names="Pérez")
    return AppearanceFactory(
        slot=slot, person=person, role=role("Moderator"), designation="Mayor, City of Lyon, France"
    )


LABEL = "Carlos Pérez — Moderator — 10:00 Opening — IDM 2019 (First session)"


def test_slot_page_has_a_card_per_person_with_name_designation_and_documents(
    staff_client, appearance
):
    DocumentFactory(appearance=appearance, title="Opening remarks of the mayor")
    response = staff_client.get(reverse("admin:programme_slot_change", args=[appearance.slot_id]))
    page = response.content.decode()
    assert 'data-inline-type="stacked"' in page
    card = page[page.index('id="appearances-0"') :]
    title = card[card.index("<h3>") : card.index("</h3>")]
    assert " ".join(re.sub(r"<[^>]+>", " ", title).split()).startswith("Carlos Pérez — Moderator")
    assert card.index('name="appearances-0-designation_en"') < card.index(
        "Opening remarks of the mayor"
    )
    add_document = reverse("admin:documents_document_add") + f"?appearance={appearance.pk}"
    assert add_document in card


def test_appearance_list_history_and_revert_name_person_role_slot_and_event(
    staff_client, appearance
):
    changelist = staff_client.get(reverse("admin:programme_appearance_changelist"))
    assert LABEL in text(changelist)
    change = reverse("admin:programme_appearance_change", args=[appearance.pk])
    data = {**form_data(staff_client.get(change)), "position_en": "Mayor"}
    assert staff_client.post(change, data).status_code == 302
    history = staff_client.get(reverse("admin:programme_appearance_history", args=[appearance.pk]))
    assert f"Change history: {LABEL}" in text(history)
    version = re.search(r"/appearance/\d+/history/(\d+)/", history.content.decode()).group(1)
    revert = staff_client.get(
        reverse("admin:programme_appearance_revision", args=[appearance.pk, version])
    )
    assert f"Revert {LABEL}" in text(revert)
    assert "Revert Mayor, City of Lyon" not in text(revert)


def autocomplete(client, model, field, term):
    response = client.get(
        reverse("admin:autocomplete"),
        {"term": term, "app_label": "documents", "model_name": "document", "field_name": field},
    )
    return [result["text"] for result in response.json()["results"]]


def test_document_form_autocompletes_label_appearances_and_slots(staff_client, appearance):
    assert autocomplete(staff_client, "document", "appearance", "Pérez") == [LABEL]
    assert autocomplete(staff_client, "document", "slot", "Opening") == [
        "10:00 Opening — 28 February 2019 — IDM 2019 (First session)"
    ]
    response = staff_client.get(
        reverse("admin:documents_document_add") + f"?appearance={appearance.pk}"
    )
    assert LABEL in text(response)  # the value already chosen reads the same


def test_a_new_appearance_without_honorific_takes_the_persons(staff_client, appearance):
    slot = appearance.slot
    PersonFactory(honorific="Dr.", given_names="Ana", family_names="Gómez")
    change = reverse("admin:programme_slot_change", args=[slot.pk])
    data = form_data(staff_client.get(change))
    gomez = PersonFactory._meta.model.objects.get(family_names="Gómez")
    data.update(
        {
            "appearances-1-person": str(gomez.pk),
            "appearances-1-role": str(role("Speaker").pk),
            "appearances-1-honorific": "",
            "appearances-1-designation_en": "Director, Institute of Migration",
        }
    )
    response = staff_client.post(change, data)
    assert response.status_code == 302, text(response)[:2000]
    added = Appearance.objects.get(person=gomez)
    assert (added.honorific, added.designation) == ("Dr.", "Director, Institute of Migration")
