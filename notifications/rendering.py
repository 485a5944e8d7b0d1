"""A notification's content, given as Markdown (the default) or plain text, rendered once when it
is sent: as safe HTML (for email bodies and the dashboard) and as plain text (for text email
parts, chat services and the inbox preview)."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import Literal

from django.utils.html import escape, linebreaks

from chatops.markdown import render as render_markdown

Format = Literal["markdown", "text"]
FORMATS: tuple[Format, ...] = ("markdown", "text")

_BLOCKS = {"p", "div", "pre", "blockquote", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "tr"}


class _Text(HTMLParser):
    """The text of the HTML the Markdown renderer wrote: blocks on their own lines, list items
    with a dash, links followed by their address when it is not their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.links: list[str | None] = []
        self.link_text: list[int] = []
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre":
            self.pre += 1
        if tag in _BLOCKS:
            self.out.append("\n\n")
        elif tag == "br":
            self.out.append("\n")
        elif tag == "li":
            self.out.append("\n- ")
        elif tag == "a":
            self.links.append(dict(attrs).get("href"))
            self.link_text.append(len(self.out))

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCKS:
            self.out.append("\n\n")
        elif tag == "a" and self.links:
            href = self.links.pop()
            text = "".join(self.out[self.link_text.pop() :]).strip()
            if href and href != text and f"mailto:{text}" != href:
                self.out.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        # The renderer's line breaks between tags are layout, not text (except in code blocks).
        if self.pre or data.strip() or "\n" not in data:
            self.out.append(data)

    def text(self) -> str:
        joined = "".join(self.out)
        joined = re.sub(r"[ \t]+\n", "\n", joined)
        return re.sub(r"\n{3,}", "\n\n", joined).strip()


def html_to_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return unescape(parser.text())


def render(content: str, format: Format = "markdown") -> tuple[str, str]:
    """``(text, html)`` of ``content``. Text given as text stays as it is (its HTML is escaped,
    with its line breaks kept); Markdown's raw HTML is escaped, never passed through."""
    if format == "text":
        return content, linebreaks(escape(content))
    html = render_markdown(content)
    return html_to_text(html), html
