"""The French and Spanish catalogues translate every interface string, and really do."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = ["fr", "es"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w*)\}")
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def unquote(text):
    return re.sub(r"\\(.)", lambda match: ESCAPES[match.group(1)], text[1:-1])


def entries(path):
    """Each entry of a .po file as {"flags", "msgid", "msgid_plural", "msgstr[0]" …}."""
    found, entry, key = [], None, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry and "msgid" in entry:
                found.append(entry)
            entry, key = None, None
            continue
        entry = entry if entry is not None else {"flags": set()}
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#~"):
            entry["obsolete"] = True
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += unquote(line)
        else:
            key, _space, value = line.partition(" ")
            key = "msgstr[0]" if key == "msgstr" else key
            entry[key] = unquote(value)
    return [entry for entry in found if entry["msgid"] and not entry.get("obsolete")]


def translations(entry):
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def catalogue(language):
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing: run makemessages -l {language}"
    return entries(path)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated_and_none_is_fuzzy(language):
    messages = catalogue(language)

    untranslated = [m["msgid"] for m in messages if not all(translations(m))]
    fuzzy = [m["msgid"] for m in messages if "fuzzy" in m["flags"]]

    assert len(messages) > 150
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_placeholders(language):
    wrong = []
    for message in catalogue(language):
        expected = sorted(PLACEHOLDER.findall(message.get("msgid_plural") or message["msgid"]))
        for text in translations(message):
            if "python-format" in message["flags"] and sorted(PLACEHOLDER.findall(text)) != (
                expected
            ):
                wrong.append((message["msgid"], text))

    assert wrong == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_are_not_copies_of_the_english(language):
    """A few words are the same in both languages (“Programme”, “Agenda” …), not many."""
    messages = catalogue(language)

    worded = [m for m in messages if re.search(r"[a-z]", PLACEHOLDER.sub("", m["msgid"]))]
    copies = [m["msgid"] for m in worded if translations(m)[0] == m["msgid"]]

    assert len(copies) < len(worded) / 10, copies


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Aperçu du programme"), ("es", "Resumen del programa")],
)
def test_compiled_catalogue_is_used(language, expected):
    with translation.override(language):
        rendered = Template('{% load i18n %}{% translate "Programme overview" %}').render(Context())

    assert rendered == expected


@pytest.mark.skipif(not shutil.which("xgettext"), reason="GNU gettext (xgettext) is not installed")
def test_catalogues_hold_every_string_of_the_code(tmp_path):
    """makemessages on a copy of the code finds no string the catalogues lack.

    A string added to a template or module after the last makemessages would reach
    French and Spanish visitors in English; this fails until it is extracted and translated.
    """
    source = Path(settings.BASE_DIR)
    copy = tmp_path / "plenary"
    shutil.copytree(
        source,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv",
            ".git",
            "tests",
            "bench",
            "screenshots",
            "media",
            "staticfiles",
            "*.mo",
            "__pycache__",
            "*.sqlite3",
        ),
    )
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            *[f"--locale={code}" for code in TRANSLATED],
            "--ignore=.venv",
            "--ignore=tests",
            "--ignore=bench",
            "--verbosity=0",
        ],
        cwd=copy,
        env={**os.environ, "DEBUG": "1"},
        check=True,
    )

    for language in TRANSLATED:
        extracted = entries(copy / "locale" / language / "LC_MESSAGES" / "django.po")
        missing = [m["msgid"] for m in extracted if not all(translations(m))]
        assert missing == [], f"untranslated in {language}: run makemessages and translate"
