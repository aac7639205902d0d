"""Text helpers: accent- and case-insensitive comparison for the public pages, and the
removal of control characters from every text field saved by our apps."""

import re
import unicodedata

from django.db import models
from django.db.models.signals import pre_save

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8


def fold(text):
    """Lower case without accents: “Gómez” and “GOMEZ” both give “gomez”."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return stripped.casefold()


def search_terms(query):
    """The words of a search, folded, punctuation dropped: “Gómez-Camacho!” gives gomez, camacho."""
    words = re.findall(r"[^\W_]+", fold(query[:MAX_QUERY_LENGTH]))
    unique = list(dict.fromkeys(words))
    return unique[:MAX_TERMS]


# Control characters ---------------------------------------------------------------------------
#
# A character pasted from Word (the vertical tab of a manual line break), a NUL from a CSV file
# or a form feed makes the frab XML ill-formed and travels raw into the .ics, HTML and PDF.
# Every CharField and TextField of our models is cleaned when a row is saved, whoever saves it
# (admin, importer, spreadsheet import, demo, shell): a vertical tab or form feed becomes a
# newline; the other C0 control characters are removed, except the tab and the line ends
# (newline, and the carriage return browsers send before it); so are the two non-characters
# XML 1.0 forbids. Writes that skip save() (bulk_create, update) are not cleaned.

LINE_BREAKS = re.compile(r"[\v\f]")
FORBIDDEN = re.compile(r"[\x00-\x08\x0e-\x1f\ufffe\uffff]")


def without_control_characters(text):
    """The text with manual line breaks (vertical tab, form feed) as newlines and no other
    control character but the tab and the line ends."""
    if not isinstance(text, str):
        return text
    return FORBIDDEN.sub("", LINE_BREAKS.sub("\n", text))


def _text_attnames(model):
    return [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
    ]


def clean_text_fields(sender, instance, **kwargs):
    for attname in _text_attnames(sender):
        value = getattr(instance, attname)
        if isinstance(value, str):
            cleaned = without_control_characters(value)
            if cleaned != value:
                setattr(instance, attname, cleaned)


def clean_text_on_save(app_config):
    """Connect the cleaning for every model of an app (called from its AppConfig.ready)."""
    for model in app_config.get_models():
        pre_save.connect(
            clean_text_fields,
            sender=model,
            dispatch_uid=f"plenary_clean_text_{model._meta.label_lower}",
        )
