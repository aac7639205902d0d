"""The style catalogue (tests/programme/catalogue/): every expected result is valid and complete,
the catalogue covers enough styles and patterns, and the importer reads every entry
(``-s`` prints the scores; see catalogue_scoring.py)."""

import datetime as dt
import json
import os
from collections import Counter

import pytest

from programme.enums import SlotKind
from programme.parser import split_lines
from tests.programme.catalogue_scoring import (
    CATALOGUE,
    CLOCK,
    DAY_KEYS,
    ENTRY_KEYS,
    LANGUAGES,
    MIN_ENTRIES,
    MIN_ENTRIES_PER_PATTERN,
    MIN_STYLES,
    PERSON_KEYS,
    SESSION_KEYS,
    TOP_KEYS,
    CatalogueReport,
    Entry,
    _text,
    catalogue_entries,
    compare,
    load_index,
    score_catalogue,
    unaccounted_lines,
)


def _valid_date(value) -> bool:
    if value is None:
        return True
    try:
        return dt.date.fromisoformat(value).isoformat() == value
    except (TypeError, ValueError):
        return False


def expected_problems(entry: Entry, index: dict) -> list[str]:
    """What is wrong with an entry's files and expected JSON; empty when complete."""
    problems = []
    if not entry.path.is_file():
        return [f"{entry.file}: the text is missing"]
    if not entry.expected_path.is_file():
        return [f"{entry.file}: the expected JSON is missing"]
    try:
        text = entry.path.read_bytes().decode("utf-8")
        data = entry.expected()
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return [f"{entry.file}: {error}"]
    lines = split_lines(text)
    if not 30 <= len(text.rstrip("\n").split("\n")) <= 150:
        problems.append("the text should have 30 to 150 lines")
    if entry.style != entry.file.split("/")[0]:
        problems.append(f"style {entry.style!r} is not the folder of {entry.file}")
    if entry.style not in index["styles"]:
        problems.append(f"style {entry.style!r} is not described in index.json")
    if entry.language not in LANGUAGES:
        problems.append(f"language {entry.language!r} is not one of {sorted(LANGUAGES)}")
    if entry.year is not None and not 1900 <= entry.year <= 2100:
        problems.append(f"year {entry.year!r} is not a four-digit year")
    unknown = set(entry.patterns) - set(index["patterns"])
    if unknown:
        problems.append(f"patterns not described in index.json: {sorted(unknown)}")

    if set(data) != TOP_KEYS:
        return [*problems, f"top-level keys {sorted(data)} instead of {sorted(TOP_KEYS)}"]
    if not all(isinstance(paragraph, str) and paragraph for paragraph in data["intro"]):
        problems.append("every intro paragraph is a non-empty string")
    kinds = set(SlotKind.values)
    slots = 0
    for day in data["days"]:
        if set(day) != DAY_KEYS:
            problems.append(f"day keys {sorted(day)}")
            continue
        if not _valid_date(day["date"]):
            problems.append(f"day date {day['date']!r} is not YYYY-MM-DD")
        for session in day["sessions"]:
            slots += 1
            where = f"slot {session.get('start')} {session.get('title')!r}"
            if set(session) != SESSION_KEYS:
                problems.append(f"{where}: keys {sorted(session)}")
                continue
            if not (isinstance(session["start"], str) and CLOCK.fullmatch(session["start"])):
                problems.append(f"{where}: start is not HH:MM")
            if session["end"] is not None and not CLOCK.fullmatch(str(session["end"])):
                problems.append(f"{where}: end is not HH:MM or null")
            if session["end"] and session["end"] <= session["start"]:
                problems.append(f"{where}: ends before it starts")
            if not (session["number"] is None or isinstance(session["number"], int)):
                problems.append(f"{where}: number is not an integer or null")
            if not _text(session["title"]):
                problems.append(f"{where}: no title")
            if session["kind"] not in kinds:
                problems.append(f"{where}: kind {session['kind']!r} not in {sorted(kinds)}")
            if not isinstance(session["video"], bool):
                problems.append(f"{where}: video is not true or false")
            if not all(isinstance(marker, str) and marker for marker in session["documents"]):
                problems.append(f"{where}: documents are not non-empty strings")
            for person in session["people"]:
                if set(person) != PERSON_KEYS:
                    problems.append(f"{where}: person keys {sorted(person)}")
                    continue
                label = f"{where}: person {person['name'] or person['designation']!r}"
                if not _text(person["role"]):
                    problems.append(f"{label} has no role")
                if not (_text(person["name"]) or _text(person["designation"])):
                    problems.append(f"{label} has neither name nor designation")
                if person["honorific"] and not _text(person["name"]):
                    problems.append(f"{label} has an honorific but no name")
                if not all(isinstance(marker, str) and marker for marker in person["documents"]):
                    problems.append(f"{label}: documents are not non-empty strings")
    if not slots:
        problems.append("no slot at all")
    for item in data["unplaced"]:
        number = item.get("line")
        if set(item) != {"line", "text"} or not isinstance(number, int):
            problems.append(f"unplaced item {item} is not {{line, text}}")
        elif not 1 <= number <= len(lines) or lines[number - 1].strip() != item["text"]:
            problems.append(f"unplaced line {number} is not {item['text']!r} in the text")
    return [f"{entry.file}: {problem}" for problem in problems]


# --- Tests -------------------------------------------------------------------

ENTRIES = catalogue_entries()


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.file for entry in ENTRIES])
def test_expected_result_is_valid_and_complete(entry):
    assert expected_problems(entry, load_index()) == []


def test_catalogue_covers_enough_styles_languages_and_patterns():
    index = load_index()
    entries = catalogue_entries()
    assert all(set(item) == ENTRY_KEYS for item in index["entries"])
    assert len(entries) >= MIN_ENTRIES
    files = [entry.file for entry in entries]
    assert len(files) == len(set(files))
    styles = {entry.style for entry in entries}
    assert len(styles) >= MIN_STYLES
    assert styles == set(index["styles"]), "every described style has entries, and only those"
    assert {entry.language for entry in entries} == LANGUAGES
    on_disk = {str(path.relative_to(CATALOGUE)) for path in CATALOGUE.glob("*/*.txt")}
    assert on_disk == set(files), "every text in the catalogue is listed in index.json"

    coverage = Counter(pattern for entry in entries for pattern in set(entry.patterns))
    thin = {
        pattern: coverage[pattern]
        for pattern in index["patterns"]
        if coverage[pattern] < MIN_ENTRIES_PER_PATTERN
    }
    assert thin == {}, "each pattern is covered by at least two entries"

    readme = (CATALOGUE / "README.md").read_text(encoding="utf-8")
    assert [style for style in styles if f"`{style}`" not in readme] == []


def test_an_expected_result_scores_perfectly_against_itself():
    entry = ENTRIES[0]
    score = compare(entry, entry.expected(), entry.expected()).score
    assert (score.people_recall, score.people_precision, score.role_accuracy) == (1, 1, 1)
    assert (score.slot_recall, score.slot_precision, score.day_recall) == (1, 1, 1)
    assert score.matched_people == score.expected_people > 0
    report = CatalogueReport([compare(e, e.expected(), e.expected()) for e in ENTRIES])
    assert report.shortfalls() == []


def test_importer_reads_every_entry_and_accounts_for_every_line():
    """Scores are printed (run with -s), not asserted: the parser is not tuned yet."""
    report = score_catalogue()
    print("\n" + report.table())
    if os.environ.get("CATALOGUE_DETAILS"):
        print(report.details())

    crashes = {c.entry.file: c.error for c in report.comparisons if c.error}
    assert crashes == {}
    unaccounted = {
        entry.file: problems for entry in ENTRIES if (problems := unaccounted_lines(entry))
    }
    assert unaccounted == {}
