"""Change entries in plain words, in the active language, from the data they stored.

Times are as printed (the event's own zone: slot times are stored as the programme prints
them); dates are formatted for the language. Nothing here queries the database.
"""

import datetime

from django.utils import formats
from django.utils.translation import get_language, gettext

from programme.enums import ChangeKind


def _text(values):
    """The active language's value of a {language: text} dict, else the English one."""
    if not values:
        return ""
    return values.get(get_language() or "en") or values.get("en") or ""


def slot_name(label):
    """“Session 2” when the slot is numbered, else its title in quotes."""
    if not label:
        return ""
    if label.get("number"):
        return gettext("Session %(number)s") % {"number": label["number"]}
    return gettext("“%(title)s”") % {"title": _text(label.get("title"))}


def _date(value):
    return formats.date_format(datetime.date.fromisoformat(value), "j F")


def _times(at):
    if at.get("end"):
        return gettext("%(start)s–%(end)s") % {"start": at["start"], "end": at["end"]}
    return at["start"]


def _moved(data):
    slot = slot_name(data.get("slot"))
    if "before" in data:
        before, after = data["before"], data["after"]
        return gettext("%(slot)s moved from %(before)s at %(start)s to %(after)s at %(new)s") % {
            "slot": slot,
            "before": _date(before["date"]),
            "start": before["start"],
            "after": _date(after["date"]),
            "new": after["start"],
        }
    if data.get("after_slot"):
        return gettext("%(slot)s moved: now after %(previous)s on %(date)s") % {
            "slot": slot,
            "previous": slot_name(data["after_slot"]),
            "date": _date(data["date"]),
        }
    return gettext("%(slot)s moved: now first on %(date)s") % {
        "slot": slot,
        "date": _date(data["date"]),
    }


def _retimed(data):
    before, after = data["before"], data["after"]
    values = {"slot": slot_name(data.get("slot"))}
    if before["start"] != after["start"]:
        values.update(before=before["start"], after=after["start"])
        sentence = gettext("%(slot)s moved from %(before)s to %(after)s")
        if before.get("end") != after.get("end") and after.get("end"):
            values["end"] = after["end"]
            sentence = gettext("%(slot)s moved from %(before)s to %(after)s, ends at %(end)s")
        return sentence % values
    if after.get("end"):
        values.update(before=before.get("end") or "—", after=after["end"])
        return gettext("%(slot)s now ends at %(after)s instead of %(before)s") % values
    return gettext("%(slot)s: end time removed") % values


def _cancelled(data):
    slot = slot_name(data.get("slot"))
    note = _text(data.get("note"))
    if note:
        return gettext("%(slot)s cancelled: %(note)s") % {"slot": slot, "note": note}
    return gettext("%(slot)s cancelled") % {"slot": slot}


def _document(data):
    values = {"document": _text(data.get("document")), "slot": slot_name(data.get("slot"))}
    if data.get("person"):
        values["person"] = data["person"]
        return gettext("Document added: “%(document)s” (%(person)s, %(slot)s)") % values
    if data.get("slot"):
        return gettext("Document added: “%(document)s” (%(slot)s)") % values
    return gettext("Document added: “%(document)s”") % values


def _speaker(data, sentence):
    values = {
        "slot": slot_name(data.get("slot")),
        "person": data.get("person", ""),
        "before_person": data.get("before_person", ""),
        "role": _text(data.get("role")),
        "before": _text(data.get("before")),
        "after": _text(data.get("after")),
    }
    return sentence() % values


SENTENCES = {
    ChangeKind.SLOT_ADDED: lambda data: (
        gettext("%(slot)s added on %(date)s, %(times)s")
        % {
            "slot": slot_name(data.get("slot")),
            "date": _date(data["at"]["date"]),
            "times": _times(data["at"]),
        }
    ),
    ChangeKind.SLOT_REMOVED: lambda data: (
        gettext("%(slot)s removed from the programme") % {"slot": slot_name(data.get("slot"))}
    ),
    ChangeKind.SLOT_MOVED: _moved,
    ChangeKind.SLOT_RETIMED: _retimed,
    ChangeKind.SLOT_CANCELLED: _cancelled,
    ChangeKind.SLOT_REINSTATED: lambda data: (
        gettext("%(slot)s takes place after all") % {"slot": slot_name(data.get("slot"))}
    ),
    ChangeKind.SPEAKER_ADDED: lambda data: _speaker(
        data, lambda: gettext("%(person)s added to %(slot)s (%(role)s)")
    ),
    ChangeKind.SPEAKER_REPLACED: lambda data: _speaker(
        data, lambda: gettext("%(person)s replaces %(before_person)s in %(slot)s (%(role)s)")
    ),
    ChangeKind.SPEAKER_REMOVED: lambda data: _speaker(
        data, lambda: gettext("%(person)s no longer in %(slot)s")
    ),
    ChangeKind.DESIGNATION_CORRECTED: lambda data: _speaker(
        data, lambda: gettext("%(person)s (%(slot)s): designation corrected to “%(after)s”")
    ),
    ChangeKind.DOCUMENT_ADDED: _document,
    ChangeKind.VIDEO_ADDED: lambda data: (
        gettext("Video added to %(slot)s") % {"slot": slot_name(data.get("slot"))}
    ),
}


def describe(entry):
    """The entry as one sentence in the active language."""
    return SENTENCES[entry.kind](entry.data or {})
