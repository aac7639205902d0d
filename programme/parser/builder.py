"""The state machine that places classified lines into a programme, and ``parse_programme``."""

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from enum import Enum, auto

from programme.parser.lines import (
    _classify,
    _DayHeading,
    _Line,
    _MarkerLine,
    _PeopleLine,
    _person,
    _RoleLabel,
    _SectionHeading,
    _SlotLine,
    _split_people,
)
from programme.parser.patterns import (
    _AGENDA_ITEM_RE,
    _NUMBERED_RE,
    _YEAR_RE,
    _kind,
    _roman,
    _slot_number,
)
from programme.parser.results import (
    Paragraph,
    ParsedDay,
    ParsedPerson,
    ParsedProgramme,
    ParsedSlot,
    UnplacedLine,
)
from programme.parser.text import _extract_brackets, _normalise, repair_encoding, split_lines
from programme.vocabulary import SPEAKER, is_video_marker

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
    marker: str | None = None
    used: bool = False


class _Builder:
    """Places classified lines into a ``ParsedProgramme``, one line at a time."""

    def __init__(self, year: int | None, text_year: int | None) -> None:
        self.result = ParsedProgramme()
        self._year = year
        self._last_heading_year: int | None = None
        self._text_year = text_year
        self._state = _State.INTRO
        self._slot: ParsedSlot | None = None
        self._block: _Block | None = None
        # Texts joined only when read (flush): joining on each line of a long paragraph or
        # affiliation would copy it again and again.
        self._intro_parts: list[str] = []
        self._affiliation: tuple[ParsedPerson, list[str]] | None = None

    def flush(self) -> None:
        """Join what the last lines added to the open intro paragraph and affiliation."""
        if len(self._intro_parts) > 1:
            self.result.intro[-1].text = " ".join(self._intro_parts)
            del self._intro_parts[1:]
            self._intro_parts[0] = self.result.intro[-1].text
        if self._affiliation is not None:
            person, parts = self._affiliation
            person.designation = ", ".join(filter(None, parts))
            self._affiliation = None

    def feed(self, number: int, raw: str) -> None:
        """Place line ``number`` (1-based), printed as ``raw``."""
        if not raw.strip():
            if self._block and self._block.used and not self._block.plural:
                self._block = None
            return
        text = _normalise(repair_encoding(raw))
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
            self._intro_parts.append(line.text)
            intro[-1].lines.append(number)
        else:
            self.flush()
            intro.append(Paragraph(line.text, [number]))
            self._intro_parts = [line.text]

    def _add_day(self, number: int, heading: _DayHeading) -> None:
        self._enter(_State.DAY)
        if heading.year:
            self._last_heading_year = heading.year
        year = heading.year or self._year or self._last_heading_year or self._text_year
        date = None
        if year and heading.month and heading.day:
            with suppress(ValueError):  # 31 February
                date = dt.date(year, heading.month, heading.day)
        self.result.days.append(
            ParsedDay(
                date, heading.label, heading.text, lines=[number], date_only=heading.date_only
            )
        )

    def _add_slot(self, number: int, slot: _SlotLine) -> None:
        if not self.result.days:
            self.result.days.append(ParsedDay(None, None))
        self._enter(_State.SLOT)
        self._slot = ParsedSlot(slot.start, slot.end, lines=[number])
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
            slot.number = _slot_number(numbered["number"])
            title = numbered["rest"].lstrip(" |") or title
        elif agenda := _AGENDA_ITEM_RE.fullmatch(title):
            slot.number = _roman(agenda["number"])
            title = agenda["rest"]
            slot.kind = _kind(title)
        slot.title = title
        slot.timezone = slot.timezone or brackets.timezone
        self._add_slot_markers(brackets.markers)

    def _add_slot_markers(self, markers: list[str]) -> None:
        slot = self._slot
        assert slot is not None
        for marker in markers:
            if is_video_marker(marker):
                slot.video = True
            else:
                slot.documents.append(marker)

    def _add_label(self, number: int, raw: str, label: _RoleLabel) -> None:
        if self._slot:
            self._slot.lines.append(number)
            self._block = _Block(label.role, label.plural, label.marker)
        elif self._state is _State.INTRO and not label.known:
            self._add_intro(number, label)
        else:
            self._unplace_outside(number, raw)

    def _add_people(self, number: int, raw: str, line: _PeopleLine) -> None:
        if self._awaiting_title() and line.could_be_title():
            self._slot.lines.append(number)
            self._set_title(line.text)
        elif (
            line.role is None
            and not line.marker
            and not line.honorific
            and (person := self._affiliation_of(number, line))
        ):
            self._add_affiliation(number, person, line.text)
        elif self._slot:
            block_role = block_marker = None
            if line.role is None and self._block:
                self._block.used = True
                block_role, block_marker = self._block.role, self._block.marker
            people = [_person(text, number) for text in _split_people(line.people)]
            _share_designation(people)
            if line.designation_before:
                for person in people:
                    parts = [line.designation_before, person.designation]
                    person.designation = ", ".join(filter(None, parts))
            for person in people:
                person.role = line.role or person.role or block_role or SPEAKER
                for marker in (line.marker, block_marker):
                    if marker:
                        person.documents.insert(0, marker)
                self._slot.people.append(person)
            if line.opens_block and line.role:
                self._block = _Block(line.role, plural=True, used=True)
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

    def _affiliation_of(self, number: int, line: _Line) -> ParsedPerson | None:
        """The person on the line above, printed with a name alone, whose affiliation this
        line continues ("Prof. Dr. A" then "University of X, Faculty of Law")."""
        slot = self._slot
        if slot is None or not slot.people or line.bulleted:
            return None
        person = slot.people[-1]
        if person.lines[-1] != number - 1 or not person.name or not person.honorific:
            return None
        if len(person.lines) == 1 and person.designation:
            return None
        # Several people on that line: those of one line are listed one after the other.
        if len(slot.people) > 1 and slot.people[-2].lines[0] == person.lines[0]:
            return None
        return person

    def _add_affiliation(self, number: int, person: ParsedPerson, text: str) -> None:
        brackets = _extract_brackets(text)
        if self._affiliation is None or self._affiliation[0] is not person:
            self.flush()
            self._affiliation = (person, [person.designation])
        self._affiliation[1].append(brackets.text)
        person.documents.extend(brackets.markers)
        person.lines.append(number)
        person.confidence = "low"

    def _add_text(self, number: int, raw: str, line: _Line) -> None:
        if person := self._affiliation_of(number, line):
            self._add_affiliation(number, person, line.text)
        elif self._awaiting_title():
            self._slot.lines.append(number)
            self._set_title(line.text)
        elif self._slot:
            self._unplace(number, raw, "not understood")
        elif self._state is _State.INTRO:
            self._add_intro(number, line)
        else:
            self._unplace_outside(number, raw)


def _share_designation(people: list[ParsedPerson]) -> None:
    """ "Mr. A and Ms. B, Co-Chairs, X (Statement)": A shares B's designation and markers."""
    for index, person in enumerate(people[:-1]):
        if person.name and not person.designation:
            following = people[index + 1]
            person.designation = following.designation
            person.documents = person.documents or list(following.documents)


def _most_common_year(text: str) -> int | None:
    """The year printed most often in text (the latest on a tie), or None."""
    return most_common_year([text])


def most_common_year(lines: Iterable[str]) -> int | None:
    """The year printed most often in the lines (the latest on a tie), or None. Counted line
    by line, which is the same as in the whole text: a year never spans a line break."""
    years: Counter[int] = Counter()
    for line in lines:
        years.update(int(year) for year in _YEAR_RE.findall(line))
    if not years:
        return None
    return max(years, key=lambda year: (years[year], year))


def parse_programme(text: str, year: int | None = None) -> ParsedProgramme:
    """Parse a programme pasted as plain text; ``year`` completes dates printed without one."""
    result = ParsedProgramme()
    for piece in stream_programme(split_lines(text), year, _most_common_year(text)):
        match piece:
            case ParsedDay():
                result.days.append(piece)
            case UnplacedLine():
                result.unplaced.append(piece)
            case Paragraph():
                result.sections.append(piece)
            case _:
                result.intro = piece
    return result


def stream_programme(
    lines: Iterable[str], year: int | None = None, text_year: int | None = None
) -> Iterator[list[Paragraph] | ParsedDay | UnplacedLine | Paragraph]:
    """``parse_programme`` piece by piece, for a text too long to hold: ``lines`` are read once
    (line n is the n-th), ``text_year`` is what ``most_common_year`` says of them.

    Yields the introduction (a list of paragraphs, once, before the first day), each day
    once it is complete (when the next day starts: a day only gains slots while it is the
    last), each unplaced line in line order, and each section heading. A programme's
    structure is local, so what is held at any time is one day and its lines, whatever the
    length of the text; the pieces are those ``parse_programme`` returns, in the same order.
    """
    builder = _Builder(year, text_year)
    result = builder.result
    days, unplaced, sections = result.days, result.unplaced, result.sections
    intro_sent = False
    heading = ""  # the current day's heading line, as printed
    for number, line in enumerate(lines, start=1):
        count = len(days)
        builder.feed(number, line)
        if sections:
            yield from sections
            sections.clear()
        if not intro_sent and (days or builder._state is not _State.INTRO):
            intro_sent = True  # the introduction ends where the programme starts
            builder.flush()
            yield result.intro
        if len(days) != count:
            if count:
                # A new day: the one before it is complete, and so are its unplaced lines.
                builder.flush()
                yield from _finished_day(days.pop(0), heading, unplaced)
                unplaced.clear()
            heading = line
        if unplaced and not _may_be_document_date(days[-1] if days else None):
            yield from unplaced
            unplaced.clear()
    builder.flush()
    if not intro_sent:
        yield result.intro
    if days:
        yield from _finished_day(days.pop(), heading, unplaced)
    else:
        yield from unplaced
    unplaced.clear()


def _may_be_document_date(day: ParsedDay | None) -> bool:
    return day is not None and not day.slots and day.date_only and day.heading is not None


def _finished_day(
    day: ParsedDay, heading: str, unplaced: list[UnplacedLine]
) -> Iterator[ParsedDay | UnplacedLine]:
    """A complete day, or, for a date alone with no slot under it ("14 March 2017" in a page
    header), its line reported as the document's date, not made a day; then the unplaced
    lines held since it started (they all come after its heading)."""
    if _may_be_document_date(day):
        yield from (
            UnplacedLine(number, heading.strip(), "a date with no slot: the document's date")
            for number in day.lines
        )
    else:
        yield day
    yield from unplaced
