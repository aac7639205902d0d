"""The regular expressions of the parser: labels, bullets, time zones, dates, times, titles."""

import re
from itertools import pairwise

from programme.parser.results import SlotKind
from programme.vocabulary import (
    FIRST_HONORIFIC_PATTERN,
    HONORIFIC_PATTERN,
    MARKERS,
    ROLE_PATTERN,
    ROLE_VERBS,
    alternation,
)

_MARKER_ALT = alternation(MARKERS)


_SECTIONS = frozenset(
    {
        "related documents", "event documents and photos", "event documents", "documents",
        "documents and photos", "photos", "photos and videos", "background documents",
        "related links", "resources", "downloads", "see also", "documents connexes",
        "documentos relacionados",
    }
)  # fmt: skip

_ROLE_RE = re.compile(ROLE_PATTERN, re.IGNORECASE)
_ROLE_DASH_RE = re.compile(rf"(?P<label>{ROLE_PATTERN}) ?[-–—] (?P<rest>.+)", re.IGNORECASE)
_LABEL_RE = re.compile(r"(?P<label>[^\W\d_][^:,\d()]{0,59}):(?P<rest>.*)")
_BY_RE = re.compile(
    rf"(?:(?P<verb>{alternation(ROLE_VERBS)})|(?P<marker>{_MARKER_ALT}))"
    r" by:? (?P<rest>.+)",
    re.IGNORECASE,
)

# Honorifics before a name, up to four ("H.E. Mr.", "Senator the Hon."), a leading article
# left out of group "h"; "H.E.Mr." is read without the missing space.
# "Allocution de S.E. Mme X", "Palabras del Emb. X", "Animé par M. X": phrase, then person.
_OF_RE = re.compile(r" (?:by|par|de|del|de la|d’|d')(?: |(?<=[’']))", re.IGNORECASE)
_HONORIFIC_SEPARATOR = r"(?: |(?<=\.)(?=(?-i:[A-Z])))"
_HONORIFIC_RE = re.compile(
    rf"(?:the )?(?P<h>(?:{FIRST_HONORIFIC_PATTERN}){_HONORIFIC_SEPARATOR}"
    rf"(?:(?:{HONORIFIC_PATTERN}){_HONORIFIC_SEPARATOR}){{0,3}})",
    re.IGNORECASE,
)
_PERSON_SEPARATOR_RE = re.compile(
    rf"( ?; ?|,? (?:and|et|y|&) (?=(?:{FIRST_HONORIFIC_PATTERN}){_HONORIFIC_SEPARATOR}))",
    re.IGNORECASE,
)
_TRAILING_BRACKET_RE = re.compile(r" ?\((?P<content>[^()]+)\)$")
_NAME_PARTICLES = frozenset(
    {
        "al", "bin", "bint", "binti", "da", "das", "de", "del", "dela", "della", "den", "der",
        "des", "di", "do", "dos", "du", "e", "el", "i", "ibn", "la", "le", "ten", "ter", "van",
        "von", "y", "zu",
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
    rf"|(?-i:{alternation(_TIMEZONE_ABBREVIATIONS)})(?: ?[+\-] ?[0-9]{{1,2}})?"
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

_MONTH = alternation(_MONTHS)
_DATE = (
    rf"(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th|er|º|°)? ?(?:de )?(?P<m1>{_MONTH})\.?"
    r"(?:,? ?(?:de |del )?(?P<y1>[0-9]{4}))?"
    rf"|(?P<m2>{_MONTH})\.? ?(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,? ?(?P<y2>[0-9]{{4}}))?"
    r"|(?P<y3>[0-9]{4})-(?P<m3>[0-9]{1,2})-(?P<d3>[0-9]{1,2})"
)
_HEADING_SEPARATOR = r"[\s\-–—:,.|/(]*+"
_HEADING_RE = re.compile(
    r"(?:(?:date|fecha)\s?:\s?)?"
    rf"(?P<label>(?:day|jour|journée|d[ií]a) ?(?:[0-9]{{1,2}}|{alternation(_DAY_NUMBERS)})"
    rf"(?![^\W_]))?{_HEADING_SEPARATOR}"
    rf"(?:(?P<weekday>{alternation(_WEEKDAYS)})(?![^\W_]){_HEADING_SEPARATOR})?"
    rf"(?P<date>{_DATE})?[\s.)]*+"
    # "Lundi 14 Novembre 2022 – Réunion des hauts fonctionnaires": what the day is for.
    r"(?:(?<=[0-9] )[–—-] (?P<purpose>[^\W\d_][^:]{0,60}))?",
    re.IGNORECASE,
)
_HEADING_MAX_LENGTH = 100


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
# "0830 – 0900" and "0830 – 0900 hrs": four digits, read as a time range only in a range.
_COMPACT_RANGE_RE = re.compile(
    r"(?P<sh>[0-2][0-9])(?P<sm>[0-5][0-9]) ?[-–—] ?(?P<eh>[0-2][0-9])(?P<em>[0-5][0-9])"
    r"(?P<hrs> ?(?:hrs?|hours)\.?)?(?![0-9])[\s\-–—:|.,/]*+(?P<rest>.*)",
    re.IGNORECASE,
)
# "1830 hrs Welcome dinner": four digits alone are a time only when "hrs" is printed.
_COMPACT_TIME_RE = re.compile(
    r"(?P<sh>[0-2][0-9])(?P<sm>[0-5][0-9]) ?(?:hrs?|hours)\.?(?![^\W\d_])"
    r"[\s\-–—:|.,/]*+(?P<rest>.*)",
    re.IGNORECASE,
)
_SINGLE_TIME_RE = re.compile(_time_pattern("s") + _AFTER_TIME, re.IGNORECASE)
_YEAR_RE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")


# --- Titles ------------------------------------------------------------------

_WORD_NUMBERS = {
    word: number
    for number, words in enumerate(
        [("one", "un", "uno"), ("two", "deux", "dos"), ("three", "trois", "tres"),
         ("four", "quatre", "cuatro"), ("five", "cinq", "cinco"), ("six", "seis"),
         ("seven", "sept", "siete"), ("eight", "huit", "ocho"), ("nine", "neuf", "nueve"),
         ("ten", "dix", "diez")],
        start=1,
    )
    for word in words
}  # fmt: skip
_NUMBERED_RE = re.compile(
    r"(?:(?:plenary|working|thematic|breakout|leadership|high-level) )?"
    r"(?:session|panel|s[ée]ance|sesi[óo]n|round ?table|table ronde|mesa redonda|dialogue)"
    rf" (?P<number>[0-9]{{1,3}}|(?-i:[IVXLC]{{1,7}})|{alternation(_WORD_NUMBERS)})(?![^\W_])"
    r" ?[:.\-–—|]? ?(?P<rest>.*)",
    re.IGNORECASE,
)
# An agenda item numbered in Roman numerals: "IV. General debate".
_AGENDA_ITEM_RE = re.compile(r"(?P<number>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))\. (?P<rest>.+)")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_KIND_RULES: tuple[tuple[SlotKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "break",
            r"^(?![“«\"]).*\b(?:break|lunch|luncheon|coffee|tea|registration|reception|dinner"
            r"|cocktail|banquet|drinks?|suspension|pause|pausa|café|déjeuner|dîner|almuerzo"
            r"|receso|cena|registro|inscripci[óo]n|inscription|enregistrement|acreditaci[óo]n"
            r"|accr[ée]ditation|accueil (?:des|et))\b",
        ),
        (
            "keynote",
            r"^(?:opening )?keynote|^invited (?:talk|lecture)|^conf[ée]rence inaugurale"
            r"|^conferencia magistral",
        ),
        (
            "opening",
            r"^(?:opening|official opening|welcome|ouverture|séance d.ouverture|apertura"
            r"|c[ée]r[ée]monie (?:officielle )?d.ouverture|sesi[óo]n inaugural|inauguraci[óo]n"
            r"|palabras de bienvenida|mot de bienvenue)",
        ),
        (
            "closing",
            r"^(?:closing|closure|clôture|cierre|concluding|conclusion|wrap"
            r"|c[ée]r[ée]monie de cl[ôo]ture|sesi[óo]n de clausura|clausura)"
            r"|\b(?:and|y|et) (?:closing|clausura|cl[ôo]ture)$|\bclose of the (?:session|meeting)$",
        ),
        ("special", r"\bvoices? session\b|^special session"),
        ("scene-setting", r"^(?:setting the scene|scene.setting)"),
        (
            "panel",
            r"^session\b|\b(?:panel|round ?table|table ronde|mesa redonda)\b"
            r"|^(?:policy|high-level) dialogue",
        ),
    )
)


def _slot_number(printed: str) -> int:
    """ "3", "IV" or "Two" as a number."""
    if printed.isdigit():
        return int(printed)
    if word := _WORD_NUMBERS.get(printed.casefold()):
        return word
    return _roman(printed)


def _roman(numeral: str) -> int:
    """The value of a Roman numeral such as "IV"."""
    values = [_ROMAN[letter] for letter in numeral]
    return sum(
        -value if value < following else value for value, following in pairwise([*values, 0])
    )


def _kind(title: str) -> SlotKind:
    """Guess the kind of session from its title as printed."""
    numbered = _NUMBERED_RE.fullmatch(title)
    for kind, pattern in _KIND_RULES:
        if pattern.search(numbered["rest"] if numbered else title):
            return kind
    return "panel" if numbered else "other"
