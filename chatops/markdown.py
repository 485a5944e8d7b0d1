"""Markdown as safe HTML, for chat messages and notifications: raw HTML is escaped, links only
to http(s) and mailto, images are shown as links (no tracking pixels)."""

from __future__ import annotations

from functools import cache
from typing import Any

SAFE_SCHEMES = ("http://", "https://", "mailto:")


def _safe_link(url: str) -> bool:
    return url.strip().lower().startswith(SAFE_SCHEMES)


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "breaks": True})
    md.disable("image")
    md.validateLink = _safe_link  # type: ignore[method-assign]
    return md


def render(content: str) -> str:
    return str(_parser().render(content))
