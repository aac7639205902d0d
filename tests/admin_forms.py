"""Read an admin change form as a browser would submit it (for tests that post it back)."""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data = []
        self.select = None
        self.select_first = None
        self.select_chosen = False
        self.textarea = None
        self.text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        form_id = attrs.get("id") or ""
        wanted = form_id.endswith("_form") if self.form_id is None else form_id == self.form_id
        if tag == "form" and wanted and not self.data:
            self.inside = True
            return
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self.select, self.select_first, self.select_chosen = name, None, False
            self.multiple = "multiple" in attrs
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.select_first is None:
                self.select_first = value
            if "selected" in attrs:
                self.data.append((self.select, value))
                self.select_chosen = True
        elif tag == "textarea" and name:
            self.textarea, self.text = name, []

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select" and self.select:
            if not self.select_chosen and not self.multiple and self.select_first is not None:
                self.data.append((self.select, self.select_first))
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.data.append((self.textarea, "".join(self.text).removeprefix("\n")))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)


def form_data(response, form_id=None):
    """{name: value or [values]} of the form in the response, ready for client.post().

    Without form_id, the admin's change form (its id is "<model>_form").
    """
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    result = {}
    for name, value in reader.data:
        if name in result:
            existing = result[name]
            result[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            result[name] = value
    return result


# Admin pages with no add page: rows made from appearances (links), sent by speakers
# (proposals, uploads, biographies), logged when sent (messages) or recorded from edits
# (changes). The registry, permission and CSP tests all use this one list.
NO_ADD_PAGE = {
    "programme.ChangeEntry",
    "programme.ContributionLink",
    "programme.DesignationProposal",
    "programme.DocumentSubmission",
    "programme.ProfileSubmission",
    "programme.ContributionMessage",
}
