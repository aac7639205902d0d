"""Uploads are judged by content: documents and images, through the model and the admin."""

import io
import struct
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core.uploads import detect_document_kind
from documents.models import Document, Photo
from speakers.models import Person
from tests.admin_forms import form_data
from tests.factories import PDF_BYTES, EventFactory, PersonFactory, jpeg_bytes

DOCUMENT_REFUSAL = "Upload a PDF, a Word, Excel or PowerPoint file"
IMAGE_REFUSAL = "Upload a JPEG, PNG or WebP image."


def zip_bytes(parts, first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if first:
            archive.writestr(first[0], first[1], compress_type=zipfile.ZIP_STORED)
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def ooxml(folder, main_part):
    return zip_bytes({"[Content_Types].xml": "<Types/>", f"{folder}/{main_part}": "<x/>"})


def opendocument(mimetype):
    return zip_bytes({"content.xml": "<office:document-content/>"}, first=("mimetype", mimetype))


def ole2(stream_name):
    """A minimal OLE2 compound file: a root storage holding one empty stream, as Word, Excel
    and PowerPoint write them (WordDocument, Workbook, PowerPoint Document)."""
    free, end_of_chain, fat_sector, no_stream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<III", header, 40, 0, 1, 1)  # directory sectors, FAT sectors, first dir
    struct.pack_into("<IIIIII", header, 52, 0, 4096, end_of_chain, 0, end_of_chain, 0)
    struct.pack_into("<109I", header, 76, 0, *([free] * 108))
    fat = struct.pack("<128I", fat_sector, end_of_chain, *([free] * 126))
    directory = bytearray(512)
    entries = [("Root Entry", 5, 1), (stream_name, 2, no_stream)]  # name, type, child
    for index, (name, kind, child) in enumerate(entries):
        offset = index * 128
        encoded = (name + "\0").encode("utf-16-le")
        directory[offset : offset + len(encoded)] = encoded
        struct.pack_into("<HBB", directory, offset + 64, len(encoded), kind, 1)
        struct.pack_into("<III", directory, offset + 68, no_stream, no_stream, child)
        struct.pack_into("<II", directory, offset + 116, end_of_chain, 0)  # start, size
    return bytes(header) + fat + bytes(directory)


def png_header_only(width, height):
    """A PNG that claims to be huge: opening it must not decode width × height pixels."""
    import zlib

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def jpeg_with_exif():
    image = Image.new("RGB", (40, 30), (200, 10, 10))
    exif = Image.Exif()
    exif[0x010F] = "Secret Camera Maker"  # Make
    exif[0x8825] = {2: (46.0, 13.0, 0.0)}  # GPS latitude
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


ACCEPTED = [
    ("pdf", PDF_BYTES),
    ("doc", ole2("WordDocument")),
    ("xls", ole2("Workbook")),
    ("ppt", ole2("PowerPoint Document")),
    ("docx", ooxml("word", "document.xml")),
    ("xlsx", ooxml("xl", "workbook.xml")),
    ("pptx", ooxml("ppt", "presentation.xml")),
    ("odt", opendocument("application/vnd.oasis.opendocument.text")),
    ("ods", opendocument("application/vnd.oasis.opendocument.spreadsheet")),
    ("odp", opendocument("application/vnd.oasis.opendocument.presentation")),
    ("txt", "Agenda\n1. Opening – ouverture – apertura\n".encode()),
    ("txt", "Programme « provisoire » 🌍 برنامج".encode()),
]
REFUSED = [
    ("html", b"<!DOCTYPE html><html><body>Hi</body></html>"),
    ("html late", b"Agenda\n\n<script>alert(1)</script>"),
    ("svg", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'),
    ("svg bare", b'<svg onload="alert(1)"/>'),
    ("windows executable", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200),
    ("linux executable", b"\x7fELF\x02\x01\x01" + b"\x00" * 200),
    ("shell script", b"#!/bin/sh\nrm -rf /\n"),
    ("zip of anything", zip_bytes({"readme.txt": "hello"})),
    ("macro-enabled word", zip_bytes({"[Content_Types].xml": "<T/>", "word/vbaProject.bin": "x"})),
    ("other OLE2 file (installer)", ole2("SummaryInformation")),
    ("OLE2 signature then garbage", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x13" * 2000),
    ("truncated OLE2 file", ole2("WordDocument")[:700]),
    ("binary with NUL", b"abc\x00def"),
    ("latin-1 text", "Genève".encode("latin-1")),
    ("jpeg", jpeg_bytes()),
    ("empty", b""),
]


@pytest.mark.parametrize(("kind", "content"), ACCEPTED, ids=[kind for kind, _ in ACCEPTED])
def test_allowed_documents_are_recognised_by_content(kind, content):
    assert detect_document_kind(io.BytesIO(content)) == kind


@pytest.mark.parametrize(("label", "content"), REFUSED, ids=[label for label, _ in REFUSED])
def test_anything_else_is_refused_with_the_allowed_types(db, label, content):
    event = EventFactory()
    document = Document(title="Upload", event=event, file=SimpleUploadedFile("report.pdf", content))
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert DOCUMENT_REFUSAL in str(error.value.message_dict["file"])


def test_a_document_is_stored_under_a_generated_name_with_its_real_extension(db):
    event = EventFactory()
    document = Document(
        title="Remarks",
        event=event,
        file=SimpleUploadedFile("../../etc/passwd.exe", PDF_BYTES, "application/x-msdownload"),
    )
    document.full_clean()
    document.save()
    assert document.file.name.startswith("documents/")
    assert document.file.name.endswith(".pdf")
    assert "passwd" not in document.file.name
    assert document.content_type == "application/pdf"


def test_document_size_limit_comes_from_settings(db, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 100
    document = Document(
        title="Remarks", event=EventFactory(), file=SimpleUploadedFile("a.pdf", PDF_BYTES)
    )
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert error.value.message_dict["file"] == [
        "This file is 142\xa0bytes; the largest accepted is 100\xa0bytes."
    ]


def test_photo_is_reencoded_without_its_metadata_and_gets_a_thumbnail(db):
    photo = Photo(
        event=EventFactory(),
        image=SimpleUploadedFile("holiday.jpg", jpeg_with_exif()),
        alt_text="A red square",
    )
    photo.full_clean()
    photo.save()
    with Image.open(photo.image.path) as stored:
        assert stored.format == "JPEG"
        assert not stored.getexif()
        assert stored.size == (40, 30)
    assert b"Secret Camera Maker" not in photo.image.open("rb").read()
    assert "holiday" not in photo.image.name
    assert photo.thumbnail
    assert (photo.width, photo.height) == (40, 30)


@pytest.mark.parametrize(
    ("label", "content"),
    [
        ("svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
        ("pdf", PDF_BYTES),
        ("html", b"<html><body>not an image</body></html>"),
    ],
)
def test_photos_must_be_jpeg_png_or_webp(db, label, content):
    photo = Photo(
        event=EventFactory(), image=SimpleUploadedFile("photo.jpg", content), alt_text="x"
    )
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert IMAGE_REFUSAL in str(error.value.message_dict["image"])


@pytest.mark.parametrize("kind", ["PNG", "WEBP"])
def test_png_and_webp_photos_are_accepted(db, kind):
    buffer = io.BytesIO()
    Image.new("RGBA", (20, 10), (0, 128, 0, 255)).save(buffer, format=kind)
    photo = Photo(
        event=EventFactory(),
        image=SimpleUploadedFile("photo.bin", buffer.getvalue()),
        alt_text="Green",
    )
    photo.full_clean()
    photo.save()
    assert photo.image.name.endswith({"PNG": ".png", "WEBP": ".webp"}[kind])


@pytest.mark.parametrize("side", [9_000, 60_000])
def test_decompression_bomb_is_refused(db, side):
    """81 million pixels is over the 50 million cap; 3.6 billion is over Pillow's own."""
    person = PersonFactory.build(photo=SimpleUploadedFile("bomb.png", png_header_only(side, side)))
    with pytest.raises(ValidationError) as error:
        person.full_clean(exclude=["organisation", "slug"])
    assert "pixels" in error.value.message_dict["photo"][0]


def test_admin_refuses_a_decompression_bomb_photo(staff_client):
    event = EventFactory()
    add_url = reverse("admin:documents_photo_add")
    data = form_data(staff_client.get(add_url))
    data.update(
        {
            "event": event.pk,
            "alt_text_en": "Nothing",
            "image": SimpleUploadedFile("bomb.png", png_header_only(9_000, 9_000)),
        }
    )
    response = staff_client.post(add_url, data)
    assert response.status_code == 200
    assert "the largest accepted is 50 million pixels" in response.content.decode()
    assert not Photo.objects.exists()


def test_pixel_cap_comes_from_settings(db, settings):
    settings.IMAGE_MAX_PIXELS = 1000
    person = PersonFactory.build(photo=SimpleUploadedFile("me.jpg", jpeg_bytes((64, 48))))
    with pytest.raises(ValidationError) as error:
        person.full_clean(exclude=["organisation", "slug"])
    assert "64 × 48 pixels; the largest accepted is 0.001 million pixels" in str(
        error.value.message_dict["photo"]
    )


def test_image_size_limit_comes_from_settings(db, settings):
    settings.IMAGE_MAX_UPLOAD_SIZE = 50
    photo = Photo(
        event=EventFactory(), image=SimpleUploadedFile("p.jpg", jpeg_bytes()), alt_text="x"
    )
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert "the largest accepted is 50\xa0bytes." in error.value.message_dict["image"][0]


def test_person_photo_is_reencoded_under_a_generated_name(db):
    person = PersonFactory(photo=SimpleUploadedFile("../../passport scan.jpg", jpeg_with_exif()))
    person.refresh_from_db()
    assert person.photo.name.startswith("people/")
    assert "passport" not in person.photo.name
    assert b"Secret Camera Maker" not in person.photo.open("rb").read()


def test_admin_refuses_an_html_document_with_a_message(staff_client):
    event = EventFactory()
    add_url = reverse("admin:documents_document_add")
    data = form_data(staff_client.get(add_url))
    data.update(
        {
            "title_en": "Innocent",
            "event": event.pk,
            "file": SimpleUploadedFile("innocent.pdf", b"<html><script>alert(1)</script>"),
        }
    )
    response = staff_client.post(add_url, data)
    assert response.status_code == 200
    assert DOCUMENT_REFUSAL in response.content.decode()
    assert not Document.objects.exists()


def test_admin_slot_inline_refuses_an_svg_document(staff_client):
    slot = EventFactory(slots=1).days.get().slots.get()
    url = reverse("admin:programme_slot_change", args=[slot.pk])
    data = form_data(staff_client.get(url))
    data.update(
        {
            "documents-TOTAL_FORMS": "1",
            "documents-0-title_en": "Logo",
            "documents-0-kind": "other",
            "documents-0-language": "en",
            "documents-0-is_public": "on",
            "documents-0-file": SimpleUploadedFile("logo.pdf", b"<svg onload=alert(1)>"),
        }
    )
    response = staff_client.post(url, data)
    assert DOCUMENT_REFUSAL in response.content.decode()
    assert not slot.documents.exists()


def test_admin_stores_an_uploaded_photo_without_exif(staff_client):
    event = EventFactory()
    add_url = reverse("admin:documents_photo_add")
    data = form_data(staff_client.get(add_url))
    data.update(
        {
            "event": event.pk,
            "alt_text_en": "A red square",
            "image": SimpleUploadedFile("camera.jpg", jpeg_with_exif()),
        }
    )
    response = staff_client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    photo = Photo.objects.get()
    assert b"Secret Camera Maker" not in photo.image.open("rb").read()


def test_person_admin_refuses_an_svg_photo(staff_client):
    person = PersonFactory()
    url = reverse("admin:speakers_person_change", args=[person.pk])
    data = form_data(staff_client.get(url))
    data["photo"] = SimpleUploadedFile("me.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    response = staff_client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Upload a valid image" in page or IMAGE_REFUSAL in page
    assert not Person.objects.get(pk=person.pk).photo
