"""Checks a metadata value must pass to be returned: a value that does not
look like what it is (a date, an outlet, a person's name) is no value.

As htmldate keeps ``validators.py`` apart from its sources, these checks are
apart from the places values are found (``text_fields``, ``html_fields``)
and are applied in one place (``resolve``).
"""
from __future__ import annotations

import datetime

#: No news page is dated before this year.
EARLIEST_YEAR = 1990


def plausible_date(year: int, month: int, day: int, today: datetime.date | None = None) -> bool:
    """A real calendar day from 1990 to the end of next year."""
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    latest = (today or datetime.date.today()).year + 1
    return EARLIEST_YEAR <= year <= latest
