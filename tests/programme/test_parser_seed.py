"""The programme text parser on the IDM 2018 seed page: every line placed, as printed."""

import datetime as dt
import json

import pytest

from programme.parser import ParsedProgramme, parse_programme, split_lines
from tests.programme.parsing import all_people, people_of, slots_of
from tests.programme.seed import seed_text

SEED = seed_text()


@pytest.fixture(scope="module")
def seed() -> ParsedProgramme:
    return parse_programme(SEED)


# --- The seed page -----------------------------------------------------------


def test_seed_intro_is_the_three_paragraphs_before_day_one(seed):
    assert [paragraph.lines for paragraph in seed.intro] == [[1], [3], [5]]
    assert seed.intro[0].text.startswith("Building on discussions held during the first session")
    assert seed.intro[1].text.endswith("diaspora representatives, and the private sector.")
    assert seed.intro[2].text.endswith(
        "scheduled in Marrakech, Morocco on 10 and 11 December 2018."
    )


def test_seed_has_two_dated_days(seed):
    assert [(day.label, day.date, day.lines) for day in seed.days] == [
        ("DAY ONE", dt.date(2018, 10, 8), [8]),
        ("DAY TWO", dt.date(2018, 10, 9), [53]),
    ]


def test_seed_slots_keep_printed_times_titles_and_order(seed):
    slots = [
        [(s.start, s.end, s.number, s.title, s.kind, s.video) for s in day.slots]
        for day in seed.days
    ]
    t = dt.time
    assert slots == [
        [
            (t(10), t(11), None, "Opening Session", "opening", True),
            (t(11), t(11, 30), None, "Setting the scene", "scene-setting", True),
            (
                t(11, 30),
                t(13),
                1,
                "Advancing migration governance: global capacity development frameworks and "
                "processes",
                "panel",
                True,
            ),
            (t(13), t(15), None, "Break", "break", False),
            (
                t(15),
                t(16, 30),
                2,
                "Coordinating United Nations support for capacity development on migration",
                "panel",
                True,
            ),
            (
                t(16, 30),
                t(18),
                3,
                "Partnership frameworks for developing capacity on migration: a regional "
                "perspective",
                "panel",
                True,
            ),
        ],
        [
            (t(10), t(11), None, "Migrant’s Voice Session", "special", True),
            (
                t(11),
                t(13),
                4,
                "Assessing the capacity development needs of national actors and promoting "
                "solutions",
                "panel",
                True,
            ),
            (t(13), t(15), None, "Break", "break", False),
            (t(15), t(16), 5, "Measuring the impact of capacity development", "panel", True),
            (
                t(16),
                t(17, 30),
                6,
                "Meeting funding needs for capacity development on migration",
                "panel",
                True,
            ),
            (t(17, 30), t(18), None, "Closing remarks", "closing", False),
        ],
    ]


def test_seed_counts_people_and_documents(seed):
    slots = slots_of(seed)
    assert [len(slot.people) for slot in slots] == [3, 1, 5, 0, 5, 6, 4, 6, 0, 4, 4, 0]
    assert len(all_people(seed)) == 38
    assert sum(len(documents) for *_, documents in all_people(seed)) == 43
    assert all(slot.documents == [] for slot in slots)


def test_seed_roles_follow_labels_and_plain_lists(seed):
    roles = [[person.role for person in slot.people] for slot in slots_of(seed)]
    speaker = "Speaker"
    assert roles == [
        [speaker] * 3,
        [speaker],
        ["Moderator"] + [speaker] * 4,
        [],
        ["Moderator"] + [speaker] * 4,
        ["Moderator"] + [speaker] * 5,
        ["Presenter"] + [speaker] * 3,
        ["Introduction to the panel discussion", "Moderator"] + [speaker] * 4,
        [],
        ["Moderator"] + [speaker] * 3,
        ["Moderator"] + [speaker] * 3,
        [],
    ]


@pytest.mark.parametrize(
    ("line", "person"),
    [
        (
            12,
            (
                "Speaker",
                "",
                "António Vitorino",
                "Director General, International Organization for Migration",
                ["Opening remarks"],
            ),
        ),
        (
            14,
            (
                "Speaker",
                "Mr.",
                "Juan Eduardo Eguiguren",
                "Permanent Representative of Chile to the United Nations and other international "
                "organizations in Geneva, Chairperson of the Council Bureau of IOM",
                ["Remarks"],
            ),
        ),
        (
            22,
            (
                "Moderator",
                "",
                "António Vitorino",
                "Director General, International Organization for Migration",
                [],
            ),
        ),
        (
            28,
            (
                "Speaker",
                "",
                "Ambet Yuson",
                "General Secretary, Building and Wood Workers’ International",
                ["Remarks"],
            ),
        ),
        (
            34,
            (
                "Moderator",
                "",
                "El Habib Nadir",
                "Secretary General of the Ministry Delegate to the Minister of Foreign Affairs in "
                "charge of Moroccans Living Abroad and Migration Affairs, GFMD Co-Chair",
                ["Remarks"],
            ),
        ),
        (
            39,
            (
                "Speaker",
                "",
                "Sikander Khan",
                "Director, Geneva Office of Emergency Programmes (EMOPS), UNICEF",
                ["Remarks"],
            ),
        ),
        (
            40,
            (
                "Speaker",
                "",
                "Roula Hamati",
                "Representative of the Working Group on Global Compact for Migration "
                "implementation, Coordinator of the Cross-Regional Center for Refugees and "
                "Migrants (CCRM)",
                ["Remarks"],
            ),
        ),
        (
            51,
            (
                "Speaker",
                "",
                "Linda Ristagno",
                "Manager of External Affairs, International Air Transport Association",
                ["Remarks", "Presentation"],
            ),
        ),
        (
            57,
            ("Presenter", "", "Azzouz Samri", "Head, Governing Bodies Division, IOM", []),
        ),
        (
            60,
            (
                "Speaker",
                "",
                "Djibril Diallo",
                "President and CEO, African Renaissance and Diaspora Network (ARDN)",
                ["Remarks"],
            ),
        ),
        (
            66,
            (
                "Introduction to the panel discussion",
                "",
                "Cécile Riallant",
                "Senior Migration and Development Specialist, IOM",
                ["Remarks", "Presentation"],
            ),
        ),
        (
            68,
            (
                "Moderator",
                "Ms.",
                "Susan F. Martin",
                "Donald G. Herzberg Professor Emerita of International Migration, Georgetown "
                "University",
                ["Remarks"],
            ),
        ),
        (
            74,
            (
                "Speaker",
                "",
                "Sima Gatea",
                "Co-Founder, SINGA Deutschland",
                ["Presentation", "Remarks"],
            ),
        ),
    ],
)
def test_seed_person_as_printed_on_line(seed, line, person):
    [slot] = [s for s in slots_of(seed) if any(p.lines == [line] for p in s.people)]
    [index] = [i for i, p in enumerate(slot.people) if p.lines == [line]]
    assert people_of(slot)[index] == person


def test_seed_section_headings_at_the_end_are_placed_and_nothing_is_unplaced(seed):
    assert [(section.lines, section.text) for section in seed.sections] == [
        ([98], "Related documents"),
        ([99], "Event documents and photos"),
    ]
    assert seed.unplaced == []
    assert seed.to_dict()["unplaced"] == []


def test_seed_every_line_is_placed_or_reported_once(seed):
    placed = seed.placed_lines()
    unplaced = [line.line for line in seed.unplaced]
    for number, line in enumerate(split_lines(SEED), start=1):
        if line.strip():
            assert (number in placed) != (number in unplaced), (number, line)
        else:
            assert number not in placed, number
            assert number not in unplaced, number
    assert len(unplaced) == len(set(unplaced))


def test_seed_slot_lines_are_kept_for_the_admin_preview(seed):
    first_day = seed.days[0].slots
    assert [slot.lines for slot in first_day] == [[10], [16], [20], [30], [32], [42]]
    assert [person.lines for person in first_day[2].people] == [[22], [25], [26], [27], [28]]


def test_seed_to_dict_has_the_documented_shape(seed):
    data = json.loads(json.dumps(seed.to_dict()))
    assert set(data) == {"intro", "days", "unplaced"}
    day = data["days"][1]
    assert (day["date"], day["label"]) == ("2018-10-09", "DAY TWO")
    slot = day["sessions"][4]
    assert slot == {
        "start": "16:00",
        "end": "17:30",
        "number": 6,
        "title": "Meeting funding needs for capacity development on migration",
        "kind": "panel",
        "video": True,
        "documents": [],
        "people": slot["people"],
    }
    assert slot["people"][0] == {
        "role": "Moderator",
        "honorific": "",
        "name": "Laura Thompson",
        "designation": "Deputy Director General, IOM",
        "documents": ["Remarks"],
    }
    assert data["unplaced"] == []
