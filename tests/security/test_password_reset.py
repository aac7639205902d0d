"""Issue 12, item 10: a member of staff who forgot their password resets it by e-mail."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.security.test_settings import assert_no_inline_code

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
NEW_PASSWORD = "Closing-statement-of-the-chair-7"


@pytest.fixture
def staff():
    return UserFactory(
        username="amina", email="amina.diallo@example.org", is_staff=True, is_superuser=True
    )


def reset_link(message):
    return re.search(r"https?://[^/\s]+(/admin/reset/\S+/)", message.body).group(1)


def test_the_log_in_page_offers_a_password_reset(client):
    page = client.get(reverse("admin:login")).content.decode()
    assert "Forgotten your login credentials?" in page
    assert f'href="{reverse("admin_password_reset")}"' in page


def test_a_member_of_staff_resets_the_password_by_e_mail(client, staff):
    response = client.post(
        reverse("admin_password_reset"), {"email": "amina.diallo@example.org"}, follow=True
    )
    assert "Password reset sent" in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["amina.diallo@example.org"]

    form = client.get(reset_link(message), follow=True)
    assert "Enter new password" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert "Password reset complete" in done.content.decode()

    signed_in = Client().post(
        reverse("admin:login"),
        {"username": "amina", "password": NEW_PASSWORD, "next": reverse("admin:index")},
        follow=True,
    )
    assert "Site administration" in signed_in.content.decode()


def test_only_staff_get_a_reset_message(client):
    UserFactory(username="visitor", email="visitor@example.org", is_staff=False)
    response = client.post(
        reverse("admin_password_reset"), {"email": "visitor@example.org"}, follow=True
    )
    assert "Password reset sent" in response.content.decode()  # says nothing either way
    assert mail.outbox == []


def test_the_reset_pages_have_no_inline_scripts_or_styles(client, staff):
    assert_no_inline_code(client.get(reverse("admin_password_reset")))
    client.post(reverse("admin_password_reset"), {"email": "amina.diallo@example.org"})
    assert_no_inline_code(client.get(reverse("password_reset_done")))
    form = client.get(reset_link(mail.outbox[0]), follow=True)
    assert_no_inline_code(form)
    assert_no_inline_code(client.get(reverse("password_reset_complete")))


SHOW_EMAIL = """
import json
import django
django.setup()
from django.conf import settings
print(json.dumps({name: getattr(settings, name) for name in (
    "EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS", "DEFAULT_FROM_EMAIL")}))
"""


def email_settings(**variables):
    env = {key: value for key, value in os.environ.items() if not key.startswith("EMAIL_")}
    env.update(DJANGO_SETTINGS_MODULE="conference.settings", **variables)
    completed = subprocess.run(
        [sys.executable, "-c", SHOW_EMAIL],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def test_e_mail_goes_to_the_console_unless_smtp_is_configured():
    assert email_settings()["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    smtp = email_settings(
        EMAIL_URL="smtp+tls://secretariat%40example.org:s%2Fcret@mail.example.org:587",
        DEFAULT_FROM_EMAIL="programme@example.org",
    )
    assert smtp == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "secretariat@example.org",
        "EMAIL_HOST_PASSWORD": "s/cret",
        "EMAIL_USE_TLS": True,
        "DEFAULT_FROM_EMAIL": "programme@example.org",
    }
