"""Document downloads: the right file, type and name, and only for those who may have it."""

import pytest
from django.core.files.base import ContentFile

from tests.factories import PDF_BYTES, DocumentFactory, EventFactory, jpeg_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(published=True)


def body(response):
    return b"".join(response.streaming_content)


def test_a_pdf_downloads_under_its_title_as_an_attachment(client, event):
    document = DocumentFactory(event=event, title="Remarks by the Director General")
    response = client.get(document.get_absolute_url())
    assert body(response) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="Remarks by the Director General.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_title_in_any_language_is_encoded_for_every_browser(client, event):
    document = DocumentFactory(event=event, title="Déclaration – Gómez / 移民")
    response = client.get(document.get_absolute_url())
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''"
        "D%C3%A9claration%20%E2%80%93%20G%C3%B3mez%20%E7%A7%BB%E6%B0%91.pdf"
    )


def test_an_image_opens_in_the_browser_but_an_svg_never_does(client, event):
    image = DocumentFactory(
        event=event, title="Map", file=ContentFile(jpeg_bytes(), name="map.jpg")
    )
    response = client.get(image.get_absolute_url())
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == 'inline; filename="Map.jpg"'

    svg = DocumentFactory(event=event, title="Chart", file=ContentFile(b"<svg/>", name="chart.svg"))
    response = client.get(svg.get_absolute_url())
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_document_at_an_external_address_redirects_there(client, event):
    document = DocumentFactory(event=event, file=None, url="https://www.iom.int/idm/remarks.pdf")
    response = client.get(document.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == "https://www.iom.int/idm/remarks.pdf"


@pytest.mark.parametrize(
    "make",
    [
        lambda event: DocumentFactory(event=event, is_public=False),
        lambda event: DocumentFactory(event=event, file=None),
        lambda event: DocumentFactory(event=EventFactory()),
    ],
    ids=["not public", "placeholder", "draft event"],
)
def test_documents_the_public_may_not_have_are_not_found(client, event, make):
    document = make(event)
    response = client.get(document.get_absolute_url())
    assert response.status_code == 404
    assert PDF_BYTES not in response.content


def test_staff_can_download_private_and_draft_documents(staff_client, event):
    private = DocumentFactory(event=event, is_public=False)
    draft = DocumentFactory(event=EventFactory())
    for document in (private, draft):
        response = staff_client.get(document.get_absolute_url())
        assert body(response) == PDF_BYTES
        assert "no-store" in response["Cache-Control"]


def test_a_missing_file_is_not_found_rather_than_an_error(client, event):
    document = DocumentFactory(event=event)
    document.file.storage.delete(document.file.name)
    response = client.get(document.get_absolute_url())
    assert response.status_code == 404


@pytest.mark.parametrize("documents", [1, 5])
def test_download_queries_do_not_grow(client, django_assert_num_queries, event, documents):
    created = [DocumentFactory(event=event) for _ in range(documents)]
    with django_assert_num_queries(1):
        response = client.get(created[-1].get_absolute_url())
    assert body(response) == PDF_BYTES
