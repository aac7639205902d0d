"""factory_boy factories for every model; EventFactory can build a whole programme."""

import datetime
from io import BytesIO

import factory
from django.core.files.base import ContentFile

from conference.enums import EventStatus
from conference.models import Day, Event, EventSeries, User
from documents.enums import DocumentKind
from documents.models import Document, Photo
from programme.enums import SlotKind
from programme.models import Appearance, Role, Slot
from speakers.enums import OrganisationCategory
from speakers.models import Organisation, Person

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def jpeg_bytes(size=(64, 48), color=(30, 90, 160)):
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, format="JPEG")
    return buffer.getvalue()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        from django.contrib.auth.models import Group

        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))
        if create:
            self.save()


class EventSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSeries
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Dialogue series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    category = OrganisationCategory.GOVERNMENT
    country = "CH"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    honorific = "Ms."
    given_names = factory.Sequence(lambda n: f"Given{n}")
    family_names = factory.Sequence(lambda n: f"Family{n:04d}")
    position = "Director"
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"person{n}@private.example.org")
    phone = "+41 22 000 00 00"
    gender = "female"


def role(name):
    """One of the roles the data migration seeds (Moderator, Speaker …)."""
    return Role.objects.get(name=name)


class EventFactory(factory.django.DjangoModelFactory):
    """An event; `sessions=N, speakers_per_session=M` builds a programme on one day."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    class Params:
        published = factory.Trait(
            status=EventStatus.PUBLISHED,
            published_at=factory.LazyFunction(
                lambda: datetime.datetime(2018, 9, 1, tzinfo=datetime.UTC)
            ),
        )

    series = factory.SubFactory(EventSeriesFactory)
    title = factory.Sequence(lambda n: f"Dialogue {n}")
    slug = factory.Sequence(lambda n: f"dialogue-{n}")
    edition = "Second session"
    description = "First paragraph.\n\nSecond paragraph."
    venue = "Palais des Nations"
    city = "Geneva"
    country = "CH"
    start_date = datetime.date(2018, 10, 8)
    end_date = datetime.date(2018, 10, 9)
    status = EventStatus.DRAFT

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        options = {
            "speakers_per_slot": kwargs.pop("speakers_per_slot", 0),
            "documents_per_speaker": kwargs.pop("documents_per_speaker", 1),
        }
        event = super()._create(model_class, *args, **kwargs)
        event._programme_options = options
        return event

    @factory.post_generation
    def slots(self, create, count, **kwargs):
        if not create or not count:
            return
        options = {**getattr(self, "_programme_options", {}), **kwargs}
        speakers = options.get("speakers_per_slot", 0)
        documents = options.get("documents_per_speaker", 1)
        day = DayFactory(event=self, date=self.start_date, label="DAY ONE")
        for index in range(count):
            slot = SlotFactory(
                day=day,
                order=index,
                number=str(index + 1),
                start_time=datetime.time(8 + index % 12, 0),
                end_time=datetime.time(8 + index % 12, 45),
            )
            AppearanceFactory(slot=slot, role=role("Moderator"), order=0)
            for position in range(speakers):
                appearance = AppearanceFactory(slot=slot, role=role("Speaker"), order=position + 1)
                for _ in range(documents):
                    DocumentFactory(appearance=appearance)


class DayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Day

    event = factory.SubFactory(EventFactory)
    date = factory.LazyAttribute(lambda day: day.event.start_date)
    label = "DAY ONE"


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slot

    day = factory.SubFactory(DayFactory)
    start_time = datetime.time(10, 0)
    end_time = datetime.time(11, 0)
    kind = SlotKind.PANEL
    number = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Panel on capacity development {n}")
    video_url = "https://video.example.org/session"


class AppearanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appearance

    slot = factory.SubFactory(SlotFactory)
    person = factory.SubFactory(PersonFactory)
    role = factory.LazyFunction(lambda: role("Speaker"))
    order = 0


class DocumentFactory(factory.django.DjangoModelFactory):
    """A public PDF attached to an appearance (pass event= or session= to attach elsewhere)."""

    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Remarks {n}")
    kind = DocumentKind.REMARKS
    language = "en"
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="remarks.pdf"))
    is_public = True


class PhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Photo

    event = factory.SubFactory(EventFactory)
    image = factory.LazyFunction(lambda: ContentFile(jpeg_bytes(), name="photo.jpg"))
    caption = factory.Sequence(lambda n: f"Delegates in the plenary hall {n}")
    credit = "IOM"
    alt_text = "Delegates seated around the plenary hall"
