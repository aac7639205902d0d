"""A programme file as text lines: Word (.docx), a PDF with text, or plain text in any common
encoding. Used by ``import_programme FILE`` and by the admin import, so both read a file the
same way; the parser never sees bytes.

What a file is comes from its content, never from its name: ``%PDF-`` starts a PDF; a ZIP
package with ``word/document.xml`` is a Word document; anything else must be text.

- Text: a byte-order mark says UTF-8, UTF-16 or UTF-32 (LE or BE); without one, UTF-16 is
  recognised by its zero bytes, then UTF-8 is tried, then Windows-1252 (what Word and Excel
  on Windows save as "Text"). Mojibake inside the text is the parser's business (ftfy).
- Word: paragraphs and tables in document order. A table row becomes one line when its
  first cell holds one line (a time, a label): "09:00–10:00" | "Opening" → "09:00–10:00
  Opening"; the other lines of the row's cells follow as lines of their own. Merged cells
  are read once. A paragraph of a bulleted or numbered list starts with "• ". Headers and
  footers are left out (page furniture).
- PDF (pdfplumber): words grouped into lines by their position on the page, a blank line
  where the gap between two lines is more than 1.7 times the usual distance. Words far apart
  on one line (a time column beside a title column) stay on one line, as a timetable is
  read. A page printed in two columns of running text (a gutter near the middle that few
  lines cross) is read column by column. A line wrapped before a word in lower case is
  joined again (a word that did not fit at the end of the line above); one wrapped before
  a capital stays two lines. A PDF without text (a scan) is refused: no image recognition.

Every problem is a :class:`SourceError` with a message for the person who chose the file:
a corrupt or unknown file never gets further, and nothing is stored.
"""

import codecs
import io
import re
import zipfile
from pathlib import Path

import docx
import pdfplumber
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from programme.importer.pdf_layout import page_lines
from programme.parser import split_lines

WORD_PART = "word/document.xml"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A Word document's main part is XML: more than this once unpacked is not a programme.
MAX_WORD_XML = 50 * 1024 * 1024
MAX_PDF_PAGES = 200
# C0 controls other than tab, line feed, form feed, carriage return and the old end-of-file
# mark (0x1A): binary, not text.
BINARY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")
BINARY_SAMPLE = 65536  # characters at the start of a text looked at for BINARY_CONTROL
CHUNK = 64 * 1024  # bytes read at a time from a text file
SNIFF = 4096  # bytes at the start of a text file that say UTF-16 without a byte-order mark
BULLET = "• "


class SourceError(ValueError):
    """The file cannot be read as a programme; the message says why, in plain words."""


def check_size(size):
    """The same limit as every document upload (settings.DOCUMENT_MAX_UPLOAD_SIZE)."""
    limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
    if size > limit:
        raise SourceError(
            _("This file is %(size)s; the largest accepted is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    if size == 0:
        raise SourceError(_("The file is empty."))


def _existing_file(path):
    path = Path(path)
    if not path.exists():
        raise SourceError(_("File not found: %(path)s") % {"path": path})
    if not path.is_file():
        raise SourceError(_("Not a file: %(path)s") % {"path": path})
    return path


def read_path(path):
    """The programme text of a file on disk (the command's FILE)."""
    path = _existing_file(path)
    try:
        check_size(path.stat().st_size)
        data = path.read_bytes()
    except OSError as error:
        raise SourceError(
            _("Cannot read %(path)s: %(problem)s")
            % {"path": path, "problem": error.strerror or error}
        ) from error
    return programme_text(data)


def read_lines(path):
    """The programme of a file on disk (the command's FILE) as lines that can be read more
    than once (:class:`ProgrammeLines`), checked as :func:`read_path` checks it, with the
    same errors. A plain text file is read from disk piece by piece each time, so a long
    programme is never held whole; a Word document or a PDF is read as :func:`read_path`
    reads it."""
    path = _existing_file(path)
    try:
        check_size(path.stat().st_size)
        with path.open("rb") as file:
            head = file.read(SNIFF)
        if head.startswith((b"%PDF-", b"PK\x03\x04", OLE2_MAGIC)):  # not text: source_kind
            return ProgrammeLines(text=read_path(path))
        return ProgrammeLines(path=path, encoding=_file_encoding(path, head))
    except OSError as error:
        raise SourceError(
            _("Cannot read %(path)s: %(problem)s")
            % {"path": path, "problem": error.strerror or error}
        ) from error


def read_upload(upload):
    """The programme text of an uploaded file (the admin import's file field)."""
    check_size(upload.size)
    upload.seek(0)
    return programme_text(upload.read())


def source_kind(data):
    """ "docx", "pdf" or "txt", from the bytes; SourceError for what cannot be a programme."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            raise SourceError(_("This file is damaged: it cannot be opened.")) from error
        if WORD_PART in names:
            return "docx"
        raise SourceError(_unknown_message())
    if data.startswith(OLE2_MAGIC):
        raise SourceError(
            _(
                "This is an old-style Office file (.doc). Open it in Word and save it as a "
                "Word document (.docx), or as plain text, then import that file."
            )
        )
    return "txt"


def programme_text(data):
    """The text of a programme file's bytes, lines separated by line feeds."""
    kind = source_kind(data)
    if kind == "pdf":
        lines = pdf_lines(data)
    elif kind == "docx":
        lines = docx_lines(data)
    else:
        return decode_text(data)
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        if kind == "pdf":
            raise SourceError(
                _(
                    "This PDF holds no text, only images (a scan?). Import the original "
                    "document or its text instead."
                )
            )
        raise SourceError(_("This Word document holds no text."))
    return text + "\n"


def _unknown_message():
    return _(
        "This file is not a programme that can be read. Choose a Word document (.docx), a "
        "PDF with text, or a plain text file."
    )


# --- Plain text ---------------------------------------------------------------------------


def _utf16_without_bom(data):
    """ "utf-16-le" / "utf-16-be" when every other byte is zero, as in Western UTF-16 text."""
    sample = data[:SNIFF]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _encodings(data):
    """The encodings to try, in order, for a text file that starts with ``data``."""
    if data.startswith(b"\xef\xbb\xbf"):
        return ["utf-8-sig"]
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return ["utf-32"]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ["utf-16"]
    if utf16 := _utf16_without_bom(data):
        return [utf16]
    return ["utf-8", "cp1252"]


def decode_text(data):
    """Bytes of a text file as text: BOM, then UTF-16 by its zero bytes, UTF-8, Windows-1252."""
    for encoding in _encodings(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if BINARY_CONTROL.search(text[:BINARY_SAMPLE]):
            break
        return text
    raise SourceError(_unknown_message())


def _file_encoding(path, head):
    """The encoding :func:`decode_text` would read the file's bytes in (``head`` is how the
    file starts), found by decoding the file piece by piece; SourceError as it says."""
    for encoding in _encodings(head):
        decoder = codecs.getincrementaldecoder(encoding)()
        start = ""  # the first characters, for the test of binary content
        try:
            with path.open("rb") as file:
                while data := file.read(CHUNK):
                    text = decoder.decode(data)
                    if len(start) < BINARY_SAMPLE:
                        start += text[: BINARY_SAMPLE - len(start)]
                text = decoder.decode(b"", final=True)
                start += text[: BINARY_SAMPLE - len(start)]
        except UnicodeDecodeError:
            continue
        if BINARY_CONTROL.search(start):
            break
        return encoding
    raise SourceError(_unknown_message())


class ProgrammeLines:
    """The lines of a programme, split as :func:`programme.parser.split_lines` splits its
    text (line n is the n-th), read afresh each time they are iterated: from disk, piece by
    piece, for a text file; from the text already read for the others."""

    def __init__(self, *, path=None, encoding=None, text=None):
        self.path, self.encoding, self.text = path, encoding, text

    def __iter__(self):
        if self.text is not None:
            return iter(split_lines(self.text))
        return self._read()

    def _read(self):
        decoder = codecs.getincrementaldecoder(self.encoding)()
        carry = ""  # the start of a line that goes on in the next piece
        with self.path.open("rb") as file:
            while data := file.read(CHUNK):
                text = carry + decoder.decode(data)
                held = ""
                if text.endswith("\r"):  # perhaps the first half of "\r\n"
                    text, held = text[:-1], "\r"
                lines = split_lines(text)
                carry = lines.pop() + held
                yield from lines
        yield from split_lines(carry + decoder.decode(b"", final=True))


# --- Word ---------------------------------------------------------------------------------


def docx_lines(data):
    """The lines of a Word document: paragraphs and table rows in document order."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if archive.getinfo(WORD_PART).file_size > MAX_WORD_XML:
                raise SourceError(_("This Word document is too large to be read."))
        document = docx.Document(io.BytesIO(data))
        return list(_block_lines(document.element.body, document))
    except SourceError:
        raise
    except Exception as error:  # python-docx and lxml raise many kinds on a damaged file
        raise SourceError(
            _("This Word document is damaged: it cannot be read. Save it again and retry.")
        ) from error


W_P, W_TBL, W_SDT, W_SDT_CONTENT, W_T = (
    qn("w:p"),
    qn("w:tbl"),
    qn("w:sdt"),
    qn("w:sdtContent"),
    qn("w:t"),
)
# What a run prints besides its text.
RUN_MARKS = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
# Not printed on this line: deleted or moved-away text, text boxes (their own frame; Word
# stores each twice, as DrawingML and as a VML fallback), field codes and properties.
NOT_PRINTED = {
    qn("w:del"),
    qn("w:moveFrom"),
    qn("w:txbxContent"),
    qn("w:instrText"),
    qn("w:pPr"),
    qn("w:rPr"),
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
}


def _block_lines(container, document):
    """Lines of the paragraphs and tables under an element (the body, a table cell), in
    document order; content controls (w:sdt) are opened, as Word shows their content."""
    for child in container:
        if child.tag == W_P:
            yield from _paragraph_lines(Paragraph(child, document))
        elif child.tag == W_TBL:
            yield from _table_lines(Table(child, document), document)
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from _block_lines(content, document)


def _printed_text(element):
    """The text of a paragraph as printed, tracked insertions included, deletions left out
    (python-docx's ``Paragraph.text`` skips both, and inline content controls)."""
    parts = []
    for child in element:
        if child.tag in NOT_PRINTED:
            continue
        if child.tag == W_T:
            parts.append(child.text or "")
        elif child.tag in RUN_MARKS:
            parts.append(RUN_MARKS[child.tag])
        else:
            parts.append(_printed_text(child))
    return "".join(parts)


def _paragraph_lines(paragraph):
    lines = _printed_text(paragraph._p).replace("\r", "\n").split("\n")
    if _is_list_item(paragraph) and lines[0].strip():
        lines[0] = BULLET + lines[0].strip()
    return lines


def _is_list_item(paragraph):
    properties = paragraph._p.pPr
    if properties is not None and properties.numPr is not None:
        return True
    style = paragraph.style.name if paragraph.style is not None else ""
    return style.startswith(("List Bullet", "List Number"))


def _table_lines(table, document):
    seen = set()
    for row in table.rows:
        cells = []
        for cell in row.cells:
            # A merged cell comes back once per grid column or row it covers. The set holds
            # the XML elements themselves (alive, so never confused with a recycled id).
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            lines = list(_block_lines(cell._tc, document))
            if any(line.strip() for line in lines):
                cells.append(lines)
        yield from _row_lines(cells)


def _row_lines(cells):
    """A row's cells as lines: a one-line first cell heads the second cell's first line."""
    if not cells:
        return []
    first = [line.strip() for line in cells[0] if line.strip()]
    if len(cells) == 1 or len(first) != 1:
        return [line for lines in cells for line in lines]
    second = cells[1]
    start = next(index for index, line in enumerate(second) if line.strip())
    joined = f"{first[0]} {second[start].strip()}"
    rest = [line for lines in cells[2:] for line in lines]
    return [joined, *second[start + 1 :], *rest]


# --- PDF ----------------------------------------------------------------------------------


def pdf_lines(data):
    """The lines of a PDF with text, page after page."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise SourceError(
                    _("This PDF has %(pages)s pages; the most accepted is %(limit)s.")
                    % {"pages": len(pdf.pages), "limit": MAX_PDF_PAGES}
                )
            lines = []
            for page in pdf.pages:
                words = page.extract_words(use_text_flow=False, keep_blank_chars=False)
                lines.extend(page_lines(words, page.width))
                page.flush_cache()
            return lines
    except SourceError:
        raise
    except Exception as error:  # pdfminer raises many kinds on a damaged or encrypted file
        raise SourceError(
            _("This PDF is damaged or protected: it cannot be read. Save it again and retry.")
        ) from error
