"""A document and its translations, shown as one entry: “Remarks (EN, FR)”."""

from django.conf import settings
from django.db.models import Prefetch

from documents.models import Document


def public_translations():
    """Prefetch for a queryset of documents: their public translations, in one query.

    Pair it with `.filter(translation_of__isnull=True)` on the documents listed, so that a
    translation appears once, under its original, and never as an entry of its own.
    """
    return Prefetch("translations", queryset=Document.objects.public())


def language_versions(document):
    """The document and its translations, one per language, in the order of LANGUAGES.

    The translations are those already fetched: the `listed_translations` list the public
    queries attach (documents.queries.group_translations), or else the prefetched
    `translations`. A translation still awaiting its file is left out (it has nothing to
    download); when two versions share a language the original wins.
    """
    translations = getattr(document, "listed_translations", None)
    if translations is None:
        translations = document.translations.all()
    if not translations:
        return [document]
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    versions = {document.language: document}
    for translation in translations:
        if not translation.is_placeholder:
            versions.setdefault(translation.language, translation)
    return sorted(versions.values(), key=lambda version: order.get(version.language, len(order)))
