"""Video moments: the time a person starts speaking, typed as 1:02:35, and the link there."""

from pathlib import Path

import pytest
import xmlschema
from django.core.exceptions import ValidationError
from django.urls import reverse

from programme.models import Appearance
from programme.video import format_moment, moment_url, parse_moment
from tests.admin_forms import form_data
from tests.factories import AppearanceFactory, EventFactory, SlotFactory, role
from tests.programme.editor_helpers import post, text

FRAB_SCHEMAS = Path(__file__).resolve().parent.parent / "fixtures" / "frab"


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [("1:02:35", 3755), ("2:35", 155), ("0:07", 7), ("35", 35), (" 10:00:00 ", 36000), ("", None)],
)
def test_moments_are_read_as_a_clock_shows_them(typed, seconds):
    assert parse_moment(typed) == seconds


@pytest.mark.parametrize("typed", ["1:75:00", "2:61", "1h02", "-5", "1:2:3:4", "abc", "1.5"])
def test_a_moment_that_is_not_a_clock_reading_is_refused_in_plain_words(typed):
    with pytest.raises(ValidationError, match="as the video player shows it"):
        parse_moment(typed)


@pytest.mark.parametrize(("seconds", "shown"), [(3755, "1:02:35"), (155, "2:35"), (7, "0:07")])
def test_moments_are_shown_as_a_clock_shows_them(seconds, shown):
    assert format_moment(seconds) == shown


@pytest.mark.parametrize(
    ("video", "expected"),
    [
        (
            "https://www.youtube.com/watch?v=abc123",
            "https://www.youtube.com/watch?v=abc123&t=3755s",
        ),
        (
            "https://www.youtube.com/watch?v=abc123&t=10s",
            "https://www.youtube.com/watch?v=abc123&t=3755s",
        ),
        ("https://youtu.be/abc123", "https://youtu.be/abc123?t=3755"),
        ("https://www.youtube.com/embed/abc123", "https://www.youtube.com/embed/abc123?start=3755"),
        ("https://media.example.org/idm/session-2.mp4", "https://media.example.org/idm/session-2.mp4#t=3755"),
        ("https://media.example.org/idm/session-2.webm", "https://media.example.org/idm/session-2.webm#t=3755"),
        # UN Web TV documents no start-time parameter: the plain link, the moment beside it.
        ("https://webtv.un.org/en/asset/k1x/k1xyz", "https://webtv.un.org/en/asset/k1x/k1xyz"),
        ("https://video.example.org/session", "https://video.example.org/session"),
    ],
)  # fmt: skip
def test_each_video_host_gets_the_moment_in_its_own_form(video, expected):
    assert moment_url(video, 3755) == expected


@pytest.fixture
def moment_event(db):
    event = EventFactory(published=True, slots=1, speakers_per_slot=1)
    slot = event.days.get().slots.get()
    slot.video_url = "https://youtu.be/abc123"
    slot.save()
    appearance = slot.appearances.get(role__name="Speaker")
    appearance.video_start = 3755
    appearance.save()
    return event, appearance


def test_the_programme_offers_to_watch_each_speaker_from_their_moment(client, moment_event):
    event, _appearance = moment_event
    page = client.get(event.get_absolute_url()).content.decode()
    assert 'href="https://youtu.be/abc123?t=3755"' in page
    assert "Watch from here (1:02:35)" in page
    assert page.count('class="video-moment"') == 1


def test_no_moment_link_without_a_video(client, moment_event):
    event, appearance = moment_event
    slot = appearance.slot
    slot.video_url = ""
    slot.save()
    assert "video-moment" not in client.get(event.get_absolute_url()).content.decode()


def test_the_json_feed_and_frab_carry_the_moment(client, moment_event):
    event, _appearance = moment_event
    data = client.get(reverse("public:event-json", kwargs={"slug": event.slug})).json()
    speaker = next(
        participant
        for day in data["days"]
        for slot in day["slots"]
        for participant in slot["participants"]
        if participant["role"]["name"] == "Speaker"
    )
    assert speaker["video_start"] == 3755
    assert speaker["video_moment"] == "1:02:35"
    assert speaker["video_moment_url"] == "https://youtu.be/abc123?t=3755"

    frab = client.get(reverse("public:event-frab-json", kwargs={"slug": event.slug})).json()
    slots = [
        s for d in frab["schedule"]["conference"]["days"] for r in d["rooms"].values() for s in r
    ]
    urls = [link["url"] for link in slots[0]["links"]]
    assert "https://youtu.be/abc123?t=3755" in urls

    xml = client.get(reverse("public:event-frab-xml", kwargs={"slug": event.slug}))
    schema = xmlschema.XMLSchema(FRAB_SCHEMAS / "schedule.xml.xsd")
    assert list(schema.iter_errors(xml.content.decode())) == []
    assert "https://youtu.be/abc123?t=3755" in xml.content.decode()


def test_the_editor_takes_a_moment_typed_as_a_clock_and_refuses_nonsense(editor_client, slot):
    appearance = AppearanceFactory(slot=slot, role=role("Speaker"), designation="Minister")
    data = {
        "role": role("Speaker").pk,
        "honorific": "",
        "designation": "Minister",
        "video_start": "1:02:35",
        "lock_version": 1,
    }
    post(editor_client, "appearance_edit", slot.day.event, appearance.pk, data=data)
    appearance.refresh_from_db()
    assert appearance.video_start == 3755

    data = {**data, "video_start": "1:75", "lock_version": appearance.version}
    response = post(editor_client, "appearance_edit", slot.day.event, appearance.pk, data=data)
    assert "as the video player shows it" in text(response)
    assert Appearance.objects.get(pk=appearance.pk).video_start == 3755


def test_the_slot_admin_takes_the_moment_in_its_people_inline(staff_client, db):
    slot = SlotFactory()
    appearance = AppearanceFactory(slot=slot)
    url = reverse("admin:programme_slot_change", args=[slot.pk])
    data = form_data(staff_client.get(url))
    field = next(name for name in data if name.endswith("-video_start"))
    data[field] = "2:35"
    assert staff_client.post(url, data).status_code == 302
    appearance.refresh_from_db()
    assert appearance.video_start == 155

    page = staff_client.get(url).content.decode()
    assert 'value="2:35"' in page
    data[field] = "two minutes"
    response = staff_client.post(url, data)
    assert "as the video player shows it" in response.content.decode()


def test_the_speakers_page_offers_their_moment_too(client, moment_event, django_assert_num_queries):
    _event, appearance = moment_event
    url = appearance.person.get_absolute_url()
    with django_assert_num_queries(3):
        page = client.get(url).content.decode()
    assert 'href="https://youtu.be/abc123?t=3755"' in page
    assert "Watch from here (1:02:35)" in page
