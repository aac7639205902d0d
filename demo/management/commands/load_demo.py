"""Load the IDM 2018 second session as a published demo programme (safe to run twice)."""

import datetime
import hashlib
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext

from conference.models import Day, Event, EventSeries
from core.history import bulk_revision
from demo import demo_data
from documents.enums import DocumentKind
from documents.models import Document, Photo
from programme.models import Appearance, Role, Slot
from speakers.models import Organisation, Person

MARKER_KINDS = {
    "Opening remarks": DocumentKind.OPENING_REMARKS,
    "Remarks": DocumentKind.REMARKS,
    "Presentation": DocumentKind.PRESENTATION,
}

PHOTOS = [
    ("Opening session", "Demo placeholder image standing in for a photo of the opening session."),
    ("Panel discussion", "Demo placeholder image standing in for a photo of a panel discussion."),
    ("Closing remarks", "Demo placeholder image standing in for a photo of the closing remarks."),
]


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
    from PIL import Image, ImageDraw

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
        # the page cache at the end instead of one per row saved.
        with (
            bulk_revision(gettext("Loaded the demo programme")),
            translation.override("en"),
            transaction.atomic(),
        ):
            event = self.load()
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

    def load(self):
        series, _ = EventSeries.objects.update_or_create(
            slug=demo_data.SERIES["slug"],
            defaults={
                "name": demo_data.SERIES["name"],
                "name_en": demo_data.SERIES["name"],
                "description": demo_data.SERIES["description"],
                "description_en": demo_data.SERIES["description"],
            },
        )
        data = dict(demo_data.EVENT)
        slug = data.pop("slug")
        data["start_date"] = datetime.date.fromisoformat(data["start_date"])
        data["end_date"] = datetime.date.fromisoformat(data["end_date"])
        for field in ("title", "subtitle", "edition", "description", "venue", "city"):
            data[f"{field}_en"] = data[field]
        event, _ = Event.objects.update_or_create(slug=slug, defaults={"series": series, **data})
        if not event.is_published:
            event.publish()
            event.save()
        organisations = self.load_organisations()
        people = self.load_people(organisations)
        roles = {role.name: role for role in Role.objects.all()}
        for day_data in demo_data.DAYS:
            day, _ = Day.objects.update_or_create(
                event=event,
                date=datetime.date.fromisoformat(day_data["date"]),
                defaults={"label": day_data["label"], "label_en": day_data["label"]},
            )
            for order, session_data in enumerate(day_data["sessions"]):
                self.load_slot(day, order, session_data, people, roles)
        self.load_photos(event)
        return event

    def load_organisations(self):
        organisations = {}
        for key, (name, acronym, category, country) in demo_data.ORGANISATIONS.items():
            organisations[key], _ = Organisation.objects.update_or_create(
                name_en=name,
                defaults={
                    "name": name,
                    "acronym": acronym,
                    "category": category,
                    "country": country,
                },
            )
        return organisations

    def load_people(self, organisations):
        people = {}
        for slug, (honorific, given, family, position, org_key) in demo_data.PEOPLE.items():
            people[slug], _ = Person.objects.update_or_create(
                slug=slug,
                defaults={
                    "honorific": honorific,
                    "given_names": given,
                    "family_names": family,
                    "position": position,
                    "position_en": position,
                    "organisation": organisations[org_key],
                    "country": organisations[org_key].country,
                },
            )
        return people

    def load_slot(self, day, order, data, people, roles):
        video = demo_data.VIDEO.format(slot=data["video"]) if data["video"] else ""
        slot, _ = Slot.objects.update_or_create(
            day=day,
            start_time=datetime.time.fromisoformat(data["start"]),
            defaults={
                "end_time": datetime.time.fromisoformat(data["end"]),
                "kind": data["kind"],
                "number": data["number"],
                "title": data["title"],
                "title_en": data["title"],
                "video_url": video,
                "order": order,
            },
        )
        for position, line in enumerate(data["people"]):
            person = people[line["person"]]
            appearance, _ = Appearance.objects.update_or_create(
                slot=slot,
                person=person,
                role=roles[line["role"]],
                defaults={
                    "order": position,
                    "honorific": line["honorific"],
                    "designation": line["designation"],
                    "designation_en": line["designation"],
                    "organisation": person.organisation,
                    "country": line["country"],
                },
            )
            for doc_order, marker in enumerate(line["documents"]):
                self.load_document(appearance, person, doc_order, marker)

    def load_document(self, appearance, person, order, marker):
        kind = MARKER_KINDS[marker]
        title = f"{marker} – {person.full_name}"
        document, created = Document.objects.get_or_create(
            appearance=appearance,
            kind=kind,
            defaults={"title": title, "title_en": title, "order": order, "language": "en"},
        )
        if created or not document.file:
            slot = appearance.slot
            content = demo_pdf(
                [
                    "DEMO PLACEHOLDER - not the real document.",
                    "",
                    title,
                    f"{slot.day.event.title}, {slot.day.event.edition}",
                    f"{slot.day.date.isoformat()} {slot.start_time:%H:%M}: {slot.title}",
                    "",
                    "Plenary's demo programme ships generated files like this one",
                    "so that every document link works.",
                ]
            )
            document.file.save(f"{kind}.pdf", ContentFile(content), save=True)

    def load_photos(self, event):
        for order, (caption, alt_text) in enumerate(PHOTOS):
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
