"""After load_demo the programme page shows every line of the seed page, in the seed's order."""

import re

import pytest
from django.core.management import call_command

from conference.models import Event
from documents.models import Document
from programme.models import Appearance
from tests.pages import page_links, page_text
from tests.programme.seed import seed_path

# The public page the demo is imported from (demo/data/idm-2018-second-session.txt).
SEED = seed_path()
MARKER = re.compile(r"\((Opening remarks|Remarks|Presentation|Video of the session)\)")


def seed_lines():
    for raw in SEED.read_text(encoding="utf-8").splitlines():
        line = " ".join(raw.replace("•", " ").split())
        if line:
            yield line


def expected_pattern(line):
    """The seed line as a pattern over the page text: markers become bracketed links."""
    line = re.sub(r"(\d\d:\d\d)\s*[-–]\s*(\d\d:\d\d)", r"\1–\2", line)
    line = re.sub(r"^(DAY \w+)\s*[-–]\s*", r"\1 – ", line)
    pieces, position = [], 0
    for marker in MARKER.finditer(line):
        pieces.append(re.escape(line[position : marker.start()].strip()))
        if marker.group(1) == "Video of the session":
            pieces.append(r"\[Video of the session\]")
        else:
            pieces.append(r"\[" + re.escape(marker.group(1)) + r" \(PDF, \d+ KB\)\]")
        position = marker.end()
    pieces.append(re.escape(line[position:].strip()))
    return r"\s*".join(piece for piece in pieces if piece)


def is_document_or_video(href, attrs):
    return href.startswith("/en/documents/") or "video-link" in (attrs.get("class") or "")


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return Event.objects.get(slug="idm-2018-second-session")


def test_programme_shows_every_seed_line_in_the_seed_order(client, demo):
    response = client.get(demo.get_absolute_url())
    text = page_text(response, bracket=is_document_or_video)
    position = 0
    lines = list(seed_lines())
    assert len(lines) == 57
    for line in lines:
        match = re.compile(expected_pattern(line)).search(text, position)
        assert match, (
            f"Not found after position {position}: {line!r}\n…{text[position : position + 300]}"
        )
        position = match.end()


def test_every_name_links_to_the_person_and_every_marker_to_its_document(client, demo):
    response = client.get(demo.get_absolute_url())
    links = page_links(response)
    people = [text for text, attrs in links if attrs["href"].startswith("/en/speakers/")]
    documents = [text for text, attrs in links if attrs["href"].startswith("/en/documents/")]
    videos = [attrs["href"] for text, attrs in links if text == "Video of the session"]
    assert len(people) == Appearance.objects.filter(slot__day__event=demo).count() == 38
    assert people[:3] == ["António Vitorino", "Louise Arbour", "Juan Eduardo Eguiguren"]
    assert len(documents) == Document.objects.count() == 43
    assert documents[0] == "Opening remarks (PDF, 1 KB)"
    assert len(videos) == 9
    assert all(href.startswith("https://") for href in videos)


def test_names_carry_an_honorific_only_where_the_seed_prints_one(client, demo):
    text = page_text(client.get(demo.get_absolute_url()))
    assert "Mr. Juan Eduardo Eguiguren" in text
    assert "Mr. Azzouz Samri, Head of the Governing Bodies Division" in text
    assert "Ms. Susan F. Martin" in text
    assert "Presenter: Azzouz Samri, Head, Governing Bodies Division, IOM" in text
    assert "Mr. António Vitorino" not in text
