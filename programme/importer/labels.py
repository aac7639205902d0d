"""The importer's reading of printed labels: roles, honorifics, document markers; text clean-up."""

import re

from documents.enums import DocumentKind
from speakers.enums import Honorific
from speakers.names import normalise_name

SPEAKER_ROLE = "Speaker"
NEW_ROLE_ORDER = 90  # after the seeded roles printed above the speakers, before “Speaker”

# Printed labels that mean a seeded role (keys are normalise_name() of the label).
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

# Printed honorifics (normalised: letters only) → the stored choice.
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

# Printed document markers (normalised) → document kind; anything else is “other”.
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


class ProgrammeImportError(Exception):
    """The parsed programme cannot be written: the message says why, for staff."""


def honorific_choice(printed):
    """The stored honorific for a printed one (“H.E. Mr.” → “H.E.”), or “” when unknown."""
    key = re.sub(r"[^a-z]", "", normalise_name(printed))
    if not key:
        return ""
    if (key.startswith("he") and len(key) <= 5) or key.endswith("excellency"):
        return Honorific.HE
    return HONORIFICS.get(key, "")


def document_kind(marker):
    return DOCUMENT_KINDS.get(normalise_name(marker), DocumentKind.OTHER)


def title_from_slug(slug):
    """“idm-2018-second-session” → “Idm 2018 Second Session” (staff rename it later)."""
    return " ".join(word.capitalize() for word in re.split(r"[-_]+", slug) if word) or slug


# Control characters a database may refuse (PostgreSQL refuses NUL) and no one prints.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(text):
    return _CONTROL.sub("", str(text or ""))


def _clip(text, length):
    text = " ".join(_clean(text).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
