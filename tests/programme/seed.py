"""The seed page (IDM 2018, second session) and what each of its lines must show."""

import re
from pathlib import Path

SEED_NAME = "idm-2018-second-session.txt"
REPOSITORY = Path(__file__).resolve().parent.parent.parent

# Lines of the source web page that are its own navigation, not programme content.
SOURCE_PAGE_FURNITURE = {"Related documents", "Event documents and photos"}

_SLOT = re.compile(
    r"^\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2}\s+(?:Session \d+:\s+)?(?P<title>.*?)"
    r"(?:\s*\(Video of the session\))?$"
)
_MARKERS = re.compile(r"(?:\s*\((?:Opening remarks|Remarks|Presentation)\))+\s*$")
_LABEL = re.compile(r"^(?:Moderator|Presenter|Introduction to the panel discussion):\s*")
_HONORIFIC = re.compile(r"^(?:Mr\.|Ms\.)\s+")


def seed_path():
    """The one copy of the seed in the project: the text load_demo imports."""
    return REPOSITORY / "demo" / "data" / SEED_NAME


def seed_text():
    return seed_path().read_text(encoding="utf-8")


def seed_fragments():
    """(line number, text) for what each programme line of the seed must show, in order.

    Worked out from the seed's own lines, independently of the parser: the intro paragraphs,
    the day labels, each slot's title, and each person's name and designation as printed.
    """
    fragments = []
    for number, raw in enumerate(seed_text().splitlines(), start=1):
        line = " ".join(raw.replace("\u00a0", " ").split())
        if not line or line in SOURCE_PAGE_FURNITURE:
            continue
        if line.startswith("DAY "):
            fragments.append((number, line.split("–")[0].split("-")[0].strip()))
            continue
        slot = _SLOT.match(line)
        if slot:
            fragments.append((number, slot.group("title")))
            continue
        if raw.startswith("  •") or _LABEL.match(line):
            text = _HONORIFIC.sub("", _LABEL.sub("", line.lstrip("• ")))
            text = _MARKERS.sub("", text)
            name, _, designation = text.partition(", ")
            fragments.append((number, name))
            fragments.append((number, designation))
            continue
        fragments.append((number, line[:80]))
    return fragments
