"""Population: the people noun a figure counts (parts of a group, lists of demonyms,
"the number of X", the subject of "reached N", ...)."""

from __future__ import annotations

import re
from typing import Any

from ..records import Quantity, Span
from ._base import PTok, _ancestors, _Ctx, _is_people, _subject_of, _subtree

_PART_OF_RE = re.compile(
    r"\s+of\s+(?:them|these|whom|those(?:\s+(?:who\s+(?:have\s+|had\s+)?)?[a-z]+(?:\s+(?:there|here|in|to|from|out|over))?)?|"
    r"the\s+[a-z]+)\s*,?\s+(?:(?:were|are|was|is)\s+)?"
)


def _part_population(ctx: _Ctx, q: Quantity, e: int) -> Span | None:
    """Who a part of a group is: "nearly 9,000 of the arrivals were Sudanese refugees",
    "some 100,000 of those who crossed were citizens of third countries", "about 150,000
    of them Venezuelans" -> the noun phrase after "of them/those/the X (were)"."""
    m = _PART_OF_RE.match(ctx.text, q.end, e)
    if m is None:
        return None
    toks = ctx.toks_in(m.end(), e)
    if not toks or toks[0].start != m.end():
        return None
    take: list[PTok] = []
    for k, t in enumerate(toks):
        if t.pos in ("ADJ", "NOUN", "PROPN") or (
            t.text == "of"
            and take
            and take[-1].pos == "NOUN"
            and k + 1 < len(toks)
            and toks[k + 1].pos in ("ADJ", "NOUN", "PROPN")
        ):
            take.append(t)
        else:
            break
        if len(take) > 6:
            return None
    while take and take[-1].pos not in ("NOUN", "PROPN"):
        take.pop()
    if not take:
        return None
    text = ctx.text[take[0].start : take[-1].end]
    of = next((k for k, t in enumerate(take) if t.text == "of"), len(take))
    if not _is_people({"text": text, "head": take[of - 1].text}, ctx):
        return None
    return Span(text, take[0].start, take[-1].end)


def _extend_members_of(ctx: _Ctx, noun: dict[str, Any], e: int) -> dict[str, Any]:
    """'3,500 members of a migrant caravan': a bare group word takes the group it is of."""
    if noun["text"].lower() not in ("members", "part", "parts"):
        return noun
    m = re.match(r"\s+of\s+", ctx.text[noun["end"] : noun["end"] + 5])
    if m is None:
        return noun
    toks = ctx.toks_in(noun["end"] + m.end(), e)
    take = []
    for t in toks[:5]:
        if t.pos in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or t.text == "-":
            take.append(t)
        else:
            break
    while take and take[-1].pos not in ("NOUN", "PROPN"):
        take.pop()
    if not take:
        return noun
    return {**noun, "text": ctx.text[noun["start"] : take[-1].end], "end": take[-1].end}


_DEMONYM_LIST = re.compile(r"(?:\s*,\s*[A-Z][\w’'-]+)*\s*,?\s+(?:and|or)\s+[A-Z][\w’'-]+")
_PEOPLE_LIST = re.compile(r"(?:\s*,\s*[a-z]+)*\s*,?\s+(?:and|or)\s+[a-z]+")


# "refugees and asylum seekers", "Ukrainians and their family members": a second group
# of people joined to the counted one
_PEOPLE_CONJUNCT = re.compile(
    r"\s+(?:and|or)\s+(?:their\s+|other\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?:asylum[\s-]seekers|migrants|refugees|members|relatives|families|dependants|"
    r"dependents|returnees)\b"
)


def _extend_demonym_list(ctx: _Ctx, noun: dict[str, Any]) -> dict[str, Any]:
    """'160,000 Cubans, Haitians, Nicaraguans and Venezuelans': the population is the whole
    list of nationalities, not its first item; 'refugees and asylum seekers', 'Ukrainians
    and their family members': both groups."""
    conj = _PEOPLE_CONJUNCT.match(ctx.text, noun["end"])
    if conj is not None and _is_people(noun, ctx):
        return {**noun, "text": ctx.text[noun["start"] : conj.end()], "end": conj.end()}
    words = noun["text"].split()
    groups = ctx.groups
    listed = ctx.rules.list_people_words
    if words and words[-1].lower() in listed:
        # "32,425 men, women and children"
        m = _PEOPLE_LIST.match(ctx.text, noun["end"])
        if m is not None and all(w.lower() in listed for w in re.findall(r"\w+", m.group(0))
                                 if w.lower() not in ("and", "or")):  # fmt: skip
            return {**noun, "text": ctx.text[noun["start"] : m.end()], "end": m.end()}
        return noun
    if not words or words[-1] not in groups:
        return noun
    m = _DEMONYM_LIST.match(ctx.text, noun["end"])
    if m is None:
        return noun
    items = re.findall(r"[A-Z][\w’'-]+", m.group(0))
    if not items or any(w not in groups for w in items):
        return noun
    end = m.end()
    return {**noun, "text": ctx.text[noun["start"] : end], "end": end, "head": items[-1]}


_BRINGS_TO_RE = re.compile(
    r"^\s+(?:the\s+)?(?:total\s+)?(?:number|count|total)\s+of\s+((?:[\w’'-]+\s+){0,3}?"
    r"(?:people|persons|IDPs|refugees|migrants|returnees|displaced|individuals|families|"
    r"children)(?:\s+(?:displaced|evacuated|affected|returned))?)\b",
    re.I,
)
_BRINGS_TO_GROUP_RE = re.compile(
    r"^\s+(?:the\s+)?(?:total\s+)?(?:number|count|total)\s+of\s+([A-Z][\w’'-]+)\b"
)
_STANDS_AT_RE = re.compile(
    # ("The flow of refugees into Egypt slowed to about 2,000 a day")
    r"\b(?:the\s+)?(?:total\s+)?(?:number|count|total|flow|influx|stream)\s+of\s+((?:[\w’'-]+\s+){0,4}?"
    r"[\w’'-]+)\b[^.;]{0,80}?\b(?:is|was|stands|stood|now\s+stands|reached|rose|grew|climbed|fell|"
    r"increased|risen|fallen|dropped|declined|grown|at|to|"
    # "The number of Ukrainian refugees in Czechia has topped 500,000"
    r"topped|tops|passed|passes|exceeded|exceeds|surpassed|hit|neared|nears)\s+"
    # ("has fallen from nearly 4,000 in January to about 2,300": the level it fell from)
    r"(?:at\s+|to\s+|now\s+|from\s+(?:an?\s+(?:peak|high|record)\s+of\s+)?)?"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|"
    r"almost\s+|more\s+than\s+|over\s+)?$",
    re.I,
)


def _number_population(ctx: _Ctx, q: Quantity, s: int, e: int) -> Span | None:
    """'This brings to 332,000 the number of people displaced'; 'the total number of
    returnees from Pakistan ... is now 253,000': the counted noun stated around "number of"."""
    m = _BRINGS_TO_RE.match(ctx.text[q.end : e])
    if m:
        ps = q.end + m.start(1)
        return Span(m.group(1), ps, ps + len(m.group(1)))
    m = _BRINGS_TO_GROUP_RE.match(ctx.text[q.end : e])
    if m and m.group(1) in ctx.groups:
        # "brings to about 30,600 the number of Rohingya living on the silt island"
        ps = q.end + m.start(1)
        return Span(m.group(1), ps, ps + len(m.group(1)))
    m = _STANDS_AT_RE.search(ctx.text[s : q.start])
    if m:
        ps = s + m.start(1)
        words = m.group(1)
        cut = re.search(r"\s+(?:from|in|of|who|between|since)\b", words)
        if cut:
            words = words[: cut.start()]
        kept = words.split()
        if kept and not _is_people({"text": words, "head": kept[-1]}, ctx):
            # "the number of people uprooted since the coup": up to the people noun
            for k in range(len(kept) - 1, 0, -1):
                head = " ".join(kept[:k])
                if _is_people({"text": head, "head": kept[k - 1]}, ctx):
                    words = head
                    break
        pe = ps + len(words)
        # the lazy match stops early ("the number of new arrivals has slowed, to ..."):
        # the noun phrase runs on over adjectives and nouns
        for t in ctx.toks_in(pe, min(e, pe + 40)):
            if t.start > pe + 1 or t.pos not in ("ADJ", "NOUN", "PROPN"):
                break
            pe = t.end
        return Span(ctx.text[ps:pe], ps, pe)
    return None


_TOTAL_VERBS = {"reach", "total", "number", "stand", "hit", "top", "exceed", "rise", "climb",
                "grow", "surpass", "pass"}  # fmt: skip


def _subject_count(ctx: _Ctx, q: Quantity, s: int, e: int) -> Span | None:
    """'Encounters with Russians reached 21,763': a figure that is the object of
    reach/total/stand at, whose subject is the counted people or events."""
    t = ctx.tok_at(q.start)
    if t is None:
        return None
    for a in _ancestors(ctx, t)[:3]:
        if a.pos == "VERB" and a.lemma.lower() in _TOTAL_VERBS:
            sj = _subject_of(ctx, a, s, e)
            if sj is None:
                return None
            a0, a1 = _subtree(ctx, sj, s, e)
            span = Span(ctx.text[a0:a1], a0, a1)
            head = sj.text.lower()
            if head in ctx.rules.event_nouns or _is_people({"text": sj.text, "head": head}, ctx):
                return span
            return None
    return None


def _in_their_numbers(ctx: _Ctx, q: Quantity, s: int, e: int) -> Span | None:
    """'Russian men are fleeing their homeland, reportedly in their tens of thousands':
    the people counted are the subject of the verb the figure modifies."""
    if not re.search(r"\bin\s+their\s+$", ctx.text[max(s, q.start - 12) : q.start]):
        return None
    t = ctx.tok_at(q.start)
    if t is None:
        return None
    for a in _ancestors(ctx, t):
        if a.pos in ("VERB", "AUX"):
            sj = _subject_of(ctx, a, s, e)
            if sj is not None:
                a0, a1 = _subtree(ctx, sj, s, e)
                return Span(ctx.text[a0:a1], a0, a1)
    return None


def _number_of(ctx: _Ctx, q: dict[str, Any], s: int) -> Span | None:
    """'the number of daily border crossings nearly doubled' -> 'daily border crossings'."""
    before = ctx.text[s : q["start"]]
    m = re.search(
        r"\b(?:the\s+)?(?:number|numbers|flow|influx|count)\s+of\s+((?:[\w’'-]+\s+){0,10}?[\w’'-]+)"
        r"\s+(?:(?:has|have|had|is|are|was|were|more|than|nearly|almost|roughly|about|"
        r"just|well|over|up|down|by)\s+)*$",
        before,
    )
    if not m:
        return None
    ps = s + m.start(1)
    pe = s + m.end(1)
    # (and "companies registered by Russian nationals": the head before an agent phrase)
    cut = re.search(
        r"\s+(?:has|have|had|is|are|was|were|in|from|to|at)\b|\s+[a-z]+(?:ed|en)\s+by\b",
        ctx.text[ps:pe],
    )
    if cut:
        pe = ps + cut.start()
    return Span(ctx.text[ps:pe], ps, pe)
