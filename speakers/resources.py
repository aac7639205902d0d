"""People and organisations as spreadsheet rows (django-import-export), with stable columns.

Columns are named after the fields and do not change: a sheet exported today imports
tomorrow. A row without an `id` is matched to an existing row by its slug or name (people:
regardless of case, accents and spacing; organisations: by name or acronym), so importing the
same sheet twice does not duplicate anyone.

A preview (dry run) of a long sheet shows its first rows only (``PREVIEW_MAX_ROWS``): the rows
after them are checked and counted as every row is, without the page of differences.

Email, phone and gender are private: they are only in `PersonWithPrivateFieldsResource`,
which the admin offers only to staff allowed to change people.
"""

import tablib
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets
from import_export.resources import Diff

from core.cache import bulk_changes
from core.history import bulk_revision
from core.text import clean_text_fields
from speakers.countries import country_code
from speakers.models import Organisation, Person, free_slug
from speakers.names import normalise_name

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The preview prints the differences of its first rows only: printing 20,000 of them took
# longer than a request may last. Its counts and its list of rows with errors still cover
# every row; the confirmed import writes every row.
PREVIEW_MAX_ROWS = 300


def _find_organisation(text):
    key = normalise_name(text)
    if not key:
        return None
    text = " ".join(str(text).split())
    exact = Organisation.objects.filter(Q(name__iexact=text) | Q(acronym__iexact=text)).first()
    if exact is not None:
        return exact
    for organisation in Organisation.objects.all():
        names = (organisation.name_en or organisation.name, organisation.acronym)
        if key in {normalise_name(name) for name in names if name}:
            return organisation
    return None


class OrganisationWidget(widgets.ForeignKeyWidget):
    """An organisation by its name or acronym, as people type it."""

    def __init__(self):
        super().__init__(Organisation, field="name")
        self.found = None  # {text: organisation or None} during an import of people

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split())
        if not text:
            return None
        if self.found is None:
            organisation = _find_organisation(text)
        else:
            if text not in self.found:
                self.found[text] = _find_organisation(text)
            organisation = self.found[text]
        if organisation is None:
            raise ValueError(
                _("No organisation is called “%(name)s”: add it (or import it) first.")
                % {"name": text}
            )
        return organisation

    def render(self, value, obj=None, **kwargs):
        return value.name if value is not None else ""


class CountryWidget(widgets.Widget):
    """A country as a two-letter code (CH) or a name (Switzerland); exported as the code."""

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split())
        if not text:
            return ""
        if len(text) == 2 and text.upper() in _country_codes():
            return text.upper()
        code = country_code(text)
        if not code:
            raise ValueError(
                _("“%(value)s” is not a country: give a two-letter code such as CH or a name.")
                % {"value": text}
            )
        return code

    def render(self, value, obj=None, **kwargs):
        return getattr(value, "code", value) or ""


def _country_codes():
    from django_countries import countries

    return {code for code, _name in countries}


class PreviewDiff(Diff):
    """The differences of a row, worked out for the first PREVIEW_MAX_ROWS rows that pass
    only; later rows have none (``as_html`` returns None) and cost nothing here."""

    def __init__(self, resource, instance, new):
        self.resource, self.new, self.right = resource, new, []
        self.left = super()._read_field_values(resource, instance) if self._shown() else None

    def _shown(self):
        return self.resource.diffs_shown < PREVIEW_MAX_ROWS

    def compare_with(self, resource, instance):
        if self.left is not None:
            super().compare_with(resource, instance)

    def as_html(self):
        if self.left is None or not self._shown():
            return None
        self.resource.diffs_shown += 1
        return super().as_html()


class SafeSpreadsheetResource(resources.ModelResource):
    """Cells never start a formula on export; the protecting quote is removed on import."""

    diffs_shown = 0
    # Foreign keys whose widget gives a row it has just read from the database: Django's
    # check that the row exists would be one more query per row.
    looked_up_fields = ()

    @classmethod
    def get_diff_class(cls):
        return PreviewDiff

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.diffs_shown = 0

    def export_field(self, field, instance, **kwargs):
        value = super().export_field(field, instance, **kwargs)
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            return "'" + value
        return value

    def import_data(self, dataset, dry_run=False, **kwargs):
        """A confirmed import is one history version and one invalidation of the page cache;
        the preview (dry run) records nothing."""
        if dry_run:  # rolled back: nothing for the page cache to know
            with bulk_changes(invalidate=False):
                return super().import_data(dataset, dry_run=dry_run, **kwargs)
        with bulk_revision(_("Imported from a spreadsheet"), user=kwargs.get("user")):
            return super().import_data(dataset, dry_run=dry_run, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """As django-import-export does, without the database constraints: each has its twin
        in the model's clean() or in the field's choices, and Django checks a CheckConstraint
        with a query per row (two queries a row for 20,000 people)."""
        errors = dict(import_validation_errors or {})
        if self._meta.clean_model_instances:
            try:
                instance.full_clean(
                    exclude={*errors, *self.looked_up_fields},
                    validate_unique=validate_unique,
                    validate_constraints=False,
                )
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def before_import_row(self, row, **kwargs):
        for key, value in list(row.items()):
            if isinstance(value, str):
                row[key] = _unquoted(value)


class OrganisationResource(SafeSpreadsheetResource):
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())

    class Meta:
        model = Organisation
        name = "Organisations"
        fields = ("id", "name", "acronym", "category", "country", "website")
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_instance(self, instance_loader, row):
        if row.get("id"):
            return super().get_instance(instance_loader, row)
        for text in (row.get("name"), row.get("acronym")):
            organisation = _find_organisation(text)
            if organisation is not None:
                return organisation
        return None


class PersonResource(SafeSpreadsheetResource):
    organisation = fields.Field(
        attribute="organisation", column_name="organisation", widget=OrganisationWidget()
    )
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())
    looked_up_fields = ("organisation",)

    class Meta:
        model = Person
        name = "People"
        fields = (
            "id",
            "honorific",
            "given_names",
            "family_names",
            "slug",
            "position",
            "organisation",
            "country",
            "biography",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return super().get_queryset().select_related("organisation")

    def before_import(self, dataset, **kwargs):
        """Look up once what the rows need: the stored people they are about (by id, slug or
        name) and the organisations they name (see OrganisationWidget)."""
        super().before_import(dataset, **kwargs)
        self.fields["organisation"].widget.found = {}
        self._people_by_slug, self._people_by_name = {}, {}
        stored = Person.objects.order_by("pk").values_list(
            "pk", "slug", "given_names", "family_names"
        )
        for pk, slug, given_names, family_names in stored:
            self._people_by_slug[slug] = pk
            name = " ".join(part for part in (given_names, family_names) if part)
            self._people_by_name.setdefault(normalise_name(name), pk)
        wanted = {self._stored(row) for row in dataset.dict} - {None}
        self._people = self.get_queryset().in_bulk(wanted) if wanted else {}

    def _stored(self, row):
        """The pk of the person a row is about, as far as the lookups made in before_import
        (and the saves since) tell; in a preview, a person an earlier row adds; or None."""
        if _cell(row, "id"):
            try:
                return self.fields["id"].clean(row)
            except ValueError:
                return None  # the row's error comes when it is imported
        slug = _cell(row, "slug")
        if slug in self._people_by_slug:
            return self._people_by_slug[slug]
        key = normalise_name(f"{_cell(row, 'given_names')} {_cell(row, 'family_names')}")
        return self._people_by_name.get(key) if key else None

    def get_instance(self, instance_loader, row):
        if not hasattr(self, "_people"):  # a row imported on its own, not by import_data
            self.before_import(tablib.Dataset())
        pk = self._stored(row)
        if isinstance(pk, Person):
            return pk  # added by an earlier row of this preview
        if pk in self._people:
            return self._people.pop(pk)  # a later row about the same person reads it again
        if _cell(row, "id"):
            return super().get_instance(instance_loader, row)
        return Person.objects.filter(pk=pk).first() if pk else None

    def before_save_instance(self, instance, row, **kwargs):
        """The slug save() would make (unique_slug), from the slugs looked up in
        before_import and those of the rows saved since, without a query per candidate."""
        super().before_save_instance(instance, row, **kwargs)
        if not instance.slug:
            slugs = self._people_by_slug
            instance.slug = free_slug(
                instance.full_name,
                lambda slug: slugs.get(slug, instance.pk) != instance.pk,
            )

    def save_instance(self, instance, is_create, row, **kwargs):
        """In a preview (dry run, rolled back) a new person is not inserted: the row is
        checked (full_clean) and given its slug as save() would, and later rows find it by
        that slug. An INSERT for each of 20,000 rows took half the preview's time."""
        if not (kwargs.get("dry_run") and instance.pk is None):
            return super().save_instance(instance, is_create, row, **kwargs)
        self.before_save_instance(instance, row, **kwargs)
        clean_text_fields(Person, instance)  # as the pre_save receiver does
        self.after_save_instance(instance, row, **kwargs)
        return None

    def after_save_instance(self, instance, row, **kwargs):
        """The slug is taken now, for a later row that gives it or needs a new one."""
        super().after_save_instance(instance, row, **kwargs)
        self._people_by_slug[instance.slug] = instance.pk if instance.pk else instance

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The slug is the only unique field a row sets, and Person.clean() checks it when
        the row gives one (in words); left blank, save() makes a free one. Django's own
        check would cost a query per row."""
        super().validate_instance(instance, import_validation_errors, validate_unique=False)


def _cell(row, column):
    """A cell as before_import_row() leaves it."""
    return _unquoted(str(row.get(column) or "")).strip()


def _unquoted(value):
    """The cell without the quote that kept it from starting a formula, or else stripped."""
    if value.startswith("'") and value[1:2] in FORMULA_STARTS:
        return value[1:]
    return value.strip()


class PersonWithPrivateFieldsResource(PersonResource):
    """People with their email, phone and gender: for staff allowed to change people."""

    class Meta(PersonResource.Meta):
        name = "People with private fields (email, phone, gender)"
        fields = (*PersonResource.Meta.fields, "email", "phone", "gender")
        export_order = fields
