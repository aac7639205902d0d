"""Read a conference programme pasted as plain text into days, sessions and people.

The parser works one line at a time. A small classifier says what a line looks
like (a day heading, a time slot, a role label, people, document markers or
plain text) and a state machine decides where it belongs. Nothing is dropped:
a non-empty line that finds no place goes to ``unplaced`` with its line number,
so the secretariat can fix the text or enter that line by hand.

Choices worth knowing:

- Lines are separated by ``\\n``, ``\\r\\n`` or ``\\r`` (see ``split_lines``) and
  numbered from 1, as a text editor numbers them.
- Document markers are brackets whose whole content is known vocabulary, such as
  "(Remarks)" or "(Keynote address | Video)". Other brackets, such as "(EMOPS)",
  stay in the text.
- "Remarks by Ms. X, …" and "Opening remarks by H.E. Mr. X, …" give the role
  "Speaker" with the document marker "Remarks" or "Opening remarks": the words
  before "by" describe what the person delivers, not a role in the session.
  "Moderated by X" and "Chaired by X" give the roles "Moderator" and "Chair".
- A role label alone on a line ("Panellists:") applies to the people listed
  under it. A plural label lasts until the next label or slot; a singular one
  ("Moderator:") ends at the first blank line after a person.
- On a slot line, "(Video of the session)" and other video markers set
  ``video``; on a person's line they are documents like any other marker.
- A year missing from a day heading comes from the ``year`` argument, else from
  the last heading that printed one, else from the year printed most often in
  the text.

Pure Python, standard library only: no Django import.
"""

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from enum import Enum, auto
from itertools import pairwise
from typing import Any, Literal

__all__ = [
    "Day",
    "Paragraph",
    "ParsedProgramme",
    "Person",
    "Slot",
    "SlotKind",
    "UnplacedLine",
    "parse_programme",
    "split_lines",
]

SlotKind = Literal[
    "opening", "scene-setting", "panel", "keynote", "special", "break", "closing", "other"
]

SPEAKER = "Speaker"


# --- Results -----------------------------------------------------------------


@dataclass
class Person:
    """A person in a role in a session, as printed on one line."""

    role: str
    honorific: str
    name: str
    designation: str
    documents: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "honorific": self.honorific,
            "name": self.name,
            "designation": self.designation,
            "documents": list(self.documents),
        }


@dataclass
class Slot:
    """A time slot and the people in it."""

    start: dt.time | None
    end: dt.time | None
    number: int | None = None
    title: str = ""
    kind: SlotKind = "other"
    video: bool = False
    people: list[Person] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    timezone: str | None = None
    lines: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": _clock_text(self.start),
            "end": _clock_text(self.end),
            "number": self.number,
            "title": self.title,
            "kind": self.kind,
            "video": self.video,
            "documents": list(self.documents),
            "people": [person.to_dict() for person in self.people],
        }


@dataclass
class Day:
    """A day heading and the sessions under it; all None for slots before any heading."""

    date: dt.date | None
    label: str | None
    heading: str | None = None
    slots: list[Slot] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat() if self.date else None,
            "label": self.label,
            "sessions": [slot.to_dict() for slot in self.slots],
        }


@dataclass
class Paragraph:
    """A paragraph of the introduction (or a closing section heading) with its line numbers."""

    text: str
    lines: list[int] = field(default_factory=list)


@dataclass
class UnplacedLine:
    """A non-empty line that the parser did not place, and why."""

    line: int
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text}


@dataclass
class ParsedProgramme:
    """What ``parse_programme`` found in a text."""

    intro: list[Paragraph] = field(default_factory=list)
    days: list[Day] = field(default_factory=list)
    unplaced: list[UnplacedLine] = field(default_factory=list)
    #: Headings of the page's closing sections ("Related documents"): recognised and
    #: placed, but not part of the timetable, so not in ``to_dict()``.
    sections: list[Paragraph] = field(default_factory=list)

    def placed_lines(self) -> set[int]:
        """Line numbers that went into the intro, a section, a day, a session or a person."""
        placed = {number for paragraph in self.intro for number in paragraph.lines}
        placed.update(number for section in self.sections for number in section.lines)
        for day in self.days:
            placed.update(day.lines)
            for slot in day.slots:
                placed.update(slot.lines)
                for person in slot.people:
                    placed.update(person.lines)
        return placed

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable dict; line numbers are left out, except for unplaced lines."""
        return {
            "intro": [paragraph.text for paragraph in self.intro],
            "days": [day.to_dict() for day in self.days],
            "unplaced": [line.to_dict() for line in self.unplaced],
        }


def _clock_text(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


# --- Vocabulary --------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    """A regex alternative of literal words, longest first so "Opening remarks" beats "remarks"."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_VIDEO_MARKERS = frozenset(
    {"video", "video of the session", "session video", "video recording", "webcast"}
)
_MARKERS = _VIDEO_MARKERS | frozenset(
    {
        "remarks", "opening remarks", "closing remarks", "welcome remarks", "welcoming remarks",
        "introductory remarks", "concluding remarks", "keynote remarks", "presentation",
        "statement", "opening statement", "closing statement", "keynote address",
        "keynote speech", "keynote statement", "address", "speech", "video message",
        "concept note", "agenda", "programme", "program", "background paper", "background note",
        "discussion paper", "report", "summary", "slides", "transcript", "audio", "photos",
        "biography", "bio", "message", "intervention", "discours", "présentation", "allocution",
        "déclaration", "presentación", "discurso", "declaración", "intervención",
    }
)  # fmt: skip
_MARKER_ALT = _alternation(_MARKERS)


def _matched_word(words: Iterable[str], matched: str) -> str:
    """Which of ``words`` a case-insensitive regex matched ("İ" matches "i"; casefold differs)."""
    return next(w for w in words if re.fullmatch(re.escape(w), matched, re.IGNORECASE))


_SECTIONS = frozenset(
    {
        "related documents", "event documents and photos", "event documents", "documents",
        "documents and photos", "photos", "photos and videos", "background documents",
        "related links", "resources", "downloads", "see also", "documents connexes",
        "documentos relacionados",
    }
)  # fmt: skip

_ROLE = (
    r"(?:co-?\s?)?(?:moderators?|chairs?|chairpersons?|chairman|chairwoman)"
    r"|presenters?|panel+ists?|(?:keynote\s|guest\s)?speakers?|rapporteurs?"
    r"|(?:lead\s)?discussants?|facilitators?|respondents?|hosts?|master\sof\sceremonies"
    r"|modérat(?:eur|rice)s?|présidente?s?|intervenante?s?|moderador(?:a|es|as)?"
    r"|panelistas?|ponentes?"
)
_ROLE_RE = re.compile(_ROLE, re.IGNORECASE)
_ROLE_DASH_RE = re.compile(rf"(?P<label>{_ROLE}) ?[-–—] (?P<rest>.+)", re.IGNORECASE)
_LABEL_RE = re.compile(r"(?P<label>[^\W\d_][^:,\d()]{0,59}):(?P<rest>.*)")
_ROLE_VERBS = {
    "moderated": "Moderator",
    "co-moderated": "Co-moderator",
    "chaired": "Chair",
    "co-chaired": "Co-Chair",
    "presented": "Presenter",
    "facilitated": "Facilitator",
    "hosted": "Host",
}
_BY_RE = re.compile(
    rf"(?:(?P<verb>{_alternation(_ROLE_VERBS)})|(?P<marker>{_MARKER_ALT}))"
    r" by:? (?P<rest>.+)",
    re.IGNORECASE,
)

_HONORIFIC = (
    r"(?:His|Her) Excellency|H\. ?E\.|Ambassador|Amb\.|Professor|Prof\.?|Mrs\.?|Mr\.?|Ms\.?"
    r"|Mme\.?|Dra\.?|Dr\.?|Sra\.?|Sr\.?|Hon\.?"
)
_HONORIFIC_RE = re.compile(rf"(?:(?:{_HONORIFIC}) ){{1,4}}", re.IGNORECASE)
_PERSON_SEPARATOR_RE = re.compile(
    rf"( ?; ?|,? (?:and|et|y|&) (?=(?:{_HONORIFIC}) ))", re.IGNORECASE
)
_NAME_PARTICLES = frozenset(
    {
        "al", "bin", "bint", "da", "das", "de", "del", "della", "den", "der", "des", "di", "do",
        "dos", "du", "e", "el", "ibn", "la", "le", "ten", "ter", "van", "von", "y", "zu",
    }
)  # fmt: skip

_BULLET_RE = re.compile(r"(?:[•●○◦▪▫■□‣⁃∙·►▸▶➢➤✓✔§*\uf0a7\uf0b7]|(?:[-–—o]|[0-9]{1,2}[.)]) )\s*")

_TIMEZONE_ABBREVIATIONS = (
    "CET", "CEST", "WET", "WEST", "EET", "EEST", "BST", "IST", "EST", "EDT", "CST", "CDT", "MST",
    "MDT", "PST", "PDT", "AKST", "HST", "JST", "KST", "AEST", "AEDT", "ACST", "AWST", "NZST",
    "NZDT", "EAT", "CAT", "WAT", "SAST", "MSK", "GST", "PKT", "ICT", "WIB", "SGT", "HKT", "BRT",
    "ART", "CLT", "COT", "PET",
)  # fmt: skip
_TIMEZONE_RE = re.compile(
    r"(?:GMT|UTC)(?: ?[+\-−–] ?[0-9]{1,2}(?::?[0-5][0-9])?)?"
    rf"|(?-i:{_alternation(_TIMEZONE_ABBREVIATIONS)})(?: ?[+\-] ?[0-9]{{1,2}})?"
    r"|(?:[^()]{0,30} )?(?:time|heure|hora)(?: [^()]{0,30})?",
    re.IGNORECASE,
)

# A bracket, a marker missing its opening bracket, or one cut off before its closing bracket.
_BRACKET_RE = re.compile(
    rf"\((?P<content>[^()]*)\)|(?<!\S)(?P<open>{_MARKER_ALT})\)|\((?P<cut>{_MARKER_ALT})$",
    re.IGNORECASE,
)
_MARKER_SPLIT_RE = re.compile(r" ?[|/;,+] ?")


# --- Dates and times ---------------------------------------------------------

_MONTH_NAMES = (
    ("january", "jan", "janvier", "janv", "enero", "ene"),
    ("february", "feb", "février", "fevrier", "févr", "fevr", "febrero"),
    ("march", "mar", "mars", "marzo"),
    ("april", "apr", "avril", "avr", "abril", "abr"),
    ("may", "mai", "mayo"),
    ("june", "jun", "juin", "junio"),
    ("july", "jul", "juillet", "juil", "julio"),
    ("august", "aug", "août", "aout", "agosto", "ago"),
    ("september", "sep", "sept", "septembre", "septiembre", "setiembre"),
    ("october", "oct", "octobre", "octubre"),
    ("november", "nov", "novembre", "noviembre"),
    ("december", "dec", "décembre", "decembre", "déc", "diciembre", "dic"),
)
_MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
_WEEKDAYS = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
)  # fmt: skip
_DAY_NUMBERS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "un", "deux", "trois", "quatre", "cinq", "uno", "dos", "tres", "cuatro", "cinco",
)  # fmt: skip

_MONTH = _alternation(_MONTHS)
_DATE = (
    rf"(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th|er|º|°)? ?(?:de )?(?P<m1>{_MONTH})\.?"
    r"(?:,? ?(?:de |del )?(?P<y1>[0-9]{4}))?"
    rf"|(?P<m2>{_MONTH})\.? ?(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,? ?(?P<y2>[0-9]{{4}}))?"
    r"|(?P<y3>[0-9]{4})-(?P<m3>[0-9]{1,2})-(?P<d3>[0-9]{1,2})"
)
_HEADING_SEPARATOR = r"[\s\-–—:,.|/]*+"
_HEADING_RE = re.compile(
    rf"(?P<label>(?:day|jour|journée|d[ií]a) ?(?:[0-9]{{1,2}}|{_alternation(_DAY_NUMBERS)})"
    rf"(?![^\W_]))?{_HEADING_SEPARATOR}"
    rf"(?:(?P<weekday>{_alternation(_WEEKDAYS)})(?![^\W_]){_HEADING_SEPARATOR})?"
    rf"(?P<date>{_DATE})?[\s.]*+",
    re.IGNORECASE,
)
_HEADING_MAX_LENGTH = 80


def _time_pattern(prefix: str) -> str:
    """One clock time: 10:00, 10.00, 9:00h, 14h, 14h30, 10am, 2:30 p.m. (group names prefixed)."""
    return (
        rf"(?P<{prefix}hour>[0-9]{{1,2}})"
        rf"(?:[:.](?P<{prefix}minute>[0-5][0-9])(?![0-9]|\.[0-9])(?: ?h(?![^\W\d_]))?"
        rf"|\s?(?P<{prefix}h>h)(?: ?(?P<{prefix}hminute>[0-5][0-9]))?(?![^\W\d_])"
        r"|(?![0-9]))"
        rf"(?: ?(?P<{prefix}meridiem>[ap]\.? ?m\.?)(?![^\W\d_]))?"
    )


_AFTER_TIME = r"(?: ?(?:hrs?|hours)\.?(?![^\W\d_]))?[\s\-–—:|.,/]*+(?P<rest>.*)"
_RANGE_RE = re.compile(
    _time_pattern("s") + r" ?(?:[-–—‐‑−~]|to|à|a|until) ?" + _time_pattern("e") + _AFTER_TIME,
    re.IGNORECASE,
)
_SINGLE_TIME_RE = re.compile(_time_pattern("s") + _AFTER_TIME, re.IGNORECASE)
_YEAR_RE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")


# --- Titles ------------------------------------------------------------------

_NUMBERED_RE = re.compile(
    r"(?:(?:plenary|working|thematic|breakout) )?"
    r"(?:session|panel|s[ée]ance|sesi[óo]n|round ?table|table ronde|mesa redonda)"
    r" (?P<number>[0-9]{1,3}|(?-i:[IVXLC]{1,7}))(?![^\W_]) ?[:.\-–—]? ?(?P<rest>.*)",
    re.IGNORECASE,
)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_KIND_RULES: tuple[tuple[SlotKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "break",
            r"\b(?:break|lunch|luncheon|coffee|tea|registration|reception|dinner|cocktail"
            r"|pause|déjeuner|almuerzo|receso)\b",
        ),
        ("opening", r"^(?:opening|official opening|welcome|ouverture|séance d.ouverture|apertura)"),
        ("closing", r"^(?:closing|clôture|cierre|concluding|conclusion|wrap)"),
        ("keynote", r"^keynote"),
        ("special", r"\bvoices? session\b|^special session"),
        ("scene-setting", r"^(?:setting the scene|scene.setting)"),
        ("panel", r"^session\b|\b(?:panel|round ?table)\b"),
    )
)


def _roman(numeral: str) -> int:
    """The value of a Roman numeral such as "IV"."""
    values = [_ROMAN[letter] for letter in numeral]
    return sum(
        -value if value < following else value for value, following in pairwise([*values, 0])
    )


def _kind(title: str) -> SlotKind:
    """Guess the kind of session from its title as printed."""
    if _NUMBERED_RE.fullmatch(title):
        return "panel"
    for kind, pattern in _KIND_RULES:
        if pattern.search(title):
            return kind
    return "other"


# --- Text helpers ------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def split_lines(text: str) -> list[str]:
    """The lines of a text, split as a text editor would; line n is at index n - 1."""
    return re.split(r"\r\n|\r|\n", text)


def _normalise(line: str) -> str:
    """Drop invisible characters; make tabs, non-breaking spaces and runs of spaces one space."""
    return " ".join(line.translate(_INVISIBLE).split())


def _is_name(text: str) -> bool:
    """Whether text reads like a person's name: a few words, each capitalised or a particle."""
    words = text.split()
    if not 0 < len(words) <= 8:
        return False
    capitalised = [any(part[:1].isupper() for part in re.split(r"[-'’‘.]", word)) for word in words]
    return any(capitalised) and all(
        upper or word.casefold() in _NAME_PARTICLES
        for word, upper in zip(words, capitalised, strict=True)
    )


def _looks_like_person(text: str, *, bare_name: bool) -> bool:
    """Whether text reads like "Ms. Name, designation"; ``bare_name`` accepts a name alone."""
    honorific = _HONORIFIC_RE.match(text)
    name, comma, _ = text[honorific.end() if honorific else 0 :].partition(",")
    return bool(comma or honorific or bare_name) and _is_name(name)


@dataclass
class _Brackets:
    """A text with its document markers, role and time zone brackets taken out."""

    text: str
    markers: list[str] = field(default_factory=list)
    role: str | None = None
    timezone: str | None = None


def _marker_parts(content: str) -> list[str] | None:
    """The markers in a bracket's content, or None if any part is not a marker."""
    parts = [part.strip() for part in _MARKER_SPLIT_RE.split(content)]
    if all(" ".join(part.split()).casefold() in _MARKERS for part in parts):
        return parts
    return None


def _extract_brackets(text: str, *, timezones: bool = False) -> _Brackets:
    """Take markers (and a role or a time zone) out of text; other brackets stay."""
    found = _Brackets(text="")
    kept: list[str] = []
    position = 0
    for match in _BRACKET_RE.finditer(text):
        content = match["content"]
        if content is None:
            found.markers.append(match["open"] or match["cut"])
        elif markers := _marker_parts(content):
            found.markers.extend(markers)
        elif found.role is None and _ROLE_RE.fullmatch(content.strip()):
            found.role = content.strip()
        elif timezones and found.timezone is None and _TIMEZONE_RE.fullmatch(content.strip()):
            found.timezone = content.strip()
        else:
            continue
        kept.append(text[position : match.start()])
        position = match.end()
    kept.append(text[position:])
    found.text = re.sub(r" ([,;])", r"\1", " ".join("".join(kept).split()))
    return found


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
    """A label alone, such as "Panellists:"; ``known`` if it names a role we know."""

    role: str
    known: bool


@dataclass
class _PeopleLine(_Line):
    """One or more people, with the role or marker printed before them, if any."""

    people: str
    role: str | None
    marker: str | None
    honorific: bool

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
    if _looks_like_person(brackets.text, bare_name=bulleted):
        return _PeopleLine(body, bulleted, body, None, None, bool(_HONORIFIC_RE.match(body)))
    return _TextLine(body, bulleted)


def _day_heading(text: str, bulleted: bool) -> _DayHeading | None:
    if len(text) > _HEADING_MAX_LENGTH:
        return None
    match = _HEADING_RE.fullmatch(text)
    if not match or not (match["label"] or match["date"]):
        return None
    day = match["d1"] or match["d2"] or match["d3"]
    year = match["y1"] or match["y2"] or match["y3"]
    if month_name := match["m1"] or match["m2"]:
        month = _MONTHS[_matched_word(_MONTHS, month_name)]
    else:
        month = int(match["m3"]) if match["m3"] else None
    return _DayHeading(
        text,
        bulleted,
        label=match["label"] or match["weekday"],
        day=int(day) if day else None,
        month=month,
        year=int(year) if year else None,
    )


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


def _slot(text: str, bulleted: bool) -> _SlotLine | None:
    """A line that starts with a time or a time range."""
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


def _labelled_people(text: str, bulleted: bool) -> _Line | None:
    """A role label alone, or people introduced by a label or by "Moderated by"/"Remarks by"."""
    honorific = bool(_HONORIFIC_RE.match(text))
    if match := _BY_RE.fullmatch(text):
        rest = match["rest"]
        if _looks_like_person(_extract_brackets(rest).text, bare_name=True):
            verb = match["verb"]
            role = _ROLE_VERBS[_matched_word(_ROLE_VERBS, verb)] if verb else SPEAKER
            return _PeopleLine(text, bulleted, rest, role, match["marker"], honorific)
    if _ROLE_RE.fullmatch(text):
        return _RoleLabel(text, bulleted, text, known=True)
    if match := _ROLE_DASH_RE.fullmatch(text):
        return _PeopleLine(text, bulleted, match["rest"], match["label"], None, honorific)
    if (match := _LABEL_RE.fullmatch(text)) and not honorific:
        label, rest = match["label"].strip(), match["rest"].strip()
        known = bool(_ROLE_RE.fullmatch(label))
        if not rest and len(label.split()) <= 6:
            return _RoleLabel(text, bulleted, label, known)
        if rest and (known or _looks_like_person(_extract_brackets(rest).text, bare_name=False)):
            return _PeopleLine(text, bulleted, rest, label, None, honorific)
    return None


# --- People ------------------------------------------------------------------


def _split_people(text: str) -> list[str]:
    """Split "Mr. A, X; Ms. B, Y" and "Mr. A, X, and Ms. B, Y" into one text per person."""
    parts = _PERSON_SEPARATOR_RE.split(text)
    pieces = [parts[0]]
    for separator, piece in zip(parts[1::2], parts[2::2], strict=True):
        if _looks_like_person(_extract_brackets(piece).text, bare_name=False):
            pieces.append(piece)
        else:
            pieces[-1] += separator + piece
    return pieces


def _person(text: str, line: int) -> Person:
    """A person from "Ms. Name, designation (Marker)"; the role is left to the caller."""
    brackets = _extract_brackets(text)
    body = brackets.text.strip(" ,;:")
    honorific = _HONORIFIC_RE.match(body)
    name, _, designation = body[honorific.end() if honorific else 0 :].partition(",")
    return Person(
        role=brackets.role or "",
        honorific=" ".join(honorific[0].split()) if honorific else "",
        name=name.strip(" ;:"),
        designation=designation.strip(" ,;:"),
        documents=brackets.markers,
        lines=[line],
    )


# --- State machine -----------------------------------------------------------


class _State(Enum):
    INTRO = auto()  # before the first day heading or slot
    DAY = auto()  # after a day heading, before its first slot
    SLOT = auto()  # after a slot line
    SECTION = auto()  # after "Related documents" or the like


_OUTSIDE_REASONS = {
    _State.INTRO: "before the first slot",
    _State.DAY: "before the first slot of the day",
    _State.SECTION: "under a section heading",
}


@dataclass
class _Block:
    """A role label alone on a line, given to the people listed under it."""

    role: str
    plural: bool
    used: bool = False


class _Builder:
    """Places classified lines into a ``ParsedProgramme``, one line at a time."""

    def __init__(self, year: int | None, text_year: int | None) -> None:
        self.result = ParsedProgramme()
        self._year = year
        self._last_heading_year: int | None = None
        self._text_year = text_year
        self._state = _State.INTRO
        self._slot: Slot | None = None
        self._block: _Block | None = None

    def feed(self, number: int, raw: str) -> None:
        """Place line ``number`` (1-based), printed as ``raw``."""
        if not raw.strip():
            if self._block and self._block.used and not self._block.plural:
                self._block = None
            return
        text = _normalise(raw)
        if not text:
            self._unplace(number, raw, "only invisible characters")
            return
        match _classify(text):
            case _SectionHeading():
                self.result.sections.append(Paragraph(text=text, lines=[number]))
                self._enter(_State.SECTION)
            case _DayHeading() as heading:
                self._add_day(number, heading)
            case _SlotLine() as slot:
                self._add_slot(number, slot)
            case _RoleLabel() as label:
                self._add_label(number, raw, label)
            case _PeopleLine() as people:
                self._add_people(number, raw, people)
            case _MarkerLine() as markers:
                self._add_markers(number, raw, markers)
            case line:
                self._add_text(number, raw, line)

    def _enter(self, state: _State) -> None:
        self._state = state
        self._slot = None
        self._block = None

    def _unplace(self, number: int, raw: str, reason: str) -> None:
        self.result.unplaced.append(UnplacedLine(number, raw.strip(), reason))

    def _unplace_outside(self, number: int, raw: str) -> None:
        self._unplace(number, raw, _OUTSIDE_REASONS[self._state])

    def _add_intro(self, number: int, line: _Line) -> None:
        """Add to the paragraph on the line above, or start one (a bullet starts one)."""
        intro = self.result.intro
        if intro and intro[-1].lines[-1] == number - 1 and not line.bulleted:
            intro[-1].text += " " + line.text
            intro[-1].lines.append(number)
        else:
            intro.append(Paragraph(line.text, [number]))

    def _add_day(self, number: int, heading: _DayHeading) -> None:
        self._enter(_State.DAY)
        if heading.year:
            self._last_heading_year = heading.year
        year = heading.year or self._year or self._last_heading_year or self._text_year
        date = None
        if year and heading.month and heading.day:
            with suppress(ValueError):  # 31 February
                date = dt.date(year, heading.month, heading.day)
        self.result.days.append(Day(date, heading.label, heading.text, lines=[number]))

    def _add_slot(self, number: int, slot: _SlotLine) -> None:
        if not self.result.days:
            self.result.days.append(Day(None, None))
        self._enter(_State.SLOT)
        self._slot = Slot(slot.start, slot.end, lines=[number])
        self._set_title(slot.rest)
        self.result.days[-1].slots.append(self._slot)

    def _awaiting_title(self) -> bool:
        """A time printed alone: the next plain line is the title."""
        slot = self._slot
        return bool(slot and not slot.title and not slot.people and not self._block)

    def _set_title(self, text: str) -> None:
        slot = self._slot
        assert slot is not None
        brackets = _extract_brackets(text, timezones=True)
        title = brackets.text.strip(" -–—:|,")
        slot.kind = _kind(title)
        if numbered := _NUMBERED_RE.fullmatch(title):
            number = numbered["number"]
            slot.number = int(number) if number.isdigit() else _roman(number)
            title = numbered["rest"] or title
        slot.title = title
        slot.timezone = slot.timezone or brackets.timezone
        self._add_slot_markers(brackets.markers)

    def _add_slot_markers(self, markers: list[str]) -> None:
        slot = self._slot
        assert slot is not None
        for marker in markers:
            if " ".join(marker.split()).casefold() in _VIDEO_MARKERS:
                slot.video = True
            else:
                slot.documents.append(marker)

    def _add_label(self, number: int, raw: str, label: _RoleLabel) -> None:
        if self._slot:
            self._slot.lines.append(number)
            plural = label.role.casefold().endswith("s")
            self._block = _Block(label.role, plural)
        elif self._state is _State.INTRO and not label.known:
            self._add_intro(number, label)
        else:
            self._unplace_outside(number, raw)

    def _add_people(self, number: int, raw: str, line: _PeopleLine) -> None:
        if self._awaiting_title() and line.could_be_title():
            self._slot.lines.append(number)
            self._set_title(line.text)
        elif self._slot:
            block_role = None
            if line.role is None and self._block:
                self._block.used = True
                block_role = self._block.role
            for text in _split_people(line.people):
                person = _person(text, number)
                person.role = line.role or person.role or block_role or SPEAKER
                if line.marker:
                    person.documents.insert(0, line.marker)
                self._slot.people.append(person)
        elif self._state is _State.INTRO and line.could_be_title():
            self._add_intro(number, line)
        else:
            self._unplace_outside(number, raw)

    def _add_markers(self, number: int, raw: str, line: _MarkerLine) -> None:
        """Markers alone on a line go to the person on the line above, else to the session."""
        slot = self._slot
        if slot is None:
            self._unplace_outside(number, raw)
        elif slot.people and slot.people[-1].lines[-1] == number - 1:
            slot.people[-1].documents.extend(line.markers)
            slot.people[-1].lines.append(number)
        else:
            slot.lines.append(number)
            self._add_slot_markers(line.markers)

    def _add_text(self, number: int, raw: str, line: _Line) -> None:
        if self._awaiting_title():
            self._slot.lines.append(number)
            self._set_title(line.text)
        elif self._slot:
            self._unplace(number, raw, "not understood")
        elif self._state is _State.INTRO:
            self._add_intro(number, line)
        else:
            self._unplace_outside(number, raw)


def _most_common_year(text: str) -> int | None:
    """The year printed most often in text (the latest on a tie), or None."""
    years = Counter(int(year) for year in _YEAR_RE.findall(text))
    if not years:
        return None
    return max(years, key=lambda year: (years[year], year))


def parse_programme(text: str, year: int | None = None) -> ParsedProgramme:
    """Parse a programme pasted as plain text; ``year`` completes dates printed without one."""
    builder = _Builder(year, _most_common_year(text))
    for number, line in enumerate(split_lines(text), start=1):
        builder.feed(number, line)
    return builder.result
