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
    "présenté": "Présentateur",
    "présentée": "Présentatrice",
    "animé": "Animateur",
    "animée": "Animatrice",
    "modéré": "Modérateur",
    "modérée": "Modératrice",
    "présidé": "Président",
    "présidée": "Présidente",
    "moderado": "Moderador",
    "moderada": "Moderadora",
    "presidido": "Presidente",
    "presidida": "Presidenta",
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


#: Words after which a label names what follows ("Master of Ceremonies", "Président de séance").
_ROLE_COMPLEMENT = frozenset({"of", "for", "de", "del", "des", "du", "d’", "d'"})
#: Plural endings kept as they are: a singular word that ends in s.
_SINGULAR_ENDINGS = ("ss", "us", "is", "ous")


def _singular_word(word: str) -> str:
    lower = word.casefold()
    if lower.endswith("sses") or (lower.endswith("ores") and len(lower) > 6):
        return word[:-2]  # Witnesses, Moderadores
    if lower.endswith("s") and not lower.endswith(_SINGULAR_ENDINGS) and len(lower) > 3:
        return word[:-1]
    return word


def singular_role(label: str) -> str:
    """A role label as stored, singular: "Panellists" → "Panellist", "Co-Chairs" → "Co-Chair".

    The head noun is the word before "of"/"de" ("Presidents of the session"), else the last.
    """
    words = label.split()
    if not words:
        return label
    head = len(words) - 1
    for index, word in enumerate(words[1:], start=1):
        if word.casefold() in _ROLE_COMPLEMENT:
            head = index - 1
            break
    words[head] = _singular_word(words[head])
    return " ".join(words)


def role_synonym(label: str) -> str | None:
    """The seeded role a printed label means ("Moderators" → "Moderator"), or None."""
    return ROLE_SYNONYMS.get(normalise_name(label))


# --- Honorifics ------------------------------------------------------------------------

#: Printed honorifics, one regex per word, in English, French and Spanish (case-insensitive).
HONORIFIC_WORDS = (
    r"(?:His|Her) Excellency",
    r"S\. ?E\. ?M\.",  # Son Excellence Monsieur
    r"H\. ?E\.",
    r"S\. ?E\.",
    r"Ambassador",
    r"Amb\.",
    r"Emb\.",
    r"Professor",
    r"Prof\.?",
    r"Pr\.?",
    r"Mrs\.?",
    r"Mr\.?",
    r"Ms\.?",
    r"Mmes?\.?",
    r"Mlle\.?",
    r"Dra\.?",
    r"Dr\.?",
    r"Sra\.?",
    r"Srta\.?",
    r"Sr\.?",
    r"Excm[oa]\.?",
    r"Hon\.?",
    r"Rt\.? Hon\.?",
    r"(?:Right )?Honou?rable",
    r"Dame",
    r"Sir",
    r"Senator(?: the)?",
    r"Judge",
    r"Colonel",
    r"Admiral(?: \(ret\.\))?",
)
#: Printed honorifics as a regex; "M." (Monsieur) only opens a name, else it is an initial.
HONORIFIC_PATTERN = "|".join(HONORIFIC_WORDS)
FIRST_HONORIFIC_PATTERN = HONORIFIC_PATTERN + r"|M\."

#: Printed honorifics (letters only, lower case) → the stored choice.
HONORIFICS = {
    "mr": Honorific.MR,
    "m": Honorific.MR,
    "sr": Honorific.MR,
    "senor": Honorific.MR,
    "ms": Honorific.MS,
    "srta": Honorific.MS,
    "mlle": Honorific.MS,
    "mrs": Honorific.MRS,
    "mme": Honorific.MRS,
    "mmes": Honorific.MRS,
    "sra": Honorific.MRS,
    "senora": Honorific.MRS,
    "dr": Honorific.DR,
    "dra": Honorific.DR,
    "prof": Honorific.PROF,
    "pr": Honorific.PROF,
    "professor": Honorific.PROF,
    "amb": Honorific.AMB,
    "emb": Honorific.AMB,
    "ambassador": Honorific.AMB,
    "hon": Honorific.HON,
    "honourable": Honorific.HON,
    "honorable": Honorific.HON,
    "rthon": Honorific.HON,
    "excmo": Honorific.HE,
    "excma": Honorific.HE,
}


#: Compounds stored whole (letters only, lower case) → the stored choice.
COMPOUND_HONORIFICS = {
    "hemr": Honorific.HE_MR,
    "hems": Honorific.HE_MS,
    "hemrs": Honorific.HE_MS,
    "sem": Honorific.HE_MR,
    "semme": Honorific.HE_MS,
    "sesr": Honorific.HE_MR,
    "sesra": Honorific.HE_MS,
    "excmosr": Honorific.HE_MR,
    "excmasra": Honorific.HE_MS,
    "hisexcellencymr": Honorific.HE_MR,
    "herexcellencyms": Honorific.HE_MS,
    "herexcellencymrs": Honorific.HE_MS,
    "profdr": Honorific.PROF_DR,
    "professordr": Honorific.PROF_DR,
    "prdr": Honorific.PROF_DR,
    "profdra": Honorific.PROF_DR,
}


def honorific_choice(printed: str) -> str:
    """The stored honorific for a printed one (“H.E. Mr.” → “H.E. Mr.”), or “” when unknown.

    “H.E. Mr.”, “H.E. Ms.” and “Prof. Dr.” (and their French and Spanish forms, “S.E.M.”,
    “Excma. Sra.”) are kept whole; any other compound keeps its highest word: “His
    Excellency Dr.” is H.E., “Hon. Dr.” is Hon.
    """
    key = re.sub(r"[^a-z]", "", normalise_name(printed))
    if not key:
        return ""
    if key in COMPOUND_HONORIFICS:
        return COMPOUND_HONORIFICS[key]
    if (key[:2] in ("he", "se") and len(key) <= 5) or "excellency" in key:
        return Honorific.HE
    if key in HONORIFICS:
        return HONORIFICS[key]
    words = [re.sub(r"[^a-z]", "", word) for word in normalise_name(printed).split()]
    if "hon" in words:
        return Honorific.HON
    return next((HONORIFICS[word] for word in words if word in HONORIFICS), "")


# --- Designations ----------------------------------------------------------------------

#: Letters printed after a name that belong to the designation ("Hon. X MP, Chair of …").
POST_NOMINALS = frozenset(
    {"MP", "MEP", "MLA", "MSP", "MPP", "MHK", "TD", "QC", "KC", "OBE", "CBE", "KBE", "DBE", "MBE"}
)

#: Words that open a position printed after a name without a comma ("Ms. Jane Roe Director,
#: Unit"): the head nouns of positions, and the words printed before them ("Senior Fellow").
POSITION_HEADS = frozenset(
    {
        "president", "director", "directora", "directeur", "directrice", "fellow", "officer",
        "member", "professor", "chair", "chairperson", "chairman", "chairwoman", "founder",
        "adviser", "advisor", "counsel", "counsellor", "councillor", "scholar", "researcher",
        "architect", "recorder", "secretary", "minister", "head", "manager", "coordinator",
        "economist", "economista", "lecturer", "dean", "editor", "analyst", "consultant",
        "representative", "commissioner", "governor", "mayor", "partner", "rector", "ceo",
        "chief", "investigador", "investigadora", "profesor", "profesora", "ministro", "ministra",
        "presidente", "presidenta", "coordinador", "coordinadora", "jefe", "jefa", "gerente",
        "asesor", "asesora", "consultora", "consultor", "ambassador", "undersecretary",
        "strategist", "envoy", "clerk", "secretary-general", "correspondent", "journalist",
        "author", "expert", "experte", "specialist", "membre", "miembro", "integrante",
        "professeur", "professeure", "conseiller", "conseillère", "chargé", "chargée",
        "responsable", "fundador", "fundadora", "fondateur", "fondatrice", "viceministro",
        "viceministra", "secretario", "secretaria", "représentant", "représentante",
    }
)  # fmt: skip
POSITION_MODIFIERS = frozenset(
    {
        "senior", "deputy", "vice", "executive", "associate", "assistant", "former", "research",
        "academic", "visiting", "lead", "principal", "managing", "acting", "interim", "special",
        "permanent", "co-founder", "general", "legal", "programme", "program",
    }
)  # fmt: skip

#: A speaker not yet named: "Vice-President of the Assembly (TBA)".
NAMELESS_MARKERS = frozenset(
    {"tba", "tbc", "tbd", "to be confirmed", "to be announced", "to be determined", "à confirmer",
     "por confirmar"}
)  # fmt: skip


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


#: Head nouns of what a person delivers: a label or a phrase with one of them ("Opening
#: remarks:", "Allocution de S.E. Mme X", "Palabras del Emb. X") is a document marker, not a role.
DELIVERED_WORDS = frozenset(
    {
        "remarks", "remark", "statement", "statements", "address", "addresses", "speech",
        "speeches", "presentation", "presentations", "message", "messages", "welcome",
        "intervention", "interventions", "allocution", "allocutions", "discours",
        "présentation", "présentations", "mot", "presentación", "presentaciones", "discurso",
        "discursos", "palabras", "intervención", "declaración", "bienvenida", "bienvenue",
    }
)  # fmt: skip
#: Delivered words that stay plural when a label is made singular ("Closing remarks").
_PLURAL_MARKERS = frozenset({"remarks", "palabras", "discours"})


def delivered_marker(label: str) -> str | None:
    """The document marker a label names, singular ("Closing statements" → "Closing
    statement"), when its head noun is something delivered; else None."""
    words = label.split()
    if not words or len(words) > 6:
        return None
    heads = [word.casefold().strip("’'") for word in words[:3]]
    if not any(word in DELIVERED_WORDS for word in heads):
        return None
    if words[-1].casefold() in _PLURAL_MARKERS or words[0].casefold() in _PLURAL_MARKERS:
        return label
    return singular_role(label)


def is_marker(text: str) -> bool:
    """Whether text, alone in a bracket, is a document marker ("Remarks", "Keynote address")."""
    return " ".join(text.split()).casefold() in MARKERS


def is_video_marker(text: str) -> bool:
    return " ".join(text.split()).casefold() in VIDEO_MARKERS


def document_kind(marker: str) -> str:
    """The kind of document a printed marker names (“Opening remarks” → opening remarks)."""
    return DOCUMENT_KINDS.get(normalise_name(marker), DocumentKind.OTHER)
