"""Every admin page saves an ordinary edit: as a secretariat editor, open the change page of
a demo record, change one text field in the main form and one in each inline, save as the
browser would (every field, hidden ones and management forms included), find the changes
stored. A new admin or inline is covered without touching this file."""

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.db import models
from django.test import RequestFactory
from django.urls import reverse

from documents.models import Document
from programme.models import Slot
from tests.admin_forms import form_data
from tests.factories import EventFactory
from tests.programme.contribution_helpers import speaker_sent_something

pytestmark = pytest.mark.django_db

OUR_APPS = {"conference", "programme", "speakers", "documents"}
# Accounts are the site administrators' business, not the secretariat's.
NOT_FOR_EDITORS = {"conference.user"}
EDITED = " (edited)"
# What speakers send through their personal links: reviewed with admin actions, not edited.
REVIEWED_WITH_ACTIONS = {
    "programme.ContributionLink",
    "programme.DesignationProposal",
    "programme.DocumentSubmission",
    "programme.ProfileSubmission",
    "programme.ContributionMessage",
    "programme.ChangeEntry",
}

EDITABLE_ADMINS = sorted(
    (
        model
        for model in admin.site._registry
        if model._meta.app_label in OUR_APPS and model._meta.label_lower not in NOT_FOR_EDITORS
    ),
    key=lambda model: model._meta.label,
)


@pytest.fixture
def demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    # The demo attaches documents to appearances only: give one slot a document of its own,
    # so that the documents inline of the slot page has a row to edit.
    slot = Slot.objects.order_by("pk").first()
    Document.objects.create(title="Concept note", slot=slot, url="https://example.org/note.pdf")
    # And a speaker has used a personal link: a link, a proposed designation, an upload.
    speaker_sent_something(slot.day.event)


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def _is_free_text(model, name):
    """A field one can append words to without breaking a rule: plain text, no choices."""
    try:
        field = model._meta.get_field(name)
    except Exception:  # a form-only field (the lock version, a password …)
        return False
    return (
        isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField | models.EmailField | models.URLField)
        and not field.choices
        and not field.unique
        and field.editable
    )


def text_field(model, data, prefix=""):
    """The first free-text field of the form (or of row 0 of an inline) in the posted data."""
    for key in data:
        if not key.startswith(prefix) or "__prefix__" in key:
            continue
        name = key.removeprefix(prefix)
        if "-" not in name and _is_free_text(model, name):
            return key, name
    return None, None


def edited(value, field):
    """The value with a word added (forms strip spaces: an empty value becomes the word)."""
    new = (value + EDITED).strip()
    return new[-field.max_length :] if field.max_length else new


def richest(model, model_admin, request):
    """The demo record whose page has the most inline rows (at least one in each inline)."""
    best, best_score = None, -1
    for obj in model._default_manager.all()[:200]:
        counts = [
            formset(instance=obj).get_queryset().count()
            for formset, _inline in model_admin.get_formsets_with_inlines(request, obj)
        ]
        score = min(counts, default=0) * 1000 + sum(counts)
        if score > best_score:
            best, best_score = obj, score
    return best


@pytest.mark.parametrize("model", EDITABLE_ADMINS, ids=lambda model: model._meta.label)
def test_an_editor_saves_one_change_in_the_form_and_in_each_inline(client, editor, demo, model):
    model_admin = admin.site._registry[model]
    request = RequestFactory().get("/")
    request.user = editor
    obj = richest(model, model_admin, request)
    assert obj is not None, f"the demo has no {model._meta.verbose_name}"
    client.force_login(editor)
    url = change_url(obj)
    page = client.get(url)
    assert page.status_code == 200
    data = form_data(page)

    expected = []  # (model, pk, field name, value)
    key, name = text_field(model, data)
    if model._meta.label in REVIEWED_WITH_ACTIONS:
        # Nothing typed on these pages (staff accept or reject with actions): saving the page
        # as it is must still work.
        assert key is None or data[key] == getattr(obj, name)
    else:
        assert key, f"no free-text field on the {model._meta.verbose_name} page"
        data[key] = edited(data[key], model._meta.get_field(name))
        expected.append((model, obj.pk, name, data[key]))

    for formset, inline in model_admin.get_formsets_with_inlines(request, obj):
        prefix = formset.get_default_prefix()
        assert f"{prefix}-TOTAL_FORMS" in data, f"no management form for {prefix}"
        row_pk = data.get(f"{prefix}-0-{formset.model._meta.pk.name}") or data.get(f"{prefix}-0-id")
        assert row_pk, f"no row in the {inline.verbose_name_plural} inline"
        if not inline.has_change_permission(request, obj):
            continue
        key, name = text_field(inline.model, data, prefix=f"{prefix}-0-")
        if key is None:  # a read-only inline (a person's appearances)
            continue
        data[key] = edited(data[key], inline.model._meta.get_field(name))
        expected.append((inline.model, row_pk, name, data[key]))

    response = client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:5000]
    for changed_model, pk, name, value in expected:
        stored = changed_model._base_manager.get(pk=pk)
        assert getattr(stored, name) == value, f"{changed_model.__name__}.{name} not stored"


def test_a_day_label_changed_in_the_days_inline_of_an_event_is_saved(client, editor):
    """Days have no lock version: saving them inline used to end in a server error."""
    event = EventFactory(slots=1)
    client.force_login(editor)
    url = change_url(event)
    data = form_data(client.get(url))
    data["days-0-label_en"] = "DAY ONE (morning only)"

    response = client.post(url, data)

    assert response.status_code == 302
    assert event.days.get().label == "DAY ONE (morning only)"


def test_a_document_renamed_in_the_documents_inline_of_a_slot_is_saved(client, editor):
    slot = EventFactory(slots=1, speakers_per_slot=1).days.get().slots.get()
    Document.objects.create(title="Concept note", slot=slot, url="https://example.org/note.pdf")
    client.force_login(editor)
    url = change_url(slot)
    data = form_data(client.get(url))
    data["documents-0-title_en"] = "Concept note (revised)"

    response = client.post(url, data)

    assert response.status_code == 302
    assert slot.documents.get().title == "Concept note (revised)"
