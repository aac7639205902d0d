"""The one vocabulary of printed programmes: role labels, honorifics and document markers.

The parser reads programmes with it, the importer stores what the parser found with it
(`honorific_choice`, `document_kind`, `role_synonym`), the demo and the admin name things
with it. Words are listed as printed, in English, French and Spanish; keys of the maps are
`normalise_name()` of the printed form (no case, accents or punctuation).
"""

import re
from collections.abc import Iterable

from documents.enums import DocumentKind
from speakers.enums import Honorific
from speakers.names import normalise_name


def alternation(words: Iterable[str]) -> str:
    """A regex alternative of literal words, longest first so "Opening remarks" beats "remarks"."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def matched_word(words: Iterable[str], matched: str) -> str:
    """Which of ``words`` a case-insensitive regex matched ("İ" matches "i"; casefold differs)."""
    return next(w for w in words if re.fullmatch(re.escape(w), matched, re.IGNORECASE))


# --- Roles -----------------------------------------------------------------------------

#: The role of a person under no label, whatever the language (the stored default).
SPEAKER = "Speaker"

#: Role labels the parser recognises, singular and plural, as a regex (case-insensitive).
ROLE_PATTERN = (
    r"(?:co-?\s?)?(?:moderators?|chairs?|chairpersons?|chairman|chairwoman)"
    r"|presenters?|panel+ists?|(?:keynote\s|guest\s)?speakers?|rapporteurs?"
    r"|(?:lead\s)?discussants?|facilitators?|respondents?|hosts?|master\sof\sceremonies"
    r"|modérat(?:eur|rice)s?|présidente?s?|intervenante?s?|moderador(?:a|es|as)?"
    r"|panelistas?|ponentes?"
)

#: "Moderated by X": the verb gives the role of the person doing it.
ROLE_VERBS = {
    "moderated": "Moderator",
    "co-moderated": "Co-moderator",
    "chaired": "Chair",
    "co-chaired": "Co-Chair",
    "presented": "Presenter",
    "facilitated": "Facilitator",
    "hosted": "Host",
}

#: Printed labels that mean a seeded role.
ROLE_SYNONYMS = {
    "speakers": "Speaker",
    "speaker": "Speaker",
    "moderated by": "Moderator",
    "moderator": "Moderator",
    "moderators": "Moderator",
    "chaired by": "Chair",
    "chairperson": "Chair",
    "chair": "Chair",
    "chairs": "Chair",
    "co chair": "Co-Chair",
    "co chairs": "Co-Chair",
    "presented by": "Presenter",
    "presenters": "Presenter",
    "keynote speakers": "Keynote speaker",
    "keynote": "Keynote speaker",
}


def role_synonym(label: str) -> str | None:
    """The seeded role a printed label means ("Moderators" → "Moderator"), or None."""
    return ROLE_SYNONYMS.get(normalise_name(label))


# --- Honorifics ------------------------------------------------------------------------

#: Printed honorifics as a regex (case-insensitive); the parser allows up to four in a row.
HONORIFIC_PATTERN = (
    r"(?:His|Her) Excellency|H\. ?E\.|Ambassador|Amb\.|Professor|Prof\.?|Mrs\.?|Mr\.?|Ms\.?"
    r"|Mme\.?|Dra\.?|Dr\.?|Sra\.?|Sr\.?|Hon\.?"
)

#: Printed honorifics (letters only, lower case) → the stored choice.
HONORIFICS = {
    "mr": Honorific.MR,
    "m": Honorific.MR,
    "sr": Honorific.MR,
    "senor": Honorific.MR,
    "ms": Honorific.MS,
    "srta": Honorific.MS,
    "mrs": Honorific.MRS,
    "mme": Honorific.MRS,
    "sra": Honorific.MRS,
    "senora": Honorific.MRS,
    "dr": Honorific.DR,
    "prof": Honorific.PROF,
    "professor": Honorific.PROF,
    "amb": Honorific.AMB,
    "ambassador": Honorific.AMB,
    "hon": Honorific.HON,
    "honourable": Honorific.HON,
    "honorable": Honorific.HON,
}


def honorific_choice(printed: str) -> str:
    """The stored honorific for a printed one (“H.E. Mr.” → “H.E.”), or “” when unknown."""
    key = re.sub(r"[^a-z]", "", normalise_name(printed))
    if not key:
        return ""
    if (key.startswith("he") and len(key) <= 5) or key.endswith("excellency"):
        return Honorific.HE
    return HONORIFICS.get(key, "")


# --- Document markers ------------------------------------------------------------------

#: Markers on a slot line that say the slot has a video (not a document).
VIDEO_MARKERS = frozenset(
    {"video", "video of the session", "session video", "video recording", "webcast"}
)

#: Bracketed words that name something delivered or published: "(Remarks)", "(Presentation)".
MARKERS = VIDEO_MARKERS | frozenset(
    {
        "remarks", "opening remarks", "closing remarks", "welcome remarks", "welcoming remarks",
        "introductory remarks", "concluding remarks", "keynote remarks", "presentation",
        "statement", "opening statement", "closing statement", "keynote address",
        "keynote speech", "keynote statement", "address", "speech", "video message",
        "concept note", "agenda", "programme", "program", "background paper", "background note",
        "discussion paper", "report", "summary", "slides", "transcript", "audio", "photos",
        "biography", "bio", "message", "intervention", "discours", "présentation", "allocution",
        "déclaration", "presentación", "discurso", "declaración", "intervención",
    }
)  # fmt: skip

#: Printed markers → the kind of document stored; anything else is “other”.
DOCUMENT_KINDS = {
    "opening remarks": DocumentKind.OPENING_REMARKS,
    "opening statement": DocumentKind.OPENING_REMARKS,
    "welcome remarks": DocumentKind.OPENING_REMARKS,
    "remarks": DocumentKind.REMARKS,
    "closing remarks": DocumentKind.REMARKS,
    "speech": DocumentKind.REMARKS,
    "presentation": DocumentKind.PRESENTATION,
    "presentations": DocumentKind.PRESENTATION,
    "slides": DocumentKind.PRESENTATION,
    "presentacion": DocumentKind.PRESENTATION,
    "statement": DocumentKind.STATEMENT,
    "declaration": DocumentKind.STATEMENT,
    "declaracion": DocumentKind.STATEMENT,
    "discours": DocumentKind.STATEMENT,
    "intervention": DocumentKind.STATEMENT,
    "keynote address": DocumentKind.KEYNOTE_ADDRESS,
    "keynote speech": DocumentKind.KEYNOTE_ADDRESS,
    "concept note": DocumentKind.CONCEPT_NOTE,
    "note conceptuelle": DocumentKind.CONCEPT_NOTE,
    "nota conceptual": DocumentKind.CONCEPT_NOTE,
    "agenda": DocumentKind.AGENDA,
    "ordre du jour": DocumentKind.AGENDA,
    "background paper": DocumentKind.BACKGROUND_PAPER,
    "background note": DocumentKind.BACKGROUND_PAPER,
    "report": DocumentKind.REPORT,
    "rapport": DocumentKind.REPORT,
    "informe": DocumentKind.REPORT,
}


def is_marker(text: str) -> bool:
    """Whether text, alone in a bracket, is a document marker ("Remarks", "Keynote address")."""
    return " ".join(text.split()).casefold() in MARKERS


def is_video_marker(text: str) -> bool:
    return " ".join(text.split()).casefold() in VIDEO_MARKERS


def document_kind(marker: str) -> str:
    """The kind of document a printed marker names (“Opening remarks” → opening remarks)."""
    return DOCUMENT_KINDS.get(normalise_name(marker), DocumentKind.OTHER)
