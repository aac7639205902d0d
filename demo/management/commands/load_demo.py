"""Load the IDM 2018 second session as a published demo programme (safe to run twice).

The programme comes in through the importer from the seed text as printed
(demo/data/idm-2018-second-session.txt); demo/data/supplement.json adds what the text does
not carry: the series, the event's title and venue, organisations and people as staff would
have entered them, video addresses, generated document files and photos.
"""

import datetime
import hashlib
import json
from io import BytesIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext
from PIL import Image, ImageDraw

from conference.models import Event, EventSeries
from core.history import bulk_revision
from documents.models import Document, Photo
from programme.changes import not_recorded
from programme.importer import import_programme, parse_text
from programme.models import Appearance, Slot
from speakers.genders import suggested_gender
from speakers.models import Organisation, Person

DATA = Path(__file__).resolve().parent.parent.parent / "data"
SEED = DATA / "idm-2018-second-session.txt"
SUPPLEMENT = DATA / "supplement.json"


def seed_text():
    """The seed programme as printed: the one copy in the project (the tests read it too)."""
    return SEED.read_text(encoding="utf-8")


def supplement():
    return json.loads(SUPPLEMENT.read_text(encoding="utf-8"))


def _pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def demo_pdf(lines):
    """A small valid one-page PDF that says plainly it is a demo placeholder."""
    text = ["BT", "/F1 14 Tf", "72 770 Td", "18 TL"]
    for line in lines:
        encoded = line.encode("latin-1", "replace").decode("latin-1")
        text.append(f"({_pdf_escape(encoded)}) Tj T*")
    text.append("ET")
    stream = "\n".join(text).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def demo_image(label, seed):
    """A plain generated JPEG that says it is a demo placeholder."""
    shade = int(hashlib.sha256(seed.encode()).hexdigest()[:2], 16)
    image = Image.new("RGB", (1200, 800), (20, 60 + shade // 3, 110))
    draw = ImageDraw.Draw(image)
    draw.text((60, 360), f"Plenary demo placeholder: {label}", fill=(255, 255, 255))
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Create or update the IDM 2018 second session as a published demo programme."

    def handle(self, *args, **options):
        # One history version (the first correction can be undone) and one invalidation of
        # the page cache at the end instead of one per row saved. Loading the demo is not a
        # change visitors are told about (the supplement's documents come after publishing).
        with (
            not_recorded(),
            bulk_revision(gettext("Loaded the demo programme")),
            translation.override("en"),
            transaction.atomic(),
        ):
            event = self.load(supplement())
        days = event.days.count()
        slots = Slot.objects.filter(day__event=event).count()
        appearances = Appearance.objects.filter(slot__day__event=event)
        people = appearances.values("person").distinct().count()
        documents = Document.objects.filter(appearance__slot__day__event=event).count()
        self.stdout.write(
            f"Demo programme “{event}” (slug {event.slug}): {days} days, "
            f"{slots} slots, {appearances.count()} appearances of {people} people, "
            f"{documents} documents."
        )

    def load(self, data):
        event = self.load_event(data["series"], data["event"])
        organisations = self.load_organisations(data["organisations"])
        self.load_people(data["people"], organisations)

        def complete(plan):
            self.link_organisations(plan)
            self.add_videos_and_files(plan, event, data["video_url"])

        import_programme(parse_text(seed_text()), event.slug, on_plan=complete)
        self.record_genders(event)
        self.load_photos(event, data["photos"])
        event.refresh_from_db()
        return event

    def load_event(self, series_data, event_data):
        """The series and the event as staff set them up; the introduction comes from the text."""
        series, _ = EventSeries.objects.update_or_create(
            slug=series_data["slug"],
            defaults={
                "name": series_data["name"],
                "name_en": series_data["name"],
                "description": series_data["description"],
                "description_en": series_data["description"],
            },
        )
        fields = dict(event_data)
        slug = fields.pop("slug")
        fields["start_date"] = datetime.date.fromisoformat(fields["start_date"])
        fields["end_date"] = datetime.date.fromisoformat(fields["end_date"])
        for field in ("title", "subtitle", "edition", "venue", "city"):
            fields[f"{field}_en"] = fields[field]
        event, _ = Event.objects.update_or_create(slug=slug, defaults={"series": series, **fields})
        if not event.is_published:
            event.publish()
            event.save()
        return event

    def load_organisations(self, rows):
        """Matched by the importer by name: the demo's people point at them."""
        organisations = {}
        for key, row in rows.items():
            organisations[key], _ = Organisation.objects.update_or_create(
                name_en=row["name"],
                defaults={
                    "name": row["name"],
                    "acronym": row["acronym"],
                    "category": row["category"],
                    "country": row["country"],
                },
            )
        return organisations

    def load_people(self, rows, organisations):
        """People as staff entered them (names split, current position); matched by name."""
        for slug, row in rows.items():
            organisation = organisations[row["organisation"]]
            Person.objects.update_or_create(
                slug=slug,
                defaults={
                    "honorific": row.get("honorific", ""),
                    "given_names": row["given_names"],
                    "family_names": row["family_names"],
                    "position": row["position"],
                    "position_en": row["position"],
                    "organisation": organisation,
                    "country": organisation.country,
                },
            )

    @staticmethod
    def record_genders(event):
        """Where the seed prints Mr. or Ms. before a name, the gender it states is recorded
        (speakers.genders: the same rule staff review in the admin); nothing is guessed
        for the others, and a gender already recorded is kept."""
        appearances = Appearance.objects.filter(slot__day__event=event).select_related("person")
        printed = {}
        for appearance in appearances:
            printed.setdefault(appearance.person, []).append(appearance.honorific)
        for person, honorifics in printed.items():
            gender = suggested_gender(honorifics)
            if gender and not person.gender:
                person.gender = gender
                person.save(update_fields=["gender"])

    @staticmethod
    def link_organisations(plan):
        """Where the printed designation names no organisation staff know, the appearance
        takes the person's own (as staff link it when checking an import)."""
        for line in plan.appearances:
            organisation = line.person.organisation
            known = line.organisation is not None and line.organisation.pk is not None
            if organisation is None or known:
                continue
            line.organisation = organisation
            line.country = line.country or organisation.country

    def add_videos_and_files(self, plan, event, video_url):
        """Video addresses for the slots marked in the text, a placeholder file per document."""
        for day_plan in plan.days:
            for slot_plan in day_plan.slots:
                if slot_plan.video:
                    name = f"session-{slot_plan.number}" if slot_plan.number else None
                    slot_plan.video_url = video_url.format(slot=name or slugify(slot_plan.title))
                heading = f"{day_plan.date.isoformat()} {slot_plan.start:%H:%M}: {slot_plan.title}"
                for line in slot_plan.people:
                    for document_plan in line.documents:
                        content = demo_pdf(
                            [
                                "DEMO PLACEHOLDER - not the real document.",
                                "",
                                document_plan.title,
                                f"{event.title}, {event.edition}",
                                heading,
                                "",
                                "Plenary's demo programme ships generated files like this one",
                                "so that every document link works.",
                            ]
                        )
                        document_plan.file = ContentFile(content, name=f"{document_plan.kind}.pdf")

    def load_photos(self, event, photos):
        for order, row in enumerate(photos):
            caption, alt_text = row["caption"], row["alt_text"]
            if Photo.objects.filter(event=event, caption_en=caption).exists():
                continue
            photo = Photo(
                event=event,
                caption=caption,
                caption_en=caption,
                alt_text=alt_text,
                alt_text_en=alt_text,
                credit="Plenary demo",
                order=order,
            )
            photo.image.save(
                f"demo-{order}.jpg", ContentFile(demo_image(caption, caption)), save=False
            )
            photo.save()
