"""A message's Markdown as safe HTML: the renderer is the shared base's (``chatops.markdown``),
which notifications use too."""

from __future__ import annotations

from chatops.markdown import SAFE_SCHEMES, render

__all__ = ["SAFE_SCHEMES", "render"]
