"""Production settings, the Content Security Policy and the headers of uploaded media."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from core.middleware import MediaHeadersMiddleware
from tests.admin_forms import NO_ADD_PAGE
from tests.factories import DocumentFactory, EventFactory, PhotoFactory
from tests.programme.contribution_helpers import speaker_sent_something

PROJECT = Path(__file__).resolve().parents[2]
SECRET = "k" * 20 + "Q7v!x9#Lm2@pR4$wZ8^tY6&nB3*cF5(h"  # 52 characters, not a real key


def run_manage(*args, **env):
    """manage.py in a clean environment: only what a production server would set."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            (
                "SECURE_",
                "SESSION_",
                "CSRF_",
                "DJANGO_",
                "DEBUG",
                "SECRET",
                "TRUST",
                "AXES_",
                "AWS_",
                "CSP_",
            )
        )
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


SETTINGS_PRINTER = (
    "from django.conf import settings as s; import json; print(json.dumps({k: getattr(s, k) "
    "for k in ['DEBUG', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SESSION_COOKIE_SECURE', "
    "'CSRF_COOKIE_SECURE', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_REFERRER_POLICY', "
    "'SECURE_PROXY_SSL_HEADER', 'AXES_FAILURE_LIMIT', 'AXES_COOLOFF_TIME', "
    "'AXES_LOCKOUT_PARAMETERS', 'CONTENT_SECURITY_POLICY']}))"
)


def production_settings(**env):
    result = run_manage(
        "shell",
        "-c",
        SETTINGS_PRINTER,
        **{"SECRET_KEY": SECRET, "ALLOWED_HOSTS": "example.org", "DEBUG": "0", **env},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_reports_no_issues_with_only_secret_key_and_allowed_hosts():
    result = run_manage(
        "check", "--deploy", "--fail-level", "DEBUG", SECRET_KEY=SECRET, ALLOWED_HOSTS="example.org"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_is_secure_by_default():
    values = production_settings()
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31536000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["SECURE_PROXY_SSL_HEADER"] is None  # only behind a proxy, when asked


def test_local_development_turns_the_https_settings_off():
    values = production_settings(DEBUG="1")
    assert values["DEBUG"] is True
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["CSRF_COOKIE_SECURE"] is False


def test_each_setting_can_be_overridden_from_the_environment():
    values = production_settings(
        SECURE_HSTS_SECONDS="600",
        SECURE_SSL_REDIRECT="0",
        SECURE_REFERRER_POLICY="strict-origin",
        TRUST_X_FORWARDED_PROTO="1",
        AXES_FAILURE_LIMIT="10",
        AXES_COOLOFF_TIME="2",
    )
    assert values["SECURE_HSTS_SECONDS"] == 600
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_REFERRER_POLICY"] == "strict-origin"
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert (values["AXES_FAILURE_LIMIT"], values["AXES_COOLOFF_TIME"]) == (10, 2.0)


def test_log_in_locks_cover_the_pair_of_account_and_address_unless_told_otherwise():
    assert production_settings()["AXES_LOCKOUT_PARAMETERS"] == [["username", "ip_address"]]
    apart = production_settings(AXES_LOCKOUT_PARAMETERS="username,ip_address")
    assert apart["AXES_LOCKOUT_PARAMETERS"] == ["username", "ip_address"]


def test_images_from_the_upload_bucket_are_allowed_by_the_csp():
    policy = production_settings()["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert policy["img-src"] == ["'self'", "data:"]
    bucket = production_settings(
        AWS_STORAGE_BUCKET_NAME="plenary-media",
        AWS_S3_ENDPOINT_URL="https://minio.example.org:9000/",
        CSP_MEDIA_ORIGINS="https://cdn.example.org",
    )["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert bucket["img-src"] == [
        "'self'",
        "data:",
        "https://cdn.example.org",
        "https://minio.example.org:9000",
    ]
    assert "https://minio.example.org:9000" in bucket["media-src"]
    assert "https://minio.example.org:9000" not in bucket["script-src"]


def test_every_environment_variable_is_documented_in_env_example():
    documented = set(re.findall(r"^([A-Z_]+)=", (PROJECT / ".env.example").read_text(), re.M))
    settings_source = (PROJECT / "conference" / "settings.py").read_text()
    used = set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z_]+)"', settings_source))
    assert used <= documented, f"not in .env.example: {sorted(used - documented)}"


# --- Content Security Policy ---------------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>")
INLINE_STYLE = re.compile(r"<[a-z][^>]*\sstyle=", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)


def assert_no_inline_code(response):
    page = response.content.decode()
    assert not INLINE_SCRIPT.search(page), INLINE_SCRIPT.search(page).group(0)
    assert not INLINE_STYLE.search(page), INLINE_STYLE.search(page).group(0)
    assert not INLINE_HANDLER.search(page), INLINE_HANDLER.search(page).group(0)


def test_csp_header_has_no_unsafe_inline(client, db):
    response = client.get(reverse("admin:login"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.fixture
def admin_pages(db):
    """Every kind of admin page a secretariat user opens, for one small programme."""
    event = EventFactory(published=True, slots=1, speakers_per_slot=1)
    PhotoFactory(event=event)
    DocumentFactory(event=event)
    speaker_sent_something(event)
    from django.contrib import admin

    urls = [reverse("admin:index"), reverse("admin:password_change")]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        prefix = f"admin:{opts.app_label}_{opts.model_name}"
        obj = model.objects.first()
        urls.append(reverse(f"{prefix}_changelist"))
        # django-axes records are read-only; links and what speakers send have no add page.
        if opts.app_label != "axes" and opts.label not in NO_ADD_PAGE:
            urls.append(reverse(f"{prefix}_add"))
        if obj is not None:
            urls += [
                reverse(f"{prefix}_change", args=[obj.pk]),
                reverse(f"{prefix}_history", args=[obj.pk]),
                reverse(f"{prefix}_delete", args=[obj.pk]),
            ]
        if hasattr(model_admin, "recoverlist_view"):
            urls.append(reverse(f"{prefix}_recoverlist"))
    return urls


def test_admin_pages_have_no_inline_scripts_styles_or_handlers(staff_client, admin_pages):
    """Django admin, adminsortable2, modeltranslation and reversion pages work under the CSP."""
    assert len(admin_pages) > 40
    for url in admin_pages:
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert_no_inline_code(response)


def test_csp_applies_to_public_pages(client, db):
    response = client.get("/en/")
    assert "script-src 'self'" in response["Content-Security-Policy"]


# --- Uploaded media served by Django -------------------------------------------------


@pytest.mark.parametrize(
    ("path", "content_type", "attachment"),
    [
        ("/media/documents/x.html", "text/html", True),
        ("/media/documents/x.svg", "image/svg+xml", True),
        ("/media/documents/x.pdf", "application/pdf", True),
        ("/media/photos/x.jpg", "image/jpeg", False),
        ("/media/photos/x.webp", "image/webp", False),
    ],
)
def test_media_is_never_rendered_as_a_page(settings, path, content_type, attachment):
    settings.MEDIA_URL = "media/"
    middleware = MediaHeadersMiddleware(lambda request: HttpResponse(b"x", content_type))
    response = middleware(RequestFactory().get(path))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert (response.get("Content-Disposition") == "attachment") is attachment


def test_pages_outside_media_are_left_alone(settings):
    settings.MEDIA_URL = "media/"
    middleware = MediaHeadersMiddleware(lambda request: HttpResponse(b"x", "text/html"))
    response = middleware(RequestFactory().get("/en/events/"))
    assert "Content-Disposition" not in response


def test_health_checks_are_answered_over_plain_http(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    from django.test import Client

    assert Client().get("/healthz").status_code == 200
    assert Client().get("/en/").status_code == 301


@pytest.mark.parametrize("as_staff", [False, True], ids=["visitor", "staff"])
def test_public_pages_have_no_inline_scripts_styles_or_handlers(client, superuser, as_staff):
    """JSON-LD data blocks are allowed; nothing a CSP without unsafe-inline would block."""
    event = EventFactory(published=True, slots=2, speakers_per_slot=2)
    PhotoFactory(event=event)
    person = event.days.get().slots.first().appearances.first().person
    if as_staff:
        client.force_login(superuser)
    urls = [
        "/en/",
        event.get_absolute_url(),
        reverse("public:event-speakers", args=[event.slug]),
        reverse("public:event-photos", args=[event.slug]),
        event.series.get_absolute_url(),
        person.get_absolute_url(),
        reverse("public:search") + "?q=migration",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "unsafe-inline" not in response["Content-Security-Policy"]
        assert_no_inline_code(response)


@pytest.mark.parametrize(
    ("value", "pages", "fragments"),
    [("1", True, True), ("0", False, False), ("fragments", False, True)],
)
def test_the_page_cache_switch_turns_pages_and_fragments_on_and_off(value, pages, fragments):
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; "
        "print(s.PAGE_CACHE_ENABLED, s.FRAGMENT_CACHE_ENABLED)",
        SECRET_KEY=SECRET,
        PLENARY_PAGE_CACHE=value,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == [str(pages), str(fragments)]
