"""Date mentions that a claim reads "as of" or "by" (fixtures/README: a date span keeps
"as of" / "by" when the expression is a claim's time)."""

from __future__ import annotations

import re

from ..records import Claim, DateMention

_AS_OF_BY = re.compile(r"(?:as\s+of|by)\s+", re.I)


def as_of_date_mentions(dates: list[DateMention], claims: list[Claim]) -> list[DateMention]:
    """``dates`` with each mention that some claim's time reads as "as of X" / "by X"
    widened to that span, ``from`` None (SPEC: "as of Sunday" / "by Sunday" -> ``from``
    null, ``to`` that day). Other mentions are returned unchanged, in the same order."""
    widened: dict[int, DateMention] = {}
    for c in claims:
        t = c.time
        if t is None or t.date_from is not None or t.date_to is None:
            continue
        m = _AS_OF_BY.match(t.text)
        if m is None:
            continue
        for d in dates:
            if d.end == t.end and d.start == t.start + m.end() and d.date_to is not None:
                widened[d.start] = DateMention(t.text, t.start, t.end, None, d.date_to)
    return [widened.get(d.start, d) for d in dates]
