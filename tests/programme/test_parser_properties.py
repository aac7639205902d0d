"""Properties of the programme parser: it never raises and never loses a line."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from programme.parser import ParsedProgramme, parse_programme, split_lines

# Pieces of real programme lines; joined at random they make near-misses of every format.
FRAGMENTS = [
    "10:00",
    "9.30",
    "14h",
    "15h15",
    "2:30 pm",
    "10 a.m.",
    "-",
    " – ",
    " to ",
    "—",
    " ",
    "\xa0",
    "\t",
    "DAY ONE",
    "Day 2",
    "Jour 1",
    "Día 2",
    "Monday, ",
    "8 October 2018",
    "October 8, 2018",
    "8 de octubre",
    "2018-10-08",
    "31 February",
    "Session 1: ",
    "Panel IV – ",
    "Opening Session",
    "Coffee break",
    "Closing remarks",
    "Migrant’s Voice Session",
    "  • ",
    "- ",
    "o ",
    "§ ",
    "1. ",
    "Moderator:",
    "Co-Chairs: ",
    "Panellists:",
    "Moderated by ",
    "Remarks by ",
    "Mr. ",
    "H.E. Ms. ",
    "His Excellency ",
    "Dr ",
    "Ann Lee",
    "Juan José Gómez Camacho",
    ", Director",
    ", IOM",
    " and ",
    "; ",
    "(Remarks)",
    "(Video of the session)",
    "(Keynote address | Video)",
    "(CET)",
    "(EMOPS)",
    "Presentation)",
    "(Remarks",
    "(",
    ")",
    ":",
    ",",
    "Related documents",
    "\u200b",
    "\ufeff",
    "\u2028",
    "\x0c",
]

# Characters the formats are made of, with look-alikes that regex case-folding matches
# ("İ" for "i", "ſ" for "s", the Kelvin sign for "k").
FORMAT_CHARACTERS = "0123456789:.-–—()|;, \t\xa0•§*ampthMrsDdyOctobeSnlH.İıſ\u212a"

fragment = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(max_size=8),
    st.text(alphabet=FORMAT_CHARACTERS, max_size=12),
)
line = st.lists(fragment, max_size=6).map("".join)
newline = st.sampled_from(["\n", "\r\n", "\r"])
programme_like = st.lists(st.tuples(line, newline), max_size=40).map(
    lambda pairs: "".join(text + end for text, end in pairs)
)
years = st.none() | st.integers(min_value=1, max_value=9999)


def assert_every_line_accounted_for(text: str, parsed: ParsedProgramme) -> None:
    """Each non-empty line is placed or reported, once; blank lines are neither."""
    lines = split_lines(text)
    placed = parsed.placed_lines()
    unplaced = [line.line for line in parsed.unplaced]
    non_empty = {number for number, line in enumerate(lines, start=1) if line.strip()}
    assert len(unplaced) == len(set(unplaced))
    assert not placed & set(unplaced)
    assert placed | set(unplaced) == non_empty
    assert all(line.text == lines[line.line - 1].strip() for line in parsed.unplaced)


def assert_json_serialisable(parsed: ParsedProgramme) -> None:
    data = parsed.to_dict()
    assert json.loads(json.dumps(data)) == data


@settings(max_examples=200, deadline=None)
@given(st.text(), years)
def test_any_text(text, year):
    parsed = parse_programme(text, year)
    assert_json_serialisable(parsed)
    assert_every_line_accounted_for(text, parsed)


@settings(max_examples=200, deadline=None)
@given(programme_like, years)
def test_programme_like_text(text, year):
    parsed = parse_programme(text, year)
    assert_json_serialisable(parsed)
    assert_every_line_accounted_for(text, parsed)


@settings(max_examples=200, deadline=None)
@given(programme_like)
def test_slots_keep_printed_order_and_clean_times(text):
    parsed = parse_programme(text)
    slot_lines = [slot.lines[0] for day in parsed.days for slot in day.slots]
    assert slot_lines == sorted(slot_lines)
    for day in parsed.to_dict()["days"]:
        for slot in day["sessions"]:
            for value in (slot["start"], slot["end"]):
                assert value is None or (len(value) == 5 and value[2] == ":")
