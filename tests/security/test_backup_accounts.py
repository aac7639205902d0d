"""Issue 12, item 8: a backup archive opens nobody's account.

Written 0600, without sessions, django-axes' records or password hashes unless
`--with-accounts` is given; restoring such a backup keeps the current accounts working.
"""

import io
import stat
import tarfile

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.urls import reverse

from tests.factories import EventFactory, UserFactory
from tests.security.test_backups import require_tools

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "Minutes-of-the-plenary-1"
NEW_PASSWORD = "Rapporteur-of-the-day-2"


def back_up(tmp_path, *options):
    call_command("backup", *options, output_dir=str(tmp_path / "backups"), stdout=io.StringIO())
    (archive,) = (tmp_path / "backups").glob("plenary-*.tar.gz")
    return archive


def database_bytes(archive):
    with tarfile.open(archive, "r:gz") as opened:
        name = next(n for n in opened.getnames() if n.startswith("database."))
        return opened.extractfile(name).read()


@pytest.fixture
def signed_in(client):
    """An editor signed in through the admin's log-in page: a live session, an axes record."""
    require_tools()
    user = UserFactory(username="amina", is_staff=True, is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    client.post(reverse("admin:login"), {"username": "amina", "password": "wrong"})
    client.post(reverse("admin:login"), {"username": "amina", "password": PASSWORD})
    (session,) = Session.objects.all()
    return user, session.session_key


def test_the_archive_is_readable_by_its_owner_only(tmp_path, signed_in):
    archive = back_up(tmp_path)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600


def test_a_backup_holds_no_session_no_login_record_and_no_password_hash(tmp_path, signed_in):
    user, session_key = signed_in
    AccessAttempt.objects.create(
        username="amina", ip_address="198.51.100.9", failures_since_start=3
    )
    data = database_bytes(back_up(tmp_path))
    assert session_key.encode() not in data
    assert user.password.encode() not in data
    assert b"198.51.100.9" not in data
    assert b"amina" in data  # the user is still there, with an unusable password


def test_with_accounts_the_backup_holds_them(tmp_path, signed_in):
    user, session_key = signed_in
    data = database_bytes(back_up(tmp_path, "--with-accounts"))
    assert session_key.encode() in data
    assert user.password.encode() in data


def test_restoring_a_backup_without_accounts_keeps_the_current_accounts(tmp_path, signed_in):
    user, session_key = signed_in
    EventFactory(published=True, title="Dialogue on migration")
    archive = back_up(tmp_path)
    user.set_password(NEW_PASSWORD)  # changed after the backup
    user.save()
    UserFactory(username="jorge", is_staff=True, groups=["Secretariat editors"])

    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())

    users = get_user_model().objects
    assert users.get(username="amina").check_password(NEW_PASSWORD)
    assert users.get(username="amina").is_superuser
    jorge = users.get(username="jorge")
    assert [group.name for group in jorge.groups.all()] == ["Secretariat editors"]
    assert not Session.objects.filter(session_key=session_key).exists()


def test_an_editor_signs_in_after_a_restore_without_accounts(tmp_path, signed_in, client):
    archive = back_up(tmp_path)
    call_command("restore", str(archive), interactive=False, stdout=io.StringIO())
    response = client.post(
        reverse("admin:login"),
        {"username": "amina", "password": PASSWORD, "next": reverse("admin:index")},
        follow=True,
    )
    assert "Site administration" in response.content.decode()
