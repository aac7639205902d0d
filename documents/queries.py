"""Documents and photos as each audience may see them, and the document a download serves."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from conference.visibility import can_see_unpublished
from documents.models import Document, Photo


def documents_visible_to(user):
    """Every document for those who may see unpublished content (conference.visibility);
    public documents of published events for everyone else."""
    if can_see_unpublished(user):
        return Document.objects.all()
    return Document.objects.public()


def documents_of_visible_event(unpublished, event, slots, appearances, now=None):
    """The documents of an event the visitor may see, as ``documents_visible_to`` gives them
    (``unpublished``: ``conference.visibility.can_see_unpublished`` of the visitor): the
    event's own, its slots' and its appearances' (``slots`` and ``appearances``: the keys of
    all of the event's, or of those a page shows), those under embargo at ``now`` left out.
    By the event's key alone: :func:`every_document_of_visible_event`.

    The event comes from ``Event.objects.visible_to(user)``: its publication, which
    ``Document.objects.public()`` reaches through three chains of joins, is not checked
    again, and the documents are chosen by their own columns.
    """
    documents = Document.objects.all() if unpublished else Document.objects.released(now)
    return documents.filter(Q(event=event) | Q(slot__in=slots) | Q(appearance__in=appearances))


def every_document_of_visible_event(unpublished, event, now):
    """Every document of an event the visitor may see (as :func:`documents_of_visible_event`
    gives them for all of the event's slots and appearances), by the event's key alone.

    Its own documents, its slots' and its appearances' are each chosen through their own
    joins and put together (``UNION ALL``; a document has one target, a constraint of the
    table): an index scan each, however many documents other events have. One condition
    with the slots and appearances as subqueries (``OR … IN (SELECT …)``) made PostgreSQL
    read the whole table: 17 ms for the big programme's 1,471 among 60,000 documents.
    """
    documents = Document.objects.all() if unpublished else Document.objects.released(now)
    documents = documents.order_by()  # the whole in order, if the caller asks: not its parts
    return documents.filter(event=event).union(
        documents.filter(slot__day__event=event),
        documents.filter(appearance__slot__day__event=event),
        all=True,
    )


def photos_visible_to(user):
    return visible_photos(can_see_unpublished(user))


def visible_photos(unpublished):
    """Every photo for those who may see unpublished content (``unpublished``), the photos of
    published events for the others."""
    if unpublished:
        return Photo.objects.all()
    return Photo.objects.public()


def group_translations(documents):
    """Documents as listed: each original with the visible translations attached to it.

    A translation whose original is not visible is listed on its own. Every listed document
    gets a ``listed_translations`` attribute (a list, possibly empty). No query is made.
    """
    documents = list(documents)
    by_pk = {document.pk: document for document in documents}
    listed = []
    for document in documents:
        document.listed_translations = []
    for document in documents:
        original = by_pk.get(document.translation_of_id)
        if original is not None and original.translation_of_id is None:
            original.listed_translations.append(document)
        else:
            listed.append(document)
    return listed


def document_for_download(pk, user):
    """The document behind a download link, or 404 when this visitor may not have it."""
    documents = documents_visible_to(user).exclude(file="", url="")
    return get_object_or_404(documents, pk=pk)
