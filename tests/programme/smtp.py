"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives, for the tests.

aiosmtpd runs in a process of its own, started outside the project folder: it imports the
``public`` module of its dependency atpublic, which our ``public`` app would hide. It stores
each message in a Maildir, which the test reads with the standard library.
"""

import email.policy
import mailbox
import socket
import subprocess
import sys
import time

import pytest


class Inbox:
    """The messages the server has received so far, parsed."""

    def __init__(self, folder):
        self.folder = folder

    @property
    def messages(self):
        factory = lambda file: email.message_from_binary_file(file, policy=email.policy.default)  # noqa: E731
        return list(mailbox.Maildir(self.folder, factory=factory, create=False))

    def to(self, address):
        return [message for message in self.messages if message["To"] == address]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(port, process, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"aiosmtpd stopped: {process.stderr.read().decode()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("aiosmtpd did not start")


@pytest.fixture
def smtp_server(settings, tmp_path):
    """Plenary sends through SMTP to this server; the test reads ``smtp_server.messages``."""
    folder = tmp_path / "maildir"
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aiosmtpd",
            "--nosetuid",
            "--listen",
            f"127.0.0.1:{port}",
            "--class",
            "aiosmtpd.handlers.Mailbox",
            str(folder),
        ],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_listening(port, process)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 10
        settings.DEFAULT_FROM_EMAIL = "secretariat@plenary.example.org"
        yield Inbox(folder)
    finally:
        process.terminate()
        process.wait(timeout=10)


def body_of(message):
    return message.get_body(preferencelist=("plain",)).get_content()
