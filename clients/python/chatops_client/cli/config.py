"""The CLI's config file: named contexts (one per hub and identity), like kubectl's kubeconfig.

``$CHATOPS_CONFIG``, else ``$XDG_CONFIG_HOME/chatops/config.yaml``, else
``~/.config/chatops/config.yaml``. It holds tokens and keys, so it is written with mode 0600 (its
directory 0700), through a temporary file and a rename so a crash never leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import yaml


def config_path() -> Path:
    explicit = os.environ.get("CHATOPS_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "chatops" / "config.yaml"


class Config:
    """``current-context`` and ``contexts: {name: {hub, username, access-token, refresh-token, api-key}}``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_path()
        self.data: dict[str, Any] = {"current-context": None, "contexts": {}}
        if self.path.exists():
            loaded = yaml.safe_load(self.path.read_text()) or {}
            if not isinstance(loaded, dict):
                raise ValueError(f"{self.path} is not a chatops config file")
            self.data.update(loaded)
            self.data["contexts"] = dict(self.data.get("contexts") or {})

    @property
    def contexts(self) -> dict[str, dict[str, Any]]:
        contexts: dict[str, dict[str, Any]] = self.data["contexts"]
        return contexts

    @property
    def current(self) -> str | None:
        current = self.data.get("current-context")
        return str(current) if current else None

    @current.setter
    def current(self, name: str | None) -> None:
        self.data["current-context"] = name

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".config-", dir=self.path.parent)  # mkstemp makes it 0600
        try:
            with os.fdopen(fd, "w") as handle:
                yaml.safe_dump(self.data, handle, sort_keys=False)
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
