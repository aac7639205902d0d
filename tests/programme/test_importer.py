"""The importer writes a parsed programme (the parser's dictionary) into an event."""

import copy
import datetime

import pytest

from conference.models import Day, Event
from documents.enums import DocumentKind
from documents.models import Document
from programme.importer import (
    ProgrammeImportError,
    build_plan,
    import_programme,
)
from programme.models import Appearance, Role, Slot
from speakers.models import Organisation, Person
from speakers.names import normalise_name
from tests.factories import EventFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def person(name, designation="", role="Speaker", honorific="", documents=()):
    return {
        "role": role,
        "honorific": honorific,
        "name": name,
        "designation": designation,
        "documents": list(documents),
    }


def slot(title, start, end, people=(), kind="panel", number=None, video=False, documents=()):
    return {
        "start": start,
        "end": end,
        "number": number,
        "title": title,
        "kind": kind,
        "video": video,
        "documents": list(documents),
        "people": list(people),
    }


PROGRAMME = {
    "intro": ["First paragraph of the introduction.", "Second paragraph."],
    "days": [
        {
            "date": "2018-10-08",
            "label": "DAY ONE",
            "sessions": [
                slot(
                    "Opening Session",
                    "10:00",
                    "11:00",
                    kind="opening",
                    video=True,
                    people=[
                        person(
                            "António Vitorino",
                            "Director General, International Organization for Migration",
                            documents=["Opening remarks"],
                        ),
                        person(
                            "Juan Eduardo Eguiguren",
                            "Permanent Representative of Chile, Chairperson of the Council "
                            "Bureau of IOM",
                            honorific="Mr.",
                            documents=["Remarks"],
                        ),
                    ],
                ),
                slot("Break", "11:00", "11:30", kind="break"),
                slot(
                    "Advancing migration governance",
                    "11:30",
                    "13:00",
                    number=1,
                    people=[
                        person(
                            "António Vitorino",
                            "Director General, International Organization for Migration",
                            role="Moderator",
                        ),
                        person(
                            "Zrinka Bralo",
                            "Chief Executive, Migrants Organise, United Kingdom",
                            documents=["Remarks", "Presentation"],
                        ),
                    ],
                ),
            ],
        },
        {
            "date": "2018-10-09",
            "label": "DAY TWO",
            "sessions": [
                slot(
                    "Migrant’s Voice Session",
                    "10:00",
                    "11:00",
                    kind="special",
                    people=[
                        person("Azzouz Samri", "Head, Governing Bodies Division, IOM", "Presenter"),
                        person(
                            "Ann Dao Sow",
                            "Chief Capacity Development Coordinator, African Development Bank, "
                            "Cote D’Ivoire",
                            role="Panellists",
                            documents=["Keynote address", "Video"],
                        ),
                    ],
                ),
            ],
        },
    ],
    "unplaced": [{"line": 40, "text": "Related documents"}],
}


def programme(**changes):
    data = copy.deepcopy(PROGRAMME)
    data.update(changes)
    return data


def test_a_new_event_is_created_as_a_draft_with_days_slots_people_and_documents():
    result = import_programme(programme(), "idm-2018-second-session")

    event = Event.objects.get(slug="idm-2018-second-session")
    assert result.event == event
    assert event.title == "Idm 2018 Second Session"
    assert not event.is_published
    assert (event.start_date, event.end_date) == (
        datetime.date(2018, 10, 8),
        datetime.date(2018, 10, 9),
    )
    assert event.description == "First paragraph of the introduction.\n\nSecond paragraph."
    assert [(day.date.isoformat(), day.label) for day in event.days.order_by("date")] == [
        ("2018-10-08", "DAY ONE"),
        ("2018-10-09", "DAY TWO"),
    ]
    slots = Slot.objects.filter(day__event=event).order_by("day__date", "order")
    assert [(s.start_time.strftime("%H:%M"), s.title, s.kind, s.number) for s in slots] == [
        ("10:00", "Opening Session", "opening", ""),
        ("11:00", "Break", "break", ""),
        ("11:30", "Advancing migration governance", "panel", "1"),
        ("10:00", "Migrant’s Voice Session", "special", ""),
    ]
    appearances = Appearance.objects.filter(slot__day__event=event)
    assert appearances.count() == 6
    assert Person.objects.count() == 5  # António Vitorino twice, one person
    assert result.created["appearances"] == 6
    assert result.created["documents"] == 6


def test_documents_await_their_file_with_kind_and_title_from_the_marker():
    import_programme(programme(), "idm")

    documents = Document.objects.order_by("appearance__slot__day__date", "pk")
    assert [(d.title, d.kind) for d in documents] == [
        ("Opening remarks – António Vitorino", DocumentKind.OPENING_REMARKS),
        ("Remarks – Juan Eduardo Eguiguren", DocumentKind.REMARKS),
        ("Remarks – Zrinka Bralo", DocumentKind.REMARKS),
        ("Presentation – Zrinka Bralo", DocumentKind.PRESENTATION),
        ("Keynote address – Ann Dao Sow", DocumentKind.KEYNOTE_ADDRESS),
        ("Video – Ann Dao Sow", DocumentKind.OTHER),
    ]
    for document in documents:
        assert document.is_placeholder
        assert document.is_public
        assert not document.file
        assert document.url == ""
    # Placeholders are never public: only staff see them until a file is added.
    assert not Document.objects.public().exists()


def test_markers_after_a_slot_become_documents_of_the_slot():
    data = programme()
    data["days"][0]["sessions"][2]["documents"] = ["Concept note", "Agenda"]
    import_programme(data, "idm")
    import_programme(data, "idm")

    slot = Slot.objects.get(title_en="Advancing migration governance")
    assert [(d.title, d.kind) for d in slot.documents.order_by("order")] == [
        ("Concept note – Advancing migration governance", DocumentKind.CONCEPT_NOTE),
        ("Agenda – Advancing migration governance", DocumentKind.AGENDA),
    ]
    assert all(document.is_placeholder for document in slot.documents.all())


def test_video_of_the_slot_leaves_the_address_blank_and_the_plan_says_so():
    plan = build_plan(programme(), "idm")
    opening = plan.days[0].slots[0]
    assert opening.video_to_add
    assert not plan.days[0].slots[1].video_to_add

    import_programme(programme(), "idm")
    assert Slot.objects.get(title_en="Opening Session").video_url == ""


def test_importing_the_same_text_twice_changes_nothing():
    import_programme(programme(), "idm")
    counts = [
        model.objects.count()
        for model in (Event, Day, Slot, Appearance, Person, Organisation, Role, Document)
    ]

    result = import_programme(programme(), "idm")

    assert not result.changed
    assert counts == [
        model.objects.count()
        for model in (Event, Day, Slot, Appearance, Person, Organisation, Role, Document)
    ]
    plan = build_plan(programme(), "idm")
    assert plan.summary()["new_slots"] == 0
    assert plan.summary()["new_people"] == 0
    assert plan.summary()["new_documents"] == 0


def test_staff_corrections_survive_a_second_import():
    import_programme(programme(), "idm")
    opening = Slot.objects.get(title_en="Opening Session")
    opening.start_time = datetime.time(9, 30)
    opening.video_url = "https://video.example.org/opening"
    opening.save()
    vitorino = Person.objects.get(family_names="Vitorino")
    vitorino.position = "Director General of IOM"
    vitorino.save()

    import_programme(programme(), "idm")

    assert Slot.objects.filter(title_en="Opening Session").count() == 1
    opening.refresh_from_db()
    assert opening.start_time == datetime.time(9, 30)
    assert opening.video_url == "https://video.example.org/opening"
    vitorino.refresh_from_db()
    assert vitorino.position == "Director General of IOM"
    assert not build_plan(programme(), "idm").days[0].slots[0].video_to_add


def test_people_are_matched_regardless_of_case_accents_and_spacing():
    existing = PersonFactory(given_names="António", family_names="Vitorino")
    data = programme()
    data["days"][0]["sessions"][0]["people"][0]["name"] = "Antonio\u00a0 VITORINO"

    plan = build_plan(data, "idm")
    line = plan.days[0].slots[0].people[0]
    assert not line.person_is_new
    assert line.person_id == existing.pk

    import_programme(data, "idm")
    assert Person.objects.filter(family_names__iexact="vitorino").count() == 1
    appearance = Appearance.objects.get(person=existing, role__name="Speaker")
    assert appearance.designation == "Director General, International Organization for Migration"


def test_the_plan_marks_new_people_and_the_same_new_person_met_again():
    plan = build_plan(programme(), "idm")
    lines = plan.appearances
    assert [(line.name, line.person_is_new, line.first_seen) for line in lines] == [
        ("António Vitorino", True, True),
        ("Juan Eduardo Eguiguren", True, True),
        ("António Vitorino", True, False),
        ("Zrinka Bralo", True, True),
        ("Azzouz Samri", True, True),
        ("Ann Dao Sow", True, True),
    ]
    assert plan.summary()["people"] == 5


def test_building_the_plan_writes_nothing():
    build_plan(programme(), "idm")
    assert not Event.objects.exists()
    assert not Person.objects.exists()
    assert not Organisation.objects.exists()
    assert Role.objects.filter(label_en="Panellists").count() == 0


def test_organisations_are_matched_by_name_or_acronym_and_the_printed_line_is_kept():
    iom = OrganisationFactory(name="International Organization for Migration", acronym="IOM")
    import_programme(programme(), "idm")

    samri = Appearance.objects.get(person__family_names="Samri")
    assert samri.organisation == iom
    assert samri.position == "Head, Governing Bodies Division"
    assert samri.designation == "Head, Governing Bodies Division, IOM"
    vitorino = Appearance.objects.filter(person__family_names="Vitorino").first()
    assert vitorino.organisation == iom
    assert Organisation.objects.filter(acronym="IOM").count() == 1


def test_designations_split_into_position_organisation_and_country_conservatively():
    import_programme(programme(), "idm")

    bralo = Appearance.objects.get(person__family_names="Bralo")
    assert (bralo.position, bralo.organisation.name, bralo.country.code) == (
        "Chief Executive",
        "Migrants Organise",
        "GB",
    )
    assert bralo.designation == "Chief Executive, Migrants Organise, United Kingdom"
    assert bralo.printed_designation == "Chief Executive, Migrants Organise, United Kingdom"
    sow = Appearance.objects.get(person__family_names="Sow")
    assert sow.country.code == "CI"
    assert sow.organisation.name == "African Development Bank"
    # “…, Chairperson of the Council Bureau of IOM” is a second position, not an organisation.
    eguiguren = Appearance.objects.get(person__family_names="Eguiguren")
    assert eguiguren.organisation is None
    assert eguiguren.designation.endswith("Chairperson of the Council Bureau of IOM")
    new_person = Person.objects.get(family_names="Bralo")
    assert new_person.organisation.name == "Migrants Organise"
    assert new_person.country.code == "GB"
    assert new_person.position == "Chief Executive"


def test_roles_are_matched_by_label_and_unknown_labels_become_new_roles():
    data = programme()
    data["days"][1]["sessions"][0]["people"].append(person("Laura Thompson", role="Moderated by"))
    data["days"][1]["sessions"][0]["people"].append(person("Ola Henrikson", role="Speakers"))
    import_programme(data, "idm")

    roles = dict(
        Appearance.objects.filter(slot__title_en="Migrant’s Voice Session").values_list(
            "person__family_names", "role__name"
        )
    )
    assert roles == {
        "Samri": "Presenter",
        "Sow": "Panellists",
        "Thompson": "Moderator",
        "Henrikson": "Speaker",
    }
    panellists = Role.objects.get(name="Panellists")
    assert panellists.label == "Panellists"
    assert Role.objects.filter(name="Speaker").count() == 1


def test_the_same_person_twice_in_one_role_in_one_slot_is_one_appearance():
    data = programme()
    people = data["days"][0]["sessions"][2]["people"]
    people.append(
        person("Zrinka Bralo", "Chief Executive, Migrants Organise", documents=["Report"])
    )
    plan = build_plan(data, "idm")
    assert any("listed twice" in note for note in plan.days[0].slots[2].notes)

    import_programme(data, "idm")

    appearance = Appearance.objects.get(person__family_names="Bralo")
    assert sorted(appearance.documents.values_list("kind", flat=True)) == [
        "presentation",
        "remarks",
        "report",
    ]


def test_an_existing_event_keeps_its_introduction_and_widens_its_dates():
    event = EventFactory(
        slug="idm",
        description="Our own introduction.",
        start_date=datetime.date(2018, 10, 8),
        end_date=datetime.date(2018, 10, 8),
    )
    plan = build_plan(programme(), "idm")
    assert not plan.event_is_new
    assert any("introduction" in note for note in plan.notes)
    assert any("widened" in note for note in plan.notes)

    import_programme(programme(), "idm")

    event.refresh_from_db()
    assert event.description == "Our own introduction."
    assert event.end_date == datetime.date(2018, 10, 9)
    assert event.days.count() == 2


def test_nothing_is_written_when_a_write_fails_half_way(monkeypatch):
    manager = type(Document.objects)
    original = manager.bulk_create

    def failing_bulk_create(self, objs, *args, **kwargs):
        if self.model is Document:  # the last insert: slots and people are written by then
            raise RuntimeError("disk full")
        return original(self, objs, *args, **kwargs)

    monkeypatch.setattr(manager, "bulk_create", failing_bulk_create)
    with pytest.raises(RuntimeError):
        import_programme(programme(), "idm")

    assert not Event.objects.exists()
    assert not Slot.objects.exists()
    assert not Person.objects.exists()
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("day", "change", "message"),
    [
        (1, {"date": "2018-02-30"}, "Day 2 has a date that is not a date"),
        (0, {"date": None}, "Day 1 of the programme has no date"),
    ],
)
def test_bad_days_are_refused_with_a_message_and_nothing_is_written(day, change, message):
    data = programme()
    data["days"][day].update(change)
    with pytest.raises(ProgrammeImportError, match=message):
        import_programme(data, "idm")
    assert not Event.objects.exists()


def test_a_day_without_date_after_a_dated_one_is_the_next_day():
    data = programme()
    data["days"][1]["date"] = None
    plan = build_plan(data, "idm")
    assert plan.days[1].date == datetime.date(2018, 10, 9)
    assert "Day 2 has no date: it is taken to be the next day, 2018-10-09." in plan.notes


def test_a_bad_time_is_refused_with_the_slot_title():
    data = programme()
    data["days"][0]["sessions"][1]["start"] = "25:99"
    with pytest.raises(ProgrammeImportError, match="start time of “Break”"):
        import_programme(data, "idm")
    assert not Event.objects.exists()


@pytest.mark.parametrize("slug", ["", "not a slug", "événement"])
def test_a_bad_event_slug_is_refused(slug):
    with pytest.raises(ProgrammeImportError):
        import_programme(programme(), slug)
    assert not Event.objects.exists()


def test_a_text_without_days_is_refused_for_a_new_event():
    with pytest.raises(ProgrammeImportError, match="nothing to import"):
        import_programme({"intro": ["Only words."], "days": [], "unplaced": []}, "idm")


def test_a_day_without_date_goes_on_the_existing_event_s_days():
    EventFactory(slug="idm", start_date=datetime.date(2018, 10, 8))
    data = programme()
    data["days"][0]["date"] = None
    import_programme(data, "idm")
    assert Slot.objects.get(title_en="Opening Session").day.date == datetime.date(2018, 10, 8)


def test_a_slot_without_start_time_follows_the_previous_one_and_is_noted():
    data = programme()
    data["days"][0]["sessions"][1]["start"] = None
    data["days"][0]["sessions"][1]["end"] = None
    plan = build_plan(data, "idm")
    assert plan.days[0].slots[1].start == datetime.time(11, 0)
    assert "No start time printed" in plan.days[0].slots[1].notes[0]


def test_an_end_before_the_start_is_left_blank():
    data = programme()
    data["days"][0]["sessions"][1]["end"] = "10:30"
    import_programme(data, "idm")
    assert Slot.objects.get(title_en="Break").end_time is None


def test_unplaced_lines_are_in_the_plan():
    plan = build_plan(programme(), "idm")
    assert plan.unplaced == [{"line": 40, "text": "Related documents"}]
    assert plan.summary()["unplaced"] == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("António Vitorino", "Antonio Vitorino"),
        ("António Vitorino", "  ANTONIO   vitorino "),
        ("Jürg Lauber", "Jurg Lauber"),
        ("Tomas Boček", "Tomas Bocek"),
        ("Deogratius J. Dotto", "Deogratius J Dotto"),
        ("Jean-Pierre Dupont", "Jean Pierre Dupont"),
        ("Søren Kierkegaard", "Soren Kierkegaard"),
        ("Cécile\u00a0Riallant", "Cecile Riallant"),
        ("Director0\x0f0", "Director00"),
        ("Ann\u200b Dao Sow", "Ann Dao Sow"),
    ],
)
def test_normalise_name_ignores_case_accents_punctuation_and_spacing(one, other):
    assert normalise_name(one) == normalise_name(other)


def test_normalise_name_tells_different_people_apart():
    assert normalise_name("Ann Dao Sow") != normalise_name("Ann Dao")
