"""Writing a parsed programme into an event: a plan first (what is new, what is matched), then
the writes, in one transaction.

The input is the parser's dictionary (`ParsedProgramme.to_dict()`, the JSON of
`import_programme --json`). `build_plan()` reads the database and writes nothing: the admin
preview and the command's dry run show it. `import_programme()` builds the same plan inside a
transaction and carries it out; importing the same text twice changes nothing, because each
thing is matched before it is created:

- days by date;
- slots by day and title (same start time preferred, or the same position in the day);
- people by name regardless of case, accents and spacing (`normalise_name`);
- organisations by name or acronym, roles by printed label;
- appearances by (slot, person, role); documents by (appearance, kind).

What exists is never overwritten: staff corrections survive a second import.
"""

from programme.importer.labels import (
    ProgrammeImportError,
    title_from_slug,
)
from programme.importer.plan import DayPlan, DocumentPlan, ImportPlan, PersonPlan, SlotPlan
from programme.importer.plan_stream import PlanStream
from programme.importer.planner import build_plan
from programme.importer.writer import ImportResult, import_programme, parse_text, write_plan
from programme.vocabulary import document_kind, honorific_choice

__all__ = [
    "DayPlan",
    "DocumentPlan",
    "ImportPlan",
    "ImportResult",
    "PersonPlan",
    "PlanStream",
    "ProgrammeImportError",
    "SlotPlan",
    "build_plan",
    "document_kind",
    "honorific_choice",
    "import_programme",
    "parse_text",
    "title_from_slug",
    "write_plan",
]
