"""People and organisations from and to spreadsheets (CSV and XLSX) in the admin."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from speakers import resources
from speakers.models import Organisation, Person
from speakers.resources import (
    OrganisationResource,
    PersonResource,
    PersonWithPrivateFieldsResource,
)
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

CSV_FORMAT, XLSX_FORMAT = "0", "1"
PEOPLE, PEOPLE_WITH_PRIVATE_FIELDS = "0", "1"
HEADER = ["given_names", "family_names", "honorific", "position", "organisation", "country"]


@pytest.fixture
def iom():
    return OrganisationFactory(name="International Organization for Migration", acronym="IOM")


def csv_file(rows, name="people.csv"):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8-sig"), "text/csv")


def xlsx_file(rows, name="people.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(
        name,
        buffer.getvalue(),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def upload(client, model, upload_file, file_format, resource=PEOPLE):
    return client.post(
        reverse(f"admin:speakers_{model}_import"),
        {"import_file": upload_file, "format": file_format, "resource": resource},
    )


def confirm(client, model, preview):
    """Post the confirmation form of a dry-run preview, as the “Confirm import” button does."""
    form = preview.context["confirm_form"]
    assert form is not None, "The preview offers no confirmation"
    return client.post(
        reverse(f"admin:speakers_{model}_process_import"),
        {name: form.initial[name] for name in form.fields},
        follow=True,
    )


GOOD_ROWS = [
    HEADER,
    ["António", "Vitorino", "Mr.", "Director General", "IOM", "PT"],
    ["Zrinka", "Bralo", "Ms.", "Chief Executive", "", "United Kingdom"],
    ["Ann", "Dao Sow", "Ms.", "Chief Coordinator", "", "UK"],
]


def test_a_csv_file_is_previewed_then_imported(staff_client, iom):
    preview = upload(staff_client, "person", csv_file(GOOD_ROWS), CSV_FORMAT)

    content = preview.content.decode()
    assert "Vitorino" in content
    assert "Bralo" in content
    assert "New" in content
    assert not Person.objects.exists()  # a dry run: nothing stored before confirmation

    confirm(staff_client, "person", preview)

    vitorino = Person.objects.get(family_names="Vitorino")
    assert (vitorino.given_names, vitorino.honorific, vitorino.position) == (
        "António",
        "Mr.",
        "Director General",
    )
    assert vitorino.organisation == iom  # found by its acronym
    assert vitorino.country.code == "PT"
    assert Person.objects.get(family_names="Bralo").country.code == "GB"
    assert Person.objects.get(family_names="Dao Sow").country.code == "GB"


def test_importing_the_same_sheet_again_matches_people_by_name(staff_client, iom):
    PersonFactory(given_names="Antonio", family_names="VITORINO")
    preview = upload(staff_client, "person", csv_file(GOOD_ROWS), CSV_FORMAT)
    confirm(staff_client, "person", preview)

    assert Person.objects.filter(family_names__iexact="vitorino").count() == 1
    assert Person.objects.get(family_names="Vitorino").organisation == iom


def test_a_good_xlsx_file_is_imported(staff_client, iom):
    preview = upload(staff_client, "person", xlsx_file(GOOD_ROWS), XLSX_FORMAT)
    confirm(staff_client, "person", preview)
    assert sorted(Person.objects.values_list("family_names", flat=True)) == [
        "Bralo",
        "Dao Sow",
        "Vitorino",
    ]


def test_an_xlsx_file_with_one_bad_row_shows_the_row_error_and_stores_nothing(staff_client, iom):
    rows = [
        *GOOD_ROWS,
        ["Laura", "Thompson", "Ms.", "Deputy Director General", "Ministry of Nowhere", "CH"],
    ]
    preview = upload(staff_client, "person", xlsx_file(rows), XLSX_FORMAT)

    content = preview.content.decode()
    assert "No organisation is called “Ministry of Nowhere”: add it (or import it) first." in (
        content
    )
    assert "confirm_form" not in preview.context  # no way to confirm a file with errors
    result = preview.context["result"]
    assert [row.number for row in result.invalid_rows] == [4]
    assert not Person.objects.exists()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["Laura", "", "Ms.", "", "", ""], "Give the family name"),
        (["Laura", "Thompson", "Ms.", "", "", "Narnia"], "“Narnia” is not a country"),
        (["Laura", "Thompson", "Sir", "", "", ""], "is not a valid choice"),
    ],
)
def test_row_level_errors_are_clear(staff_client, row, message):
    preview = upload(staff_client, "person", csv_file([HEADER, row]), CSV_FORMAT)
    assert message in preview.content.decode()
    assert "confirm_form" not in preview.context
    assert not Person.objects.exists()


def test_private_fields_are_imported_only_through_the_private_resource(staff_client):
    rows = [
        ["given_names", "family_names", "email", "phone", "gender"],
        ["Laura", "Thompson", "laura@example.org", "'+41 22 717 91 11", "female"],
    ]
    preview = upload(staff_client, "person", csv_file(rows), CSV_FORMAT, PEOPLE)
    confirm(staff_client, "person", preview)
    laura = Person.objects.get(family_names="Thompson")
    assert (laura.email, laura.phone, laura.gender) == ("", "", "")

    preview = upload(staff_client, "person", csv_file(rows), CSV_FORMAT, PEOPLE_WITH_PRIVATE_FIELDS)
    confirm(staff_client, "person", preview)
    laura.refresh_from_db()
    assert (laura.email, laura.phone, laura.gender) == (
        "laura@example.org",
        "+41 22 717 91 11",
        "female",
    )


def test_organisations_are_imported_and_matched_by_name_or_acronym(staff_client, iom):
    rows = [
        ["name", "acronym", "category", "country"],
        ["international organization for migration", "IOM", "igo", ""],
        ["World Health Organization", "WHO", "un", "Switzerland"],
    ]
    preview = upload(staff_client, "organisation", csv_file(rows, "orgs.csv"), CSV_FORMAT, "0")
    confirm(staff_client, "organisation", preview)

    assert Organisation.objects.count() == 2
    who = Organisation.objects.get(acronym="WHO")
    assert (who.name, who.category, who.country.code) == ("World Health Organization", "un", "CH")


def test_export_columns_are_stable_and_cells_never_start_a_formula(iom):
    PersonFactory(
        given_names="Laura",
        family_names="Thompson",
        organisation=iom,
        biography='=HYPERLINK("http://evil.example")',
        country="CH",
    )
    dataset = PersonResource().export()
    assert dataset.headers == [
        "id",
        "honorific",
        "given_names",
        "family_names",
        "slug",
        "position",
        "organisation",
        "country",
        "biography",
    ]
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert row["organisation"] == "International Organization for Migration"
    assert row["country"] == "CH"
    assert row["biography"] == '\'=HYPERLINK("http://evil.example")'
    private = PersonWithPrivateFieldsResource().export()
    assert private.headers[-3:] == ["email", "phone", "gender"]
    assert OrganisationResource().export().headers == [
        "id",
        "name",
        "acronym",
        "category",
        "country",
        "website",
    ]


def export(client, resource, file_format, fields):
    prefix = "personresource" if resource == PEOPLE else "personwithprivatefieldsresource"
    data = {"format": file_format, "resource": resource}
    data.update({f"{prefix}_{field}": "on" for field in fields})
    return client.post(reverse("admin:speakers_person_export"), data)


def test_the_csv_export_is_utf8_with_a_byte_order_mark(staff_client):
    PersonFactory(given_names="Cécile", family_names="Riallant", phone="+41 22 000 00 00")
    response = export(
        staff_client,
        PEOPLE_WITH_PRIVATE_FIELDS,
        CSV_FORMAT,
        ["given_names", "family_names", "phone"],
    )
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"\xef\xbb\xbf")
    text = body.decode("utf-8-sig")
    assert "Cécile,Riallant,'+41 22 000 00 00" in text


def test_the_xlsx_export_opens_in_a_spreadsheet(staff_client):
    PersonFactory(given_names="Cécile", family_names="Riallant")
    response = export(staff_client, PEOPLE, XLSX_FORMAT, ["given_names", "family_names"])
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == ["given_names", "family_names"]
    assert [cell.value for cell in sheet[2]] == ["Cécile", "Riallant"]


def test_viewers_export_without_private_fields_and_cannot_import(client, viewer):
    PersonFactory(given_names="Laura", family_names="Thompson", email="laura@private.example")
    client.force_login(viewer)

    page = client.get(reverse("admin:speakers_person_export")).content.decode()
    assert "personwithprivatefieldsresource_email" not in page
    response = export(client, PEOPLE, CSV_FORMAT, ["given_names", "family_names"])
    assert "laura@private.example" not in response.content.decode("utf-8-sig")
    assert "Laura,Thompson" in response.content.decode("utf-8-sig")
    assert client.get(reverse("admin:speakers_person_import")).status_code == 403
    changelist = client.get(reverse("admin:speakers_person_changelist")).content.decode()
    assert reverse("admin:speakers_person_import") not in changelist


def test_the_people_list_keeps_its_options_and_offers_import_and_export(staff_client):
    PersonFactory(given_names="Laura", family_names="Thompson")
    page = staff_client.get(reverse("admin:speakers_person_changelist")).content.decode()
    assert reverse("admin:speakers_person_import") in page
    assert reverse("admin:speakers_person_export") in page
    assert "Thompson" in page
    assert 'value="merge_people"' in page
    autocomplete = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "programme",
            "model_name": "appearance",
            "field_name": "person",
            "term": "Thomp",
        },
    )
    assert "Thompson" in autocomplete.content.decode()


@pytest.mark.parametrize("people", [1, 8])
def test_the_people_export_does_not_grow_in_queries(
    staff_client, django_assert_num_queries, people
):
    for _index in range(people):
        PersonFactory()
    fields = ["given_names", "family_names", "organisation", "country", "email"]
    with django_assert_num_queries(3):
        response = export(staff_client, PEOPLE_WITH_PRIVATE_FIELDS, CSV_FORMAT, fields)
    assert response.content.decode("utf-8-sig").count("\n") == people + 1


@pytest.mark.parametrize("organisations", [1, 8])
def test_the_organisation_export_does_not_grow_in_queries(
    staff_client, django_assert_num_queries, organisations
):
    for _index in range(organisations):
        OrganisationFactory()
    with django_assert_num_queries(3):
        response = staff_client.post(
            reverse("admin:speakers_organisation_export"),
            {"format": CSV_FORMAT, "resource": "0", "organisationresource_name": "on"},
        )
    assert response.content.decode("utf-8-sig").count("\n") == organisations + 1


def test_the_export_page_binds_select_all_from_a_static_file(staff_client):
    page = staff_client.get(reverse("admin:speakers_person_export")).content.decode()
    assert "js/admin-export-select-all.js" in page
    assert 'class="select-toggle"' in page
    assert "personwithprivatefieldsresource_email" in page


def test_a_long_preview_shows_its_first_rows_counts_them_all_and_lists_every_error(
    staff_client, iom, monkeypatch
):
    monkeypatch.setattr(resources, "PREVIEW_MAX_ROWS", 5)
    PersonFactory(given_names="Row", family_names="Zero")
    rows = [HEADER]
    for number in range(400):
        organisation = "Ministry of Nowhere" if number in (7, 399) else "IOM"
        family_names = "Zero" if number == 0 else f"N{number}"  # row 1: a stored person
        rows.append(["Row", family_names, "Ms.", "", organisation, ""])

    preview = upload(staff_client, "person", csv_file(rows), CSV_FORMAT)

    content = preview.content.decode()
    assert "400 rows: 397 new, 1 to update, 0 unchanged (skipped), 2 with errors" in content
    assert [row.number for row in preview.context["result"].invalid_rows] == [8, 400]
    assert content.count("No organisation is called “Ministry of Nowhere”") == 2
    assert not Person.objects.filter(family_names="N1").exists()

    good = [row for number, row in enumerate(rows) if number not in (8, 400)]
    preview = upload(staff_client, "person", csv_file(good), CSV_FORMAT)
    content = preview.content.decode()
    assert "398 rows: 397 new, 1 to update, 0 unchanged (skipped), 0 with errors" in content
    assert len(preview.context["preview_rows"]) == 5
    assert "393 more rows are not shown here" in content
    assert "N380" not in content

    confirm(staff_client, "person", preview)
    assert Person.objects.filter(given_names="Row").count() == 398  # everything is imported
    assert Person.objects.get(family_names="N380").organisation == iom


def test_the_preview_counts_rows_about_a_person_an_earlier_row_adds_as_the_import_does(
    staff_client,
):
    rows = [
        ["given_names", "family_names", "slug", "position"],
        ["Ana", "Lopez", "ana-lopez", "Director"],
        ["Ana", "López", "ana-lopez", "Director General"],  # the same person, by her slug
        ["Ana", "Lopez", "", "Adviser"],  # no slug: someone else with the same name
    ]
    preview = upload(staff_client, "person", csv_file(rows), CSV_FORMAT)

    assert "3 rows: 2 new, 1 to update, 0 unchanged (skipped), 0 with errors" in (
        preview.content.decode()
    )
    assert not Person.objects.exists()

    confirm(staff_client, "person", preview)
    assert dict(Person.objects.values_list("slug", "position")) == {
        "ana-lopez": "Director General",
        "ana-lopez-2": "Adviser",
    }
