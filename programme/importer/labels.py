"""The importer's text clean-up and its own constants; the printed vocabulary of roles,
honorifics and document markers lives in programme.vocabulary."""

import re

NEW_ROLE_ORDER = 90  # after the seeded roles printed above the speakers, before “Speaker”


class ProgrammeImportError(Exception):
    """The parsed programme cannot be written: the message says why, for staff."""


def title_from_slug(slug):
    """“idm-2018-second-session” → “Idm 2018 Second Session” (staff rename it later)."""
    return " ".join(word.capitalize() for word in re.split(r"[-_]+", slug) if word) or slug


# Control characters a database may refuse (PostgreSQL refuses NUL) and no one prints.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text):
    return _CONTROL.sub("", str(text or ""))


def slot_number(value):
    """The slot number as stored (“4”, “IV”, “4a”), “” for none: the parser reads numbers
    as integers, a hand-made plan may give text."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int):
        return str(value) if value > 0 else ""
    return " ".join(str(value).split())[:10]


def _clip(text, length):
    text = " ".join(_clean(text).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
