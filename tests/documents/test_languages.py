"""One entry per document, whatever the number of languages it exists in."""

import pytest
from django.db.models import Q

from documents.languages import language_versions, public_translations
from documents.models import Document
from tests.factories import DocumentFactory, EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(published=True)


def translate(original, language, **fields):
    return DocumentFactory(
        event=original.event,
        translation_of=original,
        language=language,
        title=f"{original.title} ({language})",
        **fields,
    )


def listed(event):
    """What a public page lists: originals, their public translations prefetched."""
    return list(
        Document.objects.public()
        .filter(event=event, translation_of__isnull=True)
        .prefetch_related(public_translations())
    )


def test_original_and_translations_are_one_entry_in_languages_order(
    event, django_assert_num_queries
):
    original = DocumentFactory(event=event, title="Remarks", language="en")
    spanish = translate(original, "es")
    french = translate(original, "fr")
    other = DocumentFactory(event=event, title="Concept note", language="fr")

    with django_assert_num_queries(2):
        entries = listed(event)

    assert [entry.title for entry in entries] == ["Remarks", "Concept note"]
    with django_assert_num_queries(0):
        assert [(v.pk, v.language) for v in language_versions(entries[0])] == [
            (original.pk, "en"),
            (french.pk, "fr"),
            (spanish.pk, "es"),
        ]
        assert [v.pk for v in language_versions(entries[1])] == [other.pk]


def test_each_language_downloads_its_own_file(event):
    original = DocumentFactory(event=event, title="Remarks", language="en")
    translate(original, "fr")

    entry = listed(event)[0]
    files = [version.file.name for version in language_versions(entry)]

    assert len(set(files)) == 2


def test_private_translation_and_translation_awaiting_its_file_are_left_out(event):
    original = DocumentFactory(event=event, title="Remarks", language="en")
    translate(original, "fr", is_public=False)
    translate(original, "es", file="")

    entry = listed(event)[0]

    assert [version.language for version in language_versions(entry)] == ["en"]


def test_versions_follow_the_order_of_languages_even_when_the_original_is_french(event):
    original = DocumentFactory(event=event, title="Allocution", language="fr")
    translate(original, "en")

    entry = listed(event)[0]

    assert [version.language for version in language_versions(entry)] == ["en", "fr"]
    assert entry.title == "Allocution"


def test_two_translations_in_one_language_keep_the_first(event):
    original = DocumentFactory(event=event, title="Remarks", language="en")
    first = translate(original, "fr")
    translate(original, "fr")
    translate(original, "en")

    entry = listed(event)[0]

    assert [v.pk for v in language_versions(entry)] == [original.pk, first.pk]


def test_translations_attached_by_the_public_queries_are_used_without_a_query(
    event, django_assert_num_queries
):
    original = DocumentFactory(event=event, title="Remarks", language="en")
    french = translate(original, "fr")
    flat = list(Document.objects.public().filter(Q(pk=original.pk) | Q(pk=french.pk)))
    by_pk = {document.pk: document for document in flat}
    by_pk[original.pk].listed_translations = [by_pk[french.pk]]

    with django_assert_num_queries(0):
        versions = language_versions(by_pk[original.pk])

    assert [v.language for v in versions] == ["en", "fr"]
