"""Labels and safe Markdown used on the public pages."""

import pytest
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from core.rows import instances
from documents.enums import DocumentKind
from documents.models import Document
from public.jinja2 import jinja
from public.seo import json_text
from public.templatetags.plenary import document_label, file_size, json_ld, markdown
from tests.factories import EventFactory


@pytest.mark.parametrize(
    ("size", "label"),
    [
        (0, "1 KB"),
        (997, "1 KB"),
        (1025, "2 KB"),
        (120 * 1024, "120 KB"),
        (5 * 1024 * 1024 + 1, "5.0 MB"),
        (None, ""),
    ],
)
def test_file_sizes_read_as_people_say_them(size, label):
    assert str(file_size(size)) == label


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"file": "documents/a.pdf", "file_size": 123_000}, "Remarks (PDF, 121 KB)"),
        ({"file": "documents/a.pptx", "file_size": 2_500_000}, "Remarks (PPTX, 2.4 MB)"),
        ({"url": "https://example.org/remarks"}, "Remarks (Link)"),
        ({}, "Remarks"),
    ],
)
def test_document_labels_give_kind_format_and_size(fields, label):
    assert document_label(Document(kind=DocumentKind.REMARKS, **fields)) == label


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        '<a href="#" onclick="alert(1)">x</a>',
        "<iframe src=https://example.org></iframe>",
        "![x](https://example.org/x.png)",
    ],
)
def test_markdown_keeps_no_script_frame_handler_or_image(text):
    html = markdown(text)
    for unsafe in ("<script", "javascript:", "onclick", "<iframe", "<img"):
        assert unsafe not in html


def test_json_ld_is_a_data_block_that_cannot_be_closed_early():
    html = json_ld(json_text({"name": "</script><b>&"}))
    assert html.startswith('<script type="application/ld+json">')
    assert html.count("</script>") == 1
    assert "\\u003C/script\\u003E\\u003Cb\\u003E\\u0026" in html


@pytest.mark.parametrize(
    "value",
    [
        "Seán O'Brien",
        'The "Global Compact"',
        "Q&A <live>",
        "&#39; &#34; typed as text",
        mark_safe("<em>safe</em>"),
        gettext_lazy("Cancelled"),
        5,
        None,
    ],
)
def test_jinja2_escapes_as_django_does(value):
    """The Jinja2 pieces print a value byte for byte as a Django template would."""
    printed = jinja().from_string("{{ value }}").render(value=value)
    assert printed == str(conditional_escape(value))


@pytest.mark.parametrize("loaded_as", ["instance", "row"])
@pytest.mark.parametrize(
    ("fields", "placeholder", "format_label"),
    [
        ({"file": "documents/a.pdf"}, False, "PDF"),
        ({"file": "documents/a"}, False, "File"),
        ({"url": "https://example.org/remarks"}, False, "Link"),
        ({}, True, ""),
    ],
)
def test_a_documents_file_is_read_alike_from_an_instance_and_a_row(
    db, loaded_as, fields, placeholder, format_label
):
    event = EventFactory(published=True)
    document = Document.objects.create(title="Remarks", event=event, **fields)
    documents = Document.objects.filter(pk=document.pk)
    document = documents.get() if loaded_as == "instance" else instances(documents)[0]
    assert document.is_placeholder is placeholder
    assert str(document.format_label) == format_label
    assert document.file_name == fields.get("file", "")
