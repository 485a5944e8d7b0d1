"""Find what each installed app offers by module name, so the shared base names no app."""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from types import ModuleType

from django.apps import apps
from django.conf import settings


def app_modules(submodule: str) -> list[ModuleType]:
    """``<app>.<submodule>`` of every installed app that has one, in ``INSTALLED_APPS`` order.
    A module that exists but fails to import raises: a broken route must not vanish quietly."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.{submodule}"
        try:
            spec = find_spec(name)
        except ModuleNotFoundError:  # a parent package (``<app>.api``) is missing
            spec = None
        if spec is not None:
            found.append(import_module(name))
    return found


def project_app_modules(submodule: str) -> list[ModuleType]:
    """The same, for the hub's own apps only (top-level packages of the project directory):
    third-party apps have modules of common names too (``rest_framework.urls``)."""
    base = Path(settings.BASE_DIR).resolve()
    return [m for m in app_modules(submodule) if Path(str(m.__file__)).resolve().parent.parent == base]
