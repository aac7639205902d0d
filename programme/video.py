"""Video moments: when a person starts speaking in the slot's recording, and the link there.

Staff type the moment as a clock reads (``1:02:35``, ``2:35`` or ``35``); it is stored as
a number of seconds (``Appearance.video_start``). ``moment_url`` is the one place that
knows how each video host takes a start time:

- YouTube: ``youtube.com/watch?v=ID&t=3755s``; ``youtu.be/ID?t=3755``; an embed address
  (``youtube.com/embed/ID``) takes ``start=3755``.
- Plain video files (``.mp4``, ``.webm``, ``.ogv``, ``.mov``, ``.m4v``): the W3C media
  fragment ``#t=3755``, which browsers play from that second.
- UN Web TV (``webtv.un.org``) documents no start-time parameter for its player: the link
  stays the recording's own address, and the moment is printed beside it ("Watch from
  1:02:35").
- Any other host: the plain link, the moment printed beside it.
"""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

MOMENT = re.compile(r"^(?:(?:(?P<hours>\d{1,2}):)?(?P<minutes>\d{1,2}):)?(?P<seconds>\d{1,2})$")
INVALID_MOMENT = _(
    "Type the moment as the video player shows it: hours, minutes and seconds (1:02:35) "
    "or minutes and seconds (2:35)."
)
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"}
SHORT_YOUTUBE_HOSTS = {"youtu.be", "www.youtu.be"}
VIDEO_FILE_EXTENSIONS = (".mp4", ".webm", ".ogv", ".ogg", ".mov", ".m4v")


def parse_moment(text):
    """Seconds from ``1:02:35``, ``2:35`` or ``35``; None for an empty text.

    Raises ValidationError with a plain message for anything else (minutes or seconds
    beyond 59 after a colon included).
    """
    text = (text or "").strip()
    if not text:
        return None
    match = MOMENT.match(text)
    if match is None:
        raise ValidationError(INVALID_MOMENT, code="invalid")
    hours = int(match["hours"] or 0)
    minutes = int(match["minutes"] or 0)
    seconds = int(match["seconds"])
    if (match["minutes"] is not None and seconds > 59) or (
        match["hours"] is not None and minutes > 59
    ):
        raise ValidationError(INVALID_MOMENT, code="invalid")
    return hours * 3600 + minutes * 60 + seconds


def format_moment(seconds):
    """``1:02:35`` for 3755 seconds, ``2:35`` under an hour; "" for None."""
    if seconds is None:
        return ""
    hours, rest = divmod(int(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def _with_query(parts, **values):
    query = [(key, value) for key, value in parse_qsl(parts.query) if key not in values]
    query += list(values.items())
    return urlunsplit(parts._replace(query=urlencode(query)))


def moment_url(video_url, seconds):
    """The address of the recording at ``seconds``, in the form its host understands."""
    if not video_url or seconds is None:
        return video_url
    parts = urlsplit(video_url)
    host = (parts.hostname or "").lower()
    if host in YOUTUBE_HOSTS:
        if parts.path.startswith("/embed/"):
            return _with_query(parts, start=str(seconds))
        return _with_query(parts, t=f"{seconds}s")
    if host in SHORT_YOUTUBE_HOSTS:
        return _with_query(parts, t=str(seconds))
    if parts.path.lower().endswith(VIDEO_FILE_EXTENSIONS):
        return urlunsplit(parts._replace(fragment=f"t={seconds}"))
    return video_url


class MomentInput(forms.TextInput):
    """Shows the stored seconds as the clock reads them."""

    def format_value(self, value):
        if isinstance(value, int):
            return format_moment(value)
        return super().format_value(value)


class MomentFormField(forms.Field):
    widget = MomentInput
    default_error_messages = {"invalid": INVALID_MOMENT}

    def __init__(self, *, max_value=None, min_value=None, **kwargs):
        # The model's integer bounds do not apply to the text typed.
        kwargs.setdefault("help_text", _("When the person starts speaking in the video: 1:02:35."))
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("size", 8)
        self.widget.attrs.setdefault("inputmode", "numeric")
        self.widget.attrs.setdefault("placeholder", "1:02:35")

    def to_python(self, value):
        if isinstance(value, int):
            return value
        return parse_moment(value)


class MomentField(models.PositiveIntegerField):
    """Seconds into a recording; forms read and show it as ``1:02:35``."""

    def formfield(self, **kwargs):
        # The admin's number widget for integers would refuse "1:02:35" in the browser.
        kwargs["widget"] = MomentInput
        return super().formfield(**{**kwargs, "form_class": MomentFormField})
