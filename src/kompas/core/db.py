# SPDX-License-Identifier: EUPL-1.2
"""Small database facts every app needs the same way."""

from django.db import OperationalError


def database_busy(exc: BaseException) -> bool:
    """True when the database gave up waiting for its write lock (SQLite's busy timeout ran
    out while a long import was writing): the request may simply be tried again later."""
    return isinstance(exc, OperationalError) and "locked" in str(exc)
