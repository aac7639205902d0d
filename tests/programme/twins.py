"""Word and PDF twins of the style catalogue's texts, built at test time.

A twin prints the text's lines as a secretariat's file would hold them: one paragraph per line
(blank lines kept as empty paragraphs), or, for the "table" layout, a two-column table of
times and titles: each slot line ("09:00–10:00 Title") is a row whose first cell holds the
time and whose second cell holds the title and every line down to the next slot line. Lines
before the first slot stay paragraphs above the table.

PDFs are printed by WeasyPrint from the same structure: one line per printed line, on a page
wide enough that no line wraps (a wrapped line is two lines in any PDF reader), ligatures off.
"""

import html
import io
import re

import docx
import weasyprint
from docx.shared import Pt

# A time range at the start of a line, as the catalogue prints slots.
_TIME = r"\d{1,2}(?:[:.h]\s?\d{2})?\s?(?:[ap]\.?m\.?|hrs)?"
SLOT_LINE = re.compile(
    rf"^(?P<time>{_TIME}\s*(?:[-–—]|to|a)\s*{_TIME})(?![\d:.])[\s|:/]+(?P<title>\S.*)$",
    re.IGNORECASE,
)


def split_rows(text):
    """(paragraphs before the first slot, [(time, [title and the lines under it])])."""
    lines = text.rstrip("\n").split("\n")
    before, rows = [], []
    for line in lines:
        match = SLOT_LINE.match(line)
        if match and not line[:1].isspace():
            rows.append((match["time"], [match["title"]]))
        elif rows:
            rows[-1][1].append(line)
        else:
            before.append(line)
    return before, rows


def docx_twin(text, layout="paragraphs"):
    """The bytes of a Word document holding the text."""
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    if layout == "table":
        before, rows = split_rows(text)
    else:
        before, rows = text.rstrip("\n").split("\n"), []
    for line in before:
        document.add_paragraph(line)
    if rows:
        table = document.add_table(rows=0, cols=2)
        for time, lines in rows:
            cells = table.add_row().cells
            cells[0].text = time
            cells[1].text = lines[0]
            for line in lines[1:]:
                cells[1].add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


PDF_STYLE = """
@page { size: 700mm 420mm; margin: 10mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 8pt; line-height: 1.3;
       font-variant-ligatures: none; }
p { margin: 0; white-space: pre; min-height: 1.3em; }
table { border-collapse: collapse; }
td { vertical-align: top; padding: 0 6mm 0 0; }
"""


def _paragraphs(lines):
    return "".join(f"<p>{html.escape(line.strip()) or '&nbsp;'}</p>" for line in lines)


def twin_html(text, layout="paragraphs"):
    if layout == "table":
        before, rows = split_rows(text)
    else:
        before, rows = text.rstrip("\n").split("\n"), []
    body = _paragraphs(before)
    if rows:
        body += "<table>"
        for time, lines in rows:
            body += f"<tr><td><p>{html.escape(time)}</p></td><td>{_paragraphs(lines)}</td></tr>"
        body += "</table>"
    return f"<!doctype html><html><head><style>{PDF_STYLE}</style></head><body>{body}</body></html>"


def pdf_twin(text, layout="paragraphs"):
    """The bytes of a PDF printing the text."""
    return weasyprint.HTML(string=twin_html(text, layout)).write_pdf()
