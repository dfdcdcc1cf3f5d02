"""Dates as pages print them, to ISO 8601 at the precision shown.

Forms read (each a pattern compiled once; a date that is no real calendar
day from 1990 to next year is passed over):

* year first: ``2024-07-11 10:01``, ``2024/07/11``, ``2019年11月25日 18:57``,
  ``2024年7月11日 週四 上午10:01`` (上午/下午/晚上… and AM/PM give the
  24-hour time), ``2005年09月07日 11:57 AM``;
* day and month first: ``9/17/2004 5:54:13 AM`` (month first: 17 is no
  month), ``25/12/2021`` (day first); when both numbers could be the month
  (``06/02/2022``) the order is unknown and the date is not read, unless
  the caller knows it (``day_first``, from a ``datetime`` the page carries);
* the Republic of China's years (Taiwan's government pages), only where the
  page says so: ``中華民國113年7月11日`` / ``民國113年7月11日``, or a date
  label before a three-digit year (``發布日期：113-07-11``) -> 2024-07-11.
"""
from __future__ import annotations

import re

from .validators import plausible_date

#: The time after a date: ``10:01``, ``10:01:20``, ``10时01分``,
#: ``上午10:01``, ``9:23:57 PM``, ``- 13:48`` (a dash between).
_TIME = (
    r"(?:\s*(?:T|[-–,，]|\s)?\s*(?P<ap>上午|下午|中午|晚上|晚间|凌晨|早上|清晨|傍晚|夜间|夜間)?\s*"
    r"(?P<H>\d{1,2})\s*[:：时時点點]\s*(?P<M>\d{2})(?:\s*[:：分]\s*(?P<S>\d{2}))?"
    r"(?:\s*(?P<ap2>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?)?"
)
#: A weekday printed between the date and the time (``（週四）``, ``星期四``).
_WEEKDAY = r"(?:\s*[,，]?\s*[(（]?(?:星期|週|周|禮拜|礼拜)[一二三四五六日天][)）]?)?"
_ROC_ERA = r"(?:中華民國|中华民国|民國|民国)"

DATE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"|(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y2>(?:19|20)\d{2})(?![\d/])"
    rf"|{_ROC_ERA}\s*(?P<ry>\d{{2,3}})\s*年\s*(?P<rm>\d{{1,2}})\s*月\s*(?P<rd>\d{{1,2}})\s*日)"
    + _WEEKDAY
    + _TIME
)
#: A date label before a Republic-of-China year (``發布日期：113-07-11``):
#: no Gregorian year has three digits, so the label says which calendar.
_ROC_LABELLED = re.compile(
    r"(?:日期|時間|时间)\s*[:：]\s*(?P<ry>1[0-4]\d)\s*(?P<sep>[-/.年])\s*(?P<rm>\d{1,2})\s*[-/.月]\s*(?P<rd>\d{1,2})(?!\d)\s*日?"
    + _TIME
)
#: Years of the Republic of China start in 1912.
ROC_OFFSET = 1911
_AFTERNOON = frozenset({"下午", "晚上", "晚间", "傍晚", "夜间", "夜間"})


def has_time(match: re.Match) -> bool:
    """True when a :data:`DATE` match holds a time."""
    return match["H"] is not None


def _day(match: re.Match, day_first: bool | None) -> tuple[int, int, int] | None:
    groups = match.groupdict()
    if groups.get("y") is not None:
        return int(groups["y"]), int(groups["m"]), int(groups["d"])
    if groups.get("ry") is not None:
        return int(groups["ry"]) + ROC_OFFSET, int(groups["rm"]), int(groups["rd"])
    a, b, year = int(groups["a"]), int(groups["b"]), int(groups["y2"])
    if a > 12 >= b:
        return year, b, a
    if b > 12 >= a:
        return year, a, b
    if day_first is None or a > 12:
        return None  # 06/02/2022: June 2 or 6 February, the page does not say
    return (year, b, a) if day_first else (year, a, b)


def _clock(match: re.Match) -> tuple[int, str, str | None] | None:
    hour, minute = int(match["H"]), match["M"]
    if int(minute) >= 60 or hour >= 24:
        return None
    half = match["ap"] or (match["ap2"] or "").lower().replace(".", "")
    if half in _AFTERNOON or half == "pm" or half == "中午" and hour < 11:
        if hour < 12:
            hour += 12
    elif half in ("am", "凌晨", "上午", "早上", "清晨") and hour == 12:
        hour = 0
    if half and hour >= 24:
        return None
    return hour, minute, match["S"]


def _iso(match: re.Match, day_first: bool | None) -> str | None:
    day = _day(match, day_first)
    if day is None or not plausible_date(*day):
        return None
    iso = "{:04d}-{:02d}-{:02d}".format(*day)
    if match["H"] is not None:
        clock = _clock(match)
        if clock is not None:
            hour, minute, second = clock
            iso += f"T{hour:02d}:{minute}" + (f":{second}" if second is not None and int(second) < 60 else "")
    return iso


def date_matches(text: str):
    """Every date match in ``text`` (Gregorian, M/D/Y, and the Republic of
    China's years where labelled), in the order printed."""
    found = list(DATE.finditer(text))
    if "日期" in text or "時間" in text or "时间" in text:
        found += _ROC_LABELLED.finditer(text)
        found.sort(key=lambda m: m.start())
    return found


def parse_date(text: str, day_first: bool | None = None) -> str | None:
    """The first plausible date in ``text`` as ISO 8601, to the precision
    shown; ``day_first`` orders a ``06/02/2022`` the page does not."""
    for match in date_matches(text):
        iso = _iso(match, day_first)
        if iso:
            return iso
    return None


_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:19|20)\d{2}(?![\d/])")


def page_day_first(texts) -> bool | None:
    """The order a page prints its ``d/m/yyyy`` dates in, when one of them
    shows it (``13/02/2022``: day first) and none says otherwise; else None.
    A page prints all its dates one way, so ``06/02/2022`` on it is read so."""
    order = None
    for text in texts:
        for match in _SLASHED.finditer(text):
            a, b = int(match[1]), int(match[2])
            seen = True if a > 12 >= b else False if b > 12 >= a else None
            if seen is None:
                continue
            if order is not None and order != seen:
                return None
            order = seen
    return order


def strip_dates(text: str, repl: str = " ", count: int = 0) -> str:
    """``text`` without its dates (and their times)."""
    if "日期" in text or "時間" in text or "时间" in text:
        text = _ROC_LABELLED.sub(repl, text, count=count)
    return DATE.sub(repl, text, count=count)
