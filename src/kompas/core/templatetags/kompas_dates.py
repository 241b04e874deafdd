# SPDX-License-Identifier: EUPL-1.2
"""`{% load kompas_dates %}`: {{ value|long_date }} and {{ value|long_datetime }}."""

from datetime import date, datetime

from django import template

from kompas.core import dates

register = template.Library()


@register.filter
def long_date(value):
    return dates.long_date(value) if isinstance(value, date | datetime) else (value or "")


@register.filter
def long_datetime(value):
    return dates.long_datetime(value) if isinstance(value, datetime) else (value or "")
