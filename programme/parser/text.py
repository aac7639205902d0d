"""Text helpers of the parser: lines, spacing, names, brackets with document markers."""

import re
from dataclasses import dataclass, field

import ftfy

from programme.parser.patterns import (
    _BRACKET_RE,
    _HONORIFIC_RE,
    _MARKER_SPLIT_RE,
    _NAME_PARTICLES,
    _PERSON_SEPARATOR_RE,
    _ROLE_RE,
    _TIMEZONE_RE,
    _TRAILING_BRACKET_RE,
)
from programme.vocabulary import POSITION_HEADS, POSITION_MODIFIERS, is_marker

# --- Text helpers ------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


# Letters that UTF-8 text read as Windows-1252 begins with ("Ã©" for "é", "â€™" for "’").
_MOJIBAKE_RE = re.compile(r"[ÃÂâÅÐÑ][\x80-\xbf\u0152-\u2122]")


def repair_encoding(line: str) -> str:
    """A line read in the wrong encoding, repaired ("Ã©" → "é") by ftfy; others as they are.

    Runs before invisible characters are dropped: a damaged "í" is "Ã" and a soft hyphen.
    A correct "UNIÃO" does not decode as UTF-8 and is left alone.
    """
    if not _MOJIBAKE_RE.search(line):
        return line
    return ftfy.fix_encoding(line)


def split_lines(text: str) -> list[str]:
    """The lines of a text, split as a text editor would; line n is at index n - 1."""
    return re.split(r"\r\n|\r|\n", text)


def _normalise(line: str) -> str:
    """Drop invisible characters; make tabs, non-breaking spaces and runs of spaces one space."""
    return " ".join(line.translate(_INVISIBLE).split())


def _is_name(text: str) -> bool:
    """Whether text reads like a person's name: a few words, each capitalised or a particle."""
    words = text.split()
    if not 0 < len(words) <= 8 or ":" in text:  # "Interpretation: EN" is a label
        return False
    capitalised = [any(part[:1].isupper() for part in re.split(r"[-'’‘.]", word)) for word in words]
    return any(capitalised) and all(
        upper or word.casefold() in _NAME_PARTICLES
        for word, upper in zip(words, capitalised, strict=True)
    )


def _position_start(words: list[str]) -> int | None:
    """Where a position begins in "Caroline Whitaker President" (2), or None."""
    for index in range(2, len(words)):
        parts = [part.casefold() for part in words[index].split("-")]
        if not words[index][:1].isupper() or not all(
            part in POSITION_HEADS or part in POSITION_MODIFIERS for part in parts[:1]
        ):
            continue
        rest = [part.casefold() for word in words[index:] for part in word.split("-")]
        if any(part in POSITION_HEADS for part in rest):
            return index
    return None


def _looks_like_person(text: str, *, bare_name: bool) -> bool:
    """Whether text reads like "Ms. Name, designation"; ``bare_name`` accepts a name alone."""
    honorific = _HONORIFIC_RE.match(text)
    name, comma, _ = text[honorific.end() if honorific else 0 :].partition(",")
    name = _PERSON_SEPARATOR_RE.split(name, maxsplit=1)[0]  # "A and Ms. B, Co-Chairs"
    name = _TRAILING_BRACKET_RE.sub("", name)  # "A. Rahimi (Afghanistan)"
    if honorific and (start := _position_start(name.split())) is not None:
        name = " ".join(name.split()[:start])  # "Ms. Jane Roe Director of X, Unit"
    return bool(comma or honorific or bare_name) and _is_name(name)


_SPACE_BEFORE_PUNCTUATION_RE = re.compile(r" ([,;])")


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
    if all(is_marker(part) for part in parts):
        return parts
    return None


def _extract_brackets(text: str, *, timezones: bool = False) -> _Brackets:
    """Take markers (and a role or a time zone) out of text; other brackets stay."""
    if "(" not in text and ")" not in text:  # every bracket the pattern finds has one
        return _Brackets(text=_SPACE_BEFORE_PUNCTUATION_RE.sub(r"\1", " ".join(text.split())))
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
    found.text = _SPACE_BEFORE_PUNCTUATION_RE.sub(r"\1", " ".join("".join(kept).split()))
    return found
