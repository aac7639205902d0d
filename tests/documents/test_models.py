import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from documents.models import Document, Photo
from tests.factories import (
    AppearanceFactory,
    DocumentFactory,
    EventFactory,
    PhotoFactory,
    SlotFactory,
    jpeg_bytes,
)

pytestmark = pytest.mark.django_db


def test_document_needs_exactly_one_target_in_words():
    event = EventFactory()
    slot = SlotFactory(day__event=event)
    for targets in ({}, {"event": event, "slot": slot}):
        document = Document(title="Concept note", kind="concept-note", **targets)
        with pytest.raises(ValidationError) as error:
            document.full_clean()
        assert error.value.message_dict == {
            "event": ["Attach the document to exactly one of: the event, a slot or an appearance."]
        }


def test_document_with_two_targets_is_refused_by_the_database():
    slot = SlotFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Document.objects.create(title="x", event=slot.day.event, slot=slot)


def test_document_with_file_and_url_is_refused():
    appearance = AppearanceFactory()
    document = DocumentFactory.build(appearance=appearance, url="https://example.org/remarks.pdf")
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert error.value.message_dict["url"] == [
        "Give either an uploaded file or an external address, not both."
    ]
    document.file.save("remarks.pdf", ContentFile(b"%PDF-1.4"), save=False)
    with pytest.raises(IntegrityError), transaction.atomic():
        document.save()


def test_document_records_size_and_format_of_its_file():
    document = DocumentFactory(appearance=AppearanceFactory())
    assert document.file_size > 0
    assert document.format_label == "PDF"
    assert document.content_type == "application/pdf"
    assert document.file.name.startswith("documents/")
    assert "remarks" not in document.file.name


def test_document_without_file_or_url_is_a_placeholder_and_not_public():
    event = EventFactory(published=True)
    placeholder = Document.objects.create(title="Report to come", event=event)
    linked = Document.objects.create(title="Report", event=event, url="https://example.org/r")
    assert placeholder.is_placeholder
    assert list(Document.objects.public()) == [linked]


def test_documents_of_draft_events_are_not_public():
    draft = EventFactory()
    Document.objects.create(title="Report", event=draft, url="https://example.org/r")
    assert not Document.objects.public().exists()


def test_photo_gets_a_thumbnail_and_its_size():
    photo = PhotoFactory(image=ContentFile(jpeg_bytes((1200, 800)), name="hall.jpg"))
    assert photo.thumbnail.name.startswith("photos/thumbnails/")
    assert (photo.width, photo.height) == (1200, 800)
    from PIL import Image

    with Image.open(photo.thumbnail.path) as thumbnail:
        assert max(thumbnail.size) == 480


def test_a_photo_saved_onto_its_field_keeps_its_size_and_is_read_without_its_file(
    monkeypatch,
):
    """load_demo saves the file onto the field first (image.save(…, save=False))."""
    photo = Photo(event=EventFactory(), alt_text="Delegates in the Council Chamber")
    photo.image.save("hall.jpg", ContentFile(jpeg_bytes((1200, 800))), save=False)
    photo.save()
    assert Photo.objects.values_list("width", "height").get() == (1200, 800)
    opened = []
    monkeypatch.setattr(
        "django.core.files.images.get_image_dimensions",
        lambda *args, **kwargs: opened.append(args) or (1, 1),
    )
    assert Photo.objects.get().width == 1200
    assert opened == []


def test_photo_needs_alt_text_in_words():
    photo = PhotoFactory.build(alt_text=" ", event=EventFactory())
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert error.value.message_dict["alt_text"] == [
        "Describe the photo for people who cannot see it."
    ]


def test_photo_of_a_slot_of_another_event_is_refused():
    photo = PhotoFactory.build(event=EventFactory(), slot=SlotFactory())
    with pytest.raises(ValidationError) as error:
        photo.clean()
    assert error.value.message_dict["slot"] == ["This slot belongs to another event."]


def test_photos_of_draft_events_are_not_public():
    PhotoFactory(event=EventFactory())
    shown = PhotoFactory(event=EventFactory(published=True))
    assert list(Photo.objects.public()) == [shown]
