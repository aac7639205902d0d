"""Property-based tests: whatever staff type into a model's fields, full_clean() answers
with a ValidationError that puts each message on a field, and never with anything else."""

import copy
import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django_countries.fields import CountryField
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conference.models import Day, Event, EventSeries
from documents.models import Document, Photo
from programme.models import Appearance, Role, Slot
from speakers.models import Organisation, Person
from tests.factories import EventFactory, PhotoFactory

HOSTILE_TEXT = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "\u202eevil\u202c",
        "مؤتمر الحوار الدولي",
        "🌍" * 50,
        "<script>alert(1)</script>",
        "'; DROP TABLE conference_event; --",
        "../../etc/passwd",
        "x" * 5000,
        "\r\n\t",
    ]
)
TEXT = st.one_of(st.text(max_size=60), HOSTILE_TEXT)
# Forms refuse NUL characters before the model sees them (PostgreSQL cannot store them):
# model-level values leave them out, the admin form test below sends them.
MODEL_TEXT = TEXT.map(lambda text: text.replace("\x00", ""))
DATES = st.one_of(st.none(), st.dates(), st.sampled_from([datetime.date.min, datetime.date.max]))
TIMES = st.one_of(st.none(), st.times(), st.sampled_from([datetime.time.min, datetime.time.max]))
INTEGERS = st.one_of(st.none(), st.integers(min_value=-(2**70), max_value=2**70))


def value_strategy(field, related):
    if isinstance(field, models.ForeignKey):
        return st.one_of(st.none(), st.sampled_from(related[field.related_model]))
    if isinstance(field, (models.FileField,)):
        return st.just("")
    if isinstance(field, models.DateTimeField):
        return st.one_of(st.none(), st.datetimes(timezones=st.just(datetime.UTC)))
    if isinstance(field, models.DateField):
        return DATES
    if isinstance(field, models.TimeField):
        return TIMES
    if isinstance(field, models.BooleanField):
        return st.booleans()
    if isinstance(field, (models.IntegerField, models.PositiveIntegerField)):
        return INTEGERS
    if isinstance(field, CountryField):
        return st.one_of(st.sampled_from(["", "CH", "FR", "XX", "ch"]), MODEL_TEXT)
    if field.choices:
        return st.one_of(st.sampled_from([value for value, _ in field.flatchoices]), MODEL_TEXT)
    if isinstance(field, (models.CharField, models.TextField)):
        return MODEL_TEXT
    return None


MODELS = [
    EventSeries,
    Event,
    Day,
    Slot,
    Role,
    Appearance,
    Organisation,
    Person,
    Document,
    Photo,
]


@pytest.fixture
def related(db):
    """Saved rows for the foreign keys to point at, and one saved row of each model."""
    event = EventFactory(slots=1, speakers_per_slot=1)
    PhotoFactory(event=event)
    Document.objects.create(title="Note", event=event, url="https://example.org/note")
    return {model: list(model.objects.all()[:3]) for model in [*MODELS]}


def fields_of(model):
    skipped = {"id", "version", "created_at", "updated_at"}
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and field.name not in skipped
    ]


def assert_clean_answers_on_fields(obj):
    problem = None
    try:
        obj.full_clean()
    except ValidationError as error:
        problem = error
    if problem is None:
        return
    assert hasattr(problem, "error_dict"), f"message without a field: {problem.messages}"
    assert NON_FIELD_ERRORS not in problem.message_dict, problem.message_dict
    for messages in problem.message_dict.values():
        assert messages
        assert all(str(message).strip() for message in messages)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_clean_never_raises_anything_but_a_validation_error_on_a_field(model, related, data):
    start_from_saved = data.draw(st.booleans(), label="change an existing row")
    if start_from_saved and related[model]:
        obj = copy.deepcopy(data.draw(st.sampled_from(related[model]), label="row"))
    else:
        obj = model()
    fields = fields_of(model)
    chosen = data.draw(st.lists(st.sampled_from(fields), unique=True), label="fields")
    for field in chosen:
        strategy = value_strategy(field, related)
        if strategy is None:
            continue
        value = data.draw(strategy, label=field.name)
        setattr(
            obj, field.attname if not isinstance(field, models.ForeignKey) else field.name, value
        )
    assert_clean_answers_on_fields(obj)


FORM_VALUES = st.one_of(
    TEXT,
    st.sampled_from(["2018-10-08", "99999-01-01", "10:00", "25:61", "1", "-1", "1e309", "on"]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.__name__)
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_admin_forms_answer_any_input_with_messages(model, related, rf, data):
    """What a browser can post to the admin add and change forms: any strings at all."""
    from django.contrib import admin

    from tests.factories import UserFactory

    request = rf.post("/")
    request.user = UserFactory(username="formtester", is_staff=True, is_superuser=True)
    model_admin = admin.site._registry[model]
    instance = data.draw(st.sampled_from([None, *related[model]]), label="instance")
    form_class = model_admin.get_form(request, instance, change=instance is not None)
    names = list(form_class.base_fields)
    chosen = data.draw(st.lists(st.sampled_from(names), unique=True), label="fields")
    values = {name: data.draw(FORM_VALUES, label=name) for name in chosen}
    form = form_class(data=values, instance=copy.deepcopy(instance))
    form.is_valid()
    for field, messages in form.errors.items():
        assert field in form.fields or field == NON_FIELD_ERRORS
        assert all(str(message).strip() for message in messages)
