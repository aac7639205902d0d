"""People who appear on programmes and the organisations they speak for."""

import os
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from conference.enums import EventStatus
from core.choices import row_url
from core.models import VersionedModel
from core.uploads import replace_with_reencoded, validate_image_upload
from speakers.enums import Gender, Honorific, OrganisationCategory, honorific_label


def person_photo_upload_to(instance, filename):
    """Stored under a generated name: the uploader's file name never reaches the disk."""
    extension = os.path.splitext(filename)[1].lower()[:10]
    return f"people/{uuid.uuid4().hex}{extension}"


def _slug_base(text, max_length):
    return slugify(text)[: max_length - 6] or "item"


def free_slug(text, is_taken, *, max_length=100):
    """A slug from text (“name”, “name-2”, …) for which is_taken(slug) is false."""
    base = _slug_base(text, max_length)
    candidate, counter = base, 1
    while is_taken(candidate):
        counter += 1
        candidate = f"{base}-{counter}"
    return candidate


def unique_slugs(model, texts, *, max_length=100):
    """unique_slug() for many new rows at once, in one query (every stored slug): no two of
    them, and none of the rows already stored, get the same slug."""
    taken = set(model.objects.values_list("slug", flat=True))
    slugs = []
    for text in texts:
        slug = free_slug(text, taken.__contains__, max_length=max_length)
        taken.add(slug)
        slugs.append(slug)
    return slugs


def unique_slug(model, text, *, exclude_pk=None, max_length=100):
    """A slug from text that no other row of model uses yet (“name”, “name-2”, …)."""
    existing = model.objects.exclude(pk=exclude_pk) if exclude_pk else model.objects.all()
    return free_slug(
        text, lambda candidate: existing.filter(slug=candidate).exists(), max_length=max_length
    )


def full_name(given_names, family_names):
    """“Amy Pope”: a person's name as printed (Person.full_name, and the feeds reading people
    as rows)."""
    return " ".join(part for part in (given_names, family_names) if part)


class Organisation(models.Model):
    """A government, UN entity, NGO, company or other body a person speaks for."""

    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    category = models.CharField(
        _("category"),
        max_length=30,
        choices=OrganisationCategory,
        default=OrganisationCategory.OTHER,
    )
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(name=""),
                name="organisation_has_name",
                violation_error_message=_("Give the organisation's name."),
            ),
            models.CheckConstraint(
                condition=Q(category__in=OrganisationCategory.values),
                name="organisation_category_valid",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def clean(self):
        super().clean()
        if not (self.name or "").strip():
            raise ValidationError({"name": _("Give the organisation's name.")})


class PersonQuerySet(models.QuerySet):
    def appearing_in_published_events(self):
        return self.filter(appearances__slot__day__event__status=EventStatus.PUBLISHED).distinct()


class Person(VersionedModel):
    """Someone who speaks, moderates or presents. Email, phone and gender are staff-only."""

    honorific = models.CharField(
        _("honorific"), max_length=10, choices=Honorific, blank=True, default=Honorific.NONE
    )
    given_names = models.CharField(_("given names"), max_length=150, blank=True)
    family_names = models.CharField(
        _("family names"),
        max_length=150,
        help_text=_("Used for sorting: “Gómez Camacho” for Juan José Gómez Camacho."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_(
            "Part of the public address, for example /en/speakers/amy-pope/. "
            "Made from the name if blank."
        ),
    )
    gender = models.CharField(
        _("gender"),
        max_length=10,
        choices=Gender,
        blank=True,
        default=Gender.NOT_RECORDED,
        help_text=_("Staff only; used for parity statistics."),
    )
    position = models.CharField(_("current position"), max_length=300, blank=True)
    organisation = models.ForeignKey(
        "speakers.Organisation",
        verbose_name=_("current organisation"),
        on_delete=models.SET_NULL,
        related_name="people",
        null=True,
        blank=True,
    )
    country = CountryField(_("country"), blank=True)
    biography = models.TextField(_("biography"), blank=True)
    photo = models.ImageField(
        _("photo"),
        upload_to=person_photo_upload_to,
        blank=True,
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG or WebP. Stored re-encoded, without its metadata."),
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("Staff only."))
    phone = models.CharField(_("phone"), max_length=50, blank=True, help_text=_("Staff only."))
    language = models.CharField(
        _("preferred language"),
        max_length=7,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("Staff only; the language of the messages Plenary sends this person."),
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["family_names", "given_names"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            models.CheckConstraint(
                condition=~Q(family_names=""),
                name="person_has_family_names",
                violation_error_message=_(
                    "Give the family name; it is used to sort the list of people."
                ),
            ),
            models.CheckConstraint(
                condition=Q(gender__in=Gender.values), name="person_gender_valid"
            ),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        replace_with_reencoded(self, "photo")
        if not self.slug:
            self.slug = unique_slug(Person, self.full_name, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    # Where the public reads about a person: the view and the argument naming the person.
    PUBLIC_VIEW = ("public:person-detail", "slug")

    def get_absolute_url(self):
        return row_url(*self.PUBLIC_VIEW, self.slug)

    def get_honorific_display(self):
        return honorific_label(self.honorific)

    @property
    def full_name(self):
        return full_name(self.given_names, self.family_names)

    @property
    def sort_name(self):
        return f"{self.family_names}, {self.given_names}" if self.given_names else self.family_names

    def clean(self):
        super().clean()
        if not (self.family_names or "").strip():
            raise ValidationError(
                {"family_names": _("Give the family name; it is used to sort the list of people.")}
            )
        if self.slug and Person.objects.filter(slug=self.slug).exclude(pk=self.pk).exists():
            raise ValidationError({"slug": _("Another person already uses this address.")})
