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

from documents.languages import language_versions


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


def document_label(document):
    """“Remarks (PDF, 120 KB)”, “Presentation (Link)”: kind, format and size."""
    kind = document.get_kind_display()
    if document.is_placeholder:
        return kind
    size = document.file_size if document.file else None
    return _label(kind, str(document.format_label), size, get_language())


def translation_label(document):
    """A translation's link text: its language, format and size (“French (PDF, 2 KB)”)."""
    size = document.file_size if document.file else None
    language = str(document.get_language_display())
    return _label(language, str(document.format_label), size, get_language())


def label_documents(documents):
    """Attach what the document links print to each listed document; no query.

    ``link_label`` (“Remarks (PDF, 120 KB)”), ``kind_label``, and ``language_links``: the
    document in each of its languages when it has more than one (each version with its
    ``link_label`` “French (PDF, 2 KB)”), else an empty list.
    """
    for document in documents:
        document.kind_label = document.get_kind_display()
        document.link_label = document_label(document)
        versions = language_versions(document) if not document.is_placeholder else []
        if len(versions) > 1:
            for version in versions:
                version.version_label = translation_label(version)
            document.language_links = versions
        else:
            document.language_links = []
    return documents
