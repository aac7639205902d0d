"""Uploads are accepted by what they contain, never by their name or the browser's word.

Documents: PDF, Word, Excel, PowerPoint (old binary and Office Open XML), OpenDocument
text, spreadsheet and presentation, and plain UTF-8 text. Images: JPEG, PNG and WebP,
opened with Pillow under a pixel cap and re-encoded (without their metadata) before they
are stored. Everything else (HTML, SVG, scripts, executables, archives …) is refused with a
message that names what is allowed. Size limits come from settings.
"""

import io
import os
import re
import struct
import uuid
import zipfile

import olefile
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Detected kind -> (extension, MIME type).
DOCUMENT_TYPES = {
    "pdf": (".pdf", "application/pdf"),
    "doc": (".doc", "application/msword"),
    "xls": (".xls", "application/vnd.ms-excel"),
    "ppt": (".ppt", "application/vnd.ms-powerpoint"),
    "docx": (
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": (
        ".pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    "odt": (".odt", "application/vnd.oasis.opendocument.text"),
    "ods": (".ods", "application/vnd.oasis.opendocument.spreadsheet"),
    "odp": (".odp", "application/vnd.oasis.opendocument.presentation"),
    "txt": (".txt", "text/plain"),
}
IMAGE_TYPES = {
    "JPEG": (".jpg", "image/jpeg"),
    "PNG": (".png", "image/png"),
    "WEBP": (".webp", "image/webp"),
}

OLE2_MAGIC = olefile.MAGIC
OLE_STREAMS = {
    "worddocument": "doc",
    "workbook": "xls",
    "book": "xls",
    "powerpoint document": "ppt",
}
OOXML_FOLDERS = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}
ODF_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
# Markup a browser would render or run, anywhere near the start of a "text" file.
MARKUP = re.compile(
    rb"<\s*(!doctype|html|head|body|script|svg|iframe|frame|object|embed|meta|link|style|"
    rb"img|a\s|form|base|\?xml|x:|math)",
    re.IGNORECASE,
)
TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
SNIFF_BYTES = 64 * 1024


def document_types_message():
    return _(
        "This file type is not accepted. Upload a PDF, a Word, Excel or PowerPoint file "
        "(.doc, .docx, .xls, .xlsx, .ppt, .pptx), an OpenDocument file (.odt, .ods, .odp) "
        "or a plain text file."
    )


def image_types_message():
    return _("This file is not accepted as an image. Upload a JPEG, PNG or WebP image.")


def _read_head(file, size=SNIFF_BYTES):
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def _ole_kind(file):
    """doc / xls / ppt from the top-level streams of an OLE2 compound file, else None."""
    try:
        file.seek(0)
        with olefile.OleFileIO(file) as ole:
            for name, kind in OLE_STREAMS.items():
                if ole.get_type(name) == olefile.STGTY_STREAM:
                    return kind
        return None
    except (OSError, ValueError, IndexError, struct.error):  # olefile's OleFileError is an OSError
        return None
    finally:
        file.seek(0)


def _zip_kind(file):
    """docx / xlsx / pptx / odt / ods / odp from the parts of a ZIP package, else None."""
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                return None  # macro-enabled Office files are refused
            if "mimetype" in names:
                with archive.open("mimetype") as part:
                    mimetype = part.read(100).decode("ascii", "ignore").strip()
                return ODF_TYPES.get(mimetype)
            if "[Content_Types].xml" in names:
                for folder, kind in OOXML_FOLDERS.items():
                    if any(name.startswith(folder) for name in names):
                        return kind
        return None
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        return None
    finally:
        file.seek(0)


def _is_plain_text(head, truncated):
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if not head.strip() or b"\x00" in head or head.startswith(b"#!"):
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sniffed block may end inside a character: only that tail may fail.
        if not truncated or error.start < len(head) - 4:
            return False
        text = head[: error.start].decode("utf-8")
    if TEXT_CONTROL.search(text):
        return False
    return not MARKUP.search(head)


def detect_document_kind(file):
    """The kind of document (a key of DOCUMENT_TYPES) the content is, or None."""
    head = _read_head(file)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(OLE2_MAGIC):
        return _ole_kind(file)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(file)
    if _is_plain_text(head, truncated=len(head) == SNIFF_BYTES):
        return "txt"
    return None


def _too_large(size, limit):
    return ValidationError(
        _("This file is %(size)s; the largest accepted is %(limit)s.")
        % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
        code="file_too_large",
    )


def _is_new_upload(value):
    """Only files being uploaded now are checked; stored files were checked on upload."""
    return bool(value) and not getattr(value, "_committed", True)


def validate_document_upload(value):
    """Model field validator for Document.file."""
    if not _is_new_upload(value):
        return
    if value.size > settings.DOCUMENT_MAX_UPLOAD_SIZE:
        raise _too_large(value.size, settings.DOCUMENT_MAX_UPLOAD_SIZE)
    if detect_document_kind(value.file) is None:
        raise ValidationError(document_types_message(), code="file_type")


def open_image(file):
    """Open an upload with Pillow under settings.IMAGE_MAX_PIXELS; ValidationError if not
    a JPEG, PNG or WebP image, or if it is too large in pixels (decompression bomb)."""
    from PIL import Image

    limit = settings.IMAGE_MAX_PIXELS
    file.seek(0)
    # Pillow works on a copy: closing or exhausting it never touches the upload itself.
    data = io.BytesIO(file.read())
    try:
        image = Image.open(data, formats=list(IMAGE_TYPES))
        width, height = image.size
        if width * height > limit:
            raise ValidationError(
                _(
                    "This image is %(width)s × %(height)s pixels; the largest accepted is "
                    "%(limit)s million pixels. Reduce it and upload it again."
                )
                % {"width": width, "height": height, "limit": f"{limit / 1_000_000:g}"},
                code="image_too_many_pixels",
            )
        image.load()
        return image
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("This image is too large in pixels to be opened safely."),
            code="image_too_many_pixels",
        ) from error
    except (OSError, ValueError, SyntaxError, struct.error) as error:
        raise ValidationError(image_types_message(), code="file_type") from error
    finally:
        file.seek(0)


def validate_image_upload(value):
    """Model field validator for Photo.image and Person.photo."""
    if not _is_new_upload(value):
        return
    if value.size > settings.IMAGE_MAX_UPLOAD_SIZE:
        raise _too_large(value.size, settings.IMAGE_MAX_UPLOAD_SIZE)
    open_image(value.file).close()


def reencoded_image(field_file):
    """A fresh JPEG, PNG or WebP of a newly uploaded image: EXIF and other metadata,
    comments and trailing bytes are dropped; the orientation is applied to the pixels."""
    from PIL import ImageOps

    upload = field_file.file
    if upload.closed:
        field_file.open("rb")
        upload = field_file.file
    image = open_image(upload)
    kind = image.format
    extension = IMAGE_TYPES[kind][0]
    image = ImageOps.exif_transpose(image)
    buffer = io.BytesIO()
    if kind == "JPEG":
        image.convert("RGB").save(buffer, format="JPEG", quality=90, optimize=True)
    elif kind == "PNG":
        if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
            image = image.convert("RGBA")
        image.save(buffer, format="PNG", optimize=True)
    else:
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA")
        image.save(buffer, format="WEBP", quality=90)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}{extension}")


def replace_with_reencoded(instance, field_name):
    """In a model's save(): re-encode the image in field_name if it was just uploaded."""
    field_file = getattr(instance, field_name)
    if _is_new_upload(field_file):
        setattr(instance, field_name, reencoded_image(field_file))
        return True
    return False


def normalised_document_name(field_file):
    """The upload's name with the extension of what it really is (report.exe → report.pdf)."""
    kind = detect_document_kind(field_file.file)
    if kind is None:
        return field_file.name
    base = os.path.splitext(os.path.basename(field_file.name or "document"))[0] or "document"
    return f"{base}{DOCUMENT_TYPES[kind][0]}"
