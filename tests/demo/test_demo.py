"""The demo programme (IDM 2018, second session) and the data migrations."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from conference.models import Day, Event
from documents.models import Document, Photo
from programme.change_models import ChangeEntry
from programme.importer import parse_text
from programme.models import Appearance, Role, Slot
from speakers.enums import Gender
from speakers.models import Organisation, Person
from tests.programme.seed import seed_text

pytestmark = pytest.mark.django_db

SLUG = "idm-2018-second-session"


def figures():
    event = Event.objects.get(slug=SLUG)
    appearances = Appearance.objects.filter(slot__day__event=event)
    return {
        "days": Day.objects.filter(event=event).count(),
        "slots": Slot.objects.filter(day__event=event).count(),
        "appearances": appearances.count(),
        "people": appearances.values("person").distinct().count(),
        "documents": Document.objects.filter(appearance__slot__day__event=event).count(),
        "photos": Photo.objects.filter(event=event).count(),
        "organisations": Organisation.objects.count(),
        "all people": Person.objects.count(),
    }


@pytest.fixture
def demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Event.objects.get(slug=SLUG)


def test_demo_has_the_seed_figures(demo):
    assert demo.is_published
    assert demo.series.name == "International Dialogue on Migration"
    result = figures()
    assert result["days"] == 2
    assert result["slots"] == 12
    assert result["appearances"] == 38
    assert result["people"] == 36
    assert result["documents"] == 43
    assert result["photos"] == 3


def test_loading_the_demo_twice_changes_nothing(demo):
    before = figures()
    files = sorted(Document.objects.values_list("file", flat=True))
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert figures() == before
    assert sorted(Document.objects.values_list("file", flat=True)) == files


def test_loading_the_demo_tells_visitors_of_no_change(demo):
    # The demo is published before its documents are added, and may be loaded again.
    call_command("load_demo")
    assert not ChangeEntry.objects.exists()


def test_demo_days_and_slots_are_as_printed(demo):
    days = list(demo.days.order_by("date").values_list("label", "date"))
    assert [(label, date.isoformat()) for label, date in days] == [
        ("DAY ONE", "2018-10-08"),
        ("DAY TWO", "2018-10-09"),
    ]
    slots = [
        (f"{s.start_time:%H:%M}-{s.end_time:%H:%M}", s.heading, s.kind, bool(s.video_url))
        for s in Slot.objects.filter(day__event=demo).order_by("day__date", "order")
    ]
    assert slots[0] == ("10:00-11:00", "Opening Session", "opening", True)
    assert slots[2][1] == (
        "Session 1: Advancing migration governance: global capacity development frameworks "
        "and processes"
    )
    assert slots[3] == ("13:00-15:00", "Break", "break", False)
    assert slots[6] == ("10:00-11:00", "Migrant’s Voice Session", "special", True)
    assert slots[10][0] == "16:00-17:30"
    assert slots[11] == ("17:30-18:00", "Closing remarks", "closing", False)


def test_designation_belongs_to_the_appearance(demo):
    samri = Person.objects.get(family_names="Samri")
    printed = list(
        samri.appearances.order_by("slot__day__date").values_list(
            "role__name", "designation", "honorific"
        )
    )
    assert printed == [
        ("Speaker", "Head of the Governing Bodies Division, IOM", "Mr."),
        ("Presenter", "Head, Governing Bodies Division, IOM", ""),
    ]


def test_slot_4_lists_introduction_and_moderator_before_the_speakers(demo):
    from programme.queries import appearances_in_printed_order

    slot = Slot.objects.get(day__event=demo, number=4)
    lines = [
        (p.role.name, p.person.full_name, [d.kind for d in p.documents.all()])
        for p in appearances_in_printed_order().filter(slot=slot)
    ]
    assert lines == [
        ("Introduction to the panel discussion", "Cécile Riallant", ["remarks", "presentation"]),
        ("Moderator", "Susan F. Martin", ["remarks"]),
        ("Speaker", "Pablo César García Sáenz", ["remarks"]),
        ("Speaker", "Marden de Melo Barboza", ["remarks", "presentation"]),
        ("Speaker", "Ken Okaniwa", ["presentation"]),
        ("Speaker", "Sima Gatea", ["presentation", "remarks"]),
    ]


def test_genders_are_recorded_only_where_the_seed_prints_mr_or_ms(demo):
    genders = dict(Person.objects.values_list("family_names", "gender"))
    assert {name: genders[name] for name in ("Eguiguren", "Samri", "Martin")} == {
        "Eguiguren": Gender.MALE,
        "Samri": Gender.MALE,
        "Martin": Gender.FEMALE,
    }
    # Everyone else is printed without Mr. or Ms.: nothing is guessed for them.
    assert sorted(set(genders.values())) == ["", "female", "male"]
    assert list(genders.values()).count(Gender.NOT_RECORDED) == 33


def test_demo_documents_are_small_pdfs_saying_they_are_placeholders(demo):
    document = Document.objects.get(appearance__person__family_names="Vitorino")
    assert document.kind == "opening-remarks"
    content = document.file.read()
    assert content.startswith(b"%PDF-1.4")
    assert b"DEMO PLACEHOLDER" in content
    assert document.file_size == len(content)


def test_demo_videos_point_to_example_org(demo):
    videos = Slot.objects.filter(day__event=demo).exclude(video_url="")
    assert videos.count() == 9
    assert all(
        url.startswith("https://video.example.org/")
        for url in videos.values_list("video_url", flat=True)
    )


def test_roles_migration_seeds_the_printed_roles():
    assert set(Role.objects.values_list("name", flat=True)) >= {
        "Moderator",
        "Presenter",
        "Introduction to the panel discussion",
        "Chair",
        "Keynote speaker",
        "Rapporteur",
        "Speaker",
    }


def test_groups_migration_gives_editors_changes_and_viewers_only_views():
    editors = set(
        Group.objects.get(name="Secretariat editors").permissions.values_list("codename", flat=True)
    )
    viewers = set(
        Group.objects.get(name="Secretariat viewers").permissions.values_list("codename", flat=True)
    )
    for model in (
        "event",
        "day",
        "slot",
        "appearance",
        "person",
        "organisation",
        "document",
        "photo",
    ):
        assert {f"add_{model}", f"change_{model}", f"delete_{model}", f"view_{model}"} <= editors
        assert f"view_{model}" in viewers
    assert all(codename.startswith("view_") for codename in viewers)
    assert "add_user" not in editors


def test_ensure_staff_login_prints_a_generated_password_once(capsys):
    from django.contrib.auth import get_user_model

    call_command("ensure_staff_login")
    first = capsys.readouterr().out
    password = first.split("password:")[1].split()[0]
    user = get_user_model().objects.get(username="secretariat")
    assert user.is_staff
    assert user.check_password(password)
    assert len(password) >= 12
    call_command("ensure_staff_login")
    second = capsys.readouterr().out
    assert "already exists" in second
    assert password not in second


def test_the_demo_is_the_seed_text_imported(demo):
    """One copy of the seed: load_demo imports demo/data's text, line by line as printed."""
    parsed = parse_text(seed_text())
    printed = [
        (slot["title"], line["name"], line["designation"])
        for day in parsed["days"]
        for slot in day["sessions"]
        for line in slot["people"]
    ]
    appearances = Appearance.objects.filter(slot__day__event=demo).order_by(
        "slot__day__date", "slot__order", "order"
    )
    assert [(a.slot.title, a.person.full_name, a.designation) for a in appearances] == printed
    assert demo.description.startswith("Building on discussions held during the first session")
    assert demo.description.endswith("scheduled in Marrakech, Morocco on 10 and 11 December 2018.")
