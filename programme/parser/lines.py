"""The line classifier: what a line looks like, without knowing where it is; and its people."""

import datetime as dt
import functools
import re
from dataclasses import dataclass

from programme.parser.patterns import (
    _BULLET_RE,
    _BY_RE,
    _COMPACT_RANGE_RE,
    _COMPACT_TIME_RE,
    _HEADING_MAX_LENGTH,
    _HEADING_RE,
    _HONORIFIC_RE,
    _LABEL_RE,
    _MONTHS,
    _NUMBERED_RE,
    _OF_RE,
    _PERSON_SEPARATOR_RE,
    _RANGE_RE,
    _ROLE_DASH_RE,
    _ROLE_RE,
    _SECTIONS,
    _SINGLE_TIME_RE,
    _TRAILING_BRACKET_RE,
)
from programme.parser.results import ParsedPerson
from programme.parser.text import _extract_brackets, _looks_like_person, _position_start
from programme.vocabulary import (
    NAMELESS_MARKERS,
    POSITION_HEADS,
    POSITION_MODIFIERS,
    POST_NOMINALS,
    ROLE_VERBS,
    SPEAKER,
    VIDEO_MARKERS,
    delivered_marker,
    matched_word,
    singular_role,
)

# --- Line classifier ---------------------------------------------------------


@dataclass
class _Line:
    """A non-empty line, normalised and without its bullet."""

    text: str
    bulleted: bool


@dataclass
class _SectionHeading(_Line):
    """A heading such as "Related documents": what follows is not programme."""


@dataclass
class _DayHeading(_Line):
    """A day heading such as "DAY ONE- 8 October 2018" or "Lundi 8 octobre" (no year)."""

    label: str | None
    #: Only a date: the day's heading, or the date of the document printed in its header.
    date_only: bool
    day: int | None
    month: int | None
    year: int | None


@dataclass
class _SlotLine(_Line):
    """A line that starts with a time; ``rest`` is the title and markers after it."""

    start: dt.time | None
    end: dt.time | None
    rest: str


@dataclass
class _RoleLabel(_Line):
    """A label alone, such as "Panellists:" (role "Panellist", plural) or "Opening remarks:"
    (role "Speaker", marker "Opening remarks"); ``known`` if it names a role we know."""

    role: str
    known: bool
    plural: bool = False
    marker: str | None = None


@dataclass
class _PeopleLine(_Line):
    """One or more people, with the role or marker printed before them, if any."""

    people: str
    role: str | None
    marker: str | None
    honorific: bool
    #: A plural label run into the first name ("Panelistas:- Sr. X") also heads the lines under it.
    opens_block: bool = False
    #: An office printed before the name ("Statement by the Chairperson of the Union, H.E. X").
    designation_before: str = ""

    def could_be_title(self) -> bool:
        return not (self.bulleted or self.role or self.marker or self.honorific)


@dataclass
class _MarkerLine(_Line):
    """Document markers alone, such as "(Presentation)"."""

    markers: list[str]


@dataclass
class _TextLine(_Line):
    """Anything else."""


def _classify(text: str) -> _Line:
    """Say what a normalised, non-empty line looks like, without knowing where it is."""
    bullet = _BULLET_RE.match(text)
    body = text[bullet.end() :] if bullet else text
    bulleted = bullet is not None
    if not body:
        return _TextLine(text, bulleted)
    if body.rstrip(":").casefold() in _SECTIONS:
        return _SectionHeading(body, bulleted)
    if heading := _day_heading(body, bulleted):
        return heading
    if slot := _slot(body, bulleted):
        return slot
    if people := _labelled_people(body, bulleted):
        return people
    brackets = _extract_brackets(body)
    if brackets.markers and not brackets.text:
        return _MarkerLine(body, bulleted, brackets.markers)
    if _looks_like_person(brackets.text, bare_name=bulleted) or _nameless(brackets.text):
        return _PeopleLine(body, bulleted, body, None, None, bool(_HONORIFIC_RE.match(body)))
    return _TextLine(body, bulleted)


def _day_heading(text: str, bulleted: bool) -> _DayHeading | None:
    if len(text) > _HEADING_MAX_LENGTH:
        return None
    match = _HEADING_RE.fullmatch(text)
    if not match or not (match["label"] or match["date"]):
        return None
    if match["purpose"] and not (match["weekday"] or match["label"]):
        return None  # "8 May 2017 – Original: English" is not a day
    day = match["d1"] or match["d2"] or match["d3"]
    year = match["y1"] or match["y2"] or match["y3"]
    if month_name := match["m1"] or match["m2"]:
        month = _month_number(month_name)
    else:
        month = int(match["m3"]) if match["m3"] else None
    return _DayHeading(
        text,
        bulleted,
        label=match["label"] or match["weekday"],
        date_only=not (match["label"] or match["weekday"]),
        day=int(day) if day else None,
        month=month,
        year=int(year) if year else None,
    )


@functools.lru_cache(maxsize=1024)
def _month_number(printed: str) -> int:
    """The number of the month whose name is printed (remembered: a long text prints one
    heading per day)."""
    return _MONTHS[matched_word(_MONTHS, printed)]


def _clock(match: re.Match[str], prefix: str, meridiem: str | None = None) -> dt.time | None:
    """The time matched by ``_time_pattern(prefix)``; a bare number needs am/pm."""
    hour = int(match[f"{prefix}hour"])
    minute = match[f"{prefix}minute"] or match[f"{prefix}hminute"]
    meridiem = match[f"{prefix}meridiem"] or meridiem
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem[0] in "pP" else 0)
    elif minute is None and match[f"{prefix}h"] is None:
        return None
    if hour > 23:
        return None
    return dt.time(hour, int(minute or 0))


def _compact_slot(text: str, bulleted: bool) -> _SlotLine | None:
    """ "0830 – 0900 hrs": not a range of years ("2023–2024") unless "hrs" is printed."""
    match = _COMPACT_RANGE_RE.match(text)
    if not match:
        if (single := _COMPACT_TIME_RE.match(text)) and int(single["sh"]) < 24:
            start = dt.time(int(single["sh"]), int(single["sm"]))
            return _SlotLine(text, bulleted, start, None, single["rest"])
        return None
    if not (int(match["sh"]) < 24 and int(match["eh"]) < 24):
        return None
    if not match["hrs"] and match["sh"] in ("19", "20") and match["eh"] in ("19", "20"):
        return None
    start = dt.time(int(match["sh"]), int(match["sm"]))
    end = dt.time(int(match["eh"]), int(match["em"]))
    return _SlotLine(text, bulleted, start, end, match["rest"]) if start < end else None


def _slot(text: str, bulleted: bool) -> _SlotLine | None:
    """A line that starts with a time or a time range."""
    if compact := _compact_slot(text, bulleted):
        return compact
    if (match := _RANGE_RE.match(text)) and (end := _clock(match, "e")):
        bare_start = not (match["sminute"] or match["sh"] or match["smeridiem"])
        start = _clock(match, "s", match["emeridiem"] if bare_start else None)
        if start and bare_start and start > end and start.hour >= 12:
            start = start.replace(hour=start.hour - 12)  # "11-1pm" starts at 11 am
        if start:
            return _SlotLine(text, bulleted, start, end, match["rest"])
    if (match := _SINGLE_TIME_RE.match(text)) and (start := _clock(match, "s")):
        return _SlotLine(text, bulleted, start, None, match["rest"])
    return None


def _role_label(text: str, bulleted: bool, label: str, known: bool) -> _RoleLabel:
    plural = label.casefold().endswith("s")
    if marker := delivered_marker(label):
        return _RoleLabel(text, bulleted, SPEAKER, known=True, plural=plural, marker=marker)
    return _RoleLabel(text, bulleted, singular_role(label), known, plural)


def _office_before_name(text: str) -> tuple[str, str]:
    """ "the Guest of Honour, H.E. Mr. X, Minister" → ("H.E. Mr. X, Minister", "Guest of
    Honour"): an office printed before the name, its article left out."""
    if not (article := re.match(r"(?:the|a|an) ", text, re.IGNORECASE)):
        return text, ""
    for comma in re.finditer(r", ", text):
        if _HONORIFIC_RE.match(text, comma.end()):
            return text[comma.end() :], text[article.end() : comma.start()]
    if _nameless(text[article.end() :]):  # "the Executive Secretary of X (tbc)"
        return text[article.end() :], ""
    return text, ""


def _by_phrase(text: str, bulleted: bool, honorific: bool) -> _PeopleLine | None:
    """ "Moderated by X", "Remarks by X", "Allocution de S.E. Mme X", "Palabras del Emb. X"."""
    if match := _BY_RE.fullmatch(text):
        rest, before = _office_before_name(match["rest"])
        rest_text = _extract_brackets(rest).text
        if _looks_like_person(rest_text, bare_name=True) or _nameless(rest_text):
            verb = match["verb"]
            role = ROLE_VERBS[matched_word(ROLE_VERBS, verb)] if verb else SPEAKER
            return _PeopleLine(
                text, bulleted, rest, role, match["marker"], honorific, designation_before=before
            )
    for match in _OF_RE.finditer(text):
        phrase, rest = text[: match.start()], text[match.end() :]
        if not _HONORIFIC_RE.match(rest):
            continue
        if verb := ROLE_VERBS.get(phrase.casefold()):
            return _PeopleLine(text, bulleted, rest, verb, None, honorific)
        if marker := delivered_marker(phrase):
            return _PeopleLine(text, bulleted, rest, SPEAKER, marker, honorific)
        return None
    return None


def _named_person(text: str) -> bool:
    """A person after an unknown label: an honorific or a name of two words or more, so that
    "Interpretation: English, French" is not a person called English."""
    if not _looks_like_person(text, bare_name=False):
        return False
    return bool(_HONORIFIC_RE.match(text)) or len(text.partition(",")[0].split()) >= 2


def _labelled_people(text: str, bulleted: bool) -> _Line | None:
    """A role label alone, or people introduced by a label or by "Moderated by"/"Remarks by"."""
    if _NUMBERED_RE.fullmatch(text):
        return None  # "Panel III: Trust, Polarization and …" is a title
    honorific = bool(_HONORIFIC_RE.match(text))
    if not honorific and (people := _by_phrase(text, bulleted, honorific)):
        return people
    if _ROLE_RE.fullmatch(text):
        return _role_label(text, bulleted, text, known=True)
    if match := _ROLE_DASH_RE.fullmatch(text):
        role = singular_role(match["label"])
        return _PeopleLine(text, bulleted, match["rest"], role, None, honorific)
    if (match := _LABEL_RE.fullmatch(text)) and not honorific:
        label, rest = match["label"].strip(), match["rest"].strip().lstrip("-–— ")
        known = bool(_ROLE_RE.fullmatch(label))
        if not rest and len(label.split()) <= 6:
            return _role_label(text, bulleted, label, known)
        verb = re.fullmatch(r"(?P<verb>.+) (?:by|par|por)", label, re.IGNORECASE)
        if verb and (role := ROLE_VERBS.get(verb["verb"].casefold())):
            return _PeopleLine(text, bulleted, rest, role, None, honorific)
        if rest and (known or _named_person(_extract_brackets(rest).text)):
            if label.casefold() in VIDEO_MARKERS:
                return _PeopleLine(text, bulleted, rest, None, label, honorific)
            if marker := delivered_marker(label):
                return _PeopleLine(text, bulleted, rest, SPEAKER, marker, honorific)
            role, plural = singular_role(label), label.casefold().endswith("s")
            return _PeopleLine(text, bulleted, rest, role, None, honorific, opens_block=plural)
    return None


# --- People ------------------------------------------------------------------


def _split_people(text: str) -> list[str]:
    """Split "Mr. A, X; Ms. B, Y" and "Mr. A, X, and Ms. B, Y" into one text per person."""
    parts = _PERSON_SEPARATOR_RE.split(text)
    pieces = [parts[0]]
    for separator, piece in zip(parts[1::2], parts[2::2], strict=True):
        first = re.split(r"[\s,\-]", piece.strip(), maxsplit=1)[0].casefold()
        affiliation = separator.strip() == ";" and (
            first in POSITION_HEADS or first in POSITION_MODIFIERS
        )  # "Director, X; Member, Y": one person's two affiliations
        if not affiliation and _looks_like_person(_extract_brackets(piece).text, bare_name=False):
            pieces.append(piece)
        else:
            pieces[-1] += separator + piece
    return pieces


def _printed_honorific(text: str) -> str:
    """As printed, spaced: "H.E.Mr." → "H.E. Mr." ("S.E.M." is a French form and stays)."""
    return re.sub(r"\.(?=[A-Z][a-z])", ". ", " ".join(text.split()))


def _nameless(text: str) -> bool:
    """ "Vice-President of the Assembly (TBA)": a speaker whose name is not printed yet."""
    match = _TRAILING_BRACKET_RE.search(text)
    if not match or match["content"].casefold() not in NAMELESS_MARKERS:
        return False
    before = text[: match.start()]
    first = re.split(r"[\s,]", before, maxsplit=1)[0].casefold()
    return first in POSITION_HEADS or not _looks_like_person(before, bare_name=False)


def _person(text: str, line: int) -> ParsedPerson:
    """A person from "Ms. Name, designation (Marker)"; the role is left to the caller."""
    brackets = _extract_brackets(text)
    body = brackets.text.strip(" ,;:")
    if _nameless(body):
        return ParsedPerson(
            role=brackets.role or "",
            honorific="",
            name="",
            designation=body,
            documents=brackets.markers,
            lines=[line],
            confidence="low",
        )
    honorific = _HONORIFIC_RE.match(body)
    name, _, designation = body[honorific.end() if honorific else 0 :].partition(",")
    name, designation = name.strip(" ;:"), designation.strip(" ,;:")
    before: list[str] = []
    if country := _TRAILING_BRACKET_RE.search(name):  # "A. Rahimi (Afghanistan)"
        before.append(country["content"])
        name = name[: country.start()].strip()
    words = name.split()
    guessed = not (honorific or designation)  # a bare name: maybe a title or a place
    if honorific and (start := _position_start(words)) is not None:
        before.insert(0, " ".join(words[start:]))
        words = words[:start]
        guessed = True
    while len(words) > 1 and words[-1].strip(",") in POST_NOMINALS:
        before.insert(0, words.pop())
    name = " ".join(words)
    designation = ", ".join([*before, designation] if designation else before)
    return ParsedPerson(
        role=singular_role(brackets.role) if brackets.role else "",
        honorific=_printed_honorific(honorific["h"]) if honorific else "",
        name=name,
        designation=designation,
        documents=brackets.markers,
        lines=[line],
        confidence="low" if guessed else "high",
    )
