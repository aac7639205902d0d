"""Display strings of documents, computed once per label instead of once per template tag.

A programme page lists hundreds of documents whose labels (“Remarks (PDF, 120 KB)”) repeat:
each distinct label is translated and formatted once per language, and :func:`label_documents`
attaches the labels and language versions to the documents a page lists, so that the
templates print attributes rather than call filters and tags for every document.
"""

import functools
import math

from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.choices import row_url_function
from documents.languages import language_versions
from documents.models import Document


def file_size(size):
    """“1 KB”, “120 KB”, “2.4 MB”: rounded up, never “0 KB”."""
    if size is None:
        return ""
    if size < 1024 * 1024:
        return _("%(size)s KB") % {"size": max(1, math.ceil(size / 1024))}
    return _("%(size)s MB") % {"size": number_format(round(size / (1024 * 1024), 1), decimal_pos=1)}


@functools.lru_cache(maxsize=4096)
def _label(name, format_label, size, language):
    size_label = file_size(size) if size is not None else ""
    if size_label:
        return _("%(kind)s (%(format)s, %(size)s)") % {
            "kind": name,
            "format": format_label,
            "size": size_label,
        }
    return _("%(kind)s (%(format)s)") % {"kind": name, "format": format_label}


def _file_label(name, document, language, formats=None):
    """“<name> (PDF, 120 KB)”: a name with the document's format and size.

    ``formats``, a dictionary kept for one page, holds the translated formats (“Link”).
    """
    size = document.file_size if document.file else None
    format_label = document.format_label
    if not isinstance(format_label, str):  # a translatable text: translated once
        if formats is None:
            format_label = str(format_label)
        else:
            # By identity, the text kept alive with its translation (no id reused).
            found = formats.get(id(format_label))
            if found is None:
                found = formats[id(format_label)] = (format_label, str(format_label))
            format_label = found[1]
    return _label(name, format_label, size, language)


def document_label(document):
    """“Remarks (PDF, 120 KB)”, “Presentation (Link)”: kind, format and size."""
    kind = document.get_kind_display()
    if document.is_placeholder:
        return kind
    return _file_label(kind, document, get_language())


def translation_label(document):
    """A translation's link text: its language, format and size (“French (PDF, 2 KB)”)."""
    return _file_label(str(document.get_language_display()), document, get_language())


def label_documents(documents):
    """Attach what the document links print to each listed document; no query.

    ``link_label`` (“Remarks (PDF, 120 KB)”), ``kind_label``, and ``language_links``: the
    document in each of its languages when it has more than one (each version with its
    ``link_label`` “French (PDF, 2 KB)”), else an empty list; ``download_url``, the
    address of each (``get_absolute_url()``, the view reversed once).
    """
    download_url = row_url_function(*Document.DOWNLOAD_VIEW)
    language = get_language()
    kinds, formats = {}, {}  # each kind's label and each translatable format, made once
    for document in documents:
        kind = kinds.get(document.kind)
        if kind is None:
            kind = kinds[document.kind] = document.get_kind_display()
        document.kind_label = kind
        placeholder = document.is_placeholder
        document.link_label = (
            kind if placeholder else _file_label(kind, document, language, formats)
        )
        document.download_url = download_url(document.pk)
        versions = language_versions(document) if not placeholder else []
        if len(versions) > 1:
            for version in versions:
                version.version_label = _file_label(
                    str(version.get_language_display()), version, language, formats
                )
                version.download_url = download_url(version.pk)
            document.language_links = versions
        else:
            document.language_links = []
    return documents
