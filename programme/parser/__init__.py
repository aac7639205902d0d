"""Read a conference programme pasted as plain text into days, slots and people.

The parser works one line at a time. A small classifier (``lines``) says what a line looks
like (a day heading, a time slot, a role label, people, document markers or plain text) and a
state machine (``builder``) decides where it belongs. Nothing is dropped: a non-empty line
that finds no place goes to ``unplaced`` with its line number, so the secretariat can fix the
text or enter that line by hand. The words it knows (roles, honorifics, document markers) are
those of ``programme.vocabulary``; its regular expressions are in ``patterns``.

Choices worth knowing:

- ``stream_programme`` gives the same result piece by piece (the introduction, each day
  once the next starts, unplaced lines, section headings) for a text too long to hold.
- Lines are separated by ``\\n``, ``\\r\\n`` or ``\\r`` (see ``split_lines``) and
  numbered from 1, as a text editor numbers them.
- Document markers are brackets whose whole content is known vocabulary, such as
  "(Remarks)" or "(Keynote address | Video)". Other brackets, such as "(EMOPS)",
  stay in the text.
- "Remarks by Ms. X, …" and "Opening remarks by H.E. Mr. X, …" give the role
  "Speaker" with the document marker "Remarks" or "Opening remarks": the words
  before "by" describe what the person delivers, not a role in the slot.
  "Moderated by X" and "Chaired by X" give the roles "Moderator" and "Chair".
- A role label alone on a line ("Panellists:") applies to the people listed
  under it. A plural label lasts until the next label or slot; a singular one
  ("Moderator:") ends at the first blank line after a person.
- On a slot line, "(Video of the session)" and other video markers set
  ``video``; on a person's line they are documents like any other marker.
- A year missing from a day heading comes from the ``year`` argument, else from
  the last heading that printed one, else from the year printed most often in
  the text.
- Roles are stored singular ("Panellists:" → "Panellist"); a label or phrase naming
  something delivered ("Opening remarks:", "Allocution de S.E. Mme X", "Palabras del
  Emb. X") gives the role "Speaker" and that marker, first in the person's documents.
- A line read in the wrong encoding ("Ã©" for "é") is repaired with ftfy before
  anything else; ``unplaced`` still quotes lines as printed.
- A date alone with no slot under it is the document's date: reported, not a day.
- Each person has a ``confidence``: "low" marks a reading the officer should check first
  (a bare name, a position found without a comma, a speaker with no name, an affiliation
  read from the lines below). It is not part of ``to_dict()``.

No model is imported: the parser only reads text (the vocabulary maps printed words to
the stored choices, which are plain enumerations).
"""

from programme.parser.builder import most_common_year, parse_programme, stream_programme
from programme.parser.results import (
    Confidence,
    Paragraph,
    ParsedDay,
    ParsedPerson,
    ParsedProgramme,
    ParsedSlot,
    SlotKind,
    UnplacedLine,
)
from programme.parser.text import split_lines

__all__ = [
    "Confidence",
    "Paragraph",
    "ParsedDay",
    "ParsedPerson",
    "ParsedProgramme",
    "ParsedSlot",
    "SlotKind",
    "UnplacedLine",
    "most_common_year",
    "parse_programme",
    "split_lines",
    "stream_programme",
]
