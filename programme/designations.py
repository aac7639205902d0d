"""Splitting a printed designation into position, organisation and country, conservatively.

“Head of the Governing Bodies Division, IOM” → position “Head of the Governing Bodies
Division”, organisation “IOM”. When the line does not split cleanly, only what is certain is
taken (a country at the end, an organisation already known) and the rest stays the position.
The full printed line is always kept on the appearance, so nothing is lost either way.
"""

import functools
import re
from dataclasses import dataclass

from django.utils.translation import get_language
from django_countries.fields import Country

from core.choices import country_name
from speakers.countries import country_code

# Words that begin or end a position rather than an organisation's name.
POSITION_WORDS = {
    "adviser",
    "advisor",
    "ambassador",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chief",
    "co",
    "coordinator",
    "counsellor",
    "deputy",
    "director",
    "facilitator",
    "founder",
    "head",
    "manager",
    "member",
    "minister",
    "officer",
    "president",
    "rapporteur",
    "representative",
    "secretary",
    "senior",
    "special",
    "specialist",
    "vice",
}

_ACRONYM = re.compile(r"^(?P<name>.+?)\s*\((?P<acronym>[A-Z][A-Za-z0-9&.\-]{1,14})\)$")


def split_commas(text):
    """Parts separated by commas, ignoring commas inside brackets."""
    parts, depth, current = [], 0, []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    parts.append("".join(current).strip())
    return [part for part in parts if part]


def organisation_name_and_acronym(text):
    """(“African Renaissance and Diaspora Network”, “ARDN”) from “… Network (ARDN)”."""
    text = " ".join(text.split())
    match = _ACRONYM.match(text)
    if match and match.group("acronym").upper() == match.group("acronym"):
        return match.group("name").strip(), match.group("acronym")
    return text, ""


def looks_like_organisation(text):
    """True when a part of a designation can be taken for an organisation's name."""
    words = re.findall(r"[\w’']+", text)
    if not words or not text[0].isupper():
        return False
    first, last = words[0].casefold(), words[-1].casefold()
    if first in POSITION_WORDS or last in POSITION_WORDS:
        return False
    # “Chief Executive”, “Director Policy”: a position word anywhere in a short part.
    return not (len(words) <= 3 and any(word.casefold() in POSITION_WORDS for word in words))


@dataclass
class Designation:
    printed: str
    position: str = ""
    organisation: object = None  # an Organization already known, or None
    new_organisation_name: str = ""
    new_organisation_acronym: str = ""
    country: str = ""

    @property
    def organisation_label(self):
        if self.organisation is not None:
            return str(self.organisation)
        if self.new_organisation_name:
            name, acronym = self.new_organisation_name, self.new_organisation_acronym
            return f"{name} ({acronym})" if acronym and acronym != name else name
        return ""


def split_designation(printed, find_organisation):
    """Split “Position, Organisation, Country” conservatively.

    find_organisation(text) returns a known Organization whose name or acronym is text, or None.
    A known organisation is recognised anywhere at the end of the line (“Chief of Staff, The
    Global Fund to fight Aids, Tuberculosis and Malaria”); a new one is only proposed for the
    plain two-part form “Position, Organisation”.
    """
    printed = " ".join(str(printed or "").split())
    result = Designation(printed=printed, position=printed)
    parts = split_commas(printed)
    if not parts:
        result.position = ""
        return result
    if len(parts) > 1:
        code = country_code(parts[-1])
        if code:
            result.country = code
            parts = parts[:-1]
    for start in range(len(parts)):
        candidate = ", ".join(parts[start:])
        name, acronym = organisation_name_and_acronym(candidate)
        organisation = find_organisation(name) or (acronym and find_organisation(acronym))
        if organisation:
            result.organisation = organisation
            result.position = ", ".join(parts[:start])
            return result
    if len(parts) == 2 and looks_like_organisation(parts[1]):
        name, acronym = organisation_name_and_acronym(parts[1])
        result.new_organisation_name = name
        result.new_organisation_acronym = acronym
        result.position = parts[0]
        return result
    result.position = ", ".join(parts)
    return result


def _mentions(text, name):
    """Whether ``name`` appears in ``text`` as whole words, ignoring case."""
    name = " ".join(str(name or "").split())
    return bool(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)


def designation_line(position, organisation=None, country=None):
    """“Position, Organisation, Country” as printed when no designation was typed, without
    repeating what the position already says: “Permanent Representative of Ecuador to the
    United Nations” is not followed by “, Ecuador”, nor “Director General of IOM” by “, IOM”.

    ``organisation`` is a speakers Organisation or None, ``country`` a django-countries
    Country (or its code) or empty.
    """
    if organisation is None:
        return line_from_names(position, "", "", country)
    return line_from_names(
        position, organisation.name, getattr(organisation, "acronym", ""), country
    )


def line_from_names(position, organisation_name="", acronym="", country=None):
    """designation_line() from the organisation's name and acronym (rows read as values)."""
    position = " ".join(str(position or "").split())
    parts = [position]
    if organisation_name and not any(
        _mentions(position, name) for name in (organisation_name, acronym)
    ):
        parts.append(str(organisation_name))
    if country:
        name = country_name(Country(code=country) if isinstance(country, str) else country)
        if not _mentions(", ".join(parts), name):
            parts.append(name)
    return ", ".join(part for part in parts if part)


@functools.lru_cache(maxsize=8192)
def _line_in_language(language, position, organisation_name, acronym, country):
    return line_from_names(position, organisation_name, acronym, country)


def remembered_line_from_names(
    position, organisation_name="", acronym="", country=None, language=None
):
    """line_from_names() for the rows of a feed or an export, where the same position,
    organisation and country come back row after row: each combination is worked out once
    per language (the country's name is printed in the active language; ``language``: the
    active one, when the caller has read it already)."""
    return _line_in_language(
        language or get_language(),
        position,
        organisation_name,
        acronym,
        getattr(country, "code", country),
    )
