# SPDX-License-Identifier: EUPL-1.2
"""How the sources reach another app: by name at call time, so a missing app (or a function
it does not offer yet) is reported in the report instead of crashing it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from importlib import import_module
from typing import Any

from django.apps import apps


def _function(module: str, name: str) -> Callable | None:
    """The function `name` of `module`, or None when that app is not installed or the
    function does not exist (yet)."""
    app = ".".join(module.split(".")[:2])
    if not apps.is_installed(app):
        return None
    try:
        mod = import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise
    return getattr(mod, name, None)


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)
