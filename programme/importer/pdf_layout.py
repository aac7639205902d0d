"""The lines of one PDF page from the positions of its words (pdfplumber's
``extract_words``): lines grouped by position, blank lines where the gap is wide, a line
wrapped before a lower-case word joined again, and a page of two columns of running text
read column by column. Used by :func:`programme.importer.sources.pdf_lines`."""

import itertools
import statistics

LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})


def _group_lines(words):
    """Words grouped into visual lines (top to bottom, left to right)."""
    lines = []
    for word in sorted(words, key=lambda word: (round(word["top"]), word["x0"])):
        height = word["bottom"] - word["top"]
        if lines and abs(word["top"] - lines[-1]["top"]) <= max(2.0, height * 0.4):
            lines[-1]["words"].append(word)
            lines[-1]["bottom"] = max(lines[-1]["bottom"], word["bottom"])
        else:
            lines.append({"top": word["top"], "bottom": word["bottom"], "words": [word]})
    for line in lines:
        line["words"].sort(key=lambda word: word["x0"])
    return lines


def _line_text(line):
    return " ".join(word["text"] for word in line["words"]).translate(LIGATURES)


def _with_blank_lines(lines):
    """Line texts, with a blank line where the gap above a line is larger than usual."""
    if not lines:
        return []
    # The usual distance between two lines: a low quantile, as a page may have more blank
    # lines than lines that follow each other; never less than most words' height.
    height = statistics.median(line["bottom"] - line["top"] for line in lines)
    pitches = [after["top"] - before["top"] for before, after in itertools.pairwise(lines)]
    pitches = [pitch for pitch in pitches if pitch >= height * 0.9]
    pitch = 0
    if len(pitches) >= 2:
        pitch = statistics.quantiles(pitches, n=5)[0]
    elif pitches:
        pitch = pitches[0]
    right = max(word["x1"] for line in lines for word in line["words"])
    texts = [_line_text(lines[0])]
    for before, line in itertools.pairwise(lines):
        if pitch and line["top"] - before["top"] > 1.7 * pitch:
            texts.append("")
        elif _wrapped(before, line, right):
            texts[-1] = f"{texts[-1]} {_line_text(line)}"
            continue
        texts.append(_line_text(line))
    return texts


def _wrapped(before, line, right):
    """The line goes on from the one above, wrapped by the PDF: it starts with a word in
    lower case that would not have fitted at the end of the line above."""
    first = line["words"][0]
    if not first["text"][:1].islower():
        return False
    space = (first["bottom"] - first["top"]) * 0.25
    return before["words"][-1]["x1"] + space + (first["x1"] - first["x0"]) > right


def _gutter(lines, width):
    """The x of a gutter between two columns of running text near the middle, or None."""
    if len(lines) < 6:
        return None
    left = min(word["x0"] for line in lines for word in line["words"])
    right = max(word["x1"] for line in lines for word in line["words"])
    span = right - left
    if span < width * 0.3:
        return None
    best = None
    for step in range(31):  # candidates from 35% to 65% of the text's width
        x = left + span * (0.35 + step * 0.01)
        crossing = sum(any(word["x0"] < x < word["x1"] for word in line["words"]) for line in lines)
        if best is None or crossing < best[1]:
            best = (x, crossing)
    x, crossing = best
    if crossing > len(lines) * 0.1:
        return None
    both = sum(
        any(word["x1"] <= x for word in line["words"])
        and any(word["x0"] >= x for word in line["words"])
        for line in lines
    )
    on_left = sum(any(word["x1"] <= x for word in line["words"]) for line in lines)
    on_right = sum(any(word["x0"] >= x for word in line["words"]) for line in lines)
    # Two columns of text: both sides hold most lines, and are wide (not a time column).
    if min(on_left, on_right) < len(lines) * 0.5 or both < len(lines) * 0.3:
        return None
    if x - left < span * 0.3:
        return None
    return x


def page_lines(words, width):
    """The text lines of one PDF page from pdfplumber's words (see programme.importer.sources)."""
    lines = _group_lines(words)
    gutter = _gutter(lines, width)
    if gutter is None:
        return _with_blank_lines(lines)
    texts, block = [], []
    for line in lines:
        if _spans(line, gutter):
            texts.extend(_column_block(block, gutter))
            block = []
            texts.extend(_with_blank_lines([line]))
        else:
            block.extend(line["words"])
    texts.extend(_column_block(block, gutter))
    return texts


def _spans(line, gutter):
    """A line across the gutter: a word over it, or words on both sides a space apart."""
    words = line["words"]
    if any(word["x0"] < gutter < word["x1"] for word in words):
        return True
    left = [word for word in words if word["x1"] <= gutter]
    right = [word for word in words if word["x0"] >= gutter]
    if not left or not right:
        return False
    height = max(word["bottom"] - word["top"] for word in words)
    return right[0]["x0"] - left[-1]["x1"] < height


def _column_block(words, gutter):
    """Words between two full-width lines: the left column, then the right."""
    left = [word for word in words if word["x1"] <= gutter]
    right = [word for word in words if word["x0"] >= gutter]
    return [*_with_blank_lines(_group_lines(left)), *_with_blank_lines(_group_lines(right))]
