# SPDX-License-Identifier: EUPL-1.2
"""Filters for report templates: Dutch numbers and dates from snapshot strings."""

from datetime import date, datetime

from django import template

from kompas.core.dates import long_date

register = template.Library()


@register.filter
def nl_number(value):
    """1234.5 -> '1.234,5'; None -> '–'."""
    if value is None or value == "":
        return "–"
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value
    if number.is_integer():
        return f"{int(number):,}".replace(",", ".")
    return f"{number:,.1f}".replace(",", "_").replace(".", ",").replace("_", ".")


@register.filter
def nl_date(value):
    """'2025-08-31' (or a date) -> '31 augustus 2025'."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return long_date(value)
    return value


@register.filter
def get_item(mapping, key):
    if isinstance(mapping, dict):
        return mapping.get(str(key), "")
    return ""
