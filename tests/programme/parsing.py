"""Reading what the parser found, for the parser's test modules."""

from programme.parser import ParsedProgramme, ParsedSlot, parse_programme


def slots_of(parsed: ParsedProgramme) -> list[ParsedSlot]:
    return [slot for day in parsed.days for slot in day.slots]


def people_of(slot: ParsedSlot) -> list[tuple[str, str, str, str, list[str]]]:
    """Each person as (role, honorific, name, designation, documents)."""
    return [(p.role, p.honorific, p.name, p.designation, p.documents) for p in slot.people]


def all_people(parsed: ParsedProgramme) -> list[tuple[str, str, str, str, list[str]]]:
    return [person for slot in slots_of(parsed) for person in people_of(slot)]


def only_slot(text: str, year: int | None = None) -> ParsedSlot:
    """The one session of a programme that must parse without leftovers."""
    parsed = parse_programme(text, year)
    assert parsed.unplaced == []
    [slot] = slots_of(parsed)
    return slot
