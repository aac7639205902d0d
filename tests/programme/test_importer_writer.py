"""The importer's writer carries out plans that callers complete (the demo) or make (the
synthetic conference): video addresses, files, more fields, the event's own documents."""

import pytest
from django.core.files.base import ContentFile

from documents.enums import DocumentKind
from documents.models import Document
from programme.importer import DocumentPlan, ImportPlan, import_programme, write_plan
from programme.models import Slot
from tests.factories import EventFactory
from tests.programme.test_importer import programme

pytestmark = pytest.mark.django_db


def add_video_and_files(address):
    def complete(plan):
        for slot_plan in plan.slots:
            if slot_plan.video:
                slot_plan.video_url = address
            for line in slot_plan.people:
                for document_plan in line.documents:
                    document_plan.file = ContentFile(b"demo text", name="remarks.txt")

    return complete


def test_a_video_address_and_files_given_with_the_plan_are_written():
    import_programme(programme(), "idm", on_plan=add_video_and_files("https://v.example.org/1"))

    assert Slot.objects.get(title_en="Opening Session").video_url == "https://v.example.org/1"
    assert Slot.objects.get(title_en="Break").video_url == ""
    remarks = Document.objects.get(title_en="Opening remarks – António Vitorino")
    with remarks.file.open("rb") as handle:
        assert handle.read() == b"demo text"


def test_a_second_import_keeps_the_video_address_and_file_already_there():
    import_programme(programme(), "idm", on_plan=add_video_and_files("https://v.example.org/1"))
    files = sorted(Document.objects.values_list("file", flat=True))

    result = import_programme(
        programme(), "idm", on_plan=add_video_and_files("https://v.example.org/2")
    )

    assert not result.changed
    assert Slot.objects.get(title_en="Opening Session").video_url == "https://v.example.org/1"
    assert sorted(Document.objects.values_list("file", flat=True)) == files


def agenda_plan(event):
    english = DocumentPlan("Agenda", DocumentKind.AGENDA, "Provisional agenda")
    french = DocumentPlan(
        "Agenda",
        DocumentKind.AGENDA,
        "Ordre du jour provisoire",
        fields={"language": "fr", "url": "https://docs.example.org/agenda-fr.pdf"},
        translation_of=english,
    )
    english.fields = {"language": "en", "url": "https://docs.example.org/agenda-en.pdf"}
    return ImportPlan(
        event_slug=event.slug,
        event=event,
        event_title=event.title,
        start_date=event.start_date,
        end_date=event.end_date,
        intro="",
        use_intro=False,
        documents=[english, french],
    )


def test_the_event_documents_of_a_plan_are_kept_apart_by_their_language():
    event = EventFactory()

    write_plan(agenda_plan(event))
    result = write_plan(agenda_plan(event))

    assert result.created["documents"] == 0
    rows = list(event.documents.order_by("order").values_list("title", "language", "url"))
    assert rows == [
        ("Provisional agenda", "en", "https://docs.example.org/agenda-en.pdf"),
        ("Ordre du jour provisoire", "fr", "https://docs.example.org/agenda-fr.pdf"),
    ]
    french = event.documents.get(language="fr")
    assert french.translation_of.title == "Provisional agenda"
