"""What the parser finds: days, slots, people, intro paragraphs and unplaced lines."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Confidence = Literal["high", "low"]

SlotKind = Literal[
    "opening", "scene-setting", "panel", "keynote", "special", "break", "closing", "other"
]


@dataclass
class ParsedPerson:
    """A person in a role in a session, as printed on one line."""

    role: str
    honorific: str
    name: str
    designation: str
    documents: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    #: "low" when the reading is a guess the officer should check first (a name without
    #: honorific or designation, a position found without a comma, a speaker with no name,
    #: an affiliation taken from the lines below). Not part of ``to_dict()``: the JSON of
    #: ``import_programme --json`` keeps its fixed keys.
    confidence: Confidence = "high"

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "honorific": self.honorific,
            "name": self.name,
            "designation": self.designation,
            "documents": list(self.documents),
        }


@dataclass
class ParsedSlot:
    """A time slot and the people in it."""

    start: dt.time | None
    end: dt.time | None
    number: int | None = None
    title: str = ""
    kind: SlotKind = "other"
    video: bool = False
    people: list[ParsedPerson] = field(default_factory=list)
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
class ParsedDay:
    """A day heading and the sessions under it; all None for slots before any heading."""

    date: dt.date | None
    label: str | None
    heading: str | None = None
    slots: list[ParsedSlot] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    #: The heading printed only a date (no "Day 1", no weekday).
    date_only: bool = False

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
    days: list[ParsedDay] = field(default_factory=list)
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
    # What strftime("%H:%M") prints, without its cost (once per slot of a long text).
    return f"{value.hour:02d}:{value.minute:02d}" if value else None
