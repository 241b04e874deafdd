# SPDX-License-Identifier: EUPL-1.2
"""Report periods as a user types them: tertials, years, ranges, and clear errors."""

from datetime import date

import pytest

from kompas.reporting.periods import PeriodError, current_tertial, parse_period


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2025-T1", date(2025, 1, 1), date(2025, 4, 30)),
        ("2025-T2", date(2025, 5, 1), date(2025, 8, 31)),
        ("2025-t3", date(2025, 9, 1), date(2025, 12, 31)),
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2023-01-01..2024-12-31", date(2023, 1, 1), date(2024, 12, 31)),
    ],
)
def test_periods_are_read(text, start, end):
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)


def test_tertial_label_names_the_months():
    assert parse_period("2025-T2").label == "2025-T2 (mei t/m augustus 2025)"


@pytest.mark.parametrize("text", ["2025-T4", "T2", "2025-02-30..2025-03-01", "morgen"])
def test_unreadable_period_gives_dutch_error(text):
    with pytest.raises(PeriodError, match="Periode|datum"):
        parse_period(text)


def test_range_must_not_end_before_it_starts():
    with pytest.raises(PeriodError, match="einddatum"):
        parse_period("2025-06-01..2025-01-01")


def test_current_tertial():
    assert current_tertial(date(2025, 6, 15)).label.startswith("2025-T2")
    assert current_tertial(date(2025, 12, 31)).label.startswith("2025-T3")
