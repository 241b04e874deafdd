# SPDX-License-Identifier: EUPL-1.2
"""Query parameters several APIs share."""

from rest_framework.exceptions import ValidationError


def year_param(request, name: str = "jaar") -> int | None:
    """`?jaar=2025` as an int, None when absent. Exactly four ASCII digits: a longer number
    overflowed the database's date lookup (a 500 found by the API fuzzing)."""
    value = request.query_params.get(name, "")
    if not value:
        return None
    if not (value.isascii() and value.isdigit() and len(value) == 4):
        raise ValidationError({name: "Geef een jaar als JJJJ."})
    return int(value)
