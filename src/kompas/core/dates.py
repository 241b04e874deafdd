# SPDX-License-Identifier: EUPL-1.2
"""Dutch dates, the same everywhere: "3 maart 2026", "3 maart 2026 om 14:05" (local time).

The month names are fixed Dutch text, not a translation, so a report rendered in a worker,
a parser reading "2023 januari" and a page in the browser all agree. Templates use the filters
in `kompas_dates` (`{{ d|long_date }}`, `{{ t|long_datetime }}`)."""

from datetime import date, datetime

from django.utils import timezone

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def month_name(month: int) -> str:
    """1 -> "januari" ... 12 -> "december"."""
    return MONTHS[month - 1]


def month_number(name: str) -> int | None:
    """Name to number: "januari" (any case, surrounding space) -> 1; None otherwise."""
    try:
        return MONTHS.index(name.strip().lower()) + 1
    except ValueError:
        return None


def long_date(value: date | datetime) -> str:
    """E.g. "3 maart 2026"; a datetime counts in local time."""
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        value = value.date()
    return f"{value.day} {month_name(value.month)} {value.year}"


def long_datetime(value: datetime) -> str:
    """E.g. "3 maart 2026 om 14:05", in local time."""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{long_date(local)} om {local:%H:%M}"
