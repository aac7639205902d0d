#!/usr/bin/env python
"""Submit hostile values to every admin form and public URL; report 500s and echoes.

Starts Plenary under gunicorn with production settings on a free loopback port (a
temporary SQLite database with the demo programme, see bench/live_server.py), logs into
the admin as a throwaway superuser, then, for each hostile value (markup and script tags,
SQL, control characters, right-to-left text, emoji, very long strings, template syntax,
javascript: links, path traversal in file names, out-of-range dates, times and numbers):

- fills every add form and the change forms of the demo event, a day, a slot, an
  appearance, a person, an organisation, a document and a photo with it, and submits;
- opens the public pages (which then show the saved values) and the public URLs with
  the value in the path and the query string.

It reports every 500 and every value that comes back unescaped on a page (raw markup, a
javascript: link, the secret key). Exit status 1 if it found any, 0 otherwise.

    python bench/hostile.py            # about a minute; prints a summary
    python bench/hostile.py --workers 3   # as the Dockerfile runs it (the default)
"""

import argparse
import http.cookiejar
import json
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from live_server import PROJECT, PYTHON, live_server

PAYLOADS = [
    "<script>alert('plx1')</script>",
    "\"><img src=x onerror=alert('plx2')>",
    "<svg/onload=alert('plx3')>",
    "'; DROP TABLE conference_event; -- plx4",
    "\u202eplx5 evil\u202c مؤتمر الحوار",
    "🌍🎤👩🏽‍⚖️ plx6",
    "plx7 " + "A" * 6000,
    "plx8 \x00\x01\x07\x1b[31m\x7f",
    "../../../../etc/passwd plx9",
    "{{ settings.SECRET_KEY }} {% debug %} plx10",
    "[click](javascript:alert('plx11')) <a href=\"javascript:alert('plx11')\">x</a>",
    "</script><script>alert('plx12')</script>",
]
BAD_DATES = ["99999-01-01", "0000-00-00", "2018-02-30", "-1", "1e309", "<b>"]
BAD_TIMES = ["24:00", "99:99", "-1:00", "10:00:00:00", "<i>"]
BAD_NUMBERS = ["99999999999999999999999", "-1", "1e309", "NaN", "<u>"]
PUBLIC_PAGES = [
    "/en/",
    "/en/events/{event}/",
    "/en/events/{event}/speakers/",
    "/en/events/{event}/photos/",
    "/en/series/{series}/",
    "/en/speakers/{person}/",
    "/en/search/?q={q}",
    "/fr/events/{event}/",
]
FEEDS = [
    "/en/events/{event}/programme.ics",
    "/en/events/{event}/programme.json",
    "/en/events/{event}/schedule.json",
    "/en/events/{event}/schedule.xml",
    "/en/documents/{document}/",
]
HOSTILE_URLS = [
    "/en/events/{q}/",
    "/en/speakers/{q}/",
    "/en/series/{q}/",
    "/en/documents/99999999999999999999999999/",
    "/en/documents/-1/",
    "/en/events/{event}/?page={q}&lang={q}",
    "/en/events/{event}/sessions/99999999999999999999.ics",
    "/en/speakers/..%2F..%2F..%2Fetc%2Fpasswd/",
    "/media/..%2F..%2Fconference%2Fsettings.py",
    "/static/..%2F..%2Fconference%2Fsettings.py",
    "/admin/conference/event/{q}/change/",
    "/en/search/?q={q}&page=99999999999999999999",
]
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
HTML_FILE = b"<html><body><script>alert('plxfile')</script></body></html>"
SVG_FILE = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(\'plxsvg\')"/>'
JS_LINK = re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


def jpeg():
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (32, 24), (10, 120, 200)).save(buffer, format="JPEG")
    return buffer.getvalue()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )
        self.requests = 0

    def csrf(self):
        return next((c.value for c in self.cookies if c.name == "csrftoken"), "")

    def open(self, method, path, body=None, content_type=None):
        url = path if path.startswith("http") else self.base_url + path
        request = urllib.request.Request(url, data=body, method=method)
        request.add_header("Referer", self.base_url + "/admin/")
        if content_type:
            request.add_header("Content-Type", content_type)
        if method == "POST":
            request.add_header("X-CSRFToken", self.csrf())
        self.requests += 1
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def get(self, path):
        return self.open("GET", path)

    def post(self, path, fields, files=()):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                + str(value).encode("utf-8", "surrogatepass")
                + b"\r\n"
            )
        for name, filename, content in files:
            quoted = filename.replace('"', "%22")
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{quoted}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.open("POST", path, body, f"multipart/form-data; boundary={boundary}")


class FormReader(HTMLParser):
    """The fields of the admin change form: (name, kind, value, classes, options)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.fields = []
        self.select = None
        self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("id") or "").endswith("_form"):
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "reset", "image"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                self.fields.append([name, "unchecked", None, attrs.get("class", ""), []])
                return
            self.fields.append([name, kind, attrs.get("value", ""), attrs.get("class", ""), []])
        elif tag == "select" and name:
            self.select = [name, "select", None, attrs.get("class", ""), []]
            self.fields.append(self.select)
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            self.select[4].append(value)
            if "selected" in attrs:
                self.select[2] = value
        elif tag == "textarea" and name:
            self.textarea = [name, "textarea", "", attrs.get("class", ""), []]
            self.fields.append(self.textarea)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select is not None:
            if self.select[2] is None:
                self.select[2] = self.select[4][0] if self.select[4] else ""
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[2] += data


def read_form(html):
    reader = FormReader()
    reader.feed(html)
    return reader.fields


def existing_inline_rows(fields):
    return {
        name.rsplit("-", 1)[0]
        for name, kind, value, _classes, _options in fields
        if re.fullmatch(r".+-\d+-id", name) and value
    }


def fill(fields, payload, round_number, ids, hostile_structured):
    """Form data: free text gets the payload; dates, times and numbers valid or hostile."""
    rows = existing_inline_rows(fields)
    data = []
    for name, kind, value, classes, _options in fields:
        inline = re.fullmatch(r"(.+-\d+)-.+", name)
        if "__prefix__" in name or (inline and inline.group(1) not in rows):
            if kind != "unchecked" and value is not None:
                data.append((name, value))
            continue
        base = name.rsplit("-", 1)[-1]
        if kind == "unchecked":
            continue
        if kind in ("hidden", "file", "checkbox", "radio"):
            data.append((name, value))
        elif kind == "select":
            if not value and base in ids:
                value = ids[base]
            data.append((name, value))
        elif "vDateField" in classes or kind == "date":
            data.append((name, secrets.choice(BAD_DATES) if hostile_structured else "2018-10-08"))
        elif "vTimeField" in classes or kind == "time":
            data.append((name, secrets.choice(BAD_TIMES) if hostile_structured else "15:00"))
        elif kind == "number" or "vIntegerField" in classes:
            data.append((name, secrets.choice(BAD_NUMBERS) if hostile_structured else "7"))
        elif kind == "url" or "vURLField" in classes:
            data.append((name, f"javascript:alert('plxurl{round_number}')"))
        elif kind == "email":
            data.append((name, payload[:40] if hostile_structured else "someone@example.org"))
        elif base in ("slug", "time_zone", "username") or "password" in base:
            data.append((name, payload if hostile_structured else value))
        else:
            data.append((name, payload))
    return data


def demo_ids(environment):
    script = (
        "import json\n"
        "from conference.models import Event, Day, EventSeries\n"
        "from programme.models import Slot, Appearance, Role\n"
        "from speakers.models import Person, Organisation\n"
        "from documents.models import Document, Photo\n"
        "e = Event.objects.get(slug='idm-2018-second-session')\n"
        "s = Slot.objects.filter(day__event=e).order_by('pk').first()\n"
        "p = Appearance.objects.filter(slot=s).first()\n"
        "print(json.dumps({'event': e.pk, 'event_slug': e.slug, 'series': e.series_id,\n"
        "  'series_slug': e.series.slug, 'day': e.days.first().pk, 'slot': s.pk,\n"
        "  'appearance': p.pk, 'person': p.person_id, 'person_slug': p.person.slug,\n"
        "  'organisation': Organisation.objects.first().pk, 'role': Role.objects.first().pk,\n"
        "  'document': Document.objects.filter(is_public=True).exclude(file='').first().pk,\n"
        "  'photo': Photo.objects.first().pk}))\n"
    )
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=PROJECT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


ADMIN_MODELS = [
    ("conference", "eventseries"),
    ("conference", "event"),
    ("conference", "day"),
    ("programme", "slot"),
    ("programme", "role"),
    ("programme", "appearance"),
    ("speakers", "organisation"),
    ("speakers", "person"),
    ("documents", "document"),
    ("documents", "photo"),
]
CHANGE_TARGETS = [
    ("conference", "event", "event"),
    ("conference", "day", "day"),
    ("programme", "slot", "slot"),
    ("programme", "appearance", "appearance"),
    ("speakers", "organisation", "organisation"),
    ("speakers", "person", "person"),
    ("documents", "document", "document"),
    ("documents", "photo", "photo"),
]


def upload_files(model, fields, round_number):
    names = {name for name, *_ in fields}
    traversal = f"../../../../etc/passwd{round_number}<script>.pdf"
    if model == "document" and "file" in names:
        content = HTML_FILE if round_number % 2 else PDF
        return [("file", traversal, content)]
    if model == "photo" and "image" in names:
        content = SVG_FILE if round_number % 2 else jpeg()
        return [("image", traversal.replace(".pdf", ".jpg"), content)]
    return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    args = parser.parse_args()
    started = time.monotonic()
    problems = []
    statuses = {}
    password = secrets.token_urlsafe(16)
    with live_server(workers=args.workers, superuser=("hostile", password)) as (
        base_url,
        environment,
        work,
    ):
        ids = demo_ids(environment)
        secret_key = environment["SECRET_KEY"]
        browser = Browser(base_url)
        browser.get("/admin/login/")
        status, _ = browser.post(
            "/admin/login/?next=/admin/",
            [("username", "hostile"), ("password", password), ("next", "/admin/")],
        )
        if status != 302:
            print(f"could not log in to the admin (status {status})")
            return 2
        select_ids = {
            "event": ids["event"],
            "day": ids["day"],
            "slot": ids["slot"],
            "appearance": ids["appearance"],
            "person": ids["person"],
            "organisation": ids["organisation"],
            "series": ids["series"],
            "role": ids["role"],
        }
        visitor = Browser(base_url)

        shown_escaped = set()

        def record(where, status, body, payload=None, check_echo=False):
            statuses[status] = statuses.get(status, 0) + 1
            if check_echo and payload and html_escape(payload[:60]) in body:
                shown_escaped.add((payload, where.split("?")[0]))
            if status >= 500:
                problems.append(f"{status} at {where}")
            if not check_echo:
                return
            if secret_key in body:
                problems.append(f"secret key shown at {where}")
            if payload and ("<" in payload or '"' in payload) and payload in body:
                problems.append(f"unescaped {payload[:40]!r} at {where}")
            for match in JS_LINK.finditer(body):
                snippet = body[max(0, match.start() - 40) : match.end() + 40]
                problems.append(f"javascript: link at {where}: {snippet!r}")

        for round_number, payload in enumerate(PAYLOADS):
            hostile_structured = bool(round_number % 2)
            for app, model in ADMIN_MODELS:
                path = f"/admin/{app}/{model}/add/"
                status, html = browser.get(path)
                record(path, status, html)
                fields = read_form(html)
                data = fill(fields, payload, round_number, select_ids, hostile_structured)
                status, body = browser.post(path, data, upload_files(model, fields, round_number))
                record(f"POST {path} [{payload[:20]!r}]", status, body)
            for app, model, key in CHANGE_TARGETS:
                path = f"/admin/{app}/{model}/{ids[key]}/change/"
                status, html = browser.get(path)
                record(path, status, html)
                fields = read_form(html)
                data = fill(fields, payload, round_number, select_ids, False)
                status, body = browser.post(path, data)
                record(f"POST {path} [{payload[:20]!r}]", status, body)
            quoted = urllib.parse.quote(payload[:200], safe="")
            values = {
                "event": ids["event_slug"],
                "series": ids["series_slug"],
                "person": ids["person_slug"],
                "document": ids["document"],
                "q": quoted,
            }
            for template in PUBLIC_PAGES:
                path = template.format(**values)
                status, body = visitor.get(path)
                record(path, status, body, payload, check_echo=True)
            for template in FEEDS + HOSTILE_URLS:
                path = template.format(**values)
                status, body = visitor.get(path)
                record(path, status, body, payload, check_echo=path.startswith("/en/search"))
            # The same public pages as staff see them (drafts, previews).
            for template in PUBLIC_PAGES[:3]:
                path = template.format(**values)
                status, body = browser.get(path)
                record(f"{path} (staff)", status, body, payload, check_echo=True)

        media = Path(environment["MEDIA_ROOT"])
        for path in media.rglob("*"):
            if path.is_file() and ("passwd" in path.name or "<" in path.name):
                problems.append(f"uploaded file stored under its own name: {path}")
        if any(work.parent.glob("etc/passwd*")):
            problems.append("a file escaped the media folder")
        requests = browser.requests + visitor.requests
        errors = (work / "error.log").read_text()
        if problems and errors:
            print("server log (last lines):")
            print("\n".join(errors.splitlines()[-40:]))

    elapsed = time.monotonic() - started
    print(f"{requests} requests with {len(PAYLOADS)} hostile values in {elapsed:.0f}s")
    print(
        f"hostile values seen (escaped) on public pages: {len(shown_escaped)} "
        f"page × value pairs, {len({payload for payload, _ in shown_escaped})} of "
        f"{len(PAYLOADS)} values"
    )
    print("answers: " + ", ".join(f"{code}×{count}" for code, count in sorted(statuses.items())))
    if problems:
        print(f"{len(problems)} problems:")
        for problem in dict.fromkeys(problems):
            print("  " + problem)
        return 1
    print("no 500 and no unescaped value")
    return 0


if __name__ == "__main__":
    sys.exit(main())
