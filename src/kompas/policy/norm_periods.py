# SPDX-License-Identifier: EUPL-1.2
"""Date arithmetic of norms, without the database: the calendar-aligned periods of a norm
within its plan, when each required event is due, and a period's status (NormStatus).
policy.selectors counts the events and builds the statuses with these."""

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .constants import NormPeriod, NormState
from .models import Norm


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def add_months(d: date, months: int) -> date:
    month = d.month - 1 + months
    year, month = d.year + month // 12, month % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _stepper(period: str, start: date) -> tuple[date, Callable[[date], date]]:
    """(first calendar-aligned period start at or before `start`, next period start)."""
    if period == NormPeriod.WEEK:
        return start - timedelta(days=start.weekday()), lambda d: d + timedelta(days=7)
    if period == NormPeriod.FOUR_YEARS:
        return start, lambda d: add_years(d, 4)
    if period == NormPeriod.TWO_YEARS:
        return date(start.year, 1, 1), lambda d: add_years(d, 2)
    if period == NormPeriod.YEAR:
        return date(start.year, 1, 1), lambda d: add_years(d, 1)
    months = {NormPeriod.MONTH: 1, NormPeriod.QUARTER: 3, NormPeriod.FOUR_MONTHS: 4}[period]
    first = date(start.year, (start.month - 1) // months * months + 1, 1)
    return first, lambda d: add_months(d, months)


def periods(period: str, start: date, end: date) -> list[tuple[date, date]]:
    """Periods of a norm within [start, end], calendar-aligned, clipped to the plan."""
    if period in (NormPeriod.PLAN, NormPeriod.ONCE):
        return [(start, end)]
    windows = []
    cursor, step = _stepper(period, start)
    while cursor <= end:
        nxt = step(cursor)
        windows.append((max(cursor, start), min(nxt - timedelta(days=1), end)))
        cursor = nxt
    return windows


@dataclass
class NormStatus:
    norm: Norm
    start: date
    end: date
    required: int
    done: int
    due: date  # the date by which the whole period must be met
    state: str
    next_due: date | None
    events: list = field(default_factory=list)
    on: date | None = None  # the day the status was computed for

    @property
    def late_since(self) -> date | None:
        """The next due date when it has already passed: the page says "te laat sinds …"
        instead of showing a date in the past as the next deadline."""
        if self.next_due is not None and self.on is not None and self.next_due < self.on:
            return self.next_due
        return None

    @property
    def remaining(self) -> int:
        return max(self.required - self.done, 0)

    @property
    def state_label(self) -> str:
        return NormState(self.state).label

    @property
    def css(self) -> str:
        return {
            NormState.MET: "ok",
            NormState.ON_TRACK: "neutral",
            NormState.BEHIND: "warn",
            NormState.EXPIRED: "bad",
        }[self.state]

    @property
    def period_label(self) -> str:
        if (
            self.start.year == self.end.year
            and self.start == date(self.start.year, 1, 1)
            and self.end == date(self.end.year, 12, 31)
        ):
            return str(self.start.year)
        return f"{self.start:%d-%m-%Y} – {self.end:%d-%m-%Y}"


def slot_due_dates(start: date, due: date, required: int, once: bool) -> list[date]:
    """When the k-th event is due: at the middle of the k-th equal slot of the period
    (2 per year: 1 April and 1 October). For a one-off norm, all at the due date."""
    if once:
        return [due] * required
    length = (due - start).days + 1
    return [
        start + timedelta(days=int((k - 0.5) / required * length)) for k in range(1, required + 1)
    ]


def period_state(done: int, required: int, start: date, due: date, on: date, once: bool):
    slots = slot_due_dates(start, due, required, once)
    next_due = slots[done] if done < required else None
    if done >= required:
        return NormState.MET, next_due
    if on > due:
        return NormState.EXPIRED, next_due
    expected = sum(1 for d in slots if d < on)
    return (NormState.BEHIND if done < expected else NormState.ON_TRACK), next_due
