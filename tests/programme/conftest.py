"""Fixtures of the programme editor's tests: the IDM 2019 event, its day, its opening slot,
and a signed-in member of the secretariat's editors; a real SMTP server (``smtp_server``)."""

import pytest
from django.test import Client

from tests.programme.editor_helpers import day_one, idm_2019_event, opening_session
from tests.programme.smtp import smtp_server  # noqa: F401 (a fixture: a real SMTP server)


@pytest.fixture
def event(db):
    return idm_2019_event()


@pytest.fixture
def day(event):
    return day_one(event)


@pytest.fixture
def slot(day):
    return opening_session(day)


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client
