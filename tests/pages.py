"""Reading rendered pages as a visitor does: the visible text, the links, the headings."""

import re
from html.parser import HTMLParser

SKIPPED = {"script", "style", "head", "title"}


class _TextParser(HTMLParser):
    def __init__(self, bracket):
        super().__init__(convert_charrefs=True)
        self.bracket = bracket
        self.parts = []
        self.skipping = 0
        self.link_stack = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SKIPPED:
            self.skipping += 1
        elif tag == "a":
            marked = self.bracket(attrs.get("href") or "", attrs)
            self.link_stack.append((marked, len(self.parts), attrs))
            if marked:
                self.parts.append(" [")
        elif tag in {"p", "li", "h1", "h2", "h3", "h4", "div", "section", "ul", "br", "figcaption"}:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skipping -= 1
        elif tag == "a" and self.link_stack:
            marked, start, attrs = self.link_stack.pop()
            text = " ".join("".join(self.parts[start:]).replace(" [", " ").split())
            self.links.append((text, attrs))
            if marked:
                self.parts.append("] ")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def parse(html, bracket=lambda href, attrs: False):
    parser = _TextParser(bracket)
    parser.feed(html)
    text = " ".join("".join(parser.parts).split())
    text = re.sub(r"\[ ", "[", re.sub(r" \]", "]", text))
    return text, parser.links


def page_text(response, bracket=lambda href, attrs: False):
    """The visible text of the page, whitespace collapsed; bracketed links become “[text]”."""
    return parse(response.content.decode(), bracket)[0]


def page_links(response):
    """(text, attributes) of every link on the page, in order."""
    return parse(response.content.decode())[1]
