"""Messages to speakers: links and reminders by e-mail, through a real SMTP server."""

import re

import pytest

from programme.contribution_models import ContributionLink
from programme.enums import MessageKind
from programme.message_models import ContributionMessage, ContributionMessageTemplate
from tests.pages import page_text
from tests.programme.contribution_helpers import future_programme
from tests.programme.smtp import body_of, free_port

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s]+/contribute/[\w-]+/")


@pytest.fixture
def programme():
    event, slot, first, second = future_programme()
    first.person.language = "fr"
    first.person.save()
    return event, slot, first, second


def send(admin_client, action, slot):
    return admin_client.post(
        "/admin/programme/slot/", {"action": action, "_selected_action": [slot.pk]}
    )


def test_staff_send_the_links_each_in_the_persons_language(
    admin_client, client, smtp_server, programme
):
    event, slot, first, second = programme
    ContributionMessageTemplate.objects.create(
        event=event,
        kind=MessageKind.LINK,
        language="fr",
        subject="Votre intervention à {event}",
        body="Madame, Monsieur {name},\n\nVoici votre lien personnel : {link}\n",
    )
    response = send(admin_client, "send_links", slot)
    text = page_text(response)
    assert "2 messages sent." in text
    assert f"Sent to {first.person.email}" in text

    [french] = smtp_server.to(first.person.email)
    assert french["Subject"] == f"Votre intervention à {event.title}"
    assert french["From"] == "secretariat@plenary.example.org"
    assert french["Content-Language"] == "fr"
    french_body = body_of(french)
    assert f"Madame, Monsieur {first.person.full_name}," in french_body
    french_link = LINK.search(french_body).group(0)
    assert "/fr/contribute/" in french_link

    [english] = smtp_server.to(second.person.email)
    assert english["Subject"] == f"Your contribution to {event.title}"
    english_body = body_of(english)
    assert f"Dear {second.person.full_name}," in english_body
    assert "Panel on labour mobility" in english_body
    assert "Europe/Zurich" in english_body
    english_link = LINK.search(english_body).group(0)
    assert "/en/contribute/" in english_link

    # The link in the message opens that person's page, in that language.
    page = client.get(french_link.split("testserver", 1)[1])
    assert page.status_code == 200
    assert '<html lang="fr"' in page.content.decode()
    assert first.person.family_names in page_text(page)
    assert ContributionLink.objects.filter(appearance=first).count() == 1

    logged = ContributionMessage.objects.get(appearance=first)
    assert (logged.kind, logged.language, logged.sent_to) == ("link", "fr", first.person.email)
    assert logged.sent_by.username == "admin"
    checklist = page_text(admin_client.get(f"/en/events/{event.slug}/checklist/"))
    assert f"Personal link (FR) to {first.person.email} by admin" in checklist


def test_reminders_go_to_those_missing_something_and_say_what(admin_client, smtp_server, programme):
    event, slot, first, second = programme
    first.documents.all().delete()  # nothing expected of the first speaker …
    first.designation_proposals.create(family_names=first.person.family_names, status="accepted")
    response = send(admin_client, "send_reminders", slot)
    assert "1 message sent." in page_text(response)
    assert smtp_server.to(first.person.email) == []  # … so no reminder
    [reminder] = smtp_server.to(second.person.email)
    assert reminder["Subject"] == f"Reminder: your contribution to {event.title}"
    body = body_of(reminder)
    assert "- Remarks (EN)" in body
    assert "- the confirmation of how your name and title will be printed" in body
    assert LINK.search(body)
    assert ContributionMessage.objects.get().kind == MessageKind.REMINDER


def test_without_an_address_staff_copy_the_link(admin_client, smtp_server, programme):
    _event, slot, _first, second = programme
    second.person.email = ""
    second.person.save()
    response = send(admin_client, "send_links", slot)
    text = page_text(response)
    assert "1 message sent." in text
    assert "No e-mail address: copy the link" in text
    assert len(smtp_server.messages) == 1
    assert not ContributionMessage.objects.filter(appearance=second).exists()
    assert "/en/contribute/" in text  # the link to copy


def test_a_mail_server_that_does_not_answer_is_reported(admin_client, settings, programme):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    event = programme[0]
    response = admin_client.post(
        "/admin/conference/event/", {"action": "send_links", "_selected_action": [event.pk]}
    )
    text = page_text(response)
    assert "0 messages sent." in text
    assert text.count("Not sent (") == 2
    assert not ContributionMessage.objects.exists()


def test_a_new_text_starts_from_the_default_and_keeps_the_link(admin_client, programme):
    event = programme[0]
    add_page = admin_client.get(
        "/admin/programme/contributionmessagetemplate/add/?kind=reminder&language=en"
    )
    assert "Reminder: your contribution to {event}" in add_page.content.decode()
    response = admin_client.post(
        "/admin/programme/contributionmessagetemplate/add/",
        {
            "event": event.pk,
            "kind": "link",
            "language": "es",
            "subject": "Su intervención",
            "body": "Estimado/a {name}",
        },
    )
    assert "Keep {link} in the text" in page_text(response)
    assert not ContributionMessageTemplate.objects.exists()
