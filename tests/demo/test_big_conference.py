import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Q

from conference.enums import EventStatus
from conference.models import Day, Event
from documents.models import Document
from programme.enums import SlotKind
from programme.models import Appearance, Role, Slot
from speakers.enums import Gender
from speakers.models import Organisation, Person

ARABIC = re.compile(r"[\u0600-\u06FF]")


def make_big_conference(*args):
    out = StringIO()
    call_command("make_big_conference", *args, stdout=out)
    return out.getvalue()


def programme_snapshot(slug):
    """What a reader of the programme sees, in programme order, with the documents."""
    appearances = (
        Appearance.objects.filter(slot__day__event__slug=slug)
        .select_related("slot__day", "person", "role", "organisation")
        .order_by("slot__day__date", "slot__order", "order")
    )
    lines = [
        (
            str(a.slot.day.date),
            str(a.slot.start_time),
            a.slot.room,
            a.slot.heading,
            a.role.name,
            a.honorific,
            a.person.full_name,
            a.person.slug,
            a.printed_designation,
            a.person.gender,
        )
        for a in appearances
    ]
    documents = Document.objects.filter(
        Q(event__slug=slug)
        | Q(slot__day__event__slug=slug)
        | Q(appearance__slot__day__event__slug=slug)
    ).order_by("url", "title", "kind", "pk")
    lines += [(d.url, d.title, d.kind, d.language, d.is_public) for d in documents]
    return lines


@pytest.mark.django_db
def test_big_conference_has_the_figures_of_the_issue():
    output = make_big_conference("--slug", "big-conference")

    assert (
        "5 days, 120 slots, 800 appearances of 400 people from 150 organisations, "
        "1,500 documents" in output
    )
    event = Event.objects.published().get(slug="big-conference")
    assert event.status == EventStatus.PUBLISHED
    assert Day.objects.filter(event=event).count() == 5
    slots = Slot.objects.filter(day__event=event)
    assert slots.count() == 120
    assert slots.filter(kind=SlotKind.BREAK).count() == 15
    assert not slots.filter(kind=SlotKind.BREAK, appearances__isnull=False).exists()
    appearances = Appearance.objects.filter(slot__day__event=event)
    assert appearances.count() == 800
    assert appearances.values("person").distinct().count() == 400
    assert appearances.values("person__organisation").distinct().count() == 150
    documents = Document.objects.filter(
        Q(event=event) | Q(slot__day__event=event) | Q(appearance__slot__day__event=event)
    )
    assert documents.count() == 1500
    assert not documents.exclude(file="").exists()
    assert not documents.filter(url="").exists()
    assert documents.filter(is_public=False).count() > 0
    assert Document.objects.public().filter(pk__in=documents).count() == (
        documents.filter(is_public=True).count()
    )


@pytest.mark.django_db
def test_big_conference_reads_like_a_real_programme():
    make_big_conference()
    event = Event.objects.get(slug="big-conference")
    people = Person.objects.filter(appearances__slot__day__event=event).distinct()
    names = [person.full_name for person in people]

    assert any(ARABIC.search(name) for name in names)
    assert any(c in "".join(names) for c in "éñçøüł")
    assert {person.gender for person in people} == set(Gender.values)
    assert all(re.fullmatch(r"[a-z0-9-]+-\d{3}", person.slug) for person in people)
    roles = set(
        Appearance.objects.filter(slot__day__event=event).values_list("role__name", flat=True)
    )
    assert {"Moderator", "Chair", "Speaker", "Keynote speaker"} <= roles
    moderated = Slot.objects.filter(
        day__event=event, kind=SlotKind.PANEL, appearances__role__name="Moderator"
    )
    assert (
        moderated.distinct().count()
        == Slot.objects.filter(day__event=event, kind=SlotKind.PANEL).count()
    )
    categories = set(
        Organisation.objects.filter(people__in=people).values_list("category", flat=True)
    )
    assert {"government", "un", "igo", "civil-society", "academia"} <= categories
    first = Day.objects.filter(event=event).order_by("date").first()
    assert (first.label_en, first.label_fr, first.label_es) == (
        "DAY ONE",
        "PREMIER JOUR",
        "PRIMER DÍA",
    )
    # Each person's document carries their name, as on the demo programme.
    document = Document.objects.filter(appearance__slot__day__event=event).first()
    assert document.appearance.person.full_name in document.title


@pytest.mark.django_db
def test_running_twice_rebuilds_the_same_programme_without_duplicates():
    make_big_conference()
    event = Event.objects.get(slug="big-conference")
    first = programme_snapshot("big-conference")
    totals = (Person.objects.count(), Organisation.objects.count(), Document.objects.count())

    output = make_big_conference()

    assert "800 appearances of 400 people" in output
    assert programme_snapshot("big-conference") == first
    assert (Person.objects.count(), Organisation.objects.count(), Document.objects.count()) == (
        totals
    )
    rebuilt = Event.objects.get(slug="big-conference")
    assert rebuilt.pk == event.pk
    assert rebuilt.version == event.version + 1


@pytest.mark.django_db
def test_another_seed_gives_other_people():
    make_big_conference("--slug", "big-conference")
    make_big_conference("--slug", "other-conference", "--seed", "7")

    assert programme_snapshot("big-conference") != programme_snapshot("other-conference")
    assert Appearance.objects.filter(slot__day__event__slug="other-conference").count() == 800


@pytest.mark.django_db
def test_the_demo_programme_is_left_as_it_was():
    call_command("load_demo", stdout=StringIO())
    demo = "idm-2018-second-session"
    before = programme_snapshot(demo)
    organisations = list(Organisation.objects.order_by("pk").values_list("pk", "name", "category"))

    make_big_conference()

    assert programme_snapshot(demo) == before
    assert (
        list(
            Organisation.objects.filter(pk__in=[pk for pk, *_ in organisations])
            .order_by("pk")
            .values_list("pk", "name", "category")
        )
        == organisations
    )
    assert Organisation.objects.count() == len(organisations) + 150
    repeated = Person.objects.values("slug").annotate(rows=Count("pk")).filter(rows__gt=1).exists()
    assert not repeated


@pytest.mark.django_db
def test_missing_roles_are_reported_in_words():
    Role.objects.filter(name="Keynote speaker").delete()

    with pytest.raises(
        CommandError,
        match=re.escape("These roles are missing: Keynote speaker. Run `manage.py migrate`"),
    ):
        make_big_conference()
    assert not Event.objects.filter(slug="big-conference").exists()


@pytest.mark.django_db
def test_a_real_event_with_the_same_slug_is_never_overwritten():
    call_command("load_demo", stdout=StringIO())
    demo = "idm-2018-second-session"
    before = programme_snapshot(demo)

    with pytest.raises(CommandError, match="was not made by this command; it is left as it is"):
        make_big_conference("--slug", demo)

    assert programme_snapshot(demo) == before
    assert Event.objects.get(slug=demo).title == "International Dialogue on Migration 2018"


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["Big Conference", "big/conference", ""])
def test_a_slug_that_cannot_be_an_address_is_refused(slug):
    with pytest.raises(CommandError, match="cannot be an event's address"):
        make_big_conference("--slug", slug)
    assert not Event.objects.exists()
