"""Pure date module: find date expressions and resolve them to inclusive intervals.

``find_dates(text, published)`` returns every date mention of SPEC section 2 with its
``from``/``to``; ``resolve_date(expression, published)`` reads one expression.

The spans are found with the patterns below, not with ``dateparser.search_dates`` (which
finds "a day" and the surname "May", misses a sentence-initial "Last week" and returns
points). dateparser is used only to read an expression found by the NER that none of the
patterns covers (see ``parse_with_dateparser``), asking it for the period it resolved to.

Interval rules (SPEC section 2, plus the decisions in docs/dates.md):

* a day -> ``from == to``; a month -> its first and last day; a year -> 1 Jan - 31 Dec;
* a month or day without a year takes the year of ``published``; when that lands after
  ``published`` in a past-tense sentence it is the previous year, and when it lands before
  ``published`` in a forward-looking sentence it is the next one;
* weekdays -> the most recent such day not after ``published``; the next one after it when
  the sentence points forward (see ``is_forward``); published's own weekday is published;
* "last/this/next week" are Monday-Sunday weeks; "this month/year" the whole unit;
  "earlier this week/month/year" runs from the unit's first day to ``published``;
* "the past week" / "the past N days" are the 7 / N days ending on ``published``;
* "over the weekend" -> the most recent Saturday-Sunday not after ``published``;
* "since X" -> from the start of X to ``published``; "between X and Y" / "from X to Y"
  -> the start of X to the end of Y;
* seasons are meteorological and northern (spring Mar-May, summer Jun-Aug, autumn Sep-Nov,
  winter Dec-Feb, the winter of 2022 starting in December 2022);
* "early/mid/late" split a month into days 1-10 / 11-20 / 21-end and a year into
  Jan-Apr / May-Aug / Sep-Dec; "the end/start of X" is X; quarters and halves are
  calendar ones ("the fourth quarter" without a year: see ``_r_quarter``);
* "the last week/year" = "the past week/year" (rolling); "the same month a year ago" and
  "the entire year" read the dated expression before them;
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
    "find_dates_and_rejects",
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
_UNIT = r"(?:day|week|month|year|decade)s?"
_QN = r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"

# One simple date expression (no since/between), in order of preference. Patterns are
# written with ``\s``; ``_sp`` turns it into "a space or a tab" before compiling, so that
# no multi-word pattern runs across a line break (a headline ending "...until Friday" and
# the dateline "September 18, 2008" on the next line are two expressions).
_SIMPLE = [
    ("iso", rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"),
    ("us_numeric", r"\b(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)?\d\d)\b"),
    # "09/2022" (a month and a four-digit year, as forum and page stamps write them)
    ("num_month_year", r"(?<![\d/.])(?P<m>0[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)\b(?![/.]\d)"),
    (
        "md_span",  # "Sept. 27 and 28", "Sept. 20-24", "March 3 to 5, 2022"
        rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\s*(?:[-–]|\s(?:and|to|through)\s)\s*(?P<d2>{_DAY})\b(?![,.]\d|\s*(?:{_MONTH})\b|\s+(?:people|of|per|a\s+day|million|thousand|billion|[a-z]+s\b))(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    (
        "md_span",  # "27 and 28 September", "20-24 Sept."
        rf"\b(?P<d>{_DAY})\s*(?:[-–]|\s(?:and|to)\s)\s*(?P<d2>{_DAY})\s+(?P<mon>{_MONTH})(?!\w)(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    (
        "md",
        rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    (
        "dm",
        rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{_DAY})(?:\s+of)?\s+(?P<mon>{_MONTH})(?!\w)(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    ("fiscal", rf"\b(?:[Ff]iscal(?:\s+[Yy]ear)?|FY)\s?(?P<y>{_YEAR}|\d\d)\b"),
    # "the 2023 fiscal year" (US federal, like "fiscal year 2023")
    ("fiscal", rf"\b[Tt]he\s+(?P<y>{_YEAR})\s+[Ff]iscal\s+[Yy]ear\b"),
    (
        "year_to",  # "the year to March", "the 12 months to the end of June 2023"
        rf"\b[Tt]he\s+(?:year|(?:12|twelve)\s+months)\s+(?:to|ending|ended|through|up\s+to)\s+(?:the\s+end\s+of\s+)?(?P<mon>{_MONTH_FULL})\b(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    (
        "fiscal_rel",
        r"\b(?P<rel>[Tt]his|[Ll]ast|[Nn]ext|[Tt]he\s+current|[Tt]he\s+previous)\s+(?:[Ff]iscal|[Ff]inancial)\s+year\b",
    ),
    ("start_of", r"\b[Tt]he\s+(?:start|beginning)\s+of\s+(?:the|this)\s+(?P<unit>week)\b"),
    (
        "part_unit",
        rf"\b[Tt]he\s+(?P<part>start|beginning|middle|end)\s+of\s+(?:(?P<rel>the|this|last|next)\s+)?(?P<unit>year|month)\b(?!\s+(?:of\s+)?{_YEAR})",
    ),
    (
        "part_year",
        rf"\b(?:(?:the\s+)?(?P<part>first|second|1st|2nd)\s+half\s+of\s+(?:(?P<y>{_YEAR})|(?P<rel>this|last|next|the)\s+year)|(?P<h>H[12])\s+(?P<y2>{_YEAR}))\b",
    ),
    (
        "quarter",
        rf"\b(?:(?P<the>[Tt]he\s+)?(?P<qn>{_QN})[\s-]quarter(?:\s+of\s+(?:(?P<y>{_YEAR})|(?P<rel>this|last|next|the)\s+year)|\s+(?P<y3>{_YEAR}))?|Q(?P<qd>[1-4])(?:\s+(?P<y2>{_YEAR}))?)\b",
    ),
    (
        "season",
        rf"\b(?:(?P<rel>[Tt]his|[Ll]ast|[Nn]ext|[Tt]he|[Ee]arly|[Ll]ate)\s+)?(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|fall|[Ww]inter)\b(?:\s+(?:of\s+)?(?P<y>{_YEAR})(?:[-–/](?:\d\d){{1,2}}\b)?)?",
    ),
    (
        "part_month",
        rf"\b(?P<part>[Ee]arly|[Mm]id|[Ll]ate|[Tt]he\s+end\s+of|[Tt]he\s+beginning\s+of|[Tt]he\s+start\s+of|[Tt]he\s+middle\s+of)[\s-](?:(?P<rel>last|this|next)\s+)?(?P<mon>{_MONTH})\b(?:,?\s+(?P<y>{_YEAR}))?",
    ),
    (
        "part_year_word",
        rf"\b(?P<part>[Ee]arly|[Mm]id|[Ll]ate|[Tt]he\s+end\s+of|[Tt]he\s+beginning\s+of|[Tt]he\s+start\s+of|[Tt]he\s+middle\s+of)[\s-](?P<y>{_YEAR})\b",
    ),
    (
        "part_rel_year",
        r"\b(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[\s-](?P<rel>last|this|next)\s+(?P<unit>year|month)\b",
    ),
    ("month_year", rf"\b(?P<mon>{_MONTH})(?:,)?\s+(?:of\s+)?(?P<y>{_YEAR})\b"),
    (
        "month_rel_year",
        rf"\b(?:(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[\s-])?(?P<mon>{_MONTH_FULL})\s+(?:of\s+)?"
        r"(?P<rel>last|this|next)\s+year\b",
    ),
    (
        "same_day_week",
        r"\b[Tt]he\s+same\s+day\s+(?:a|one|the)\s+week\s+(?:earlier|before|ago)\b",
    ),
    (
        "same_period",
        rf"\b[Tt]he\s+same\s+(?P<unit>months?|period|quarter|weeks?|days?|season|time)\s+(?:(?:of|in)\s+)?(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+(?:previous|prior|year\s+before)(?:\s+year)?|(?P<y>{_YEAR}))\b",
    ),
    ("whole_year", r"\b[Tt]he\s+(?:entire|whole|full)\s+year\b"),
    (
        "first_months",
        rf"\b[Tt]he\s+(?P<which>first|opening|last|final)\s+(?P<n>{_NUMWORD})\s+months\s+of\s+(?:(?P<y>{_YEAR})|(?P<rel>the|this|last)\s+year)\b",
    ),
    (
        "rel_unit",
        r"\b(?:(?P<pre>[Ee]arlier|[Ll]ater)\s+)?(?P<rel>[Ll]ast|[Tt]his|[Nn]ext|[Tt]he\s+previous|[Tt]he\s+coming|[Tt]he\s+following)\s+(?P<unit>week|month|year|weekend|quarter)\b",
    ),
    ("rel_month", rf"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<mon>{_MONTH_FULL})\b"),
    ("rel_weekday", rf"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<wd>{_WEEKDAY})\b"),
    # (the number capitalised when it opens a sentence: "Two weeks ago, ...", "A month ago")
    ("ago", rf"\b(?:(?P<lt>(?i:less\s+than|under|fewer\s+than|not\s+even))\s+)?(?:(?P<n0>(?i:{_NUMWORD}))\s+or\s+)?(?P<n>(?i:{_NUMWORD}))\s+(?P<unit>{_UNIT})\s+ago\b"),  # noqa: E501
    (
        "half_month",  # "the second half of May", "the first half of March 2022"
        rf"\b[Tt]he\s+(?P<which>first|second|latter|last)\s+half\s+of\s+(?P<mon>{_MONTH_FULL})\b(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    (
        "days_of",  # "the last ten days of September", "the first two weeks of March 2022"
        rf"\b[Tt]he\s+(?P<which>first|last|final|past)\s+(?P<n>{_NUMWORD})\s+(?P<unit>days|weeks)\s+of\s+(?P<mon>{_MONTH_FULL})\b(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    (
        "week_of",
        rf"\b[Tt]he\s+(?P<which>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<mon>{_MONTH_FULL})\b(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
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
    ("decade", r"\b(?:[Tt]he\s+)?(?P<dec>(?:19|20)\d0)['’]?s\b"),
    ("decade2", r"(?:\b[Tt]he\s+)?(?<![\w'’])['’]?(?P<dd>\d0)['’]?s\b"),
    (
        "century",
        r"\b(?:[Tt]he\s+)?(?:(?P<c>1\d|2[01])(?:st|nd|rd|th)|(?P<cw>[Nn]ineteenth|[Tt]wentieth|[Tt]wenty[\s-]first))[\s-][Cc]entury\b",
    ),
    ("year_range", rf"\b(?P<y>{_YEAR})[-–/](?P<y2>{_YEAR}|\d\d)\b(?![-–/]?\d)"),
    ("year2", r"(?<![\w'’])['’](?P<yy>\d\d)\b(?!['’]?\w)"),
    ("month", rf"\b(?P<mon>{_MONTH_FULL})\b"),
    ("year", rf"\b(?P<y>{_YEAR})\b"),
]

_SPACE = r"[ \t\u00a0]"


def _sp(rx: str) -> str:
    """``\\s`` inside a pattern -> a space, a tab or a no-break space (never a newline)."""
    return rx.replace(r"[\s-]", r"[ \t\u00a0-]").replace(r"\s", _SPACE)


# the expressions that name a day of a month (a day, or a span of days of one month)
_DAY_KINDS = ("md", "dm", "md_span")
_SIMPLE_RE = [(name, re.compile(_sp(rx))) for name, rx in _SIMPLE]
_RANGE_BEFORE = re.compile(_sp(r"\b([Bb]etween|[Ff]rom)\s+$"))
# (a time of day may close the first end: "between Friday night and Sunday")
_RANGE_MID = re.compile(
    _sp(r"(?:\s+(?:night|morning|evening|afternoon))?(?:\s+(?:and|to|until|till|through)\s+"
        r"|\s*[-–]\s*)")
)
# "Between September 21, when President Vladimir Putin announced the call-up, and December 31"
_RANGE_MID_CLAUSE = re.compile(
    r",\s+(?:when|as|the\s+day)\s+[^,;:.()\n]{3,90},\s+(?:and|to|until|through)\s+"
)
_SINCE_BEFORE = re.compile(_sp(r"\b[Ss]ince\s+$"))
# a date naming the period some figures count ("their July figures", "May data")
_FIGURES_OF_AFTER = re.compile(
    r"\s+(?:figures|data|numbers|statistics|results|traffic|sales|arrivals|totals?|tally)\b"
)
# "since" a few words before a date ("since Pakistan's November 1 deadline")
_SINCE_NEAR_BEFORE = re.compile(r"\b[Ss]ince\s+(?:[\w’'-]+\s+){0,3}$")
_SO_FAR_BEFORE = re.compile(r"\b[Ss]o\s+far\s+(?:in\s+)?$")

# forward cues (SPEC: "will", "would", "next"), strong: anywhere in the clause
_FORWARD_RE = re.compile(
    r"\b(?:will|would(?!-)|next|'ll|’ll|shall|scheduled|upcoming|tomorrow|(?:is|are)\s+expected"
    r"|plans?\s+to|going\s+to|set\s+to|(?:wants?|intends?|aims?|hopes?|promised?)\s+to"
    r"|(?:plan(?:s|ning)?|prepar(?:e|es|ing)|brac(?:e|es|ing))\s+for|expects?\b|expecting"
    # "was preparing to support up to 20,000 people through the winter"
    r"|(?:preparing|planning|getting\s+ready)\s+to"
    # "it expected Family Scheme arrivals to pass 60,000 by the summer"
    r"|(?<!had\s)expected\s+(?:[\w-]+\s+){1,8}?to\s+(?!have\b)\w+"
    r"|projected\s+to|forecast\s+to|to\s+take\s+effect"
    # "protests were planned for the weekend", "planned 500 more units by the summer"
    r"|planned\s+for|plann?(?:ed|s)?\s+(?:[\w-]+\s+){1,5}?by(?=\s*$)"
    r"|(?:were|was|are|is)\s+expected\b"
    r"|(?:is|are|'s|’s)\s+to\s+be"
    r"|to\s+be\s+(?:\w+ed|\w+en|held|built|made|sold|set|put|run|shut|cut|paid|brought|sent"
    r"|won|spent|kept|told|shown|done|given|taken|seen|met|left|hit|signed|launched)"
    r"|(?:is|are|'s|’s|be)\s+due\b"
    r"(?!\s+to\s+(?:(?:the|a|an|its|his|her|their|this|that)\b|[a-z]+ing\b|[a-z]+s\b))"
    r"|\bdue\s+(?:on|in|by|at))\b",
    re.I,
)
# modal cues count only before the expression ("may be signed on September 12", not
# "released a statement Tuesday stressing that smugglers might tell...")
_FORWARD_MODAL = re.compile(
    r"\b(?:should(?!\s+have)|may\s+be|might(?!\s+have)"
    # "could rise to 60,000 by the end of October": a projection (not "could not find")
    r"|could\s+(?:rise|reach|climb|grow|top|double|triple|increase|exceed|hit|surpass|swell"
    r"|soar|pass|follow|arrive|come|leave|flee))\b",
    re.I,
)
# a present of schedule or a headline's infinitive, right before "on/from" and the date:
# "the playoffs begin on Saturday", "Arévalo takes office on Sunday", "the post closes on
# Friday", "Finland to close border to Russian tourists from Friday", "due to leave on"
_SCHEDULED_BEFORE = re.compile(
    _sp(r"(?:\b(?:opens|begins|begin|starts|start|closes|close|takes\s+office|"
        r"(?:is|are)\s+sworn\s+in|leaves|departs|resumes|reopens|expires|kicks\s+off|"
        r"(?:is|are)\s+forecast)"
        r"|\bto\s+(?:close|shut|open|reopen|ban|halt|suspend|resume|lift)"
        r"|\bdue\s+to\s+(?:leave|arrive|start|begin|open|close|depart|sail|land))"
        r"\b[^,.;:!?]{0,50}?\s(?:on|from|for)\s+$"),
    re.I,
)
# weak forward cues: only when the clause has no past auxiliary
_FORWARD_WEAK = re.compile(r"\bdeadline\b", re.I)
_FORWARD_PREP = re.compile(
    _sp(r"\b(?:until|till|through|thru)\s+(?:the\s+)?(?:early\s+|mid-?|late\s+)?$"), re.I
)
# a simple past that ran up to the date: "followed through September", "lasted until May"
_PAST_SPAN_VERB = re.compile(
    _sp(r"\b(?:followed|continued|lasted|ran|went\s+on|persisted)\s+(?:\w+\s+)?"
        r"(?:until|till|through|thru)\s+(?:the\s+)?(?:early\s+|mid-?|late\s+)?$"),
    re.I,
)
_FORWARD_BY = re.compile(_sp(r"\bby\s+(?:the\s+)?(?:early\s+|mid-?|late\s+)?$"), re.I)
_PAST_AUX = re.compile(r"\b(?:was|were|had|did|missed|passed|expired)\b", re.I)
_PAST_ANY = re.compile(
    r"\b(?:(?:has|have)\s+(?:\w+ly\s+)?(?:been|\w+(?:ed|en|wn|ne|ck|ght))|was|were|had|did|\w+ed|fell|rose|grew|left|fled|went|came|took|saw|made|got|gave"
    r"|began|ran|sold|hit|stood|kept|held|met|sent|told|paid|spent|lost|won|brought|built)\b",
    re.I,
)
# a finite simple-past verb ("rose", "peaked"), not a perfect or passive participle
_PAST_WORD = re.compile(
    r"(?:\b(?P<aux>has|have|having|had|be|been|being|is|are|am|was|were|will|would|to|'s|’s"
    r"|not|n't|remain|remains|stay|stays|get|gets)\s+(?:\w+ly\s+)?)?\b(?P<v>was|were|did|had|[a-z]+ed|fell|rose|grew|left|fled"
    r"|went|came|took|saw|made|got|gave|began|ran|sold|hit|stood|kept|held|met|sent|told"
    r"|paid|spent|lost|won|brought|built|said)\b"
)
_NOT_VERB_ED = frozenset(
    "need speed indeed hundred red bed seed feed shed proceed exceed succeed breed greed "
    "deed weed embed bleed".split()
)
_REPORTING = (
    r"said|says|told|announced|reported|added|stated|declared|confirmed|wrote|tweeted"
    r"|informed|warned|ruled|revealed|disclosed|admitted|agreed|decided|approved|signed"
)
_REPORTING_BEFORE = re.compile(
    _sp(rf"\b(?:(?:{_REPORTING})|(?:was|were)\s+\w+(?:ed|en))\s+(?:on\s+)?$"), re.I
)
_MODAL_BEFORE = re.compile(
    r"\b(?:be|been|being|to|will|would|may|might|should|could|must|shall|can|'ll|’ll)[ \t]+$", re.I
)
_PAST_AFTER = re.compile(
    _sp(
        r"^(?:\s+(?:night|morning|afternoon|evening))?,?\s+(?!(?:expected|scheduled|planned|"
        rf"intended|proposed|needed|supposed)\b)(?:{_REPORTING}|[a-z]+ed)\b"
    ),
)
_PREP_BEFORE = re.compile(
    r"\b(in|since|until|till|by|from|of|during|before|after|through|throughout|between|and|to|early|late|mid|on|last|next|this|for|around|about|as\s+of|starting|in\s+early|in\s+late)\s+$",
    re.I,
)
_DET_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Mm]y|[Yy]our|[Tt]his|[Tt]hat|"
    r"[Ww]hose)|\w['’]s)[ \t]+$"
)
# a bare year after a determiner is a date unless it counts something
_COUNTED = re.compile(
    r"^[ \t]+(?:[a-z]+[ \t]+)?(?:people|persons|migrants|refugees|asylum|men|women|children|"
    r"troops|soldiers|police|officers|workers|staff|employees|families|households|jobs|cars|"
    r"vehicles|trucks|units|points|km|kilomet(?:re|er)s|miles|metres|meters|feet|tonnes|tons|"
    r"dollars|euros|roubles|rubles|pounds|students|residents|citizens|applications|claims|"
    r"visas|permits|cases|deaths|beds|places|seats|flights|passengers|crossings|arrivals)\b"
)
_NOT_DATE_AFTER = re.compile(r"^\s*(?:-?year-old|years?\s+old|hours?|minutes?|-strong)\b", re.I)
_DAY_NAME_BEFORE = re.compile(
    r"\b(?:Black|Good|Holy|Maundy|Ash|Easter|Palm|Super|Cyber|Bloody|Blue|Giving|Small Business)"
    r"[ \t]+$"
)
_FALL_BEFORE = re.compile(
    r"\b(?:this|last|next|early|late|in|of|during|by|since|until|through|over|before|after"
    r"|the)[ \t]+$",
    re.I,
)


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


_REPORTED_AFTER = re.compile(rf"\b(?:{_REPORTING})\b", re.I)


def is_forward(
    sentence: str, start: int | None = None, end: int | None = None, context: str | None = None
) -> bool:
    """Does the sentence (in practice: the clause) point forward from ``published``?

    Strong cues anywhere in it: "will", "would", "next", "'ll", "scheduled", "is expected",
    "plans/wants/intends to", "set to", "is to be", "to be held/signed/...", "(is) due",
    "due in/on/by", "should", "may be", "might". Weak cues count only when the clause has
    no past auxiliary ("was", "were", "had", "did", "missed", "expired"): "deadline", and
    "until/till/through" right before the expression; "by" right before it counts only when
    the clause has no past-tense verb at all ("by early June" in "wants to cut... by early
    June", but not "peaked by the end of the year").

    When ``start`` (the expression's offset inside ``sentence``) is given, a reporting or
    passive verb right before it ("said Tuesday", "was informed Thursday", "announced on
    Friday") or a past verb right after it ("on Friday announced") makes it the reporting
    date, which points back whatever follows ("...announced it will close"); a strong cue
    that comes only after the expression does not count when the verb before it is a
    simple past; "should", "may be", "might" count only before it. ``context`` (the whole
    sentence, when ``sentence`` is a clause) is where past auxiliaries are looked for."""
    ctx = sentence if context is None else context
    if start is not None:
        rep = _REPORTING_BEFORE.search(sentence[:start])
        if rep and not _MODAL_BEFORE.search(sentence[: rep.start()]):
            return False
        if end is not None and _PAST_AFTER.match(sentence[end:]):
            return False
        before = sentence[:start]
        if _FORWARD_RE.search(before) or _FORWARD_MODAL.search(before):
            return True
        if _SCHEDULED_BEFORE.search(before) and not _PAST_AUX.search(ctx):
            return True  # "takes office on Sunday", "Finland to close its border from Friday"
        # a cue only after the expression, in a clause whose verb before it is a simple
        # past ("released a statement Tuesday saying it will..."): the expression is past
        cue = _FORWARD_RE.search(sentence, start)
        if cue is not None and not (
            end is not None and _REPORTED_AFTER.search(sentence, end, cue.start())
        ):
            # (not "expelling 27,000 in October alone after X said the country would ...":
            # a cue inside a later reported clause is that clause's)
            return not _is_past(before)
    elif _FORWARD_RE.search(sentence) or _FORWARD_MODAL.search(sentence):
        return True
    if _PAST_AUX.search(ctx):
        return False
    if _FORWARD_WEAK.search(sentence):
        return True
    if start is not None:
        before = sentence[:start]
        if _FORWARD_PREP.search(before) and not _PAST_SPAN_VERB.search(before):
            # (not "further flights followed through September": a past span)
            return True
        if _FORWARD_BY.search(before) and not _PAST_ANY.search(ctx):
            return True
    return False


# ---------------------------------------------------------------------------- resolvers


class _NotADate(Exception):
    pass


def _r_iso(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    d = date(int(g["y"]), int(g["m"]), int(g["d"]))
    return d, d


def _r_us(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    d = date(_year2(g["y"]), int(g["m"]), int(g["d"]))
    return d, d


def _r_md_span(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """ "Sept. 27 and 28", "20-24 September": the days of one month from the first to the
    last."""
    lo, _ = _r_md(g, pub, fwd)
    if lo is None:
        return None, None
    d2 = _day(g["d2"])
    if not lo.day < d2 <= 31:
        raise _NotADate
    try:
        return lo, date(lo.year, lo.month, d2)
    except ValueError:
        raise _NotADate from None


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


def _r_year_to(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """The twelve months ending with the named month: the last one that has ended (or
    the coming one, forward)."""
    m = _mon(g["mon"])
    if g.get("y"):
        y = int(g["y"])
    elif pub is None:
        return None, None
    else:
        ended = m < pub.month
        y = (pub.year if ended else pub.year - 1) if not fwd else (pub.year + ended)
    sy, sm = _add_months(y, m, -11)
    return date(sy, sm, 1), _month_end(y, m)


def _r_start_of(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    if pub is None:
        return None, None
    mon = _monday(pub)  # "the start of the week": the week, like "the start of the year"
    return mon, mon + timedelta(days=6)


def _r_first_months(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """'the first three months of the year' -> 1 January to the end of the third month;
    'the last three months of 2022' -> 1 October to 31 December."""
    n = _num(g.get("n"))
    if n is None or not 1 <= n <= 12:
        raise _NotADate
    y = int(g["y"]) if g.get("y") else _rel_year(g.get("rel"), None, pub)
    if y is None:
        return None, None
    if (g.get("which") or "first").lower() in ("last", "final"):
        return date(y, 13 - n, 1), date(y, 12, 31)
    return date(y, 1, 1), _month_end(y, n)


def _rel_year(rel: str | None, y: str | None, pub: date | None) -> int | None:
    if y:
        return int(y)
    if pub is None:
        return None
    rel = (rel or "this").lower()
    return pub.year + {"last": -1, "next": 1}.get(rel, 0)


def _the_year_before(g: dict[str, Any], iv: Interval, pub: date | None, fwd: bool) -> Interval:
    """"in the final quarter of the year" written on 4 January about the year just ended:
    "the year" (not "this year") is the article's year, so a part of it that would lie
    wholly after the publication date, in a sentence that does not point forward, is the
    previous year's."""
    lo, hi = iv
    if (
        (g.get("rel") or "").lower() == "the"
        and not fwd
        and pub is not None
        and lo is not None
        and hi is not None
        and lo > pub
    ):
        return lo.replace(year=lo.year - 1), hi.replace(year=hi.year - 1)
    return iv


def _r_part_year(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    y = _rel_year(g.get("rel"), g.get("y") or g.get("y2"), pub)
    if y is None:
        return None, None
    part = g.get("part") or ("first" if g.get("h") == "H1" else "second")
    if part.lower() in ("first", "1st"):
        return _the_year_before(g, (date(y, 1, 1), date(y, 6, 30)), pub, fwd)
    return _the_year_before(g, (date(y, 7, 1), date(y, 12, 31)), pub, fwd)


def _quarter_iv(y: int, q: int) -> Interval:
    m0 = 3 * (q - 1) + 1
    return date(y, m0, 1), _month_end(y, m0 + 2)


def _pick(cands: list[Interval], pub: date, fwd: bool) -> Interval:
    """Of the occurrences of a unit without a year (sorted), the next one that has not
    ended when the sentence points forward, else the most recent one that has ended."""
    if fwd:
        return next(c for c in cands if c[1] >= pub)  # type: ignore[operator]
    return [c for c in cands if c[1] < pub][-1]  # type: ignore[operator]


def _r_quarter(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    qn = (g.get("qn") or "").lower()
    explicit = g.get("y") or g.get("y2") or g.get("y3") or g.get("rel")
    if qn == "last" and g.get("the") and not explicit:
        # "the last quarter": the most recent quarter that has ended
        if pub is None:
            return None, None
        q0 = (pub.month - 1) // 3 + 1
        y, q = (pub.year, q0 - 1) if q0 > 1 else (pub.year - 1, 4)
        return _quarter_iv(y, q)
    q = int(g["qd"]) if g.get("qd") else _ORD.get(qn, 4)  # "final/last quarter of" = Q4
    if explicit:
        y = _rel_year(g.get("rel"), g.get("y") or g.get("y2") or g.get("y3"), pub)
        if y is None:
            return None, None
        return _the_year_before(g, _quarter_iv(y, q), pub, fwd)
    if pub is None:
        return None, None
    if not fwd and not g.get("_past"):
        # present or perfect tense ("Ford has announced ... closures during the fourth
        # quarter"): the quarter of the current year
        return _quarter_iv(pub.year, q)
    return _pick([_quarter_iv(yy, q) for yy in range(pub.year - 1, pub.year + 2)], pub, fwd)


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


def _part_key(part: str) -> str:
    part = re.sub(r"\s+", " ", part.lower())
    if part in ("early", "the beginning of", "the start of", "start", "beginning"):
        return "early"
    if part in ("mid", "the middle of", "middle"):
        return "mid"
    return "late"


def _part_of_month(y: int, m: int, part: str) -> Interval:
    if part.lower().startswith("the"):  # "the end of March": the month (docs/dates.md)
        return _month(y, m)
    key = _part_key(part)
    if key == "early":
        return date(y, m, 1), date(y, m, 10)
    if key == "mid":
        return date(y, m, 11), date(y, m, 20)
    return date(y, m, 21), _month_end(y, m)


def _part_of_year(y: int, part: str) -> Interval:
    if part.lower().startswith("the"):  # "the end of 2024": the year (docs/dates.md)
        return _year_iv(y)
    key = _part_key(part)
    if key == "early":
        return date(y, 1, 1), date(y, 4, 30)
    if key == "mid":
        return date(y, 5, 1), date(y, 8, 31)
    return date(y, 9, 1), date(y, 12, 31)


def _r_part_month(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    m = _mon(g["mon"])
    if g.get("y"):
        y: int | None = int(g["y"])
    elif g.get("rel"):
        y = _r_rel_month(g, pub, fwd)[0].year if pub is not None else None  # type: ignore[union-attr]
    else:
        y = _infer_year(m, None, pub, fwd)
    if y is None:
        return None, None
    return _part_of_month(y, m, g["part"])


def _r_part_year_word(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    return _part_of_year(int(g["y"]), g["part"])


def _r_part_rel_year(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """ "early this year", "late last year", "mid-next month"."""
    if pub is None:
        return None, None
    k = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
    if g["unit"].lower() == "year":
        return _part_of_year(pub.year + k, g["part"])
    y, m = _add_months(pub.year, pub.month, k)
    return _part_of_month(y, m, g["part"])


def _r_part_unit(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """ "the end of the year", "the beginning of this month": the whole unit (as the
    project's fixtures label "by the end of 2024" -> 2024; a claim's "by the end of May"
    then ends on 31 May). Without "this/last/next" the unit is the current one, or the
    previous one when that part of it (its early/mid/late third) has not begun in a
    sentence that does not point forward ("peaked by the end of the year" in March), and
    the next one when it is over in a forward sentence."""
    if pub is None:
        return None, None
    rel = (g.get("rel") or "the").lower()
    k = {"last": -1, "next": 1}.get(rel, 0)
    year_unit = g["unit"].lower() == "year"

    def iv_at(k: int) -> Interval:
        if year_unit:
            return _part_of_year(pub.year + k, g["part"])
        y, m = _add_months(pub.year, pub.month, k)
        return _part_of_month(y, m, g["part"])

    iv = iv_at(k)
    if rel == "the":
        if not fwd and iv[0] > pub:  # type: ignore[operator]
            k = -1
        elif fwd and iv[1] < pub:  # type: ignore[operator]
            k = 1
    if year_unit:
        return _year_iv(pub.year + k)
    return _month(*_add_months(pub.year, pub.month, k))


def _r_month_year(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    return _month(int(g["y"]), _mon(g["mon"]))


def _r_num_month_year(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    return _month(int(g["y"]), int(g["m"]))


def _r_month_rel_year(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """ "October of next year"."""
    if pub is None:
        return None, None
    k = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
    if g.get("part"):  # "early March last year"
        return _part_of_month(pub.year + k, _mon(g["mon"]), g["part"])
    return _month(pub.year + k, _mon(g["mon"]))


def _r_week_of(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """ "the first week of March": March 1-7; "the second/third/fourth week": days 8-14,
    15-21, 22-28; "the last/final week": the month's last seven days. Calendar days, as
    every fixture label reads them (team-099, team-152, team-157; fixtures/README), not the
    ISO Monday-Sunday weeks TimeML uses."""
    m = _mon(g["mon"])
    y = int(g["y"]) if g.get("y") else _infer_year(m, None, pub, fwd)
    if y is None:
        return None, None
    which = g["which"].lower()
    end = _month_end(y, m)
    if which in ("last", "final"):
        return end - timedelta(days=6), end
    k = {"first": 0, "second": 1, "third": 2, "fourth": 3}[which]
    return date(y, m, 1 + 7 * k), date(y, m, 7 + 7 * k)


def _r_half_month(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """ "the second half of May": days 16 to the end; "the first half": days 1-15."""
    m = _mon(g["mon"])
    y = int(g["y"]) if g.get("y") else _infer_year(m, None, pub, fwd)
    if y is None:
        return None, None
    if g["which"].lower() == "first":
        return date(y, m, 1), date(y, m, 15)
    return date(y, m, 16), _month_end(y, m)


def _r_days_of(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """ "the last ten days of September": the first/last N days (or N*7 for weeks) of
    the month."""
    m = _mon(g["mon"])
    y = int(g["y"]) if g.get("y") else _infer_year(m, None, pub, fwd)
    n = _num(g["n"])
    if y is None or n is None or n < 1:
        return None, None
    days = n * (7 if g["unit"].startswith("week") else 1)
    start, end = date(y, m, 1), _month_end(y, m)
    if days > (end - start).days + 1:
        raise _NotADate(g["n"])
    if g["which"].lower() == "first":
        return start, start + timedelta(days=days - 1)
    return end - timedelta(days=days - 1), end


def _shift_year(iv: Interval, k: int) -> Interval:
    lo, hi = iv
    if lo is None or hi is None:
        return None, None
    whole_months = lo.day == 1 and hi == _month_end(hi.year, hi.month)
    lo2 = date(lo.year + k, lo.month, min(lo.day, calendar.monthrange(lo.year + k, lo.month)[1]))
    if whole_months:
        return lo2, _month_end(hi.year + k, hi.month)
    return lo2, date(
        hi.year + k, hi.month, min(hi.day, calendar.monthrange(hi.year + k, hi.month)[1])
    )


def _r_same_day_week(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """ "the same day a week earlier" with no day named before it: a week before
    ``published`` (``_anaphoric_previous`` counts from the day named before it)."""
    if pub is None:
        return None, None
    day = pub - timedelta(days=7)
    return day, day


def _r_same_period(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """ "the same month a year ago" with no antecedent in the sentence (``_combine`` uses
    the antecedent when there is one): the unit of ``published`` a year earlier; "the
    same period last year" = 1 January to the same day of the previous year."""
    if pub is None:
        return None, None
    unit = g["unit"].lower()
    k = int(g["y"]) - pub.year if g.get("y") else -1
    if unit == "month":
        return _shift_year(_month(pub.year, pub.month), k)
    if unit == "quarter":
        return _shift_year(_quarter_iv(pub.year, (pub.month - 1) // 3 + 1), k)
    if unit == "week":
        mon = _monday(pub)
        return _shift_year((mon, mon + timedelta(days=6)), k)
    if unit == "day":
        return _shift_year((pub, pub), k)
    return _shift_year((date(pub.year, 1, 1), pub), k)


def _r_whole_year(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """ "the entire year" with no dated antecedent in the sentence: the year of published."""
    if pub is None:
        return None, None
    return _year_iv(pub.year)


def _r_decade2(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """ "the 80s", "'70s": the most recent such decade that has begun by published; without
    published, 1930s-1990s resolve and the 00s-20s stay unresolved."""
    dd = int(g["dd"])
    if pub is None:
        if dd < 30:
            return None, None
        y = 1900 + dd
    else:
        y = 2000 + dd if 2000 + dd <= pub.year else 1900 + dd
    return date(y, 1, 1), date(y + 9, 12, 31)


def _r_century(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    if g.get("c"):
        c = int(g["c"])
    else:
        w = g["cw"].lower()
        c = 19 if w.startswith("nine") else 20 if w == "twentieth" else 21
    return date((c - 1) * 100, 1, 1), date((c - 1) * 100 + 99, 12, 31)


def _r_year_range(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """ "1957-58", "2014-2016": 1 January of the first to 31 December of the second."""
    y = int(g["y"])
    y2 = int(g["y2"])
    if y2 < 100:
        y2 += y // 100 * 100
        if y2 <= y:
            y2 += 100
    if not y < y2 <= y + 20:
        raise _NotADate
    return date(y, 1, 1), date(y2, 12, 31)


def _r_year2(g: dict[str, Any], pub: date | None, fwd: bool) -> Interval:
    """ "'82": the most recent such year by published."""
    if pub is None:
        return None, None
    yy = int(g["yy"])
    y = 2000 + yy if 2000 + yy <= pub.year else 1900 + yy
    return _year_iv(y)


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
    elif unit == "quarter":
        y, m = _add_months(pub.year, (pub.month - 1) // 3 * 3 + 1, 3 * k)
        iv = _quarter_iv(y, (m - 1) // 3 + 1)
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
    if g.get("lt"):
        # "less than four months ago": some time between then and publication
        if unit in ("day", "week"):
            return pub - timedelta(days=n * (7 if unit == "week" else 1)), pub
        months = n if unit == "month" else 12 * n if unit == "year" else 120 * n
        y, m = _add_months(pub.year, pub.month, -months)
        return date(y, m, min(pub.day, calendar.monthrange(y, m)[1])), pub
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
    if unit == "decade":
        return _year_iv(pub.year - 10 * n)
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
    if unit == "decade":
        n *= 10
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
    """A bare weekday: the most recent such day not after published, or the next one when
    the sentence points forward; the publication's own weekday is published itself either
    way (only "next Friday" said on a Friday means a week later)."""
    if pub is None:
        return None, None
    wd = _WEEKDAYS[g["wd"].lower()]
    d = pub if wd == pub.weekday() else _weekday_date(wd, pub, fwd)
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
    "iso": _r_iso, "us_numeric": _r_us, "md": _r_md, "dm": _r_md, "md_span": _r_md_span,
    "fiscal": _r_fiscal,
    "year_to": _r_year_to, "days_of": _r_days_of, "half_month": _r_half_month,
    "fiscal_rel": _r_fiscal_rel, "start_of": _r_start_of, "part_unit": _r_part_unit,
    "part_rel_year": _r_part_rel_year, "month_rel_year": _r_month_rel_year,
    "same_period": _r_same_period, "same_day_week": _r_same_day_week,
    "whole_year": _r_whole_year, "week_of": _r_week_of,
    "first_months": _r_first_months,
    "decade2": _r_decade2, "century": _r_century, "year_range": _r_year_range,
    "year2": _r_year2,
    "part_year": _r_part_year, "quarter": _r_quarter, "season": _r_season,
    "part_month": _r_part_month, "part_year_word": _r_part_year_word,
    "month_year": _r_month_year, "rel_unit": _r_rel_unit, "rel_month": _r_rel_month,
    "num_month_year": _r_num_month_year,
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


# context filters (compiled once)
_CAP_WORD_BEFORE = re.compile(r"[A-Z][\w’'-]*\s+$")
_SENT_START_BEFORE = re.compile(r"(?:^|[.!?\n]\s*|[“\"]\s*)$")
_PEOPLE_AFTER = re.compile(r"^\s*(?:[a-z]+\s+)?(?:people|migrants|refugees|men|women|children)\b")
_NUM_BEFORE = re.compile(r"[\d,.$€£]\s*$")
_NUM_AFTER = re.compile(r"^(?:[\d%]|[,.]\d)")
_PUNCT_AFTER = re.compile(r"^\s*[,.;:)]")
_WORD_AFTER = re.compile(r"^[ \t]+[A-Za-z]")
_AGE_BEFORE = re.compile(
    r"\b(?:their|his|her|my|your|our|aged|age)\s+(?:early\s+|mid-?|late\s+)?$", re.I
)
_TEMPERATURE = re.compile(r"degrees?|temperatures?|°", re.I)
_DECADE_LIST_BEFORE = re.compile(r"\d0['’]?s,?\s+(?:and|or|to|through)\s+$|\d0['’]?s\s*[-–]\s*$")
_THE_BEFORE = re.compile(r"\bThe\s+$")
_CAP_AFTER = re.compile(r"^\s+[A-Z]")
_AGE_PCT_AFTER = re.compile(r"^\s*(?:-?year-old|%|percent)")
_FALL_NOUN_AFTER = re.compile(r"^\s+(?:of|in|from|to|was|is|has|had|would|will|came|that)\b")
_THE_FALL_BEFORE = re.compile(
    r"\b(?:in|during|by|since|until|through|over|before|after|this|that)\s+$", re.I
)
_SEASON_SUBJECT_BEFORE = re.compile(
    r"(?:^|[.!?;:]\s*|\b(?:but|and|as|when|while|until|before|after)\s+)$"
)
_SEASON_SUBJECT_AFTER = re.compile(r"^\s+[a-z]")
_SEASON_NOUN_AFTER = re.compile(
    r"^\s+(?:of|water|onion|roll|break|clothes|coat|tyres?|tires?|wheat|camp|school|session"
    r"|term|semester)\b"
)


_MONTH_ONLY_AFTER = re.compile(
    r"\s+(?:alone\b|saw\b|brought\b|was\s+the\b|\d{4}\b)|,\s+when\s+[a-z]"
)
# a month that modifies a count's noun: "the May arrivals", "the Border Patrol's December
# apprehensions", "last year's October figures" (not "Theresa May's ...")
_MONTH_MODIFIER_BEFORE = re.compile(r"(?:\b[Tt]he|[’']s)\s+$")
_MONTH_MODIFIER_AFTER = re.compile(
    r"\s+(?:arrivals|apprehensions|encounters|crossings|departures|returns|figures?|data|"
    r"total|tally|count|numbers?|statistics|deportations|removals|applications)\b"
)
# a month after another in a list: "in March, April, May and June"
_MONTH_LISTED_BEFORE = re.compile(rf"\b{_MONTH_FULL},?\s+(?:and\s+|or\s+)?$")
# "The busiest month was August": a month named as the value of a month
_MONTH_VALUE_BEFORE = re.compile(r"\bmonths?\s+(?:was|were|is|has\s+been)\s+$", re.I)


def _context_ok(text: str, h: _Hit) -> bool:
    """Filters for the ambiguous patterns: bare months, years, seasons and decades."""
    before = text[max(0, h.start - 30) : h.start]
    after = text[h.end : h.end + 30]
    if h.kind == "month":
        word = text[h.start : h.end]
        if _MONTH_MODIFIER_BEFORE.search(before) and _MONTH_MODIFIER_AFTER.match(after):
            return True  # "the May arrivals", "the Border Patrol's December apprehensions"
        if word in ("May", "March", "August"):
            # modal/verb/surname: need a preposition or a modifier before it, or a word
            # after it that only a month takes ("August alone saw about 11,600 arrivals")
            named = _CAP_WORD_BEFORE.search(before) and not _SENT_START_BEFORE.search(before)
            return bool(
                _PREP_BEFORE.search(before)
                or _MONTH_VALUE_BEFORE.search(before)
                or _MONTH_LISTED_BEFORE.search(before)
                or (_MONTH_ONLY_AFTER.match(after) and not named)
            )  # (not "Theresa May saw the figures")
        if _CAP_WORD_BEFORE.search(before) and not _PREP_BEFORE.search(before):
            if not _SENT_START_BEFORE.search(before):
                return False  # "Theresa May", "President June X"
        return True
    if h.kind == "deictic" and text[h.start : h.start + 1] == "T":
        # "Selenga Today", "USA Today": "Today" inside a title-cased name, not the day
        return not (_CAP_WORD_BEFORE.search(before) and not _SENT_START_BEFORE.search(before))
    if h.kind in ("year", "year_range"):
        if _NOT_DATE_AFTER.search(after):
            return False
        if _PEOPLE_AFTER.match(after):
            return False
        if _NUM_BEFORE.search(before) or _NUM_AFTER.match(after):
            return False
        if _PREP_BEFORE.search(before) or _PUNCT_AFTER.match(after):
            return True
        # "the 2008 Beijing Olympic Games", "his 2007 campaign", "a 2010 raid" (a year used
        # as an adjective) but not "the 1500 troops"; "Russell 2000" has no determiner
        return bool(_DET_BEFORE.search(before)) and bool(
            _WORD_AFTER.match(after) and not _COUNTED.match(after)
        )
    if h.kind == "year2":  # "'82": only after a preposition ("since '82", "in '08")
        return bool(_PREP_BEFORE.search(before))
    if h.kind == "decade2":
        t = text[h.start : h.end]
        if _AGE_BEFORE.search(before):
            return False  # an age: "in their 70s"
        if _TEMPERATURE.search(before + after):
            return False
        if t[:1] in "’'" or t[:3].lower() == "the":
            return True
        # a bare "80s" only in a list after another decade: "the 70s and 80s"
        return bool(_DECADE_LIST_BEFORE.search(before))
    if h.kind in ("weekday", "md", "rel_weekday") and _DAY_NAME_BEFORE.search(before):
        return False  # "Black Monday", "Good Friday", "Super Tuesday": names, not the weekday
    if h.kind == "weekday":
        # "The Sunday Times", "the Monday Club": part of a name
        return not (_THE_BEFORE.search(before) and _CAP_AFTER.match(after))
    if h.kind in _DAY_KINDS:
        if _AGE_PCT_AFTER.match(after):
            return False
    if h.kind == "season":
        rel = (h.groups.get("rel") or "").lower()
        word = h.groups["season"]
        if word == "fall":
            # the verb: "continue to fall", "could fall", "prices fall"; the noun "the
            # fall of Kabul", "the fall in arrivals"
            if h.groups.get("y"):
                return True
            if rel in ("this", "last", "next", "early", "late"):
                return True
            if rel == "the":
                if _FALL_NOUN_AFTER.match(after):
                    return False
                return bool(_THE_FALL_BEFORE.search(before))
            return bool(_FALL_BEFORE.search(before))
        if rel in ("", "early", "late") and not h.groups.get("y"):
            if _PREP_BEFORE.search(before) or _DET_BEFORE.search(before):
                return True
            # "but spring shows signs of hope": a bare season word as a subject
            return bool(
                _SEASON_SUBJECT_BEFORE.search(before)
                and not _CAP_WORD_BEFORE.search(before)
                and _SEASON_SUBJECT_AFTER.match(after)
                and not _SEASON_NOUN_AFTER.match(after)
            )
    return True


def _simple_hits(text: str, rejected: list[tuple[int, int]] | None = None) -> list[_Hit]:
    """The date expressions in ``text``; a pattern match its context rules out ("continue
    to fall", "Theresa May", "in their 80s") goes to ``rejected`` when given."""
    hits: list[_Hit] = []
    for name, rx in _SIMPLE_RE:
        for m in rx.finditer(text):
            g = {k: v for k, v in m.groupdict().items() if v is not None}
            h = _Hit(m.start(), m.end(), name, g)
            if name == "weekend" and g.get("pre"):
                h.start = m.start() + len(g["pre"])  # "over the weekend" -> "the weekend"
            if name == "md_span" and _day(g["d2"]) <= _day(g["d"]):
                continue  # ("between March 30 and 2 April": two dates, not one span)
            if _context_ok(text, h):
                hits.append(h)
            elif rejected is not None:
                rejected.append((h.start, h.end))
    # keep the longest, then the earliest of overlapping hits
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    chosen: list[_Hit] = []
    for h in hits:
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    return chosen


_SENT_END = re.compile(r"[.!?][\"”’')\]]*(?=\s+[A-Z\"“‘(\[]|\s*$)|\n")
_CLAUSE_CUT = re.compile(r"(?<!\d),|,(?!\d)|[;—–()]")


def _sentence_of(text: str, start: int, end: int) -> tuple[int, str]:
    """The sentence around [start, end): cut at line breaks and at . ! ? followed by a
    capital (so "Sept. 27" and "3.5%" do not end a sentence)."""
    lo = max(0, start - 600)
    a = lo
    for m in _SENT_END.finditer(text, lo, start):
        a = m.end()
    m2 = _SENT_END.search(text, end, end + 600)
    b = m2.start() if m2 else min(len(text), end + 600)
    return a, text[a:b]


def _clause_of(sent: str, a: int, b: int) -> tuple[int, str]:
    """The clause of a sentence around [a, b): cut at commas (not inside "3,200"),
    semicolons, dashes and brackets."""
    left = 0
    for m in _CLAUSE_CUT.finditer(sent, 0, a):
        left = m.end()
    m2 = _CLAUSE_CUT.search(sent, b)
    right = m2.start() if m2 else len(sent)
    return left, sent[left:right]


def _is_past(sentence: str) -> bool:
    """Has the sentence a finite simple-past verb ("rose", "peaked", "had")?"""
    for m in _PAST_WORD.finditer(sentence):
        v = m.group("v")
        if v in ("was", "were", "did", "had") or (m.group("aux") is None and v not in _NOT_VERB_ED):
            return True
    return False


def _direction(text: str, h: _Hit) -> tuple[bool, int, str]:
    s0, sent = _sentence_of(text, h.start, h.end)
    c0, clause = _clause_of(sent, h.start - s0, h.end - s0)
    fwd = is_forward(clause, h.start - s0 - c0, h.end - s0 - c0, sent)
    if not fwd and c0 == 0 and clause.rstrip().endswith(text[h.start : h.end]) and (
        len(clause) - (h.end - h.start) <= 12
    ):
        # "From Saturday, Venezuelans without a passport will only be admitted ...": a
        # date opening the sentence on its own is read with the clause it opens
        fwd = is_forward(sent, h.start - s0, h.end - s0)
    if fwd and (
        _SINCE_NEAR_BEFORE.search(text, max(s0, h.start - 40), h.start)
        # "are due to publish their July figures": the month the figures count
        or _FIGURES_OF_AFTER.match(text, h.end)
    ):
        fwd = False  # "since Pakistan's November 1 deadline": a start in the past
    if h.kind == "quarter":
        h.groups["_past"] = _is_past(sent)
    if h.kind in ("rel_weekday", "rel_unit"):
        fwd = fwd or h.groups.get("rel", "").lower() == "next"
    return fwd, s0, sent


def _resolve_hit(text: str, h: _Hit, pub: date | None) -> Interval:
    return _RESOLVERS[h.kind](h.groups, pub, _direction(text, h)[0])


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


_ANTECEDENT_SKIP = {
    "ago", "past_n", "same_period", "same_day_week", "whole_year", "deictic", "weekend"
}


def _anaphoric(
    text: str, h: _Hit, iv: Interval, earlier: list[tuple[_Hit, DateMention]], pub: date
) -> Interval:
    """ "the same month a year ago", "the same period last year", "the entire year": read
    against the nearest dated expression before it in the same sentence (for "the same
    ..." also the sentence before), as that expression reads once joined with its
    context ("between January and September", "so far this year", "the seven days to
    Tuesday", "since January 1"); ``iv`` (the resolver's fallback) when there is none."""
    s0 = _sentence_of(text, h.start, h.end)[0]
    para = text.rfind("\n", 0, h.start) + 1
    floor = s0 if h.kind == "whole_year" else max(para, h.start - 400)
    ante: Interval | None = None
    for h2, d2 in reversed(earlier):
        if d2.start < floor:
            break
        if h2.kind in _ANTECEDENT_SKIP or d2.date_from is None or d2.date_to is None:
            continue
        ante = (date.fromisoformat(d2.date_from), date.fromisoformat(d2.date_to))
        break
    if ante is None:
        return iv
    lo, hi = ante
    if h.kind == "whole_year":
        return _year_iv(lo.year) if lo.year == hi.year else iv
    if (hi - lo).days > 366:
        return iv
    unit = h.groups["unit"].lower()
    if unit == "month":
        base: Interval = _month(lo.year, lo.month)
    elif unit == "quarter":
        base = _quarter_iv(lo.year, (lo.month - 1) // 3 + 1)
    elif unit == "week":
        # "the seven days to Tuesday ... the same week of 2019": that very span
        mon = _monday(lo)
        base = ante if (hi - lo).days == 6 else (mon, mon + timedelta(days=6))
    elif unit == "day":
        base = (lo, lo)
    else:
        base = ante
    k = int(h.groups["y"]) - base[0].year if h.groups.get("y") else -1  # type: ignore[union-attr]
    return _shift_year(base, k)


_SPAN_TO_BEFORE = re.compile(
    rf"\b[Tt]he\s+(?:(?P<n>{_NUMWORD})\s+)?(?P<unit>days|hours|weeks|week|day)\s+(?:to|ending|up\s+to|through)\s+$"
)


def _combine(
    text: str, hits: list[_Hit], pub: date | None, rejected: list[tuple[int, int]] | None = None
) -> list[DateMention]:
    """Resolve hits and join 'since X', 'between X and Y', 'from X to Y'."""
    out: list[DateMention] = []
    out_hits: list[_Hit] = []
    resolved: list[tuple[_Hit, Interval]] = []
    for h in hits:
        try:
            iv = _resolve_hit(text, h, pub)
        except (_NotADate, ValueError, KeyError, OverflowError, IndexError, StopIteration):
            if rejected is not None:
                rejected.append((h.start, h.end))
            continue
        resolved.append((h, iv))
    k = 0
    while k < len(resolved):
        h, iv = resolved[k]
        start, end = h.start, h.end
        lo, hi = iv
        before = text[max(0, start - 8) : start]
        rng = _RANGE_BEFORE.search(before)
        # "January-June 2022": two months joined by a dash are the span between them
        dashed = (
            k + 1 < len(resolved)
            and h.kind == "month"
            and resolved[k + 1][0].kind in ("month", "month_year")
            and text[h.end : resolved[k + 1][0].start] in ("-", "–", "—")
        )
        if (rng or dashed) and k + 1 < len(resolved):
            h2, iv2 = resolved[k + 1]
            mid = text[h.end : h2.start]
            if dashed or _RANGE_MID.fullmatch(mid) or (
                rng is not None
                and rng.group(1).lower() == "between"
                and _RANGE_MID_CLAUSE.fullmatch(mid)
            ):
                if rng is not None:
                    start = start - (len(before) - rng.start())
                end = h2.end
                lo, hi = iv[0], iv2[1]
                # "from 1 March to 31 May 2022": the year written once, on the second
                if (
                    "y" not in h.groups
                    and h2.groups.get("y")
                    and h.kind in (*_DAY_KINDS, "month", "part_month")
                ):
                    g = dict(h.groups, y=h2.groups["y"])
                    kind = "month_year" if h.kind == "month" else h.kind
                    try:
                        lo = _RESOLVERS[kind](g, pub, False)[0]
                    except (_NotADate, ValueError, KeyError):
                        pass
                elif (
                    lo is not None
                    and hi is not None
                    and lo > hi
                    and h.kind == h2.kind == "weekday"
                    and (lo - hi).days < 7
                ):
                    lo = lo - timedelta(days=7)  # "from Monday to Friday": the Monday before
                elif (
                    lo is not None
                    and hi is not None
                    and lo > hi
                    and "y" not in h.groups
                    and h.kind in (*_DAY_KINDS, "month", "part_month")
                ):
                    # "between September 21 and December 31" published on 21 September
                    # 2023: the start is the September before that December
                    kind = "month_year" if h.kind == "month" else h.kind
                    try:
                        lo2 = _RESOLVERS[kind](dict(h.groups, y=str(hi.year)), pub, False)[0]
                        if lo2 is not None and lo2 <= hi:
                            lo = lo2
                    except (_NotADate, ValueError, KeyError):
                        pass
                k += 1
        nxt = resolved[k + 1] if k + 1 < len(resolved) else None
        if (
            nxt is not None
            and not h.groups.get("y")
            and h.kind in (*_DAY_KINDS, "month", "part_month")
            and re.fullmatch(r",?\s+", text[h.end : nxt[0].start])
            and re.fullmatch(r"(?:[Ll]ast|[Tt]his|[Nn]ext)\s+year", text[nxt[0].start : nxt[0].end])
            and nxt[1][0] is not None
        ):
            # "February 24 last year": the year named after the day
            g = dict(h.groups, y=str(nxt[1][0].year))  # type: ignore[union-attr]
            kind = "month_year" if h.kind == "month" else h.kind
            try:
                lo, hi = _RESOLVERS[kind](g, pub, False)
                end = nxt[0].end
                k += 1
            except (_NotADate, ValueError, KeyError):
                pass
            iv = (lo, hi)
            before = text[max(0, start - 8) : start]
        if (since := _SINCE_BEFORE.search(before)) and h.kind not in ("ago",) and not rng:
            start = start - (len(before) - since.start())
            lo, hi = iv[0], pub
        elif (
            (so_far := _SO_FAR_BEFORE.search(text[max(0, start - 12) : start]))
            and pub is not None
            and re.fullmatch(r"(?i:this|in)\s+(?:year|month|week)|\d{4}", text[start:end])
            and iv[0] is not None
            and iv[0] <= pub
        ):
            # "so far this year" (fixtures/README): from the start of the unit to published
            start = max(0, start - 12) + so_far.start()
            lo, hi = iv[0], pub
        elif (to := _SPAN_TO_BEFORE.search(text[max(0, start - 40) : start])) and iv[1]:
            # "the seven days to Sunday", "the 24 hours to Sunday", "the week to September 25"
            n = _num(to.group("n")) if to.group("n") else 1
            unit = to.group("unit").lower()
            days = 7 * n if unit.startswith("week") else -(-n // 24) + 1 if unit.startswith(
                "hour"
            ) else n
            if n is not None and 0 < days <= 400:
                start = max(0, start - 40) + to.start()
                hi = iv[1]
                lo = hi - timedelta(days=days - 1)
        if lo is not None and hi is not None and lo > hi:
            if text[start:end].lower().startswith("since"):
                hi = None  # "since" a date after publication: the end is unknown
            else:
                lo, hi = hi, lo  # "between 2024 and 2020": the interval, in order
        out.append(DateMention(text[start:end], start, end, _iso(lo), _iso(hi)))
        out_hits.append(h)
        k += 1
    for i in range(1, len(out)):
        h0, h1, d0, d1 = out_hits[i - 1], out_hits[i], out[i - 1], out[i]
        if (
            h0.kind == h1.kind == "month"
            and (d0.start, d0.end) == (h0.start, h0.end)
            and (d1.start, d1.end) == (h1.start, h1.end)
            and d0.date_from is not None
            and d1.date_from is not None
            and d1.date_from < d0.date_from
            and re.fullmatch(r",?\s+(?:and|or)\s+|,\s+", text[d0.end : d1.start])
        ):
            # "in November and December" written in November: the December after it
            lo, hi = _shift_year(
                (date.fromisoformat(d1.date_from), date.fromisoformat(d1.date_to)), 1  # type: ignore[arg-type]
            )
            if lo is not None and lo > date.fromisoformat(d0.date_from):
                out[i] = DateMention(d1.text, d1.start, d1.end, _iso(lo), _iso(hi))
    out, out_hits = _join_month_lists(text, out, out_hits)
    if pub is not None:
        # "the same period last year" reads the period named before it as joined above
        pairs = list(zip(out_hits, out, strict=True))
        for i, (h, d) in enumerate(pairs):
            if h.kind in ("same_period", "whole_year") and (d.start, d.end) == (h.start, h.end):
                fallback = (
                    date.fromisoformat(d.date_from) if d.date_from else None,
                    date.fromisoformat(d.date_to) if d.date_to else None,
                )
                lo, hi = _anaphoric(text, h, fallback, pairs[:i], pub)
                out[i] = DateMention(d.text, d.start, d.end, _iso(lo), _iso(hi))
                pairs[i] = (h, out[i])
    return out


def _join_month_lists(
    text: str, out: list[DateMention], hits: list[_Hit]
) -> tuple[list[DateMention], list[_Hit]]:
    """"91 in August, September and October combined": three or more months in a row,
    listed with commas and a last "and", are one period from the first to the last."""
    res: list[DateMention] = []
    res_hits: list[_Hit] = []
    i = 0
    while i < len(out):
        j = i
        while (
            j + 1 < len(out)
            and hits[j].kind in ("month", "month_year")
            and hits[j + 1].kind in ("month", "month_year")
            and (out[j].start, out[j].end) == (hits[j].start, hits[j].end)
            and re.fullmatch(r",\s+|,?\s+and\s+", text[out[j].end : out[j + 1].start])
            and out[j].date_to is not None
            and out[j + 1].date_from is not None
            # (a difference, not date + 1 day: no overflow at date.max)
            and date.fromisoformat(out[j + 1].date_from) - date.fromisoformat(out[j].date_to)
            == timedelta(days=1)
        ):
            j += 1
        if j - i >= 2 and re.fullmatch(r",?\s+and\s+", text[out[j - 1].end : out[j].start]):
            a, b = out[i], out[j]
            res.append(DateMention(text[a.start : b.end], a.start, b.end, a.date_from, b.date_to))
            res_hits.append(hits[i])
            i = j + 1
            continue
        res.append(out[i])
        res_hits.append(hits[i])
        i += 1
    return res, res_hits


def find_dates(text: str, published: Any = None) -> list[DateMention]:
    """Every date mention in ``text`` with its interval resolved against ``published``.

    Never raises on a string (a bad ``published`` raises ``InvalidDateError``)."""
    return find_dates_and_rejects(text, published)[0]


def find_dates_and_rejects(
    text: str, published: Any = None
) -> tuple[list[DateMention], list[tuple[int, int]]]:
    """``find_dates`` plus the spans a pattern matched but its context or its value ruled
    out (the verb "fall", "in their 80s", "the past few days"), so that a caller holding
    other candidates (the NER's DATE entities) does not read them again with dateparser."""
    if not isinstance(text, str) or not text:
        return [], []
    pub = coerce_published(published)
    rejected: list[tuple[int, int]] = []
    found = _anaphoric_previous(text, _combine(text, _simple_hits(text, rejected), pub, rejected))
    found = _after_an_event(text, found, pub)
    rejected = [r for r in rejected if all(r[1] <= d.start or r[0] >= d.end for d in found)]
    return found, rejected


_PREVIOUS_RE = re.compile(
    r"(?:[Tt]he\s+(?:previous|prior|preceding)\s+(?P<u1>day|week|month|year)|"
    r"[Tt]he\s+(?P<u2>day|week|month|year)\s+before)$"
)


_SAME_DAY_WEEK = re.compile(
    r"[Tt]he\s+same\s+day\s+(?:a|one|the)\s+week\s+(?:earlier|before|ago)"
)
_SAME_DAY_BEFORE = re.compile(r"\b[Tt]he\s+same\s+day\s+$")
_WEEKDAY_BEFORE = re.compile(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")
_WD3 = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def _antecedent(text: str, found: list[DateMention], k: int) -> DateMention | None:
    """The dated mention just before ``found[k]`` when it is in the same sentence (no
    sentence break and at most 200 characters between them), else None."""
    prev = found[k - 1]
    between = text[prev.end : found[k].start]
    if prev.date_from is None or len(between) > 200 or re.search(r"[.!?]\s", between):
        return None
    return prev


def _anaphoric_previous(text: str, found: list[DateMention]) -> list[DateMention]:
    """"66,000 entered in the seven days to Sunday, up from 31,000 in the previous week":
    "the previous week/month/year" counts back from the period named just before it in
    the same sentence (the Monday-Sunday week, calendar month or year before that period's
    start), not from the publication date. Without such a period it keeps its reading."""
    out = list(found)
    for k, d in enumerate(found):
        wd = _WEEKDAY_BEFORE.fullmatch(d.text)
        the = re.search(r"\b[Tt]he\s+$", text[max(0, d.start - 8) : d.start])
        before = re.match(r"\s+before\b", text[d.end : d.end + 8])
        if wd is not None and k > 0 and the is not None and before is not None:
            # "1,460 entries on Monday against 930 on the Monday before": that weekday before
            # the day named just before it in the same sentence
            prev = _antecedent(text, found, k)
            if prev is not None and prev.date_from == prev.date_to:
                anchor = date.fromisoformat(prev.date_from)  # type: ignore[arg-type]
                target = _WD3.index(wd.group(1).lower()[:3])
                back = (anchor.weekday() - target) % 7 or 7
                day = (anchor - timedelta(days=back)).isoformat()
                start = max(0, d.start - 8) + the.start()
                end = d.end + before.end()
                out[k] = DateMention(text[start:end], start, end, day, day)
            continue
        same = _SAME_DAY_BEFORE.search(text, max(0, d.start - 16), d.start)
        if k > 0 and same is not None and d.text.lower() == "last week":
            # "3,380 on Monday, down from 5,210 on the same day last week": that day a week
            # before the day named just before it (not the whole of last week)
            prev = _antecedent(text, found, k)
            if prev is not None and prev.date_from == prev.date_to:
                day = (date.fromisoformat(prev.date_from) - timedelta(days=7)).isoformat()  # type: ignore[arg-type]
                out[k] = DateMention(text[same.start() : d.end], same.start(), d.end, day, day)
            continue
        if k > 0 and _SAME_DAY_WEEK.fullmatch(d.text):
            # "7,900 on Wednesday, against about 4,300 on the same day a week earlier"
            prev = _antecedent(text, found, k)
            if prev is not None and prev.date_from == prev.date_to:
                try:
                    anchor = date.fromisoformat(prev.date_from)  # type: ignore[arg-type]
                    day = (anchor - timedelta(days=7)).isoformat()
                except OverflowError:
                    continue  # (a day in the first week of year 1)
                out[k] = DateMention(d.text, d.start, d.end, day, day)
            continue
        m = _PREVIOUS_RE.match(d.text)
        prev = _antecedent(text, found, k) if m is not None and k > 0 else None
        if m is None or prev is None:
            continue
        anchor = date.fromisoformat(prev.date_from)  # type: ignore[arg-type]
        unit = m.group("u1") or m.group("u2")
        if unit == "day":
            if prev.date_from != prev.date_to:
                continue  # "the previous day" after a period: no single day to count from
            lo = hi = anchor - timedelta(days=1)
        elif unit == "week":
            lo = _monday(anchor) - timedelta(weeks=1)
            hi = lo + timedelta(days=6)
        elif unit == "month":
            hi = anchor.replace(day=1) - timedelta(days=1)
            lo = hi.replace(day=1)
        else:
            lo, hi = date(anchor.year - 1, 1, 1), date(anchor.year - 1, 12, 31)
        out[k] = DateMention(d.text, d.start, d.end, lo.isoformat(), hi.isoformat())
    return out


# "in the two weeks after the announcement", "the first days after the call-up", "in the
# first month after the reopening": a period counted from an event the article dated before
_AFTER_EVENT = re.compile(
    r"\b(?:[Ii]n\s+|[Dd]uring\s+|[Oo]ver\s+)?[Tt]he\s+(?:(?P<first>first)\s+)?"
    r"(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
    r"(?:full\s+)?(?P<unit>days?|weeks?|months?)\s+(?:after|since|following)\s+"
    r"(?:the|its|this|last\s+\w+[’']s|\w+[’']s)\s+(?:(?:partial|full-scale|military|first|"
    r"initial|surprise)\s+)?(?P<event>[a-z-]+)"
)
# the verbs and nouns by which the same event is dated earlier in the article ("Putin
# announced ... on September 21", "the September 21 decree"), by event word
_EVENT_STEMS = {
    "announcement": r"announc", "call-up": r"call-up|called\s+up|mobili[sz]", "order": r"order",
    "decree": r"decree", "mobilisation": r"mobili[sz]", "mobilization": r"mobili[sz]",
    "invasion": r"invasion|invaded", "reopening": r"reopen", "takeover": r"takeover|took\s+",
    "earthquake": r"earthquake|quake", "attack": r"attack", "offensive": r"offensive",
    "closure": r"clos", "ceasefire": r"ceasefire", "deadline": r"deadline",
}  # fmt: skip
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}  # fmt: skip


def _event_day(text: str, found: list[DateMention], pos: int, stem: str) -> date | None:
    """The single day the text gives the event (``stem``) before ``pos``: at its first
    mention that has one, the dated mention nearest to the event's word in its sentence
    (within 60 characters; not a dateline, which dates the report)."""
    days = [
        d for d in found
        if d.end <= pos and d.date_from is not None and d.date_from == d.date_to
        and not _DATELINE_AFTER.match(text, d.end)
    ]  # fmt: skip
    for m in re.finditer(rf"\b(?:{stem})", text[:pos], re.I):
        near = [
            (min(abs(d.start - m.end()), abs(m.start() - d.end)), d) for d in days
            if abs(d.start - m.end()) <= 60 or abs(m.start() - d.end) <= 60
        ]  # fmt: skip
        near = [
            (dist, d) for dist, d in near
            if not _SENTENCE_BREAK.search(text[min(d.end, m.end()) : max(d.start, m.start())])
        ]  # fmt: skip
        if near:
            return date.fromisoformat(min(near, key=lambda x: x[0])[1].date_from)  # type: ignore[arg-type]
    return None


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s")
# a dateline's date: "TBILISI, Sept 21 (Reuters) - "
_DATELINE_AFTER = re.compile(r"\s*(?:\([A-Z][\w .]*\)\s*)?[-–—]\s")


def _after_an_event(text: str, found: list[DateMention], pub: date | None) -> list[DateMention]:
    """Periods counted from an event the article dated earlier: "in the two weeks after
    the announcement" (after "Putin announced ... on September 21") is 21 September to
    4 October; "the first days after the call-up" starts on its day and stays open. An
    event the article never dated gives no mention (SPEC: no guessed dates)."""
    out = list(found)
    for m in _AFTER_EVENT.finditer(text):
        if any(d.start < m.end() and m.start() < d.end for d in found):
            continue  # ("the weeks after the invasion in February": dated in itself)
        if re.match(r"\s+(?:in|on|of)\s+(?:[A-Z]|\d)|\s+(?:in\s+which|when|that|where)\b",
                    text[m.end() : m.end() + 12]):  # fmt: skip
            continue  # ("the first month since the call-up in which departures outnumbered")
        stem = _EVENT_STEMS.get(m.group("event").lower())
        if stem is None:
            continue
        day = _event_day(text, found, m.start(), stem)
        if day is None:
            continue
        unit = m.group("unit").rstrip("s")
        n = m.group("n")
        count = _NUMBER_WORDS.get(n, 0) if n and not n.isdigit() else int(n) if n else 0
        if count == 0 and not m.group("unit").endswith("s"):
            count = 1  # "the first week after the announcement"
        hi: date | None = None
        if count:
            if unit == "day":
                hi = day + timedelta(days=count - 1)
            elif unit == "week":
                hi = day + timedelta(days=7 * count - 1)
            else:
                y, mo = _add_months(day.year, day.month, count)
                hi = date(y, mo, min(day.day, calendar.monthrange(y, mo)[1])) - timedelta(days=1)
        if pub is not None and hi is not None and hi > pub:
            hi = pub
        out.append(DateMention(text[m.start() : m.end()], m.start(), m.end(),
                               day.isoformat(), _iso(hi)))  # fmt: skip
    out.sort(key=lambda d: d.start)
    return _then(text, out, pub)


# "since then", "by then", "that year", "in the following days", "in the weeks that followed"
_THEN = re.compile(
    r"\b(?:(?P<since>[Ss]ince\s+then)|(?P<by>[Bb]y\s+then)|(?P<year>[Tt]hat\s+year)|"
    r"(?:[Ii]n\s+|[Oo]ver\s+)?(?:the\s+(?:following|next)\s+(?:few\s+)?(?P<u1>days|weeks|months)|"
    r"the\s+(?P<u2>days|weeks|months)\s+that\s+followed))\b"
)


def _then(text: str, found: list[DateMention], pub: date | None) -> list[DateMention]:
    """Anaphoric periods that count from the dated mention before them, in the same
    sentence or the two before it: "fled to Sudan after fighting began in November 2020
    ... More than 55,000 have fled since then" (November 2020 to publication); "by then"
    (up to that date); "that year"; "in the following days" (from that day, open)."""
    out = list(found)
    for m in _THEN.finditer(text):
        if any(d.start < m.end() and m.start() < d.end for d in found):
            continue
        before = [
            d for d in found
            if d.end <= m.start() and (d.date_from is not None or d.date_to is not None)
        ]  # fmt: skip
        if not before:
            continue
        ante = before[-1]
        gap = text[ante.end : m.start()]
        if len(gap) > 400 or len(_SENTENCE_BREAK.findall(gap)) > 2:
            continue
        lo_s, hi_s = ante.date_from, ante.date_to
        if m.group("since"):
            if lo_s is None or pub is None:
                continue
            lo, hi = lo_s, pub.isoformat()
        elif m.group("by"):
            if hi_s is None:
                continue
            lo, hi = None, hi_s
        elif m.group("year"):
            y = (lo_s or hi_s or "")[:4]
            if not y or (lo_s and hi_s and lo_s[:4] != hi_s[:4]):
                continue
            lo, hi = f"{y}-01-01", f"{y}-12-31"
        else:
            if lo_s is None or lo_s != hi_s:
                continue  # (after a period: no day to count from)
            lo, hi = lo_s, None
        out.append(DateMention(m.group(0), m.start(), m.end(), lo, hi))
    out.sort(key=lambda d: d.start)
    return out


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
            except (_NotADate, ValueError, KeyError, OverflowError):
                return None
        lo, hi = out[0][0], out[-1][1]
        if lo is not None and hi is not None and lo > hi:
            lo, hi = hi, lo
    else:
        ms = _combine(text, hits, pub)
        if not ms:
            return None
        lo_s, hi_s = ms[0].date_from, ms[-1].date_to
        if lo_s and hi_s and lo_s > hi_s:
            lo_s, hi_s = hi_s, lo_s
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
# what dateparser would read as a time or a duration: "80s" (80 seconds), "5pm", "12:30"
_DP_NO = re.compile(
    r"\d['’]?s\b|\b\d+\s*(?:s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?|am|pm|a\.m|p\.m)\b"
    r"|\d:\d|\b(?:seconds?|minutes?|hours?)\b",
    re.I,
)


def parse_with_dateparser(expression: str, pub: date | None) -> Interval | None:
    """Ask dateparser for an expression no pattern covered; map its period to an interval.

    Only expressions that name a month, a weekday or hold a digit are tried (dateparser
    reads "a day" and "May" the surname as dates)."""
    if not _DP_OK.search(expression) or len(expression) > 60 or _DP_NO.search(expression):
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
