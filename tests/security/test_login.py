"""Admin log-in throttling (django-axes): wrong passwords lock that user name from that address."""

import datetime

import pytest
from axes.models import AccessAttempt
from axes.utils import reset
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
LOCKED = "Too many wrong passwords"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = 0.5


@pytest.fixture
def staff():
    return UserFactory(username="anna", is_staff=True, is_superuser=True)


def log_in(username, password, address="203.0.113.7"):
    client = Client(REMOTE_ADDR=address)
    response = client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
    )
    return client, response


def fail_three_times(username="anna", address="203.0.113.7"):
    for _ in range(3):
        log_in(username, "wrong password", address)


def test_right_password_logs_in(staff):
    _, response = log_in("anna", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_wrong_passwords_lock_even_the_right_password_out(staff):
    _, first = log_in("anna", "wrong password")
    assert "Please enter the correct username and password" in first.content.decode()
    fail_three_times()

    client, response = log_in("anna", PASSWORD)

    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302  # still not logged in


def test_wrong_passwords_from_another_address_do_not_lock_the_owner_out(staff):
    """Issue 12, item 10: the lock holds the pair of user name and address, not the account."""
    fail_three_times(address="198.51.100.20")  # someone else, elsewhere
    assert log_in("anna", PASSWORD, address="198.51.100.20")[1].status_code == 429
    _, response = log_in("anna", PASSWORD, address="203.0.113.7")  # the owner's usual address
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_five_wrong_passwords_with_the_default_limit_leave_the_owner_in(staff, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for _ in range(5):
        log_in("anna", "wrong password", address="198.51.100.20")
    assert log_in("anna", PASSWORD, address="198.51.100.20")[1].status_code == 429
    assert log_in("anna", PASSWORD, address="203.0.113.7")[1].status_code == 302


def test_a_locked_address_does_not_lock_another_account(staff):
    UserFactory(username="ben", is_staff=True)
    fail_three_times(username="anna", address="203.0.113.7")
    _, response = log_in("ben", PASSWORD, address="203.0.113.7")
    assert response.status_code == 302


def test_reset_by_an_administrator_unlocks(staff):
    fail_three_times()
    reset(username="anna")
    reset(ip="203.0.113.7")
    _, response = log_in("anna", PASSWORD)
    assert response.status_code == 302


def test_the_lock_lifts_after_the_cool_off_time(staff):
    fail_three_times()
    assert log_in("anna", PASSWORD)[1].status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=31))

    _, response = log_in("anna", PASSWORD)
    assert response.status_code == 302


def test_forwarded_for_is_ignored_without_a_trusted_proxy(staff):
    """A client cannot dodge the lock by sending its own X-Forwarded-For."""
    UserFactory(username="ben", is_staff=True)
    for index in range(3):
        client = Client(REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"10.0.0.{index}")
        client.post(reverse("admin:login"), {"username": "ben", "password": "x"})
    _, response = log_in("ben", PASSWORD, address="203.0.113.7")
    assert response.status_code == 429


def test_behind_one_trusted_proxy_the_forwarded_address_is_locked(staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(username="ben", is_staff=True)
    for _ in range(3):
        Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7").post(
            reverse("admin:login"), {"username": "ben", "password": "x"}
        )
    attacker = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    response = attacker.post(reverse("admin:login"), {"username": "ben", "password": PASSWORD})
    assert response.status_code == 429
    owner = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.20")
    response = owner.post(reverse("admin:login"), {"username": "ben", "password": PASSWORD})
    assert response.status_code == 302  # the proxy's own address is not locked


@pytest.mark.parametrize("next_url", ["https://evil.example/", "", "//evil.example/admin/"])
def test_a_refused_next_lands_on_the_admin_index(staff, next_url):
    """Issue 12, item 11: not on /accounts/profile/, which does not exist."""
    client = Client(REMOTE_ADDR="203.0.113.7")
    response = client.post(
        reverse("admin:login"),
        {"username": "anna", "password": PASSWORD, "next": next_url},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("admin:index")
    assert "Site administration" in response.content.decode()
