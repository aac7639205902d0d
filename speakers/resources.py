"""People and organisations as spreadsheet rows (django-import-export), with stable columns.

Columns are named after the fields and do not change: a sheet exported today imports
tomorrow. A row without an `id` is matched to an existing row by its slug or name (people:
regardless of case, accents and spacing; organisations: by name or acronym), so importing the
same sheet twice does not duplicate anyone.

Email, phone and gender are private: they are only in `PersonWithPrivateFieldsResource`,
which the admin offers only to staff allowed to change people.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from core.cache import bulk_changes
from core.history import bulk_revision
from speakers.countries import country_code
from speakers.models import Organisation, Person
from speakers.names import normalise_name

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split())
        if not text:
            return None
        organisation = _find_organisation(text)
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


class SafeSpreadsheetResource(resources.ModelResource):
    """Cells never start a formula on export; the protecting quote is removed on import."""

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
                    exclude=errors.keys(),
                    validate_unique=validate_unique,
                    validate_constraints=False,
                )
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def before_import_row(self, row, **kwargs):
        for key, value in list(row.items()):
            if isinstance(value, str) and value.startswith("'") and value[1:2] in FORMULA_STARTS:
                row[key] = value[1:]
            elif isinstance(value, str):
                row[key] = value.strip()


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
        super().before_import(dataset, **kwargs)
        self._people_by_name = {}
        for person in Person.objects.order_by("pk").only("pk", "given_names", "family_names"):
            self._people_by_name.setdefault(normalise_name(person.full_name), person.pk)

    def get_instance(self, instance_loader, row):
        if row.get("id"):
            return super().get_instance(instance_loader, row)
        slug = (row.get("slug") or "").strip()
        if slug:
            found = Person.objects.filter(slug=slug).first()
            if found is not None:
                return found
        key = normalise_name(f"{row.get('given_names') or ''} {row.get('family_names') or ''}")
        pk = getattr(self, "_people_by_name", {}).get(key) if key else None
        return Person.objects.filter(pk=pk).first() if pk else None


class PersonWithPrivateFieldsResource(PersonResource):
    """People with their email, phone and gender: for staff allowed to change people."""

    class Meta(PersonResource.Meta):
        name = "People with private fields (email, phone, gender)"
        fields = (*PersonResource.Meta.fields, "email", "phone", "gender")
        export_order = fields
