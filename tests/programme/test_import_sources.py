"""`import_programme FILE` reads Word documents, PDFs and text in any common encoding
(programme/importer/sources.py) and gives the same programme as the text itself.

Twins of the style catalogue (tests/programme/twins.py) are built at test time:

- Word: every entry, as paragraphs, and every entry with slot lines again as a two-column
  table of times and titles (the two layouts together take a few seconds: python-docx is
  quick).
- PDF: printing with WeasyPrint takes one to three seconds a page, so one entry per style
  (the first that is not damaged on purpose by mojibake: a PDF cannot carry the invisible
  soft hyphen that "Ã­" hides, so the repair has nothing to work on), as a table where the
  entry has slot lines. Unplaced lines are compared with their spaces collapsed: a PDF keeps
  words, not the tabs and runs of spaces between them.
"""

import io
import json
import re
import zipfile
from functools import cache
from io import StringIO

import docx
import pytest
import weasyprint
from django.core.management import CommandError, call_command
from docx.oxml import parse_xml

from conference.models import Event
from programme.importer import sources
from programme.importer.sources import SourceError, programme_text, read_lines, read_path
from programme.parser import split_lines
from tests.programme.catalogue_scoring import catalogue_entries, run_importer
from tests.programme.twins import docx_twin, pdf_twin, split_rows

pytestmark = pytest.mark.django_db

ENTRIES = catalogue_entries()
TABLE_ENTRIES = [entry for entry in ENTRIES if len(split_rows(entry.text())[1]) >= 3]


def _pdf_entries():
    chosen = {}
    for entry in ENTRIES:
        if entry.style not in chosen and "damage-mojibake" not in entry.patterns:
            chosen[entry.style] = entry
    return list(chosen.values())


PDF_ENTRIES = _pdf_entries()


@cache
def text_import(entry):
    """The JSON of the text itself (`--json` writes nothing, so it is asked once per entry)."""
    return run_importer(entry)


SMALL = """DAY ONE – 8 October 2018

10:00-11:00 Opening Session
  • Ms. Hélène Dupré-Øster, Directrice générale, Réseau Façade (Remarks)

11:00-12:00 Session 1: Capacity development
Moderator: Mr. José Peña, Chief, Unit “Ñ”
"""


def import_json(path, entry=None):
    out, err = StringIO(), StringIO()
    options = entry.command_options() if entry else []
    call_command("import_programme", str(path), "--json", *options, stdout=out, stderr=err)
    return json.loads(out.getvalue())


def loose(data):
    """The JSON with unplaced lines' spaces collapsed (a PDF keeps words, not tabs)."""
    unplaced = [
        {"line": item["line"], "text": " ".join(item["text"].split())} for item in data["unplaced"]
    ]
    return {**data, "unplaced": unplaced}


def test_the_twins_cover_every_style():
    styles = {entry.style for entry in ENTRIES}
    assert {entry.style for entry in PDF_ENTRIES} == styles
    # Times alone on their line (asean-dialogue), "8 h 30" (commission-seance) and start
    # times only (eu-presidency's "9.30 – 9.45:" pages are few) make no table of three rows.
    table_styles = {entry.style for entry in TABLE_ENTRIES}
    assert table_styles == styles - {"asean-dialogue", "commission-seance", "eu-presidency"}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda entry: entry.file)
def test_a_word_document_of_paragraphs_gives_the_same_programme(tmp_path, entry):
    path = tmp_path / "programme.docx"
    path.write_bytes(docx_twin(entry.text()))
    assert import_json(path, entry) == text_import(entry)


@pytest.mark.parametrize("entry", TABLE_ENTRIES, ids=lambda entry: entry.file)
def test_a_word_table_of_times_and_titles_gives_the_same_programme(tmp_path, entry):
    path = tmp_path / "programme.docx"
    path.write_bytes(docx_twin(entry.text(), layout="table"))
    assert import_json(path, entry) == text_import(entry)


@pytest.mark.parametrize("entry", PDF_ENTRIES, ids=lambda entry: entry.file)
def test_a_pdf_gives_the_same_programme(tmp_path, entry):
    layout = "table" if entry in TABLE_ENTRIES else "paragraphs"
    path = tmp_path / "programme.pdf"
    path.write_bytes(pdf_twin(entry.text(), layout=layout))
    assert loose(import_json(path, entry)) == loose(text_import(entry))


def test_the_file_name_does_not_decide_what_a_file_is(tmp_path):
    text_path = tmp_path / "programme.txt"
    text_path.write_text(SMALL, encoding="utf-8")
    misnamed = tmp_path / "programme.pdf"
    misnamed.write_bytes(docx_twin(SMALL))
    assert import_json(misnamed) == import_json(text_path)


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"]
)
def test_text_in_any_common_encoding_gives_the_same_programme(tmp_path, encoding):
    text = SMALL.replace("Ø", "O").replace("“", '"').replace("”", '"')
    if encoding == "cp1252":
        text = text.replace('"', "“", 1).replace('"', "”", 1)  # cp1252 has curly quotes
    reference = tmp_path / "reference.txt"
    reference.write_text(text, encoding="utf-8")
    path = tmp_path / f"programme-{encoding}.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))

    data = import_json(path)

    assert data == import_json(reference)
    people = data["days"][0]["sessions"][0]["people"]
    assert people[0]["name"] == "Hélène Dupré-Oster"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"]
)
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_text_file_read_in_pieces_has_the_lines_of_the_whole_text(
    tmp_path, monkeypatch, encoding, newline
):
    # Pieces of 7 bytes end inside "\r\n", inside a character and inside a UTF-16 unit.
    monkeypatch.setattr(sources, "CHUNK", 7)
    text = SMALL.replace("Ø", "O").replace("“", '"').replace("”", '"')
    text = f"{text}\n\n\nLast line, with no line break after it".replace("\n", newline)
    path = tmp_path / "programme.txt"
    path.write_bytes(text.encode(encoding))

    lines = read_lines(path)

    assert list(lines) == split_lines(read_path(path))
    assert list(lines) == list(lines)  # read again from the start
    assert "  • Ms. Hélène Dupré-Oster, Directrice générale, Réseau Façade (Remarks)" in lines


@pytest.mark.parametrize(
    "content",
    [
        b"caf\xe9 \x81",  # neither UTF-8 nor Windows-1252 (0x81 is unassigned)
        b"Opening\n" * 10_000 + b"\xff",  # UTF-8 but for its last byte…
        b"\x00\x01\x02 binary",
        "09:00 Opening \x07\n".encode("utf-16-le"),
    ],
)
def test_a_text_file_read_in_pieces_is_refused_as_the_whole_text_is(tmp_path, content):
    path = tmp_path / "programme.txt"
    path.write_bytes(content)
    try:
        whole = split_lines(read_path(path))
    except SourceError as error:
        with pytest.raises(SourceError, match=re.escape(str(error))):
            read_lines(path)
    else:
        assert list(read_lines(path)) == whole  # …so Windows-1252, as a whole


def test_a_word_list_paragraph_is_a_bullet_and_a_merged_cell_is_read_once(tmp_path):
    document = docx.Document()
    document.add_paragraph("DAY ONE – 8 October 2018")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "10:00-11:00"
    table.cell(0, 1).text = "Opening Session"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "Moderator: Mr. José Peña, Chief, Unit N"
    table.cell(2, 0).text = "11:00-12:00"
    table.cell(2, 1).text = "Session 1: Capacity development"
    document.add_paragraph("Ms. Ana Ruiz, Director, Red Sur", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)

    assert programme_text(buffer.getvalue()).split("\n") == [
        "DAY ONE – 8 October 2018",
        "10:00-11:00 Opening Session",
        "Moderator: Mr. José Peña, Chief, Unit N",
        "11:00-12:00 Session 1: Capacity development",
        "• Ms. Ana Ruiz, Director, Red Sur",
        "",
    ]


def test_a_pdf_in_two_columns_of_running_text_is_read_column_by_column():
    left = [f"Left column line {number} about the first topic" for number in range(1, 9)]
    right = [f"Right column line {number} on the second" for number in range(1, 9)]
    html = (
        "<!doctype html><style>@page { size: A4; margin: 15mm; } body { font: 10pt sans-serif; }"
        " .columns { columns: 2; column-gap: 12mm; } p { margin: 0; }</style>"
        "<h1>Programme header across the page</h1><div class=columns>"
        + "".join(f"<p>{line}</p>" for line in left + right)
        + "</div>"
    )
    lines = programme_text(weasyprint.HTML(string=html).write_pdf()).split("\n")
    printed = [line for line in lines if line]
    assert printed == ["Programme header across the page", *left, *right]


def test_a_word_document_is_read_as_printed_with_tracked_changes_and_content_controls():
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    document.add_paragraph("DAY ONE – 8 October 2018")
    paragraph = document.add_paragraph("10:00-11:00 Opening ")
    paragraph._p.append(
        parse_xml(f'<w:ins {w} w:id="1" w:author="A"><w:r><w:t>Session</w:t></w:r></w:ins>')
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {w} w:id="2" w:author="A"><w:r><w:delText>Ceremony</w:delText></w:r></w:del>'
        )
    )
    document.element.body.append(
        parse_xml(
            f"<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>Moderator: Mr. José Peña, Chief, Unit N"
            "</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        )
    )
    buffer = io.BytesIO()
    document.save(buffer)

    assert programme_text(buffer.getvalue()).split("\n")[1:3] == [
        "10:00-11:00 Opening Session",
        "Moderator: Mr. José Peña, Chief, Unit N",
    ]


def test_a_pdf_line_wrapped_before_a_word_in_lower_case_is_joined_again():
    bullet = (
        "• Ms. Ann Lee, Head of the office for the coordination of regional and international "
        "cooperation in matters of mobility and of the protection of migrant workers"
    )
    html = (
        "<!doctype html><style>@page { size: 120mm 200mm; margin: 10mm; }"
        " body { font: 10pt sans-serif; } p { margin: 0; }</style>"
        "<p>10:00-11:00 Opening</p><p>Moderator: Mr. Bo Li, Director</p>"
        f"<p>{bullet}</p><p>• Mr. Tom Berg, Adviser</p>"
    )
    lines = programme_text(weasyprint.HTML(string=html).write_pdf()).split("\n")
    assert lines == [
        "10:00-11:00 Opening",
        "Moderator: Mr. Bo Li, Director",
        bullet,
        "• Mr. Tom Berg, Adviser",
        "",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> broken", "This PDF is damaged or protected"),
        (b"PK\x03\x04 this is not really a zip", "This file is damaged"),
        ("zip-without-word", "This file is not a programme that can be read"),
        ("docx-damaged", "This Word document is damaged"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old-style Office file (.doc)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This file is not a programme that can be read"),
        (b"", "The file is empty"),
        ("pdf-without-text", "This PDF holds no text"),
    ],
)
@pytest.mark.parametrize("mode", [["--event", "new-event"], ["--dry-run"], ["--json"]])
def test_a_bad_file_gives_a_plain_message_and_writes_nothing(tmp_path, content, message, mode):
    if content in ("zip-without-word", "docx-damaged"):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            if content == "docx-damaged":
                archive.writestr("word/document.xml", "<w:document><unclosed>")
            else:
                archive.writestr("notes.txt", "hello")
        content = buffer.getvalue()
    elif content == "pdf-without-text":
        content = pdf_twin(" ")
    path = tmp_path / "programme.docx"
    path.write_bytes(content)

    with pytest.raises(CommandError, match=re.escape(message)):
        call_command("import_programme", str(path), *mode, stdout=StringIO())
    assert not Event.objects.exists()


def test_a_file_over_the_upload_limit_is_refused(tmp_path, settings):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 100
    path = tmp_path / "programme.txt"
    path.write_text(SMALL, encoding="utf-8")
    with pytest.raises(SourceError, match="the largest accepted is 100"):
        read_path(path)
