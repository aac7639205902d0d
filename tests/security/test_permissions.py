"""Who may open what: anonymous, staff without permissions (a staff account with no group and
no permission), secretariat viewer, secretariat editor and superuser, against every admin
page, the exports and statistics, and the draft and public pages.

The table is the specification: one row per page with the answer each role must get;
adding a page is one line.
"""

import re
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from tests.admin_forms import NO_ADD_PAGE, form_data
from tests.factories import DocumentFactory, EventFactory, PhotoFactory, UserFactory
from tests.programme.contribution_helpers import speaker_sent_something

ROLES = ["anonymous", "bare_staff", "viewer", "editor", "superuser"]

# Expected answers.
OK = "ok"  # 200, the page itself
READ_ONLY = "read-only"  # 200, but no save button
SAVED = "saved"  # POST accepted: 302 back to the list
LOGIN = "login"  # 302 to the admin log-in page
FORBIDDEN = "forbidden"  # 403
MISSING = "missing"  # 404: drafts do not exist for the public


@dataclass
class Row:
    label: str
    url: object  # function(context) -> URL
    expected: dict
    method: str = "get"
    data: object = field(default=None)  # function(context, superuser_client) -> POST data


def expect(anonymous, bare_staff, viewer, editor, superuser):
    return dict(zip(ROLES, [anonymous, bare_staff, viewer, editor, superuser], strict=True))


PROGRAMME_APPS = {"conference", "programme", "speakers", "documents"}


def admin_models():
    return sorted(
        (model for model in admin.site._registry if model._meta.app_label in PROGRAMME_APPS),
        key=lambda model: model._meta.label,
    )


def admin_rows(model):
    opts = model._meta
    prefix = f"admin:{opts.app_label}_{opts.model_name}"
    if model._meta.label == settings.AUTH_USER_MODEL:
        # Accounts are the superuser's business only.
        view, edit, readonly, save = (expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),) * 2 + (
            expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
            expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, SAVED),
        )
    else:
        view = expect(LOGIN, FORBIDDEN, OK, OK, OK)
        edit = expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK)
        readonly = expect(LOGIN, FORBIDDEN, READ_ONLY, OK, OK)
        save = expect(LOGIN, FORBIDDEN, FORBIDDEN, SAVED, SAVED)

    def obj_url(name):
        return lambda context: reverse(f"{prefix}_{name}", args=[context["objects"][model].pk])

    add = (
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN)
        if opts.label in NO_ADD_PAGE
        else edit
    )
    return [
        Row(f"{opts.label} list", lambda context: reverse(f"{prefix}_changelist"), view),
        Row(f"{opts.label} add", lambda context: reverse(f"{prefix}_add"), add),
        Row(f"{opts.label} change", obj_url("change"), readonly),
        Row(f"{opts.label} history", obj_url("history"), view),
        Row(f"{opts.label} delete", obj_url("delete"), edit),
        Row(
            f"{opts.label} save",
            obj_url("change"),
            save,
            method="post",
            data=lambda context, superuser_client, url: form_data(superuser_client.get(url)),
        ),
    ]


def public_rows():
    def draft(name, *extra):
        return lambda context: reverse(name, args=[context["draft"].slug, *extra])

    def published(name, *extra):
        return lambda context: reverse(name, args=[context["published"].slug, *extra])

    # Being staff is not enough: drafts, statistics and exports need the view permission
    # on events (conference.visibility), and each export the permissions of what it shows.
    staff_only = expect(LOGIN, FORBIDDEN, OK, OK, OK)
    rows = [
        Row(
            "draft event page",
            draft("public:event-detail"),
            expect(MISSING, MISSING, OK, OK, OK),
        ),
        Row(
            "draft event speakers",
            draft("public:event-speakers"),
            expect(MISSING, MISSING, OK, OK, OK),
        ),
        Row(
            "published event page",
            published("public:event-detail"),
            expect(OK, OK, OK, OK, OK),
        ),
        Row(
            "non-public document of a published event",
            lambda context: context["private_document"].get_absolute_url(),
            expect(MISSING, MISSING, OK, OK, OK),
        ),
        Row(
            "public document of a published event",
            lambda context: context["public_document"].get_absolute_url(),
            expect(OK, OK, OK, OK, OK),
        ),
        Row(
            "draft event statistics",
            draft("public:event-statistics"),
            staff_only,
        ),
        Row(
            "draft event statistics CSV",
            draft("public:event-statistics-csv"),
            staff_only,
        ),
        Row(
            "published event statistics",
            published("public:event-statistics"),
            staff_only,
        ),
    ]
    # Feeds follow the programme page: staff proof a draft's feeds (issue 13), visitors
    # never see them.
    for feed in ["event-ics", "event-json", "event-frab-json", "event-frab-xml"]:
        rows.append(
            Row(
                f"draft event {feed}",
                draft(f"public:{feed}"),
                expect(MISSING, MISSING, OK, OK, OK),
            )
        )
        rows.append(
            Row(
                f"published event {feed}",
                published(f"public:{feed}"),
                expect(OK, OK, OK, OK, OK),
            )
        )
    for kind in ["participants", "programme", "documents", "people"]:
        rows.append(
            Row(
                f"draft event export {kind}",
                draft("public:event-export", kind),
                staff_only,
            )
        )
        rows.append(
            Row(
                f"published event export {kind}",
                published("public:event-export", kind),
                staff_only,
            )
        )
    return rows


@pytest.fixture
def context(db):
    published = EventFactory(published=True, slots=1, speakers_per_slot=1)
    draft = EventFactory(slots=1, speakers_per_slot=1, title="Secret draft")
    PhotoFactory(event=published)
    public_document = DocumentFactory(event=published)
    private_document = DocumentFactory(event=published, is_public=False, title="Private note")
    speaker_sent_something(published)
    users = {
        "bare_staff": UserFactory(username="bare", is_staff=True),
        "viewer": UserFactory(username="viewer", is_staff=True, groups=["Secretariat viewers"]),
        "editor": UserFactory(username="editor", is_staff=True, groups=["Secretariat editors"]),
        "superuser": UserFactory(username="root", is_staff=True, is_superuser=True),
    }
    objects = {model: model.objects.order_by("pk").first() for model in admin_models()}
    return {
        "published": published,
        "draft": draft,
        "users": users,
        "objects": objects,
        "public_document": public_document,
        "private_document": private_document,
    }


def client_for(role, context):
    client = Client()
    if role != "anonymous":
        client.force_login(context["users"][role])
    return client


def answer(response):
    """What the user got, in the words of the table."""
    if response.status_code == 302:
        return LOGIN if "/admin/login/" in response["Location"] else SAVED
    if response.status_code == 200:
        if response.streaming:  # CSV exports
            return OK if b"".join(response.streaming_content) else "empty"
        page = response.content.decode()
        change_form = re.search(r'<form[^>]+id="\w+_form"', page)
        return READ_ONLY if change_form and 'name="_save"' not in page else OK
    return {403: FORBIDDEN, 404: MISSING}.get(response.status_code, str(response.status_code))


def check(rows, role, context):
    superuser_client = client_for("superuser", context)
    client = client_for(role, context)
    wrong = []
    for row in rows:
        url = row.url(context)
        if row.method == "post":
            response = client.post(url, row.data(context, superuser_client, url))
        else:
            response = client.get(url)
        got = answer(response)
        if got != row.expected[role]:
            wrong.append(f"{row.label} ({url}): expected {row.expected[role]}, got {got}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", admin_models(), ids=lambda model: model._meta.label)
def test_admin_pages(role, model, context):
    check(admin_rows(model), role, context)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", public_rows(), ids=lambda row: row.label)
def test_public_and_staff_pages(role, row, context):
    check([row], role, context)
