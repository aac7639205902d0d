"""Read what the exports and feeds produce, the way a spreadsheet or an app would."""

import csv
import io

BOM = "\ufeff"


def streamed_text(response):
    """The body of a (streamed or not) response, decoded as UTF-8."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8")
    return response.content.decode("utf-8")


def parse_csv(text):
    """(header, rows) of a CSV export; fails unless the text starts with the BOM."""
    assert text.startswith(BOM), "the CSV must start with a UTF-8 byte-order mark"
    rows = list(csv.reader(io.StringIO(text[len(BOM) :], newline="")))
    return rows[0], rows[1:]


def csv_dicts(text):
    header, rows = parse_csv(text)
    return [dict(zip(header, row, strict=True)) for row in rows]
