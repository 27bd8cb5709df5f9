"""Time: the date a figure is about (not the date it was said), from the sentence or the
context, and the rate stated before a figure."""

from __future__ import annotations

import re
from typing import Any

from ..dates import resolve_date
from ..officials import AGENCY_TAG
from ..records import Claim, Event, Quantity, Span, TimeRef
from ._base import (
    _NOW_RE,
    _OTHER_NOUN_CLAUSE,
    _SUBSET_BEFORE_RE,
    PTok,
    _ancestors,
    _Ctx,
    _is_people,
    _segment,
    _sentence_back,
)

_CHANGE_BASELINE = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:from|on|over|than|compared\s+with|against|since)\s+(?:the\s+)?"
    r"(?:same\s+\w+\s+(?:of|in)\s+)?$"
)
_RIGHT_AFTER = re.compile(
    r"\s*(?:(?:a|per|each|every)\s+(?:day|week|month|year)\s*)?(?:[\w-]+\s+)?(?:in|on|during|over|for|as\s+of|by)?\s*$"
)
_MAIN_VERB_BETWEEN = re.compile(
    r"\b(?:rose|risen|fell|fallen|reached|stood|stands|climbed|grew|jumped|increased|dropped|"
    r"is|was|are|were|has|have|had|hit|topped)\b"
)
# "The busiest month was August, when police blocked about 6,900 ...": the figure inside
# a when-clause that hangs from the date is that date's
# (after a year, also through the event it names: "the 1980 Mariel boatlift, when ...")
_WHEN_CLAUSE_OF_DATE = re.compile(
    r"(?P<event>(?:\s+[A-Za-z][\w-]+){1,3},)?,?\s+when\s+[^,;.:]{0,80}?"
)
_COMPARATIVE_AFTER = re.compile(r"\s+(?:the|as|that|what|its|their)\b")


_REPORTED_DATE_RE = re.compile(
    r"\b(?:said|says|told|announced|reported|added|stated|declared|confirmed|wrote|tweeted|"
    r"told\s+reporters|told\s+\w+|said\s+in\s+a\s+statement|published|"
    # "told a briefing on Tuesday", "said at a news conference on Monday"
    r"(?:told|said|at|in|during|gave)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:briefing|conference|statement|interview|meeting|session|summit|hearing|address|"
    r"speech|update|report|post|announcement|visit|trip|tour|stop))\s+"
    # "said during a visit to Damascus on Sunday"
    r"(?:(?:to|in)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s+)?(?:on\s+|in\s+|late\s+|early\s+)?$",
    re.I,
)
# words between a figure and a date that put the date in another clause: a contrast, a
# comparison baseline or a subordinate event ("..., but the government stopped the
# agency from registering new arrivals in 2015"; "up from a handful in the summer")
_OTHER_CLAUSE_RE = re.compile(
    r"\b(?:but|while(?!\s+\w+ing\b)|whereas|although|though|after|before|when|compared\s+(?:with|to)|"
    r"up\s+from|down\s+from|than|as\s+(?:many|much)\s+as)\b",
    re.I,
)
# the figure opens a conjunct: ", and at least 225 of them have died"
_AND_CONJUNCT_BEFORE = re.compile(r",\s+and\s+(?:[a-z]+\s+){0,2}$")
_CONTRAST_OR_BREAK = re.compile(r"\b(?:but|while|whereas|although|though)\b|;")
# a conjunct that opens with a subject of its own: ", and the money they send home"
_AND_NEW_SUBJECT = re.compile(r",\s+and\s+(?:the|its|their|his|her)\s+[a-z]+\b(?!\s+of\s+them)")
# a new reported clause or a contrast between a figure and a date: the parse's attachment
# across it is not trusted ("... since X on September 21, and that the daily flow is now")
_NEW_CLAUSE_RE = re.compile(
    r";|\b(?:but|while|whereas|although|compared\s+(?:with|to)|up\s+from|down\s+from|than"
    # "nearly twice as many as in January": the baseline; ", and that ... in June": another
    # reported clause
    r"|as\s+(?:many|much)\s+as)\b|,\s+and\s+that\b",
    re.I,
)
_DAYS_AFTER_RE = re.compile(
    r"\b(?:[Ii]n\s+)?(?:the\s+)?(?:first|early|initial|immediate|few|\w+)?\s*(?:days|weeks|hours|"
    r"months)\s+(?:after|following)\s+(?:[\w’'-]+\s+){0,8}?(?:on\s+|in\s+)?$"
)
# "over the same period": the time of the figure reported just before
_SAME_PERIOD_RE = re.compile(
    r"\b(?:over|in|during|for|within)\s+(?:the\s+same|that|this\s+same)\s+"
    r"(?P<what>(?:[\w-]+\s+){0,2}?(?:period|time|timeframe|span|days?|weeks?|months?|year|"
    r"fortnight|stretch))\b"
    # (not a baseline: "as many as in the same month of 2022", "the same week last year")
    r"(?!\s+(?:of|in|a\s+year|last|the\s+previous)\b)"
    # "CBP recorded more than 370,000 encounters in the month", "over the holiday period"
    r"|\b(?:over|in|during)\s+the\s+(?P<what2>(?:holiday\s+)?(?:month|period|fortnight))\b"
    r"(?!\s+(?:of|in|to|from|after|before|since|ending|ended|through|until|when|that|which|"
    r"a\s+year|last|the\s+previous)\b)"
    # "2,900 people had come through that day"
    r"|\b(?P<what3>that\s+(?:same\s+)?day)\b",
    re.I,
)
_SUBSET_AFTER_RE = re.compile(r"^\s+of\s+(?:them|those|these|whom)\b", re.I)


_SINCE_CLAUSE_RE = re.compile(r"\bsince\s+(?P<clause>[^,;:.()\n“”\"]{3,90})", re.I)
_TEMPORAL_SINCE = re.compile(
    r"\b(?:mobili[sz]ation|invasion|invaded|war|outbreak|announcement|announced|start|"
    r"beginning|began|started|order|ordered|decree|attack|offensive|takeover|took|seized|"
    r"coup|conflict|fighting|crisis|earthquake|election|conscription|call-up|draft|collapse|"
    r"withdrawal|erupted|broke|violence|fall|fell|captured|imposed|introduced|closed|opened|"
    r"reopened|ended|ceasefire|truce|flood|floods|flooding|storm|hurricane|cyclone|drought|"
    r"massacre|siege|clashes|raid|raids|operation|exodus|crackdown|evacuation|unrest|uprising|"
    r"retaken|retook|recaptured|liberated|liberation|disaster|deadline|escalation|quake|"
    r"quakes|earthquakes|blast|explosion|eruption|lockdown)\b",
    re.I,
)
# "ALMATY, ", "IPIALES, Colombia, ", "BERLIN/WARSAW, ": the place part of a dateline
_FUTURE_BETWEEN = re.compile(r"\b(?:would|will|could|plans?\s+to|intends?\s+to)\b", re.I)
_CURRENT_RATE_AFTER = re.compile(r"(?:\s+more)?\s+(?:are|is)\s+(?:now\s+|still\s+)?[a-z]+ing\b")
_SUBORDINATE_BETWEEN = re.compile(r"\b(?:after|before|when|because|as|once|until)\b", re.I)
# "the highest daily figure since", "the most since", "the first time since": a record
_RECORD_SINCE = re.compile(
    # (not the hedges "at least", "at most": "At least 460 Syrians have arrived since April 1")
    r"\b(?<![Aa]t\s)(?:highest|lowest|largest|biggest|most|fewest|busiest|first|least|"
    r"smallest|worst|fastest|deadliest|greatest|quickest|steepest|sharpest|strongest)\b"
    r"[^,.;:]{0,30}$"
)
_DATELINE_RE = re.compile(
    r"^[^\W\d_a-z](?:[^\W\d_]|[’'./ -])*(?:,\s+[^\W\d_a-z](?:[^\W\d_]|[’'. -])*)?,\s+$"
)  # (letters with accents too: "DAJABÓN, Dominican Republic, ")


def _clause_verb(ctx: _Ctx, t: PTok) -> int | None:
    """The verb whose clause holds ``t`` (prepositional "including" is not a clause)."""
    for a in (t, *_ancestors(ctx, t)):
        if a.pos in ("VERB", "AUX") and a.dep not in ("prep", "amod", "pcomp"):
            return a.i
    return None


# verbs of saying: a date that belongs to one ("told Czech Radio on Monday that ...",
# "Last week IRCC said it had received ...") dates the saying, not the figure reported
# (narrower than the lexicon's reporting_verbs, which also holds record-keeping verbs:
# "registered on Monday" dates what was registered)
_SAYING_LEMMAS = frozenset(
    "say tell announce report estimate state confirm add write dismiss warn".split()
)


def _separate_clause(ctx: _Ctx, d_start: int, q_verb: int | None) -> bool:
    """Is the date in a clause of its own: a conjunct with its own subject ("..., and food
    rations there were cut to $10 a month last year"), or a clause on a noun ("under a
    statute approved in 2021")?"""
    t = ctx.tok_at(d_start)
    if t is None or q_verb is None:
        return False
    v = _clause_verb(ctx, t)
    if v is None or v == q_verb:
        return False
    vt = ctx.toks[v]
    if vt.dep in ("acl", "relcl") and 0 <= vt.head < len(ctx.toks):
        noun = ctx.toks[vt.head]
        # (not "migrants reaching Italy by sea in the first half of 2023": what people did)
        return not _is_people({"text": noun.text, "head": noun.text}, ctx)
    return vt.dep == "conj" and any(
        c.head == v and c.dep in ("nsubj", "nsubjpass")
        for c in ctx.toks_in(ctx.toks[q_verb].end, vt.start)
    )


# "About 2,100 Afghans evacuated from Kabul in August are still living": a past participle
# on the counted people, its date, then their present state
_PARTICIPLE_TO_DATE = re.compile(r"(?:\s+[\w’'-]+){1,3}?\s+[a-z]+ed\b[^,;.]{0,60}$")
_STATE_AFTER_DATE = re.compile(
    r"[^,;.]{0,40}?\b(?:are|is|were|was|remain|remains)\s+(?:still|now)\b"
)


def _in_participle_of_the_people(text: str, q: dict[str, Any], d_start: int, d_end: int) -> bool:
    """Is the date inside a participle clause on the counted people, before their present
    state ("About 2,100 Afghans evacuated from Kabul in August are still living in beach
    hotels")? The participle's date is their past, not the time of the figure."""
    return (
        d_start > q["end"]
        and _PARTICIPLE_TO_DATE.match(text, q["end"], d_start) is not None
        and _STATE_AFTER_DATE.match(text, d_end) is not None
    )


_PROGRESSIVE_AFTER = re.compile(r"\b(?:are|were|is|was|been)\s+(?:still\s+|now\s+)?[a-z]+ing\b")


def _date_of_saying(ctx: _Ctx, d_start: int, q_verb: int | None) -> str | None:
    """Does the date hang from a verb of saying, before the figure, whose reported clause
    holds the figure? "over_time" when what was said goes on over time (the date is not
    its time), "deed" when it is a deed told (the date may be its time, when the clause
    names no other), None otherwise."""
    t = ctx.tok_at(d_start)
    if t is None or q_verb is None:
        return None
    v = _clause_verb(ctx, t)
    if v is None or v == q_verb or ctx.toks[v].lemma.lower() not in _SAYING_LEMMAS:
        return None
    if ctx.toks[v].start > ctx.toks[q_verb].start:
        # '"Last week alone we registered 9,000," said X': the parse hangs the quote's
        # own date on the trailing verb of saying
        return None
    chain = [ctx.toks[q_verb], *_ancestors(ctx, ctx.toks[q_verb])]
    if not any(a.i == v for a in chain[1:]):
        return None
    comp = next(
        (a for a in chain
         if a.lemma.lower() not in _SAYING_LEMMAS
         and 0 <= a.head < len(ctx.toks)
         and ctx.toks[a.head].lemma.lower() in _SAYING_LEMMAS),
        None,
    )  # fmt: skip
    # what was said happens over time ("were still applying every week", "was going
    # ahead", "were living in tents"): the day of saying is not its time; a deed told the
    # same day ("On Tuesday, police said they had stopped a truck carrying 27 Eritreans")
    # keeps it
    over_time = (comp is not None and comp.text.lower().endswith("ing")) or (
        # (the parse lost the verb: "that 60,000 returnees ... were living in tents")
        _PROGRESSIVE_AFTER.search(ctx.text, ctx.toks[q_verb].start, ctx.toks[q_verb].start + 80)
        is not None
    )
    return "over_time" if over_time else "deed"


def _context_time(ctx: _Ctx, q: Quantity, s: int, e: int, prior: list[Claim]) -> TimeRef | None:
    """A time the sentence gives only by reference to an earlier figure: "about 25,000 had
    left again over the same period", "Over the same seven days, 26,950 Russians left",
    "turned back 173 travellers in that period" -> the earlier period with the same words
    ("seven days"), else the latest figure of this sentence with a time, else the main
    (first) figure of the latest sentence before it with one. (A part of an earlier figure
    takes the whole's time through ``_whole_time``, which the caller tries first.)"""
    seg = _segment(ctx.text, s, e, q.start)
    for m in _SAME_PERIOD_RE.finditer(ctx.text, s, e):
        if _segment(ctx.text, s, e, m.start()) != seg and m.start() - s > 3:
            continue  # (an opening "Over the same period, ..." covers the sentence)
        earlier = [c for c in prior if c.time is not None and c.quantity.start < q.start]
        if not earlier:
            continue
        words = (m.group("what") or (m.group("what2") or m.group("what3")).split()[-1]).lower()
        named = next((c.time for c in reversed(earlier) if words in c.time.text.lower()), None)
        if named is not None:
            return named
        if m.group("what3"):
            # "At the crossing on Monday, men ... queued ... said 2,900 people had come through
            # that day": the last single day the text named, in this sentence or the two before
            day = next(
                (d for d in reversed(ctx.inp.dates)
                 if d.end <= m.start() and d.start >= _sentence_back(ctx, s, 2)
                 and d.date_from is not None and d.date_from == d.date_to),
                None,
            )  # fmt: skip
            if day is not None:
                return TimeRef(day.text, day.start, day.end, day.date_from, day.date_to)
        here = [c for c in earlier if c.sentence.start == s]
        if here:
            return here[-1].time
        near = [c for c in earlier if c.sentence.start >= _sentence_back(ctx, s, 3)]
        if near:
            last_s = near[-1].sentence.start
            return next(c.time for c in near if c.sentence.start == last_s)
    return None


def _whole_time(
    ctx: _Ctx, q: Quantity, ev: Event | None, s: int, prior: list[Claim]
) -> TimeRef | None:
    """The time of the figure a part belongs to ("rose to 1,314 on Monday, including 458
    children" -> the toll's time; "about 150,000 of them Venezuelans")."""
    here = [c for c in prior if c.sentence.start == s]
    # (not a baseline set against the figure before it: "More than 75,500 migrants have
    # reached Italy ..., up from about 33,000 in the same period of 2022, and over half of
    # them set off from Tunisia": the part is of the 75,500)
    whole = next(
        (c for i, c in reversed(list(enumerate(here)))
         if i == 0 or not _BASELINE_BEFORE.search(
             ctx.text[max(s, c.quantity.start - 30) : c.quantity.start])),
        None,
    )  # fmt: skip
    if re.match(
        r"\s+of\s+(?:them|those|these)\s+(?:are|were|is|was)\s+(?:still|now)\b",
        ctx.text[q.end : q.end + 40],
    ):
        return None  # "about 107,000 of them are still there": a part as it stands now
    same_event = (
        ev is None
        or whole is None
        or whole.event is None
        or whole.event.type == ev.type
        # "nearly four in five of them are returnees": what the part is, not a move of its own
        or (ev.start >= q.end and re.match(r"\s+of\s+(?:them|those|these)\s+(?:are|were)\b",
                                         ctx.text[q.end : q.end + 30]) is not None)
        # "2.9 million Russians travelled abroad ..., and some 164,000 of them went to
        # Georgia": where part of the leavers went, in the same period
        or (whole.event.type == "departure" and ev.type in ("arrival", "onward")
            and _SUBSET_AFTER_RE.match(ctx.text[q.end : q.end + 20]) is not None)
        # "More than 75,500 migrants have reached Italy ..., and over half of them set off
        # from Tunisia": where part of the arrivals set out from, in the same period
        or (whole.event.type == "arrival" and ev.type == "departure"
            and _SUBSET_AFTER_RE.match(ctx.text[q.end : q.end + 20]) is not None)
    )
    own_date = any(
        q.end <= d.start <= q.end + 30 and _OWN_DATE_GAP.fullmatch(ctx.text[q.end : d.start])
        for d in ctx.inp.dates
    )  # "927 ... since August 1, more than 600 of them in the past week alone"
    if re.search(r"\bincluding\s+$", ctx.text[max(s, q.start - 12) : q.start]):
        # "..., including 41 who were lost when a metal boat ... capsized last week", "...,
        # including hundreds in the shipwreck off Pylos on June 14": the part's own date
        part = next(
            (d for d in ctx.inp.dates
             if q.end <= d.start <= q.end + 120 and d.end <= ctx.sent_of(q.start)[1]
             and d.date_to is not None
             and not re.search(r"[;:]|,\s+(?:and|but|while|which|who|according|[a-z]+\s+said)\b|"
                               r"\b(?:said|says)\b", ctx.text[q.end : d.start])),
            None,
        )  # fmt: skip
        if part is not None:
            return TimeRef(part.text, part.start, part.end, part.date_from, part.date_to)
    if whole is not None and whole.time is not None and same_event and not own_date and (
        _SUBSET_BEFORE_RE.search(ctx.text[max(s, q.start - 40) : q.start])
        or _SUBSET_AFTER_RE.match(ctx.text[q.end : q.end + 20])
        # "Of the 3,100 people who arrived last week, about 2,000 were from Guinea"
        or _FRONTED_OF_WHOLE.fullmatch(ctx.text, s, q.start) is not None
    ):
        return whole.time
    return None


# a part after its whole fronted with "Of": "Of the 3,100 people who arrived last week, "
_FRONTED_OF_WHOLE = re.compile(
    r"\W*Of\s+(?:the|those|these|them)\b[^.;:]*,\s+(?:(?:an\s+estimated|some|about|around|"
    r"roughly|nearly|almost|more\s+than|over|at\s+least|fewer\s+than)\s+)?"
)
_BASELINE_BEFORE = re.compile(
    r"\b(?:(?:up|down)\s+from|compared\s+(?:with|to)|against)\s+(?:the\s+)?"
    r"(?:(?:about|around|some|roughly|nearly|almost|more\s+than|over|just|only)\s+)?$",
    re.I,
)
_OWN_DATE_GAP = re.compile(r"(?:\s+of\s+(?:them|those|these))?\s+(?:in|during|over|on|)\s*")


def _in_relative_clause_of_stay(
    ctx: _Ctx, pos: int, q_verb: int | None, q_anc: set[int]
) -> bool:
    """Is the date at ``pos`` inside a relative clause ("who fled ... in 2020") while the
    figure's own verb is a stay ("remain", "live")? Then it dates the flight, not the stay."""
    if q_verb is None:
        return False
    t = ctx.tok_at(pos)
    v = _clause_verb(ctx, t) if t is not None else None
    if v is None or v == q_verb:
        return False
    vt, qv = ctx.toks[v], ctx.toks[q_verb]
    return (
        vt.dep == "relcl"
        and vt.head in q_anc  # a clause on the counted people, not on "the floods that ..."
        and ctx.rules.verb_triggers.get(qv.lemma.lower()) == "stock"
        and qv.lemma.lower() not in ctx.rules.counting_verbs
    )


# between a figure and a date: its people, a parenthetical part, then its own clause
_PARENTHETICAL_PART = re.compile(
    r"[\w\s-]{0,25},\s+(?:most|many|some|all|half|several|(?:one|two|three)\s+(?:in|out\s+of)\s+\w+)"
    r"\s+of\s+them\b[^,;.]*,\s+(?!(?:and|but|while|which|who|that|as)\b)[^,;.]*"
)
_PARENTHETICAL_AFTER_SUBJECT = re.compile(
    r"(?:\s+of\s+[\w’'-]+(?:\s+[\w’'-]+)?)?,\s+(?!(?:and|but|while|which|who|that|as|when|"
    r"where|according)\b)[a-z][\w-]*(?:\s+[\w-]+){0,4},\s+[a-z]+[^,;.]*"
)
# a relative clause dating another noun's event: "the war in Tigray that ended in November"
_EVENT_CLAUSE_DATE = re.compile(
    r"\b(?:war|conflict|fighting|offensive|earthquake|quake|flood|floods|storm|cyclone|"
    r"hurricane|crisis|coup|invasion|election|deal|agreement)\b[^,;.]{0,30}?\b(?:that|which)\s+"
    r"(?:\w+\s+){0,2}?(?:ended|began|started|erupted|broke\s+out|struck|hit|was\s+signed)\s+"
    r"(?:in|on)\s+(?:early\s+|late\s+|mid-)?$"
)


def _is_change_baseline(text: str, o: dict[str, Any], d: Any) -> bool:
    """Is date mention ``d`` the baseline a change quantity ``o`` is measured against?"""
    between = text[o["end"] : d.start]
    return (
        o.get("kind") == "change"
        and (
            _CHANGE_BASELINE.match(between) is not None
            # "nearly double its price in October": the level it is compared with
            or re.fullmatch(r"\s+(?:its|their|the)\s+(?:[\w-]+\s+){1,2}(?:in|on)\s+", between)
            is not None
        )
        # "rose by 40% over the weekend": a period, not a baseline
        and not (
            re.search(r"\bover\s+$", between)
            and re.match(
                r"(?:the\s+)?(?:weekend|past|last|previous|week|month|year)\b", d.text, re.I
            )
            and not re.match(r"last\s+(?:year|month|week)\b", d.text, re.I)
        )
    )


# an event a date names when it modifies it ("the 2020 war", "a 1992 bilateral agreement")
_EVENT_NOUN_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:war|wars|conflict|election|invasion|offensive|coup|crackdown|"
    r"agreement|deal|accord|deadline)\b"
)
# prepositions that make such a date a time after all ("after the February invasion")
_TIMING_PREP_BEFORE = re.compile(
    r"\b(?:after|since|before|following|until|till|in|during|amid)\s+(?:the\s+|a\s+)?$", re.I
)
# a date that is a span from a start ("since October", "between May and June"): it covers
# every figure of its clause
_SPAN_WORDS = re.compile(r"(?i:since|between|from|so\s+far|over|throughout|during)\b")
# between a date and the next figure: a conjunction only ("on Thursday and 126 on ...")
_AND_THE_NEXT_FIGURE = re.compile(
    r",?\s+(?:and|while|but|against|versus)\s+(?:about|some|around|roughly|nearly|almost|"
    r"more\s+than|fewer\s+than|over)?\s*"
)


def _time(ctx: _Ctx, q: dict[str, Any], s: int, e: int, claim_starts: list[int]) -> TimeRef | None:
    """When the counted thing happened.

    * "since X" (a date, or an event clause with no date) and other interval phrases of
      the sentence cover every figure in it ("since X" -> ``to`` = published);
    * a point date (a day, a weekday) goes to the figure it is attached to in the parse,
      else to the nearest figure of the sentence;
    * dates of saying ("said on Monday"), datelines ("ALMATY, Sept 29 –") are skipped;
    * "as of / by X" -> ``from`` None; "before X" -> up to the day before; "so far this
      year" -> up to published; "Tuesday and Wednesday" -> both days."""
    text = ctx.text
    pub = ctx.inp.published
    cands: list[tuple[float, TimeRef]] = []
    others = [c for c in claim_starts if s <= c < e and c != q["start"]]
    qtok = ctx.tok_at(q["start"])
    q_anc = {a.i for a in _ancestors(ctx, qtok)} | {qtok.i} if qtok is not None else set()

    q_verb = _clause_verb(ctx, qtok) if qtok is not None else None

    def attached(d_start: int) -> bool:
        t = ctx.tok_at(d_start)
        if t is None:
            return False
        anc = [t.i, *[a.i for a in _ancestors(ctx, t)][:4]]
        if any(i in q_anc for i in anc[1:3]) or (t.head in q_anc):
            return True
        # "had flown out more than 15,000 people, including ..., in the past two weeks":
        # the date modifies the verb that governs the figure
        if q_verb is None:
            return False
        v = _clause_verb(ctx, t)
        if v == q_verb:
            return True
        # "At least 39 migrants died ... when fire tore through a holding cell ... on Monday
        # night": the when-clause that times the figure's own verb
        timed = ctx.toks[v].head if v is not None else -1
        return (
            v is not None
            and ctx.toks[v].dep == "advcl"
            # (of the figure's verb, or of a verb joined to it: "died and 29 were injured when")
            and (
                timed == q_verb
                or (ctx.toks[timed].dep == "conj" and ctx.toks[timed].head == q_verb)
            )
            and any(
                c.head == v and c.dep == "advmod" and c.text.lower() == "when"
                for c in ctx.toks_in(ctx.toks[q_verb].end, ctx.toks[v].start)
            )
        )

    q_segment = _segment(text, s, e, q["start"])
    # "twice the ...", "double the number", "five times as many": the words after the
    # change name the baseline it is compared with
    comparative = _COMPARATIVE_AFTER.match(text[q["end"] : q["end"] + 8]) is not None
    now_here = any(
        _segment(text, s, e, m.start()) == q_segment for m in _NOW_RE.finditer(text, s, e)
    )

    def nearest_is_me(pos: int, end: int | None = None) -> bool:
        # (a figure of another clause does not compete: "crossed on Thursday alone,
        # compared with about 95,000 the previous day"; nor one the date ends the phrase
        # before: "161 attempts ... on Thursday and 126 on Wednesday")
        d = abs(pos - q["start"])
        seg = _segment(text, s, e, pos)
        return all(
            abs(pos - o) >= d
            for o in others
            if _segment(text, s, e, o) == seg
            and not (
                end is not None
                and q["start"] < pos < o
                and _AND_THE_NEXT_FIGURE.fullmatch(text, end, o) is not None
            )
        )

    # the changes of the sentence, whose baselines are no one's time
    changes = [
        o for o in (q, *ctx.inp.quantities) if s <= o["start"] < e and o.get("kind") == "change"
    ]
    for d in ctx.inp.dates:
        if not (s <= d.start < e):
            continue
        before = text[max(s, d.start - 40) : d.start]
        saying = _date_of_saying(ctx, d.start, q_verb)
        if _REPORTED_DATE_RE.search(before) or saying == "over_time":
            continue
        when = (
            _WHEN_CLAUSE_OF_DATE.fullmatch(text, d.end, q["start"]) if d.end <= q["start"] else None
        )
        if when is not None and (when.group("event") is None or re.fullmatch(r"\d{4}", d.text)):
            # "August, when police blocked about 6,900"; "the 1980 Mariel boatlift, when some
            # 125,000 Cubans reached Florida": a year naming an event, and its when-clause
            cands.append((-1.0, TimeRef(d.text, d.start, d.end, d.date_from, d.date_to)))
            continue
        if (
            d.start - s < 40
            and _DATELINE_RE.match(text[s : d.start])
            # ("BATUMI, Georgia, Jan 17 (Reuters) –": an agency tag before the dash)
            and re.match(AGENCY_TAG + r"\s*[–—-]", text[d.end : d.end + 24])
        ):
            continue  # dateline
        if d.text.lower() in ("now", "tonight", "this morning") or (
            d.text.lower() == "today"
            and re.search(r"\b(?:[Bb]efore|[Oo]nce|used\s+to|[Yy]ears\s+ago|[Bb]ack\s+then)\b",
                          text[s : d.start])
        ):
            # "now", and "Before the earthquake we were 270,000 ...; today perhaps 100,000
            # remain": the present against the past, not a dated count ("612 people landed on
            # Lampedusa today" is dated: the labels give "today" its day in 7 of 8)
            continue
        if d.text.lower().startswith("since") and _RECORD_SINCE.search(
            text[max(s, d.start - 50) : d.start]
        ):
            continue  # "214 people came in, the highest daily figure since ...": a comparison
        if _in_participle_of_the_people(text, q, d.start, d.end):
            continue  # "About 2,100 Afghans evacuated from Kabul in August are still living"
        if d.start >= q["end"] and _OTHER_NOUN_CLAUSE.search(text[q["end"] : d.start]):
            continue  # "live in camps ..., most of whom fled ... in 2017"
        if d.end <= q["start"] and re.match(
            r"\s+to\s+(?:about\s+|more\s+than\s+|nearly\s+|some\s+|around\s+|almost\s+)?$",
            text[d.end : q["start"]],
        ) and re.search(r"\bfrom\b", text[max(s, d.start - 60) : d.start]):
            continue  # "grown from about 40,000 in January to more than 90,000": the baseline's
        if re.search(
            r"\b(?:most|many|some)\s+of\s+them\s+(?:since\s+(?:the\s+)?)?$",
            text[max(s, d.start - 30) : d.start],
        ):
            continue  # "live in the camps, most of them since the 2017 exodus": the part's time
        if _in_relative_clause_of_stay(ctx, d.start, q_verb, q_anc):
            continue  # "50,000 Ethiopians who fled in 2020 and 2021 remain in camps"
        if any(
            _is_change_baseline(text, o, d) for o in changes if o["end"] <= d.start
        ):
            # "up 20% from June", "a slight increase on August": the baseline, of this
            # figure or of the change beside it ("has 6.9 million ..., up 20% on the
            # previous year")
            continue
        if d.end <= q["start"] and _segment(text, s, e, d.start) != q_segment and (
            q.get("per") and _CURRENT_RATE_AFTER.match(text, q["end"], min(e, q["end"] + 40))
        ):
            continue  # "..., and about 2,000 more are arriving every week": a current rate
        if _EVENT_NOUN_AFTER.match(text, d.end) and not _TIMING_PREP_BEFORE.search(
            text, max(s, d.start - 20), d.start
        ):
            # "displaced by the 2020 war", "under a 2017 agreement": the date names an
            # event, not the count's time (a disaster's date is its victims' time)
            continue
        if d.start > q["end"] and not _SPAN_WORDS.match(d.text) and any(
            q["end"] <= o["start"] and o["end"] <= d.start and o["start"] in others
            and re.fullmatch(r"\s+(?:(?:a|per)\s+day\s+)?(?:on|in|last|this)?\s*",
                             text[o["end"] : d.start])
            for o in ctx.inp.quantities
        ):  # fmt: skip
            continue  # "161 attempts ... on Thursday and 126 on Wednesday": the next one's
        lo, hi = d.date_from, d.date_to
        start, end = d.start, d.end
        if (
            d.text.lower().startswith("since ")
            and q["start"] > d.end
            and pub is not None
            and _segment(text, s, e, d.start) == q_segment
            # "took the total since January to just under 16,000": the total's own span
            and not re.fullmatch(r"\s+(?:to|at)\s+", text[d.end : q["start"]])
            # the figure inside a since-clause: "since last week's announcement that the
            # Kremlin was ordering 300,000" (not "the toll since mid-June rose to 1,314")
            and (
                not _MAIN_VERB_BETWEEN.search(text[d.end : q["start"]])
                or re.search(r"\b(?:that|which|who)\b", text[d.end : q["start"]]) is not None
            )
        ):
            # "fleeing since last week's announcement that the Kremlin was ordering
            # 300,000 draftees": the figure is inside the since-clause, so its time is the
            # date itself, not the interval the clause gives the main verb
            inner = resolve_date(d.text[6:], pub)
            if inner is not None and inner[0] is not None:
                lo = inner[0].isoformat()
                hi = inner[1].isoformat() if inner[1] else None
                start = d.start + 6
        interval = lo != hi or text[start:end].lower().startswith(("since", "between", "from"))
        poss = re.match(r"(?:’s|'s)\s+([\w-]+)(?:\s+([\w-]+))?", text[d.end : d.end + 40])
        if (
            poss is not None
            and not d.text.lower().startswith("since")
            # "70% of this year's arrivals": the counted people are the date's own
            and not any((w or "").lower() in ctx.rules.people for w in poss.groups())
        ):
            continue  # "last month's earthquakes": the date names an event, not the count's time
        # ("up to Sunday": a running total to that day, like "by Sunday")
        m = re.search(
            r"\b(?:[Aa]s\s+of|[Bb]y|[Uu]p\s+(?:to|until))\s+(?:the\s+end\s+of\s+)?$", before
        )
        if m:
            lo = None
            start = d.start - (len(before) - m.start())
        elif re.match(r"(?:the\s+)?end\s+of\b", d.text, re.I) and re.search(
            r"\b[Aa]t\s+$", before
        ):
            # "home to 700,000 at the end of February": a standing figure as of that day
            lo = None
            start = d.start - 3
        if (
            d.start > q["end"]
            and _EVENT_CLAUSE_DATE.search(text[max(s, d.start - 60) : d.start])
            and not re.search(r"\bsince\b", text[max(s, d.start - 60) : d.start])
        ):
            continue  # "the two-year war in Tigray that ended in November": the war's date
        if re.search(r"\b(?:before|until|prior\s+to)\s+$", before):
            continue  # the figure is not about the time before X
        if (d.text.lower().startswith("since") or re.search(r"\bsince\s+$", before)) and re.search(
            r"\b(?:\w+est|most\s+\w+|record|first|highest|lowest)\s+(?:[\w-]+\s+){0,6}$",
            text[max(s, d.start - 50) : d.start],
        ) and not re.search(r"\b(?:have|has|had)\s+\w+", text[max(s, d.start - 50) : d.start]):
            continue  # "Deadliest year at sea for Rohingya since 2014": a comparison, no time
        bef_clause = re.search(
            r"\bbefore\s+(?:the\s+)?(?:[\w’'-]+\s+){1,5}?(?:ended|closed|began|started|ends|"
            r"closes|was\s+\w+|were\s+\w+)\s+(?:on|in)\s+$",
            text[max(s, d.start - 70) : d.start],
        )
        if bef_clause is not None and d.start > q["end"]:
            # "flew out of Kabul before the airlift ended on August 26": as of that day
            lo = None
            start = max(s, d.start - 70) + bef_clause.start()
        if re.fullmatch(r"\d{4}", d.text) and re.match(r"\s+[A-Z][a-z]", text[d.end : d.end + 3]):
            continue  # "built for the 2022 World Cup": a name, not a time
        if q["kind"] == "change" and re.search(
            r"\b(?:the\s+)?(?:figure|number|level|total|count|rate)\s+(?:for|in|of|on)\s+$", before
        ):
            continue  # "nearly double the figure for June": the baseline, not the change's time
        if (
            q["kind"] == "change"
            and d.start >= q["end"]
            and comparative
            and _segment(text, s, e, d.start) == q_segment
        ):
            continue  # "almost twice the 66,237 recorded over the same period last year"
        # ("so far this year"; "So far in November, 3,100 asylum seekers have crossed")
        so_far = re.search(r"[Ss]o\s+far\s+(?:in\s+|during\s+)?$", before)
        if so_far is not None and pub is not None:
            start = d.start - len(so_far.group(0))
            hi = min(pub.isoformat(), hi) if hi else pub.isoformat()
        m = re.match(r"\s+(?:and|to|through)\s+", text[d.end : d.end + 12])
        if m:
            nxt = next((x for x in ctx.inp.dates if x.start == d.end + m.end()), None)
            if nxt is not None and nxt.date_to:
                hi, end = nxt.date_to, nxt.end
                interval = True
        since = re.search(
            r"\b[Ss]ince\s+(?:[\w’'-]+\s+){0,12}?(?:on|in)?\s*$",
            text[max(s, d.start - 90) : d.start],
        )
        if since and pub is not None and "since" not in d.text.lower():
            start = max(s, d.start - 90) + since.start()
            hi = pub.isoformat()
            interval = True
        after = _DAYS_AFTER_RE.search(text[max(s, d.start - 90) : d.start])
        if after and not since:
            # "in the first days after the September 21 order": from that date, open-ended
            start = max(s, d.start - 90) + after.start()
            hi = None
            interval = True
        same_segment = _segment(text, s, e, start) == q_segment or (
            # "At least 12 people, most of them children, drowned when ... on Monday": a
            # parenthetical part does not start another clause
            start > q["end"]
            and (
                _PARENTHETICAL_PART.fullmatch(text, q["end"], start) is not None
                # "Hundreds of Hondurans, tired of waiting, crossed the river ... on Sunday":
                # a short phrase set off by commas after the subject
                or _PARENTHETICAL_AFTER_SUBJECT.fullmatch(text, q["end"], start) is not None
            )
        )
        opening = (
            start - s < 25
            and _segment(text, s, e, start) == 0
            and re.match(r"[^,]{0,40},", text[start:e])
        )  # "Last week, ...", "On Saturday alone, ..."
        if not same_segment and now_here and not (opening and q_segment == 1):
            continue  # ("By Thursday evening, about 4,200 were still crammed": its own time)
        # the gap between the figure and the date, from whichever side
        dist = (start - q["end"] if start >= q["end"] else max(0, q["start"] - end)) / 10_000
        if start >= q["end"] and _RIGHT_AFTER.match(text[q["end"] : start]):
            dist = 0.0  # "more than 100,000 a week last March": the date the figure carries
        if same_segment and (interval or nearest_is_me(d.start, d.end) or attached(d.start)):
            score = dist  # in the figure's own clause
            if text[start:end].lower().startswith("since"):
                score -= 0.5  # "the death toll since mid-June rose to 1,314 on Monday"
            elif end <= q["start"] and _SUBORDINATE_BETWEEN.search(text[end : q["start"]]):
                # "will close ... from midnight on Friday after nearly 1,000 asylum seekers
                # crossed from Russia this month": the date of the other clause
                if _FUTURE_BETWEEN.search(text[end : q["start"]]):
                    continue  # "in October alone after X said the country would deport up to"
                score += 0.25
        elif attached(d.start) and not _NEW_CLAUSE_RE.search(
            text[min(q["end"], d.end) : max(q["start"], d.start)]
        ):
            score = 1 + dist  # attached to it in the parse, from another clause
        elif opening and q_segment == 1:
            score = 2 + dist  # "In November, agents encountered ..."
        elif (
            opening
            and q_segment > 1
            and _AND_CONJUNCT_BEFORE.search(text, max(s, q["start"] - 40), q["start"])
            and not any(d.end < o.start < q["start"] for o in ctx.inp.dates)
            and not _CONTRAST_OR_BREAK.search(text, d.end, q["start"])
        ):
            # "So far this year, more than 3,700 Rohingya have set out by sea ..., and at least
            # 225 of them have died": the opening date covers the conjunct too
            score = 2.5 + dist
        elif (
            interval
            and nearest_is_me(d.start)
            and not others
            and not _OTHER_CLAUSE_RE.search(text[min(q["end"], d.end) : max(q["start"], d.start)])
            and not _separate_clause(ctx, d.start, q_verb)
            # (not "about 3 million Guatemalans live in the US, and the money they send home
            # reached a record last year": a conjunct with a subject of its own)
            and not (d.start > q["end"] and _AND_NEW_SUBJECT.search(text, q["end"], d.start))
        ):
            score = 3 + dist
        else:
            continue
        if saying == "deed":
            score += 4  # the day of saying yields to any date of the figure's own clause
        cands.append((score, TimeRef(text[start:end], start, end, lo, hi)))
    if not any(c[1].text.lower().startswith("since") for c in cands):
        for m in _SINCE_CLAUSE_RE.finditer(text[s:e]):
            clause = m.group("clause")
            if not _TEMPORAL_SINCE.search(clause):
                continue
            ms = s + m.start()
            if _RECORD_SINCE.search(text[max(s, ms - 50) : ms]):
                continue  # "the highest daily figure since the border reopened": a comparison
            if _segment(text, s, e, ms) != q_segment and others and not (
                # "Since the war began, more than 8 million ... have fled abroad, and about
                # 5 million have applied ...": a since-clause opening the sentence covers it
                re.fullmatch(r"\W*", text[s:ms])
                and _segment(text, s, e, ms) == 0
                # (not a rate: "Since the rule took effect, daily encounters have fallen from
                # about 1,100 to fewer than 200": levels before and after, no period)
                and not re.search(
                    r"\b(?:fallen|fell|risen|rose|dropped|declined|climbed|grown|grew)\s+from\b",
                    text[ms : q["start"]],
                )
            ):
                continue
            me = ms + len(m.group(0).rstrip())
            inner = [x for x in ctx.inp.dates if ms <= x.start < me]
            if inner and re.fullmatch(r"(?:since\s+(?:the\s+)?)?", text[ms : inner[0].start], re.I):
                continue  # "since 2018 have ended ...": a dated since, the date loop's business
            lo = inner[0].date_from if inner else None
            ref = TimeRef(text[ms:me], ms, me, lo, pub.isoformat() if pub else None)
            cands.append((abs(ms - q["start"]) / 10_000 + 0.5, ref))
            break
    if not cands:
        m = re.search(
            r"\b\w+\s+(?:days|weeks)\s+since\s+[A-Z]?[\w’']+(?:\s+[\w-]+){0,3}", text[s:e]
        )
        if m and pub is not None:
            ms, me = s + m.start(), s + m.end()
            return TimeRef(text[ms:me], ms, me, None, pub.isoformat())
        return None
    cands.sort(key=lambda c: c[0])
    return cands[0][1]


# "On a busy day it is 100 to 150 people": a typical day opening the clause
_CLAUSE_OPEN = re.compile(r"[“\"(,]\s*$")
_TYPICAL_DAY_BEFORE = re.compile(
    r"[Oo]n\s+(?:a|an|some|busy|good|quiet|typical|peak)\s+(?:[\w-]+\s+)?"
    r"(?P<u>day|days|night|nights|week|weeks)\s*,?\s+(?:[\w’']+\s+){0,3}$"
)
_RATE_ADJ_BEFORE = re.compile(
    r"\b(?P<adj>daily|weekly|monthly|annual|yearly)\s+(?:[\w-]+\s+){0,2}?(?:flow|flows|number|numbers|"
    r"average|rate|arrivals|crossings|influx|total|departures|encounters)\b"
    r"(?:[^,;.]|(?<=\d)[,.](?=\d)){0,60}?\b(?:to|at|of|from|"
    r"reached|hit|topped|is|was|are|were|stands?|stood|remains?|remained)\s+(?:now\s+|still\s+)?"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?$",
    re.I,
)
_RATE_OF_ADJ = {
    "daily": "day", "weekly": "week", "monthly": "month", "annual": "year", "yearly": "year"
}  # fmt: skip


def _rate_from_before(ctx: _Ctx, q: Quantity, s: int) -> str | None:
    """'the daily flow had fallen to around 10,000': a rate stated before the figure."""
    m = _RATE_ADJ_BEFORE.search(ctx.text[max(s, q.start - 80) : q.start])
    if m:
        return _RATE_OF_ADJ[m.group("adj").lower()]
    # "Every week we see 300 to 400 people": a rate opening the clause
    m1 = re.search(
        r"(?:^|[“\"(,]\s*)(?:[Ee]very|[Ee]ach)\s+(?P<u>day|week|month|year)\s*,?\s+"
        r"(?:we|they|I|he|she|it|officials|agents|police|the\s+\w+)\s+(?:\w+\s+){1,2}$",
        ctx.text[max(s, q.start - 60) : q.start],
    )
    if m1:
        return m1.group("u").lower()
    # "On a busy day it is 100 to 150 people", "On some days, as many as 2,000 arrive": a
    # typical day opening the clause
    m3 = _TYPICAL_DAY_BEFORE.search(ctx.text, max(s, q.start - 60), q.start)
    if m3 is not None and m3.start() > s and not _CLAUSE_OPEN.search(ctx.text, s, m3.start()):
        m3 = None  # (the typical day must open the sentence or a clause)
    if m3:
        return {"night": "day", "nights": "day", "days": "day", "weeks": "week"}.get(
            m3.group("u").lower(), m3.group("u").lower()
        )
    # "the number of people crossing into Egypt each day had risen to between 3,000 and 4,000"
    m2 = re.search(
        r"\b(?:number|numbers|flow|count)\s+of\b[^.;,]{0,60}?\b(?:each|every|per|a)\s+"
        r"(?P<u>day|week|month|year)\b[^.;,]{0,40}?\b(?:to|at|reached|hit|topped|is|was|were)\s+"
        r"(?:now\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?$",
        ctx.text[max(s, q.start - 140) : q.start],
        re.I,
    )
    return m2.group("u").lower() if m2 else None


# a present that a conjunct or a relative clause's past stands apart from
_NOW_AFTER_AND = re.compile(r"\b(?:and|but)\s+(?:now|still|today)\s+[a-z]+\b")
_STILL_NOW_VERB = re.compile(
    r"\b(?:are|is|remain|remains|live|lives)\s+(?:still|now)\b|\b(?:are|is)\s+(?:still|now)\s+"
)
# (the text between a figure and the one it is set against; wider than _BASELINE_BEFORE,
# which reads what stands right before a whole's figure: "versus" and a percentage change
# before "from" set a figure against another too)
_AGAINST_BEFORE = re.compile(
    r",?\s+(?:against|compared\s+with|compared\s+to|versus|up\s+from|down\s+from"
    # "33,696 encounters, up nearly 40% from 24,190 in June"
    r"|(?:up|down)\s+(?:[a-z]+\s+){0,2}[\d.,]+\s*(?:%|per\s*cent|percent)\s+from"
    r")\s+(?:[a-z]+\s+){0,2}$"
)
_RELATIVE_OPENING = re.compile(r"\s+(?:of\s+them\s+)?(?:who|whose|which|that)\b")


def _dates_another_time(
    ctx: _Ctx, q: Quantity, pop: Span | None, inherited: bool, e: int, tm: TimeRef
) -> bool:
    """Does the date found belong to another time than the figure's present? "was set up in
    1954 and now hosts more than 130,000 people"; "Thousands of Rohingya refugees whose
    homes burned in a fire on March 5 are still sleeping in communal shelters"; a date
    after a figure the quantity is set against; a figure of "a normal Sunday"."""
    if _ORDINARY_DAY_AFTER.match(ctx.text, q.end, e):
        return True  # "compared with 400-500 on a normal Sunday": a usual level, no date
    if tm.end <= q.start and _NOW_AFTER_AND.search(ctx.text, tm.end, q.start):
        return True
    if tm.start >= q.end and any(
        q.end <= o["start"] and o["end"] <= tm.start
        and _AGAINST_BEFORE.search(ctx.text, q.end, o["start"])
        for o in ctx.inp.quantities
    ):
        # "about half of arrivals at Upper Lars, against nearly 80% last autumn": the date
        # of the figure it is set against
        return True
    if pop is None or inherited or tm.start < pop.end or tm.end > e:
        return False
    return (
        _RELATIVE_OPENING.match(ctx.text, pop.end, tm.start) is not None
        and _STILL_NOW_VERB.search(ctx.text, tm.end, e) is not None
    )


# a figure of an ordinary day: "400-500 on a normal Sunday", "about 300 on a typical day"
_ORDINARY_DAY_AFTER = re.compile(
    r"(?:\s+(?:people|travellers|crossings|arrivals))?(?:\s+a\s+day)?\s+(?:on|in)\s+an?\s+"
    r"(?:normal|typical|usual|ordinary|average|regular|quiet)\s+(?:day|week|month|weekend|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
