"""Pure date module: find date expressions and resolve them to inclusive intervals.

``find_dates(text, published)`` returns every date mention of SPEC section 2 with its
``from``/``to``; ``resolve_date(expression, published)`` reads one expression.

The spans are found with the patterns below, not with ``dateparser.search_dates`` (which
finds "a day" and the surname "May", misses a sentence-initial "Last week" and returns
points). dateparser is used only to read an expression found by the NER that none of the
patterns covers (see ``parse_with_dateparser``), asking it for the period it resolved to.

Interval rules (SPEC section 2, plus the decisions in docs/decisions.md):

* a day -> ``from == to``; a month -> its first and last day; a year -> 1 Jan - 31 Dec;
* a month or day without a year takes the year of ``published``; when that lands after
  ``published`` in a past-tense sentence it is the previous year, and when it lands before
  ``published`` in a forward-looking sentence it is the next one;
* weekdays -> the most recent such day not after ``published``; the next one after it when
  the sentence points forward ("will", "would", "next", "'ll", "scheduled");
* "last/this/next week" are Monday-Sunday weeks; "this month/year" the whole unit;
  "earlier this week/month/year" runs from the unit's first day to ``published``;
* "the past week" / "the past N days" are the 7 / N days ending on ``published``;
* "over the weekend" -> the most recent Saturday-Sunday not after ``published``;
* "since X" -> from the start of X to ``published``; "between X and Y" / "from X to Y"
  -> the start of X to the end of Y;
* seasons are meteorological and northern (spring Mar-May, summer Jun-Aug, autumn Sep-Nov,
  winter Dec-Feb, the winter of 2022 starting in December 2022);
* "early/mid/late" split a month into days 1-10 / 11-20 / 21-end and a year into
  Jan-Apr / May-Aug / Sep-Dec; quarters and halves are calendar ones;
* US federal fiscal years run 1 October of the previous year to 30 September ("fiscal year
  2021" / "FY2021" = 2020-10-01..2021-09-30).

Without ``published``, relative expressions are still found but keep ``from``/``to``
None. Durations ("for 12 hours"), vague spans ("in recent days", "overnight") and phrases
anchored on an undated event ("since the invasion began") are not date mentions.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from .errors import InputTypeError, InvalidDateError
from .records import DateMention

__all__ = [
    "coerce_published",
    "find_dates",
    "is_forward",
    "parse_with_dateparser",
    "resolve_date",
]

Interval = tuple[date | None, date | None]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_ORD = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
_NUMW = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14,
    "fifteen": 15, "twenty": 20, "thirty": 30,
}  # fmt: skip

# ---------------------------------------------------------------------------- patterns

_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMWORD = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty)"  # noqa: E501
_UNIT = r"(?:day|week|month|year)s?"

# one simple date expression (no since/between), in order of preference
_SIMPLE = [
    ("iso", rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"),
    ("us_numeric", r"\b(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)?\d\d)\b"),
    (
        "md",
        rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    (
        "dm",
        rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MONTH})(?!\w)(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    ("fiscal", rf"\b(?:[Ff]iscal(?:\s+[Yy]ear)?|FY)\s?(?P<y>{_YEAR}|\d\d)\b"),
    (
        "fiscal_rel",
        r"\b(?P<rel>[Tt]his|[Ll]ast|[Nn]ext|[Tt]he\s+current|[Tt]he\s+previous)\s+(?:[Ff]iscal|[Ff]inancial)\s+year\b",
    ),
    (
        "start_of",
        r"\b[Tt]he\s+(?:start|beginning)\s+of\s+(?:the|this)\s+(?P<unit>year|month|week)\b",
    ),
    (
        "part_year",
        rf"\b(?:(?:the\s+)?(?P<part>first|second|1st|2nd)\s+half\s+of\s+(?:(?P<y>{_YEAR})|(?P<rel>this|last|next|the)\s+year)|(?P<h>H[12])\s+(?P<y2>{_YEAR}))\b",
    ),
    (
        "quarter",
        rf"\b(?:(?:the\s+)?(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?:(?P<y>{_YEAR})|(?P<rel>this|last|next|the)\s+year))?|Q(?P<qd>[1-4])(?:\s+(?P<y2>{_YEAR}))?)\b",
    ),
    (
        "season",
        rf"\b(?:(?P<rel>[Tt]his|[Ll]ast|[Nn]ext|[Tt]he|[Ee]arly|[Ll]ate)\s+)?(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|fall|[Ww]inter)\b(?:\s+(?:of\s+)?(?P<y>{_YEAR})(?:[-–/](?:\d\d){{1,2}}\b)?)?",
    ),
    (
        "part_month",
        rf"\b(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[\s-](?P<mon>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR}))?",
    ),
    ("part_year_word", rf"\b(?P<part>early|mid|late)[\s-](?P<y>{_YEAR})\b"),
    ("month_year", rf"\b(?P<mon>{_MONTH})(?:,)?\s+(?:of\s+)?(?P<y>{_YEAR})\b"),
    (
        "rel_unit",
        r"\b(?:(?P<pre>[Ee]arlier|[Ll]ater)\s+)?(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Tt]he\s+previous|[Tt]he\s+coming|[Tt]he\s+following)\s+(?P<unit>week|month|year|weekend)\b",
    ),
    ("rel_month", rf"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<mon>{_MONTH_FULL})\b"),
    ("rel_weekday", rf"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<wd>{_WEEKDAY})\b"),
    ("ago", rf"\b(?:(?P<n0>{_NUMWORD})\s+or\s+)?(?P<n>{_NUMWORD})\s+(?P<unit>{_UNIT})\s+ago\b"),
    (
        "past_n",
        rf"\b[Tt]he\s+(?:past|last|previous)\s+(?:(?P<n>{_NUMWORD}|few|several)\s+)?(?P<unit>{_UNIT})\b",
    ),
    ("weekend", r"\b(?P<pre>[Oo]ver\s+)?the\s+weekend\b"),
    (
        "deictic",
        r"\b(?P<w>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Tt]his\s+(?:morning|afternoon|evening))\b",
    ),
    ("weekday", rf"\b(?P<wd>{_WEEKDAY})\b"),
    ("decade", r"\b(?:the\s+)?(?P<dec>(?:19|20)\d0)s\b"),
    ("month", rf"\b(?P<mon>{_MONTH_FULL})\b"),
    ("year", rf"\b(?P<y>{_YEAR})\b"),
]

_SIMPLE_RE = [(name, re.compile(rx)) for name, rx in _SIMPLE]
_ANY_SIMPLE = "|".join(f"(?:{rx})" for _, rx in _SIMPLE)
_SINCE_RE = re.compile(r"\b[Ss]ince\s+")
_RANGE_RE = re.compile(r"\b(?P<kw>[Bb]etween|[Ff]rom)\s+")

_FORWARD_RE = re.compile(
    r"\b(will|would|next|'ll|’ll|shall|scheduled|upcoming|tomorrow|is\s+expected|are\s+expected|plans?\s+to|going\s+to)\b",
    re.I,
)
_REPORTING_BEFORE = re.compile(
    r"\b(said|says|told|announced|reported|added|stated|declared|confirmed|wrote|tweeted)\s+(on\s+)?$",
    re.I,
)
_PREP_BEFORE = re.compile(
    r"\b(in|since|until|till|by|from|of|during|before|after|through|throughout|between|and|to|early|late|mid|on|last|next|this|for|around|about|as\s+of|starting|in\s+early|in\s+late)\s+$",
    re.I,
)
_NOT_DATE_AFTER = re.compile(r"^\s*(?:-?year-old|years?\s+old|hours?|minutes?)\b", re.I)


# ---------------------------------------------------------------------------- helpers


def coerce_published(published: Any) -> date | None:
    """``published`` as a ``date``: accepts date, datetime, an ISO string or None."""
    if published is None:
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    if isinstance(published, str):
        s = published.strip()
        if not s:
            return None
        try:
            return date.fromisoformat(s[:10]) if len(s) >= 10 else date.fromisoformat(s)
        except ValueError:
            try:
                return datetime.fromisoformat(s.replace("Z", "+00:00")).date()
            except ValueError:
                raise InvalidDateError(
                    f"published: {published!r} is not an ISO date (YYYY-MM-DD)",
                    field="published",
                ) from None
    raise InputTypeError(
        f"published: expected a date, datetime or ISO string, got {type(published).__name__}",
        field="published",
    )


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _month(y: int, m: int) -> Interval:
    return date(y, m, 1), _month_end(y, m)


def _year_iv(y: int) -> Interval:
    return date(y, 1, 1), date(y, 12, 31)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    s = s.lower()
    if s.isdigit():
        return int(s)
    return _NUMW.get(s)


def _day(s: str) -> int:
    return int(re.sub(r"\D", "", s))


def _mon(s: str) -> int:
    return _MONTHS[s.lower().rstrip(".")]


def _year2(s: str) -> int:
    y = int(s)
    return y + 2000 if y < 100 else y


def _infer_year(m: int, d: int | None, pub: date | None, forward: bool) -> int | None:
    """The year of a month (and day) written without one."""
    if pub is None:
        return None
    y = pub.year
    probe = date(y, m, min(d or 1, calendar.monthrange(y, m)[1]))
    if forward:
        if probe < pub.replace(day=1) if d is None else probe < pub:
            return y + 1
        return y
    if d is None:
        return y - 1 if (m > pub.month) else y
    return y - 1 if probe > pub else y


def is_forward(sentence: str, start: int | None = None) -> bool:
    """Does the sentence point forward ("will", "would", "next", "scheduled")?

    When ``start`` (the expression's offset inside ``sentence``) is given and a reporting
    verb stands right before it ("said Tuesday"), the expression is the reporting date and
    points back."""
    if start is not None and _REPORTING_BEFORE.search(sentence[:start]):
        return False
    return bool(_FORWARD_RE.search(sentence))


# ---------------------------------------------------------------------------- resolvers


class _NotADate(Exception):
    pass


def _r_iso(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    d = date(int(g["y"]), int(g["m"]), int(g["d"]))
    return d, d


def _r_us(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    d = date(_year2(g["y"]), int(g["m"]), int(g["d"]))
    return d, d


def _r_md(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    m = _mon(g["mon"])
    dd = _day(g["d"])
    if dd > 31:
        raise _NotADate
    y = int(g["y"]) if g.get("y") else _infer_year(m, dd, pub, fwd)
    if y is None:
        return None, None
    try:
        d = date(y, m, dd)
    except ValueError:
        raise _NotADate from None
    return d, d


def _r_fiscal(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    y = _year2(g["y"])
    return date(y - 1, 10, 1), date(y, 9, 30)


def _r_fiscal_rel(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    if pub is None:
        return None, None
    fy = pub.year + 1 if pub.month >= 10 else pub.year
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    fy += {"last": -1, "the previous": -1, "next": 1}.get(rel, 0)
    return date(fy - 1, 10, 1), date(fy, 9, 30)


def _r_start_of(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    if pub is None:
        return None, None
    unit = g["unit"].lower()
    d = (
        date(pub.year, 1, 1)
        if unit == "year"
        else pub.replace(day=1)
        if unit == "month"
        else _monday(pub)
    )
    return d, d


def _rel_year(rel: str | None, y: str | None, pub: date | None) -> int | None:
    if y:
        return int(y)
    if pub is None:
        return None
    rel = (rel or "this").lower()
    return pub.year + {"last": -1, "next": 1}.get(rel, 0)


def _r_part_year(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    y = _rel_year(g.get("rel"), g.get("y") or g.get("y2"), pub)
    if y is None:
        return None, None
    part = g.get("part") or ("first" if g.get("h") == "H1" else "second")
    if part.lower() in ("first", "1st"):
        return date(y, 1, 1), date(y, 6, 30)
    return date(y, 7, 1), date(y, 12, 31)


def _r_quarter(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    q = int(g["qd"]) if g.get("qd") else _ORD[g["qn"].lower()]
    y = _rel_year(g.get("rel"), g.get("y") or g.get("y2"), pub)
    if y is None:
        return None, None
    m0 = 3 * (q - 1) + 1
    return date(y, m0, 1), _month_end(y, m0 + 2)


def _season(season: str, y: int) -> Interval:
    m0 = _SEASONS[season]
    if m0 == 12:
        return date(y, 12, 1), _month_end(y + 1, 2)
    return date(y, m0, 1), _month_end(y, m0 + 2)


def _r_season(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    s = g["season"].lower()
    rel = (g.get("rel") or "").lower()
    if g.get("y"):
        return _season(s, int(g["y"]))
    if pub is None:
        return None, None
    # the season occurrence that contains or most recently preceded `published`
    y = pub.year
    cands = [_season(s, yy) for yy in (y - 2, y - 1, y, y + 1)]
    current = [c for c in cands if c[0] <= pub]  # type: ignore[operator]
    past = current[-1]
    if rel == "last":
        # "last summer": the most recent one that is over
        over = [c for c in cands if c[1] < pub]  # type: ignore[operator]
        return over[-1]
    if rel == "next" or (fwd and rel in ("", "the", "this")):
        if past[1] < pub and (rel == "next" or fwd):  # type: ignore[operator]
            nxt = [c for c in cands if c[0] > pub]  # type: ignore[operator]
            return nxt[0]
        if rel == "next":
            return [c for c in cands if c[0] > pub][0]  # type: ignore[operator]
    return past


def _r_part_month(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    m = _mon(g["mon"])
    y = int(g["y"]) if g.get("y") else _infer_year(m, None, pub, fwd)
    if y is None:
        return None, None
    part = re.sub(r"\s+", " ", g["part"].lower())
    end = _month_end(y, m)
    if part in ("early", "the beginning of", "the start of"):
        return date(y, m, 1), date(y, m, 10)
    if part == "mid":
        return date(y, m, 11), date(y, m, 20)
    return date(y, m, 21), end


def _r_part_year_word(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    y = int(g["y"])
    part = g["part"].lower()
    if part == "early":
        return date(y, 1, 1), date(y, 4, 30)
    if part == "mid":
        return date(y, 5, 1), date(y, 8, 31)
    return date(y, 9, 1), date(y, 12, 31)


def _r_month_year(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    return _month(int(g["y"]), _mon(g["mon"]))


def _r_rel_unit(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    if pub is None:
        return None, None
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    unit = g["unit"].lower()
    pre = (g.get("pre") or "").lower()
    k = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the coming": 1,
         "the following": 1}[rel]  # fmt: skip
    if unit == "week":
        mon = _monday(pub) + timedelta(weeks=k)
        iv: Interval = (mon, mon + timedelta(days=6))
    elif unit == "month":
        y, m = _add_months(pub.year, pub.month, k)
        iv = _month(y, m)
    elif unit == "year":
        iv = _year_iv(pub.year + k)
    else:  # weekend
        # the Saturday-Sunday of the current Monday-Sunday week, or the one before/after
        sat = _monday(pub) + timedelta(days=5) + timedelta(weeks=k)
        iv = (sat, sat + timedelta(days=1))
    if pre == "earlier" and k == 0:
        return iv[0], pub
    if pre == "later" and k == 0:
        return pub, iv[1]
    return iv


def _r_rel_month(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    if pub is None:
        return None, None
    m = _mon(g["mon"])
    rel = g["rel"].lower()
    if rel == "this":
        return _month(pub.year, m)
    if rel == "last":
        y = pub.year if m < pub.month else pub.year - 1
        return _month(y, m)
    y = pub.year if m > pub.month else pub.year + 1
    return _month(y, m)


def _weekday_date(wd: int, pub: date, forward: bool) -> date:
    if forward:
        delta = (wd - pub.weekday()) % 7 or 7
        return pub + timedelta(days=delta)
    return pub - timedelta(days=(pub.weekday() - wd) % 7)


def _r_rel_weekday(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    if pub is None:
        return None, None
    wd = _WEEKDAYS[g["wd"].lower()]
    rel = g["rel"].lower()
    if rel == "last":
        d = _weekday_date(wd, pub - timedelta(days=1), False)
    elif rel == "next":
        d = _weekday_date(wd, pub, True)
    else:  # "this Friday": the one in the current Monday-Sunday week
        d = _monday(pub) + timedelta(days=wd)
    return d, d


def _r_ago(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    n = _num(g["n"])
    if n is None:
        raise _NotADate
    if pub is None:
        return None, None
    unit = g["unit"].lower().rstrip("s")
    n0 = _num(g.get("n0"))
    if unit == "day":
        d = pub - timedelta(days=n)
        if n0 is not None and n0 < n:  # "four or five days ago": both days
            return d, pub - timedelta(days=n0)
        return d, d
    if unit == "week":
        d = pub - timedelta(weeks=n)
        return d, d
    if unit == "month":
        y, m = _add_months(pub.year, pub.month, -n)
        return _month(y, m)
    return _year_iv(pub.year - n)


def _r_past_n(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    raw = (g.get("n") or "").lower()
    if raw in ("few", "several"):
        raise _NotADate  # "the past few days" is as vague as "in recent days"
    n = _num(raw) if raw else 1
    if n is None:
        raise _NotADate
    if pub is None:
        return None, None
    unit = g["unit"].lower().rstrip("s")
    if unit == "day":
        return pub - timedelta(days=n - 1), pub
    if unit == "week":
        return pub - timedelta(days=7 * n - 1), pub
    if unit == "month":
        y, m = _add_months(pub.year, pub.month, -n)
        start = date(y, m, min(pub.day, calendar.monthrange(y, m)[1])) + timedelta(days=1)
        return start, pub
    try:
        return pub.replace(year=pub.year - n) + timedelta(days=1), pub
    except ValueError:
        return date(pub.year - n, 3, 1), pub


def _r_weekend(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    if pub is None:
        return None, None
    # the most recent Saturday-Sunday not after published (or the coming one, forward)
    sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
    if fwd and pub.weekday() < 5:
        sat = sat + timedelta(weeks=1)
    return sat, sat + timedelta(days=1)


def _r_deictic(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    if pub is None:
        return None, None
    w = g["w"].lower()
    d = pub + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))
    return d, d


def _r_weekday(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    if pub is None:
        return None, None
    d = _weekday_date(_WEEKDAYS[g["wd"].lower()], pub, fwd)
    return d, d


def _r_decade(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    y = int(g["dec"])
    return date(y, 1, 1), date(y + 9, 12, 31)


def _r_month(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    m = _mon(g["mon"])
    y = _infer_year(m, None, pub, fwd)
    if y is None:
        return None, None
    return _month(y, m)


def _r_year(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    return _year_iv(int(g["y"]))


_RESOLVERS: dict[str, Callable[[dict[str, Any], date | None, bool], Interval]] = {
    "iso": _r_iso, "us_numeric": _r_us, "md": _r_md, "dm": _r_md, "fiscal": _r_fiscal,
    "fiscal_rel": _r_fiscal_rel, "start_of": _r_start_of,
    "part_year": _r_part_year, "quarter": _r_quarter, "season": _r_season,
    "part_month": _r_part_month, "part_year_word": _r_part_year_word,
    "month_year": _r_month_year, "rel_unit": _r_rel_unit, "rel_month": _r_rel_month,
    "rel_weekday": _r_rel_weekday, "ago": _r_ago, "past_n": _r_past_n, "weekend": _r_weekend,
    "deictic": _r_deictic, "weekday": _r_weekday, "decade": _r_decade, "month": _r_month,
    "year": _r_year,
}  # fmt: skip


# ---------------------------------------------------------------------------- finding


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    kind: str
    groups: dict[str, Any]


def _context_ok(text: str, h: _Hit) -> bool:
    """Filters for the ambiguous patterns: bare months, bare years, bare 'May'/'March'."""
    before = text[max(0, h.start - 30) : h.start]
    after = text[h.end : h.end + 20]
    if h.kind == "month":
        word = text[h.start : h.end]
        if word in ("May", "March", "August"):
            # modal/verb/surname: need a preposition or a modifier before it
            return bool(_PREP_BEFORE.search(before))
        if re.search(r"[A-Z][\w’'-]*\s+$", before) and not _PREP_BEFORE.search(before):
            if not re.search(r"(?:^|[.!?\n]\s*|[“\"]\s*)$", before):
                return False  # "Theresa May", "President June X"
        return True
    if h.kind == "year":
        if _NOT_DATE_AFTER.search(after):
            return False
        if re.match(r"^\s*(?:[a-z]+\s+)?(?:people|migrants|refugees|men|women|children)\b", after):
            return False
        if re.search(r"[\d,.$€£]\s*$", before) or re.match(r"^(?:[\d%]|[,.]\d)", after):
            return False
        return bool(_PREP_BEFORE.search(before)) or bool(re.match(r"^\s*[,.;:)]", after))
    if h.kind == "weekday":
        # "The Sunday Times", "the Monday Club": part of a name
        return not (re.search(r"\bThe\s+$", before) and re.match(r"^\s+[A-Z]", after))
    if h.kind in ("md", "dm"):
        if re.match(r"^\s*(?:-?year-old|%|percent)", after):
            return False
    if h.kind == "season":
        rel = (h.groups.get("rel") or "").lower()
        if rel in ("", "early", "late") and not h.groups.get("y"):
            return bool(_PREP_BEFORE.search(before)) or rel == "the"
    return True


def _simple_hits(text: str) -> list[_Hit]:
    hits: list[_Hit] = []
    for name, rx in _SIMPLE_RE:
        for m in rx.finditer(text):
            g = {k: v for k, v in m.groupdict().items() if v is not None}
            h = _Hit(m.start(), m.end(), name, g)
            if name == "weekend" and g.get("pre"):
                h.start = m.start() + len(g["pre"])  # "over the weekend" -> "the weekend"
            if _context_ok(text, h):
                hits.append(h)
    # keep the longest, then the earliest of overlapping hits
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    chosen: list[_Hit] = []
    for h in hits:
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    return chosen


def _sentence_of(text: str, start: int, end: int) -> tuple[int, str]:
    a = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), text.rfind("!", 0, start),
            text.rfind("?", 0, start)) + 1  # fmt: skip
    ends = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    b = min(ends) if ends else len(text)
    return a, text[a:b]


def _clause_of(sent: str, a: int, b: int) -> tuple[int, str]:
    """The clause of a sentence around [a, b): cut at commas, semicolons and dashes."""
    left = max(sent.rfind(c, 0, a) for c in (",", ";", "—", "–", "(")) + 1
    rights = [i for i in (sent.find(c, b) for c in (",", ";", "—", "–", ")")) if i != -1]
    right = min(rights) if rights else len(sent)
    return left, sent[left:right]


def _resolve_hit(text: str, h: _Hit, pub: date | None) -> Interval:
    s0, sent = _sentence_of(text, h.start, h.end)
    c0, clause = _clause_of(sent, h.start - s0, h.end - s0)
    fwd = is_forward(clause, h.start - s0 - c0)
    if h.kind == "rel_weekday" or h.kind == "rel_unit":
        fwd = fwd or h.groups.get("rel", "").lower() == "next"
    return _RESOLVERS[h.kind](h.groups, pub, fwd)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _combine(text: str, hits: list[_Hit], pub: date | None) -> list[DateMention]:
    """Resolve hits and join 'since X', 'between X and Y', 'from X to Y'."""
    out: list[DateMention] = []
    resolved: list[tuple[_Hit, Interval]] = []
    for h in hits:
        try:
            iv = _resolve_hit(text, h, pub)
        except (_NotADate, ValueError, KeyError, OverflowError):
            continue
        resolved.append((h, iv))
    k = 0
    while k < len(resolved):
        h, iv = resolved[k]
        start, end = h.start, h.end
        lo, hi = iv
        before = text[max(0, start - 8) : start]
        rng = re.search(r"\b([Bb]etween|[Ff]rom)\s+$", before)
        if rng and k + 1 < len(resolved):
            h2, iv2 = resolved[k + 1]
            mid = text[h.end : h2.start]
            if re.fullmatch(r"\s+(?:and|to|until|till|through)\s+|\s*[-–]\s*", mid):
                start = start - (len(before) - rng.start())
                end = h2.end
                lo, hi = iv[0], iv2[1]
                # "from 1 March to 31 May 2022": the year written once, on the second
                if (
                    "y" not in h.groups
                    and h2.groups.get("y")
                    and h.kind in ("md", "dm", "month", "part_month")
                ):
                    g = dict(h.groups, y=h2.groups["y"])
                    kind = "month_year" if h.kind == "month" else h.kind
                    try:
                        lo = _RESOLVERS[kind](g, pub, False)[0]
                    except (_NotADate, ValueError, KeyError):
                        pass
                k += 1
        elif re.search(r"\b[Ss]ince\s+$", before) and h.kind not in ("ago",):
            start = start - (len(before) - re.search(r"\b[Ss]ince\s+$", before).start())  # type: ignore[union-attr]
            lo, hi = iv[0], pub
        out.append(DateMention(text[start:end], start, end, _iso(lo), _iso(hi)))
        k += 1
    return out


def find_dates(text: str, published: Any = None) -> list[DateMention]:
    """Every date mention in ``text`` with its interval resolved against ``published``.

    Never raises on a string (a bad ``published`` raises ``InvalidDateError``)."""
    if not isinstance(text, str) or not text:
        return []
    pub = coerce_published(published)
    return _combine(text, _simple_hits(text), pub)


def resolve_date(
    expression: str, published: Any = None, *, forward: bool = False
) -> Interval | None:
    """Resolve one expression ('last week', 'since February', 'Q3 2022') to an inclusive
    ``(from, to)`` pair of dates. Returns None when it is not a date expression and
    ``(None, None)`` when it is relative and there is no ``published``."""
    if not isinstance(expression, str) or not expression.strip():
        return None
    pub = coerce_published(published)
    text = expression.strip()
    hits = _simple_hits(text)
    if not hits:
        iv = parse_with_dateparser(text, pub)
        return iv
    if forward:
        out = []
        for h in hits:
            try:
                out.append(_RESOLVERS[h.kind](h.groups, pub, True))
            except (_NotADate, ValueError, KeyError):
                return None
        lo, hi = out[0][0], out[-1][1]
    else:
        ms = _combine(text, hits, pub)
        if not ms:
            return None
        lo_s, hi_s = ms[0].date_from, ms[-1].date_to
        return (
            date.fromisoformat(lo_s) if lo_s else None,
            date.fromisoformat(hi_s) if hi_s else None,
        )
    return lo, hi


@lru_cache(maxsize=64)
def _dateparser(pub: date | None) -> Any:
    """One DateDataParser per publication date (its settings carry the anchor)."""
    from dateparser.date import DateDataParser  # imported lazily: it is slow to import

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
    if pub is not None:
        settings["RELATIVE_BASE"] = datetime(pub.year, pub.month, pub.day)
    return DateDataParser(languages=["en"], settings=settings)


_DP_OK = re.compile(rf"{_MONTH}|{_WEEKDAY}|\d", re.I)


def parse_with_dateparser(expression: str, pub: date | None) -> Interval | None:
    """Ask dateparser for an expression no pattern covered; map its period to an interval.

    Only expressions that name a month, a weekday or hold a digit are tried (dateparser
    reads "a day" and "May" the surname as dates)."""
    if not _DP_OK.search(expression) or len(expression) > 60:
        return None
    try:
        data = _dateparser(pub).get_date_data(expression)
    except Exception:  # dateparser raises many types on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "month":
        return _month(d.year, d.month)
    if period == "year":
        return _year_iv(d.year)
    if period == "week":
        mon = _monday(d)
        return mon, mon + timedelta(days=6)
    return d, d
