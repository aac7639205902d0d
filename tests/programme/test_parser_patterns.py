"""The programme text parser, one table per format it reads: times, days, titles, roles."""

import datetime as dt

import pytest

from programme.parser import parse_programme, split_lines
from tests.programme.parsing import all_people, only_slot, people_of, slots_of


@pytest.mark.parametrize(
    ("line", "start", "end"),
    [
        ("10:00-11:00 Opening", "10:00", "11:00"),
        ("10:00 – 11:00 Opening", "10:00", "11:00"),
        ("10:00—11:00 Opening", "10:00", "11:00"),
        ("10:00 to 11:00 Opening", "10:00", "11:00"),
        ("10:00to11:00 Opening", "10:00", "11:00"),
        ("10.00 - 11.00 Opening", "10:00", "11:00"),
        ("9:00-9:45 Opening", "09:00", "09:45"),
        ("10am-11am Opening", "10:00", "11:00"),
        ("10 a.m. – 11.30 a.m. Opening", "10:00", "11:30"),
        ("2:30 pm - 3:30 pm Opening", "14:30", "15:30"),
        ("2-3pm Opening", "14:00", "15:00"),
        ("11-1pm Opening", "11:00", "13:00"),
        ("12:00 pm - 1:00 pm Opening", "12:00", "13:00"),
        ("14h-15h15 Opening", "14:00", "15:15"),
        ("14h00 – 15h30 Opening", "14:00", "15:30"),
        ("10:00 - 11:00 hrs: Opening", "10:00", "11:00"),
        ("10:00 | Opening", "10:00", None),
        ("9.30 Opening", "09:30", None),
    ],
)
def test_slot_times(line, start, end):
    slot = only_slot(line).to_dict()
    assert (slot["start"], slot["end"], slot["title"]) == (start, end, "Opening")


@pytest.mark.parametrize(
    ("line", "timezone"),
    [
        ("10:00-11:00 (CET) Opening", "CET"),
        ("10:00-11:00 Opening (GMT+1)", "GMT+1"),
        ("10:00-11:00 (Geneva time) Opening (Video of the session)", "Geneva time"),
        ("10:00-11:00 Opening (UTC-05:00)", "UTC-05:00"),
    ],
)
def test_time_zone_in_brackets(line, timezone):
    slot = only_slot(line)
    assert (slot.timezone, slot.title, slot.start) == (timezone, "Opening", dt.time(10))


def test_time_alone_takes_the_title_on_the_next_line():
    slot = only_slot("10:00 – 11:00\n\nSession 2: Jobs (Video of the session)\n• Ms. A B, X")
    assert (slot.start, slot.end, slot.number, slot.title) == (
        dt.time(10),
        dt.time(11),
        2,
        "Jobs",
    )
    assert (slot.video, slot.lines, slot.people[0].name) == (True, [1, 3], "A B")


@pytest.mark.parametrize(
    "line",
    ["2030 Agenda for Sustainable Development", "8.10.2018 decision", "10 heads of state"],
)
def test_numbers_that_are_not_times_are_not_slots(line):
    parsed = parse_programme(f"10:00 Opening\n{line}")
    assert [unplaced.text for unplaced in parsed.unplaced] == [line]


# --- Day headings ------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "year", "date", "label"),
    [
        ("DAY ONE- 8 October 2018", None, "2018-10-08", "DAY ONE"),
        ("Day 1 – 11 October 2016", None, "2016-10-11", "Day 1"),
        ("Day One October 15th, 2020", None, "2020-10-15", "Day One"),
        ("Monday, 8 May 2017", None, "2017-05-08", "Monday"),
        ("8 October 2018", None, "2018-10-08", None),
        ("October 8, 2018", None, "2018-10-08", None),
        ("2018-10-08", None, "2018-10-08", None),
        ("Mon. 8 Oct. 2018", None, "2018-10-08", "Mon"),
        ("Lundi 8 octobre 2018", None, "2018-10-08", "Lundi"),
        ("Jour 1 – 8 octobre", 2018, "2018-10-08", "Jour 1"),
        ("Jeudi 1er février 2018", None, "2018-02-01", "Jeudi"),
        ("Lunes, 8 de octubre de 2018", None, "2018-10-08", "Lunes"),
        ("Día 2 – 9 de octubre", 2019, "2019-10-09", "Día 2"),
        ("DAY TWO", None, None, "DAY TWO"),
        ("Day 3 – 31 February 2018", None, None, "Day 3"),
    ],
)
def test_day_headings(heading, year, date, label):
    parsed = parse_programme(f"{heading}\n10:00 Opening", year)
    assert parsed.unplaced == []
    [day] = parsed.to_dict()["days"]
    assert (day["date"], day["label"], day["sessions"][0]["title"]) == (date, label, "Opening")


def test_year_missing_from_a_heading_comes_from_the_intro():
    parsed = parse_programme("IDM 2019, Geneva\n\nJour 1 – 8 octobre\n10:00 Opening")
    assert parsed.days[0].date == dt.date(2019, 10, 8)


def test_year_missing_from_a_heading_comes_from_the_heading_before():
    text = "Day 1 – 8 October 2018\n10:00 Opening\nDay 2 – 9 October\n10:00 Panel"
    parsed = parse_programme(text)
    assert [day.date for day in parsed.days] == [dt.date(2018, 10, 8), dt.date(2018, 10, 9)]


def test_letters_that_regex_case_folding_matches_are_read():
    parsed = parse_programme("Day 1 – 8 aprİl 2018\n10:00 Panel\nfacİlitated by Ann Lee, IOM")
    assert parsed.days[0].date == dt.date(2018, 4, 8)
    assert all_people(parsed) == [("Facilitator", "", "Ann Lee", "IOM", [])]


def test_slots_before_any_heading_go_to_an_undated_day():
    parsed = parse_programme("10:00 Opening\n11:00 Panel")
    assert [(day.date, day.label, len(day.slots)) for day in parsed.days] == [(None, None, 2)]


# --- Titles and kinds --------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "number", "printed", "kind"),
    [
        ("Opening Session", None, "Opening Session", "opening"),
        ("Setting the scene", None, "Setting the scene", "scene-setting"),
        ("Session 4: Assessing needs", 4, "Assessing needs", "panel"),
        ("Panel 2 – Jobs and skills", 2, "Jobs and skills", "panel"),
        ("Panel IV: Data", 4, "Data", "panel"),
        ("Session 3", 3, "Session 3", "panel"),
        ("High-level panel on youth", None, "High-level panel on youth", "panel"),
        ("Keynote address", None, "Keynote address", "keynote"),
        ("Youth Voice Session", None, "Youth Voice Session", "special"),
        ("Special session on Syria", None, "Special session on Syria", "special"),
        ("Coffee break", None, "Coffee break", "break"),
        ("Lunch", None, "Lunch", "break"),
        ("Registration of participants", None, "Registration of participants", "break"),
        ("Welcome reception", None, "Welcome reception", "break"),
        ("Closing remarks", None, "Closing remarks", "closing"),
        ("Migration and health", None, "Migration and health", "other"),
    ],
)
def test_titles_numbers_and_kinds(title, number, printed, kind):
    slot = only_slot(f"10:00 {title}")
    assert (slot.number, slot.title, slot.kind) == (number, printed, kind)


def test_slot_markers_other_than_video_are_slot_documents():
    slot = only_slot("10:00 Panel  1:  Jobs (Concept note) (Video of the session) (TBC)")
    assert (slot.number, slot.title) == (1, "Jobs (TBC)")
    assert (slot.video, slot.documents) == (True, ["Concept note"])


def test_breaks_are_slots_without_people():
    text = "09:00 Registration\n10:00 Coffee break\n12:30-14:00 Lunch\n18:00 Reception"
    parsed = parse_programme(text)
    assert [(s.title, s.kind, s.people) for s in slots_of(parsed)] == [
        ("Registration", "break", []),
        ("Coffee break", "break", []),
        ("Lunch", "break", []),
        ("Reception", "break", []),
    ]


# --- People ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "people"),
    [
        (
            ["Moderator: Ms. Ann Lee, Director, IOM"],
            [("Moderator", "Ms.", "Ann Lee", "Director, IOM", [])],
        ),
        (
            ["Moderated by Ann Lee, Director, IOM"],
            [("Moderator", "", "Ann Lee", "Director, IOM", [])],
        ),
        (["Chair: Dr Ann Lee, Rector"], [("Chair", "Dr", "Ann Lee", "Rector", [])]),
        (["Chaired by Ann Lee, Rector"], [("Chair", "", "Ann Lee", "Rector", [])]),
        (["Presenter: Ann Lee, Head, IOM"], [("Presenter", "", "Ann Lee", "Head, IOM", [])]),
        (
            ["Keynote speaker: Prof. Ann Lee, Oxford"],
            [("Keynote speaker", "Prof.", "Ann Lee", "Oxford", [])],
        ),
        (
            ["Opening statement: H.E. Ms. Ann Lee, Minister (Statement)"],
            [("Speaker", "H.E. Ms.", "Ann Lee", "Minister", ["Opening statement", "Statement"])],
        ),
        (
            ["Rapporteur: Ann Lee, Researcher"],
            [("Rapporteur", "", "Ann Lee", "Researcher", [])],
        ),
        (
            ["Moderator – Ann Lee, Director"],
            [("Moderator", "", "Ann Lee", "Director", [])],
        ),
        (
            ["Ms. Ann Lee, Director, IOM (Moderator) (Remarks)"],
            [("Moderator", "Ms.", "Ann Lee", "Director, IOM", ["Remarks"])],
        ),
        (
            ["Remarks by Ms. Ann Lee, Director, IOM"],
            [("Speaker", "Ms.", "Ann Lee", "Director, IOM", ["Remarks"])],
        ),
        (
            ["Opening remarks by H.E. Mr. Bo Li, Minister (Presentation)"],
            [("Speaker", "H.E. Mr.", "Bo Li", "Minister", ["Opening remarks", "Presentation"])],
        ),
        (
            ["Panellists:", "", "• Ann Lee, Director", "• Bo Li, Minister"],
            [
                ("Panellist", "", "Ann Lee", "Director", []),
                ("Panellist", "", "Bo Li", "Minister", []),
            ],
        ),
        (
            ["Speakers:", "Ann Lee, Director", "", "Bo Li, Minister"],
            [
                ("Speaker", "", "Ann Lee", "Director", []),
                ("Speaker", "", "Bo Li", "Minister", []),
            ],
        ),
        (
            ["Moderator:", "Ann Lee, Director", "", "• Bo Li, Minister"],
            [
                ("Moderator", "", "Ann Lee", "Director", []),
                ("Speaker", "", "Bo Li", "Minister", []),
            ],
        ),
        (
            ["Panelists:", "• Ann Lee, Director", "Moderator: Bo Li, Minister", "• Cy Ho, Chief"],
            [
                ("Panelist", "", "Ann Lee", "Director", []),
                ("Moderator", "", "Bo Li", "Minister", []),
                ("Panelist", "", "Cy Ho", "Chief", []),
            ],
        ),
        (
            ["Co-Chairs: H.E. Mr. Bo Li, Ambassador of X, and H.E. Ms. Ann Lee, Ambassador of Y"],
            [
                ("Co-Chair", "H.E. Mr.", "Bo Li", "Ambassador of X", []),
                ("Co-Chair", "H.E. Ms.", "Ann Lee", "Ambassador of Y", []),
            ],
        ),
        (
            ["Mr. Bo Li, Director, X; Ms. Ann Lee, Minister, Y"],
            [
                ("Speaker", "Mr.", "Bo Li", "Director, X", []),
                ("Speaker", "Ms.", "Ann Lee", "Minister, Y", []),
            ],
        ),
        (
            ["Ms. Ann Lee, Director of Policy and Ambassador for Youth"],
            [("Speaker", "Ms.", "Ann Lee", "Director of Policy and Ambassador for Youth", [])],
        ),
        (
            ["Introduction to the panel discussion: Ann Lee, Specialist, IOM"],
            [("Introduction to the panel discussion", "", "Ann Lee", "Specialist, IOM", [])],
        ),
    ],
)
def test_roles_before_after_and_inline(lines, people):
    text = "\n".join(["10:00 Panel", *lines])
    parsed = parse_programme(text)
    assert all_people(parsed) == people
    assert parsed.unplaced == []


@pytest.mark.parametrize("bullet", ["•", "-", "–", "*", "§", "o", "▪", "◦", "1.", ""])
def test_bullets(bullet):
    slot = only_slot(f"10:00 Panel\n  {bullet}\tMs. Ann Lee, Director, IOM (Remarks)")
    assert people_of(slot) == [("Speaker", "Ms.", "Ann Lee", "Director, IOM", ["Remarks"])]


@pytest.mark.parametrize(
    ("printed", "honorific", "name"),
    [
        ("Mr. Bo Li", "Mr.", "Bo Li"),
        ("Ms. Ann Lee", "Ms.", "Ann Lee"),
        ("Mrs. Ann Lee", "Mrs.", "Ann Lee"),
        ("Mr Bo Li", "Mr", "Bo Li"),
        ("Ms Ann Lee", "Ms", "Ann Lee"),
        ("Dr. Ann Lee", "Dr.", "Ann Lee"),
        ("Prof. Ann Lee", "Prof.", "Ann Lee"),
        ("Professor Ann Lee", "Professor", "Ann Lee"),
        ("Amb. Bo Li", "Amb.", "Bo Li"),
        ("Ambassador Bo Li", "Ambassador", "Bo Li"),
        ("H.E. Bo Li", "H.E.", "Bo Li"),
        ("H.E. Mr. Bo Li", "H.E. Mr.", "Bo Li"),
        ("H.E. Ms. Ann Lee", "H.E. Ms.", "Ann Lee"),
        ("His Excellency Bo Li", "His Excellency", "Bo Li"),
        ("Her Excellency Ann Lee", "Her Excellency", "Ann Lee"),
        ("Sr. Juan Pérez", "Sr.", "Juan Pérez"),
        ("Sra. María de la Cruz", "Sra.", "María de la Cruz"),
        ("Hon. Bo Li", "Hon.", "Bo Li"),
        ("Drew Li", "", "Drew Li"),
    ],
)
def test_honorifics(printed, honorific, name):
    slot = only_slot(f"10:00 Panel\n• {printed}, Minister of Labour")
    person = slot.people[0]
    assert (person.honorific, person.name, person.designation) == (
        honorific,
        name,
        "Minister of Labour",
    )


@pytest.mark.parametrize(
    ("line", "documents", "designation"),
    [
        ("Ann Lee, Director (Remarks) (Presentation)", ["Remarks", "Presentation"], "Director"),
        ("Ann Lee, Director (Remarks)\xa0 (Presentation)", ["Remarks", "Presentation"], "Director"),
        ("Ann Lee, Director (Keynote address | Video)", ["Keynote address", "Video"], "Director"),
        ("Ann Lee, Director (SPEECH) (slides)", ["SPEECH", "slides"], "Director"),
        ("Ann Lee, Director Presentation) (Remarks)", ["Presentation", "Remarks"], "Director"),
        ("Ann Lee, Director (Remarks", ["Remarks"], "Director"),
        ("Ann Lee, Director (TBC) (Remarks)", ["Remarks"], "Director (TBC)"),
        ("Ann Lee, Office (EMOPS), UNICEF", [], "Office (EMOPS), UNICEF"),
    ],
)
def test_document_markers(line, documents, designation):
    [person] = only_slot(f"10:00 Panel\n• {line}").people
    assert (person.name, person.designation, person.documents) == (
        "Ann Lee",
        designation,
        documents,
    )


def test_markers_alone_on_a_line_go_to_the_person_above_or_the_slot():
    slot = only_slot("10:00 Panel\n(Concept note)\n• Ann Lee, Director\n(Presentation)")
    assert (slot.documents, slot.lines) == (["Concept note"], [1, 2])
    assert (slot.people[0].documents, slot.people[0].lines) == (["Presentation"], [3, 4])


def test_printed_characters_are_kept_and_spacing_normalised():
    text = (
        "10:00\t–\t11:00\xa0Opening\n"
        "\t•\xa0\xa0Ambet  Yuson,\tGeneral Secretary,\xa0Building and Wood Workers’ International"
        " — “BWI”\n"
        "• Lúcia Brüllhardt, Founder of Madalena’s"
    )
    slot = only_slot(text)
    assert (slot.start, slot.end, slot.title) == (dt.time(10), dt.time(11), "Opening")
    assert people_of(slot) == [
        (
            "Speaker",
            "",
            "Ambet Yuson",
            "General Secretary, Building and Wood Workers’ International — “BWI”",
            [],
        ),
        ("Speaker", "", "Lúcia Brüllhardt", "Founder of Madalena’s", []),
    ]


def test_text_cut_off_in_mid_line():
    slot = only_slot("10:00 Panel\n  • Ann Lee, Director (Remarks)\n  • Ola Henrik")
    assert [(p.name, p.designation) for p in slot.people] == [
        ("Ann Lee", "Director"),
        ("Ola Henrik", ""),
    ]


# --- Unplaced lines ----------------------------------------------------------


def test_people_before_any_slot_are_unplaced():
    text = "A short intro.\n• Ann Lee, Director\nMs. Bo Li, Minister\nDAY ONE\nModerator: Cy Ho, X"
    parsed = parse_programme(text)
    assert [p.text for p in parsed.intro] == ["A short intro."]
    assert [(line.line, line.text, line.reason) for line in parsed.unplaced] == [
        (2, "• Ann Lee, Director", "before the first slot"),
        (3, "Ms. Bo Li, Minister", "before the first slot"),
        (5, "Moderator: Cy Ho, X", "before the first slot of the day"),
    ]


def test_lines_the_parser_cannot_read_are_unplaced():
    text = "\n".join(
        [
            "10:00 Panel",
            "the session will look at jobs",
            "• Ann Lee, Director",
            "\u200b",
            "Related documents",
            "• Concept note, final",
            "11:00 Lunch",
        ]
    )
    parsed = parse_programme(text)
    assert [(line.line, line.reason) for line in parsed.unplaced] == [
        (2, "not understood"),
        (4, "only invisible characters"),
        (6, "under a section heading"),
    ]
    assert [(section.lines, section.text) for section in parsed.sections] == [
        ([5], "Related documents")
    ]
    assert [(s.title, len(s.people)) for s in slots_of(parsed)] == [("Panel", 1), ("Lunch", 0)]


def test_intro_paragraphs_join_wrapped_lines():
    text = "First line\nwrapped here.\n\nObjectives:\n• to build capacity;\n• to share practice."
    parsed = parse_programme(text)
    assert [(p.text, p.lines) for p in parsed.intro] == [
        ("First line wrapped here.", [1, 2]),
        ("Objectives:", [4]),
        ("to build capacity;", [5]),
        ("to share practice.", [6]),
    ]


def test_empty_text():
    assert parse_programme("").to_dict() == {"intro": [], "days": [], "unplaced": []}
    assert parse_programme(" \n\t\n\xa0").to_dict() == {"intro": [], "days": [], "unplaced": []}


def test_split_lines_counts_lines_as_an_editor_does():
    assert split_lines("a\r\nb\rc\nd\u2028e") == ["a", "b", "c", "d\u2028e"]


@pytest.mark.parametrize(
    "line",
    [
        "1" * 100_000,
        "(" * 100_000,
        "(Remarks " * 11_000,
        "Mr. " * 25_000,
        "Day " * 25_000,
        "10:00" + "-" * 100_000 + "x",
        "Moderator: " + "Ann Lee, " * 11_000,
        "Mr. A, X and " * 8_000,
        "10:00 " * 17_000,
        "Remarks) " * 11_000,
        "\t" * 100_000 + "x",
        "8 October " * 10_000,
    ],
    ids=lambda line: repr(line[:12]),
)
def test_a_100_kb_line_is_parsed_without_hanging(line):
    parsed = parse_programme(f"10:00 Panel\n{line}\n11:00 Lunch")
    assert parsed.placed_lines() | {u.line for u in parsed.unplaced} == {1, 2, 3}
    assert slots_of(parsed)[-1].title == "Lunch"
