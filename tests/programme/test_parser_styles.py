"""The parser on the house styles of other organisations (issue 16): what an officer pasting
their page would see in the preview, one table per pattern."""

import datetime as dt

import pytest

from programme.parser import parse_programme
from tests.programme.parsing import only_slot, people_of, slots_of


def person_of(*lines: str) -> tuple[str, str, str, str, list[str]]:
    [person] = people_of(only_slot("\n".join(["10:00-11:00 Panel", *lines])))
    return person


@pytest.mark.parametrize(
    ("lines", "role"),
    [
        (["Panellists:", "• Ann Lee, Director"], "Panellist"),
        (["Co-Chairs:", "• Ann Lee, Director"], "Co-Chair"),
        (["Witnesses:", "• Ann Lee, Director"], "Witness"),
        (["Intervenants :", "• Mme Ann Lee, Directrice"], "Intervenant"),
        (["Panélistes :", "• M. Bo Li, Ministre"], "Panéliste"),
        (["Lead discussants:", "• Ann Lee, Director"], "Lead discussant"),
        (["Master of Ceremonies: Ann Lee, Director"], "Master of Ceremonies"),
        (["Panelistas:- Sr. Bo Li, Ministro"], "Panelista"),
    ],
)
def test_role_labels_are_stored_singular(lines, role):
    assert person_of(*lines)[0] == role


def test_a_plural_label_run_into_a_name_heads_the_lines_below():
    slot = only_slot(
        "10:00-11:00 Panel\nPanelistas:- Sr. Bo Li, Ministro\n- Sra. Ana Ruiz, Directora"
    )
    assert [person[0] for person in people_of(slot)] == ["Panelista", "Panelista"]


@pytest.mark.parametrize(
    ("lines", "person"),
    [
        (
            ["Opening remarks: H.E. Ms. Ann Lee, Minister"],
            ("Speaker", "H.E. Ms.", "Ann Lee", "Minister", ["Opening remarks"]),
        ),
        (
            ["Closing statements:", "• Ms. Ann Lee, Minister"],
            ("Speaker", "Ms.", "Ann Lee", "Minister", ["Closing statement"]),
        ),
        (
            ["Allocution de S.E. Mme Awa Diop, Ministre de la Jeunesse"],
            ("Speaker", "S.E. Mme", "Awa Diop", "Ministre de la Jeunesse", ["Allocution"]),
        ),
        (
            ["Palabras del Emb. Rodrigo Salazar, Representante Permanente"],
            ("Speaker", "Emb.", "Rodrigo Salazar", "Representante Permanente", ["Palabras"]),
        ),
        (
            ["Animé par M. Jean Mvogo, Directeur"],
            ("Animateur", "M.", "Jean Mvogo", "Directeur", []),
        ),
        (
            ["Video: Ms. Ann Lee, Minister"],
            ("Speaker", "Ms.", "Ann Lee", "Minister", ["Video"]),
        ),
    ],
)
def test_what_a_person_delivers_is_a_marker_and_the_role_speaker(lines, person):
    assert person_of(*lines) == person


@pytest.mark.parametrize(
    ("printed", "honorific", "name"),
    [
        ("S.E. M. Karim Ben Youssef, Ministre", "S.E. M.", "Karim Ben Youssef"),
        ("S.E.M. Jean Atangana, Ministre", "S.E.M.", "Jean Atangana"),
        ("M. Jean Mvogo, Directeur", "M.", "Jean Mvogo"),
        ("Mr. M. Sandoval-Reyes, President", "Mr.", "M. Sandoval-Reyes"),
        ("Excmo. Sr. Hernán Benítez, Ministro", "Excmo. Sr.", "Hernán Benítez"),
        ("H.E.Mr. Rolf Baumann, Ambassador", "H.E. Mr.", "Rolf Baumann"),
        ("Rt Hon. Dame Eleanor Whitbread, Speaker", "Rt Hon. Dame", "Eleanor Whitbread"),
        ("Senator the Hon. Ann Lee, Senator", "Senator the Hon.", "Ann Lee"),
        ("the Rt Hon. Ann Lee, Minister", "Rt Hon.", "Ann Lee"),
        ("Pr Boubacar Diallo, Professeur", "Pr", "Boubacar Diallo"),
        ("Prof. Dr. Heike Wunderlich, Chair", "Prof. Dr.", "Heike Wunderlich"),
    ],
)
def test_honorifics_of_every_house(printed, honorific, name):
    assert person_of(printed)[1:3] == (honorific, name)


@pytest.mark.parametrize(
    ("printed", "name", "designation"),
    [
        (
            "Ms. Caroline Whitaker President, The Halverson Institute",
            "Caroline Whitaker",
            "President, The Halverson Institute",
        ),
        (
            "Mr. Kristjan Tamm Head of Resilience, Baltic Grid",
            "Kristjan Tamm",
            "Head of Resilience, Baltic Grid",
        ),
        (
            "Hon. Joseph Mwale MP, Speaker of the Assembly",
            "Joseph Mwale",
            "MP, Speaker of the Assembly",
        ),
        (
            "Ms. A. Rahimi (Afghanistan), Member of the Bureau",
            "A. Rahimi",
            "Afghanistan, Member of the Bureau",
        ),
        (
            "Dr. Nora Bjarni, Director, Ocean Centre; Member, Arctic Group",
            "Nora Bjarni",
            "Director, Ocean Centre; Member, Arctic Group",
        ),
    ],
)
def test_designations_printed_without_a_comma_or_with_several_affiliations(
    printed, name, designation
):
    assert person_of(printed)[2:4] == (name, designation)


def test_two_people_in_one_bullet_share_the_designation_and_markers():
    slot = only_slot(
        "10:00-11:00 Panel\n• Mr. Bo Li and Ms. Ann Lee, Co-Chairs, Youth Caucus (Statement)"
    )
    assert people_of(slot) == [
        ("Speaker", "Mr.", "Bo Li", "Co-Chairs, Youth Caucus", ["Statement"]),
        ("Speaker", "Ms.", "Ann Lee", "Co-Chairs, Youth Caucus", ["Statement"]),
    ]


def test_a_speaker_not_yet_named_keeps_the_printed_office_and_low_confidence():
    slot = only_slot("10:00-11:00 Panel\n• Vice-President of the Assembly (TBA)")
    assert people_of(slot) == [("Speaker", "", "", "Vice-President of the Assembly (TBA)", [])]
    assert slot.people[0].confidence == "low"


def test_affiliations_on_the_lines_under_a_name_are_joined():
    slot = only_slot(
        "9.30 – 9.45: Welcome\nProf. Dr. Katharina Lenz\nUniversity of Oberstadt, Faculty of Law\n"
        "Swiss Forum for Migration Studies"
    )
    assert people_of(slot) == [
        (
            "Speaker",
            "Prof. Dr.",
            "Katharina Lenz",
            "University of Oberstadt, Faculty of Law, Swiss Forum for Migration Studies",
            [],
        )
    ]
    assert slot.people[0].lines == [2, 3, 4]


def test_confidence_is_high_for_a_plain_line_and_kept_out_of_the_json():
    slot = only_slot("10:00-11:00 Panel\n• Ms. Ann Lee, Director, IOM\n• Ann Lee")
    assert [person.confidence for person in slot.people] == ["high", "low"]
    assert (
        "confidence"
        not in parse_programme("10:00-11:00 Panel\n• Ann Lee, X").to_dict()["days"][0]["sessions"][
            0
        ]["people"][0]
    )


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("10:00-11:00 CÃ©rÃ©monie dâ€™ouverture", "Cérémonie d’ouverture"),
        # A damaged "í" is "Ã" and a soft hyphen: repaired before invisible characters go.
        ("10:00-11:00 Pol\u00c3\u00adtica digital", "Política digital"),
        ("10:00-11:00 UNIÃO DOS POVOS", "UNIÃO DOS POVOS"),
    ],
)
def test_mojibake_is_repaired_and_correct_text_left_alone(text, repaired):
    assert only_slot(text).title == repaired


@pytest.mark.parametrize(
    ("line", "start", "end", "title"),
    [
        ("0830 – 0900 hrs Registration", dt.time(8, 30), dt.time(9), "Registration"),
        ("0830 – 0900", dt.time(8, 30), dt.time(9), ""),
        (
            "14h-15h15 | Panel 1 | Accès au financement",
            dt.time(14),
            dt.time(15, 15),
            "Accès au financement",
        ),
        ("10.00 – 13.00 / IV. General debate", dt.time(10), dt.time(13), "General debate"),
    ],
)
def test_times_of_other_houses(line, start, end, title):
    [slot] = slots_of(parse_programme(line))
    assert (slot.start, slot.end, slot.title) == (start, end, title)


def test_a_range_of_years_is_not_a_time():
    assert slots_of(parse_programme("2023–2024 Programme of work")) == []


@pytest.mark.parametrize(
    ("title", "number", "printed"),
    [
        ("I. Opening of the Conference", 1, "Opening of the Conference"),
        ("IX. Closure of the Conference", 9, "Closure of the Conference"),
        ("Session One – A Changing Strategic Environment", 1, "A Changing Strategic Environment"),
        ("Leadership dialogue 2: Financing", 2, "Financing"),
    ],
)
def test_agenda_items_and_spelled_out_numbers(title, number, printed):
    slot = only_slot(f"10:00-11:00 {title}")
    assert (slot.number, slot.title) == (number, printed)


@pytest.mark.parametrize(
    ("heading", "date", "label"),
    [
        ("DAY 1 (Monday, 21 October 2024)", dt.date(2024, 10, 21), "DAY 1"),
        ("Date: Tuesday, 11 July 2023", dt.date(2023, 7, 11), "Tuesday"),
    ],
)
def test_day_headings_of_other_houses(heading, date, label):
    [day] = parse_programme(f"{heading}\n10:00-11:00 Opening").days
    assert (day.date, day.label) == (date, label)


def test_the_document_date_in_the_header_is_reported_not_made_a_day():
    parsed = parse_programme(
        "A/CONF.231/2\n14 March 2017\n\nMonday, 8 May 2017\n10:00-11:00 Opening"
    )
    assert [(day.date, day.label) for day in parsed.days] == [(dt.date(2017, 5, 8), "Monday")]
    assert [(line.line, line.text) for line in parsed.unplaced] == [(2, "14 March 2017")]


def test_a_day_heading_may_say_what_the_day_is_for():
    parsed = parse_programme(
        "Lundi 14 Novembre 2022 – Réunion des hauts fonctionnaires\n9h-10h | Ouverture"
    )
    assert [(day.date, day.label) for day in parsed.days] == [(dt.date(2022, 11, 14), "Lundi")]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Cérémonie d’ouverture", "opening"),
        ("Séance 1 : Cérémonie d’ouverture", "opening"),
        ("Sesión de clausura", "closing"),
        ("Pausa café", "break"),
        ("Inscription des participants", "break"),
        ("Conferencia magistral: “La integridad”", "keynote"),
        ("Table ronde ministérielle : l’emploi des jeunes", "panel"),
        ("Adoption of the report and close of the session", "closing"),
        ("“Federalism and asylum reception”", "other"),
    ],
)
def test_slot_kinds_in_french_and_spanish(title, kind):
    assert only_slot(f"10:00-11:00 {title}").kind == kind


@pytest.mark.parametrize(
    ("lines", "person"),
    [
        (
            ["Statement by the Chairperson of the Union, His Excellency Mr. Bo Li, President of Y"],
            ("Speaker", "His Excellency Mr.", "Bo Li", "Chairperson of the Union, President of Y",
             ["Statement"]),
        ),
        (
            ["Statement by the Executive Secretary of the Commission (to be confirmed)"],
            ("Speaker", "", "", "Executive Secretary of the Commission (to be confirmed)",
             ["Statement"]),
        ),
        (
            ["Présenté par : Dr Ousmane Ba, Président de la réunion"],
            ("Présentateur", "Dr", "Ousmane Ba", "Président de la réunion", []),
        ),
        (
            ["Representative, Minerals Exporters’ Association (to be confirmed)"],
            ("Speaker", "", "", "Representative, Minerals Exporters’ Association (to be confirmed)",
             []),
        ),
    ],
)  # fmt: skip
def test_offices_printed_before_or_instead_of_the_name(lines, person):
    assert person_of(*lines) == person


def test_a_delivered_phrase_about_an_office_stays_the_slot_title():
    slot = only_slot("0930 hrs Opening statement by the Chair")
    assert (slot.start, slot.title, slot.people) == (
        dt.time(9, 30),
        "Opening statement by the Chair",
        [],
    )


def test_a_practical_note_with_a_label_is_not_a_person():
    parsed = parse_programme("10:00-11:00 Panel\nInterpretation: EN, FR, DE, SV.")
    assert slots_of(parsed)[0].people == []
    assert [line.text for line in parsed.unplaced] == ["Interpretation: EN, FR, DE, SV."]
