# SPDX-License-Identifier: EUPL-1.2
"""Small helpers shared by the policy services."""

from datetime import date


def save(obj):
    """Validate (full_clean) and save a model instance; return it."""
    obj.full_clean()
    obj.save()
    return obj


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
