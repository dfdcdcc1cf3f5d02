"""Dates as pages print them, to ISO 8601 at the precision shown."""
from __future__ import annotations

import re

from .validators import plausible_date

DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:\s*(?:T|\s)?\s*(?P<H>\d{1,2})\s*[:：时時]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?)?"
)


def parse_date(text: str) -> str | None:
    """The first plausible date in ``text`` as ISO 8601, to the precision shown."""
    for match in DATE.finditer(text):
        y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
        if not plausible_date(y, m, d):
            continue
        iso = f"{y:04d}-{m:02d}-{d:02d}"
        if match["H"] is not None and int(match["H"]) < 24 and int(match["M"]) < 60:
            iso += f"T{int(match['H']):02d}:{match['M']}"
            if match["S"] is not None:
                iso += f":{match['S']}"
        return iso
    return None
