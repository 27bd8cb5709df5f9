"""Pure claim resolution: the mentions of an article and its parse -> ``Claim`` records.

The input is plain data (``ClaimInput``): the tokens with their dependency parse, the
sentences, and what the other components found (quantities with their counted noun,
countries, places, officials, dates, NER entities). Nothing here needs spaCy, so it can be
tested on hand-built inputs and runs the same in any process.

For every quantity of kind count/change/share, in order:

1. **population** - the noun it counts; a claim only if that noun is about people
   (``people_nouns``, or a plural demonym such as "Russians"); a quantity with no noun of
   its own takes the population of the figure it restates ("now their number has
   increased to about ten thousand"; "thousands were wounded"), and a change takes the
   noun of "the number of X". Vehicles, buildings, homes and other things are dropped.
2. **event** - the trigger that governs it: the verb on the quantity's path to the root
   of the parse, then multi-word triggers and trigger nouns in the sentence, nearest first.
3. **origin / destination** - country and place mentions read through the preposition
   or verb before them ("from X" -> origin, "to/into/in X" -> destination, "fled X" ->
   origin, "entered X" -> destination), "the country" and "there" resolved to the country
   the context makes certain, the nationality in the population as origin; then SPEC's
   event rules (departure keeps origin; arrival/asylum/stock/border_encounter keep the
   destination; casualty takes an origin only from a nationality). Several destinations
   at once give ``None``.
4. **time** - the date mention in the sentence nearest the figure that is not the date
   it was *said* ("told reporters on September 27"); "since <undated event>" gives
   ``from`` None, ``to`` published; "as of / by X" gives ``from`` None, ``to`` X.
5. **source** - "according to X", the subject of a reporting verb ("X said", "data ...
   indicated"), "he said" resolved to the last official named before; its kind
   (person / organization / media), role and country.
6. **confidence** - a score in [0, 1] from what could be resolved.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from .geo import CountryGazetteer, country_gazetteer
from .officials import RoleRules, role_rules
from .records import (
    Claim,
    Country,
    DateMention,
    Event,
    Location,
    Official,
    Place,
    Quantity,
    Source,
    Span,
    TimeRef,
    claim_id,
)

__all__ = ["ClaimInput", "ClaimRules", "PTok", "claim_rules", "resolve_claims"]


@dataclass(frozen=True, slots=True)
class PTok:
    """One token of the parse, as plain data."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int


@dataclass
class ClaimInput:
    text: str
    doc_id: str | None
    published: date | None
    tokens: list[PTok]
    sentences: list[tuple[int, int]]
    quantities: list[dict[str, Any]]
    countries: list[Country] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    entities: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class ClaimRules:
    verb_triggers: dict[str, str]
    phrase_triggers: dict[str, str]
    noun_triggers: dict[str, str]
    people: frozenset[str]
    not_people: frozenset[str]
    reporting_verbs: frozenset[str]
    reporting_nouns: frozenset[str]
    media_words: frozenset[str]
    future_words: frozenset[str]
    _phrase_re: re.Pattern[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        alt = "|".join(re.escape(p) for p in sorted(self.phrase_triggers, key=len, reverse=True))
        self._phrase_re = re.compile(rf"\b(?:{alt})\b", re.I)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ClaimRules:
        types = {"departure", "arrival", "border_encounter", "asylum", "mobilization", "onward",
                 "return", "stock", "casualty", "other"}  # fmt: skip
        for key in ("verb_triggers", "phrase_triggers", "noun_triggers"):
            bad = set(d[key].values()) - types
            if bad:
                raise ValueError(f"claims rules: {key} has unknown event types {sorted(bad)}")
        return cls(
            verb_triggers=dict(d["verb_triggers"]),
            phrase_triggers={k.lower(): v for k, v in d["phrase_triggers"].items()},
            noun_triggers=dict(d["noun_triggers"]),
            people=frozenset(d["people_nouns"]),
            not_people=frozenset(d["not_people"]),
            reporting_verbs=frozenset(d["reporting_verbs"]),
            reporting_nouns=frozenset(d["reporting_nouns"]),
            media_words=frozenset(d["media_words"]),
            future_words=frozenset(d["future_words"]),
        )


@lru_cache(maxsize=1)
def claim_rules() -> ClaimRules:
    raw = resources.files("migration_extract.data").joinpath("claims_rules.json").read_text("utf-8")
    return ClaimRules.from_json(json.loads(raw))


_CLAIM_KINDS = ("count", "change", "share")
_SPEAKER_PRONOUNS = {"he", "she", "they", "it"}


# --------------------------------------------------------------------------- helpers


class _Ctx:
    """Indexes over one article's input, built once per call."""

    def __init__(self, inp: ClaimInput, rules: ClaimRules, gaz: CountryGazetteer, rr: RoleRules):
        self.inp = inp
        self.rules = rules
        self.gaz = gaz
        self.rr = rr
        self.text = inp.text
        self.toks = inp.tokens
        self.sents = _split_lines(inp.text, inp.sentences)
        self.geo: list[tuple[int, int, str | None, str]] = sorted(
            [(c.start, c.end, c.code, "country") for c in inp.countries]
            + [(p.start, p.end, p.code, "place") for p in inp.places]
        )
        self._tok_starts = [t.start for t in self.toks]

    def sent_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.sents:
            if s <= pos < e:
                return s, e
        return 0, len(self.text)

    def tok_at(self, pos: int) -> PTok | None:
        import bisect

        k = bisect.bisect_right(self._tok_starts, pos) - 1
        if 0 <= k < len(self.toks) and self.toks[k].start <= pos < max(self.toks[k].end, pos + 1):
            return self.toks[k]
        return None

    def toks_in(self, s: int, e: int) -> list[PTok]:
        return [t for t in self.toks if t.start >= s and t.end <= e]


def _split_lines(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parser sentences, cut again at line breaks (headlines and captions have no full
    stop), trimmed of surrounding white space."""
    out: list[tuple[int, int]] = []
    if not sents:
        sents = [(0, len(text))]
    for s, e in sents:
        pos = s
        for part in re.split(r"(\n+)", text[s:e]):
            ps, pe = pos, pos + len(part)
            pos = pe
            if not part.strip() or part.startswith("\n"):
                continue
            lead = len(part) - len(part.lstrip())
            trail = len(part) - len(part.rstrip())
            out.append((ps + lead, pe - trail))
    return out


def _is_people(noun: dict[str, Any] | None, ctx: _Ctx) -> bool | None:
    """True/False when the counted noun decides it, None when there is no noun."""
    if noun is None:
        return None
    head = (noun.get("head") or "").lower()
    words = noun["text"].split()
    last = words[-1].lower() if words else ""
    # "men of military age": the head is the word before "of"
    if " of " in noun["text"]:
        last = noun["text"].split(" of ")[0].split()[-1].lower()
    r = ctx.rules
    if last in r.not_people or head in r.not_people:
        return False
    if last in r.people or head in r.people:
        return True
    if words and (words[-1] in ctx.gaz.demonyms or words[-1].rstrip("s") in ctx.gaz.demonyms):
        return True
    return False


def _ancestors(ctx: _Ctx, t: PTok) -> list[PTok]:
    out = []
    seen = {t.i}
    cur = t
    for _ in range(12):
        h = ctx.toks[cur.head] if 0 <= cur.head < len(ctx.toks) else cur
        if h.i in seen:
            break
        out.append(h)
        seen.add(h.i)
        cur = h
    return out


# --------------------------------------------------------------------------- parts


def _event(ctx: _Ctx, q: dict[str, Any], noun: dict[str, Any] | None, s: int, e: int) -> Event | None:
    r = ctx.rules
    anchor_pos = noun["start"] if noun else q["start"]
    anchor = ctx.tok_at(anchor_pos) or ctx.tok_at(q["start"])
    sent_text = ctx.text[s:e]
    phrase_hits = [
        (m.start() + s, m.end() + s, r.phrase_triggers[m.group(0).lower()])
        for m in r._phrase_re.finditer(sent_text)
    ]
    # 1. the verbs on the path from the quantity to the root
    if anchor is not None:
        for a in _ancestors(ctx, anchor):
            if not (s <= a.start < e):
                break
            if a.pos in ("VERB", "AUX") or a.pos == "NOUN" and a.dep == "ROOT":
                # a phrase trigger that contains this verb wins ("came across", "called up")
                for ps, pe, typ in phrase_hits:
                    if ps <= a.start < pe:
                        return Event(typ, ctx.text[ps:pe], ps, pe)
                typ = r.verb_triggers.get(a.lemma.lower())
                if typ is not None and a.lemma.lower() not in r.reporting_verbs:
                    return Event(typ, a.text, a.start, a.end)
    # 2. the nearest phrase trigger, verb trigger or noun trigger in the sentence
    cands: list[tuple[int, str, int, int]] = []
    for ps, pe, typ in phrase_hits:
        cands.append((abs(ps - q["start"]), typ, ps, pe))
    for t in ctx.toks_in(s, e):
        lem = t.lemma.lower()
        if t.pos in ("VERB",) and lem in r.verb_triggers and lem not in r.reporting_verbs:
            cands.append((abs(t.start - q["start"]) + 5, r.verb_triggers[lem], t.start, t.end))
        elif t.pos in ("NOUN", "PROPN", "ADJ") and t.text.lower() in r.noun_triggers:
            cands.append((abs(t.start - q["start"]) + 15, r.noun_triggers[t.text.lower()], t.start, t.end))
    if not cands:
        return None
    cands.sort()
    _, typ, ps, pe = cands[0]
    return Event(typ, ctx.text[ps:pe], ps, pe)


_FROM_RE = re.compile(r"(?:\bfrom|\bout\s+of|\bleaving|\bleft|\bleave|\bfled|\bflee|\bfleeing|\bescaped|\bescaping|\bexited)\s+(?:the\s+)?$", re.I)
_TO_RE = re.compile(
    r"(?:\bto|\binto|\bin|\btowards?|\bfor|\bentered|\benter|\bentering|\breached|\breach|\bcrossed|\bcrossing|\bat|\bacross|\bvia|\bwithin|\binside)\s+(?:neighbou?ring\s+|the\s+)?$",
    re.I,
)


def _geo_in(ctx: _Ctx, s: int, e: int) -> list[tuple[int, int, str | None, str]]:
    return [g for g in ctx.geo if g[0] >= s and g[1] <= e]


def _resolve_anaphor(
    ctx: _Ctx, pos: int, s: int, exclude: set[str | None], source_country: str | None
) -> tuple[str | None, int, int] | None:
    """'there' / 'the country': the country the context makes certain."""
    before = [g for g in ctx.geo if g[1] <= pos and g[2] is not None and g[2] not in exclude]
    in_sent = [g for g in before if g[0] >= s]
    if in_sent:
        g = in_sent[-1]
        return g[2], g[0], g[1]
    if source_country and source_country not in exclude:
        return source_country, -1, -1
    # the previous sentence's last country
    prev_s = [ss for ss in ctx.sents if ss[1] <= s]
    if prev_s:
        ps, pe = prev_s[-1]
        prev = [g for g in before if g[0] >= ps]
        codes = {g[2] for g in prev}
        if len(codes) == 1:
            g = prev[-1]
            return g[2], g[0], g[1]
    return None


def _places(
    ctx: _Ctx, q: dict[str, Any], ev: Event | None, pop: Span | None, s: int, e: int,
    source_country: str | None,
) -> tuple[Location | None, Location | None]:
    text = ctx.text
    origins: list[tuple[int, Location]] = []
    dests: list[tuple[int, Location]] = []
    nationality: Location | None = None
    if pop is not None:
        for g in _geo_in(ctx, pop.start, pop.end):
            if g[3] == "country" and g[2]:
                nationality = Location(g[2], text[g[0] : g[1]], g[0], g[1])
                break
    etype = ev.type if ev else "other"
    for gs, ge, code, _kind in _geo_in(ctx, s, e):
        if code is None or (pop is not None and pop.start <= gs < pop.end):
            continue
        before = text[max(s, gs - 25) : gs]
        after = text[ge : ge + 3]
        loc = Location(code, text[gs:ge], gs, ge)
        dist = abs(gs - q["start"])
        if re.search(r"(?:’s|'s)$", text[gs : ge + 2]) or after.startswith(("’s", "'s")):
            continue  # "Russia's borders", "Georgia's governor": not a side
        if _FROM_RE.search(before):
            origins.append((dist, loc))
        elif _TO_RE.search(before):
            dests.append((dist, loc))
    # anaphors: "the country", "there"
    for m in re.finditer(r"\b(?:the country|there|that country|the nation)\b", text[s:e], re.I):
        a0, a1 = s + m.start(), s + m.end()
        before = text[max(s, a0 - 25) : a0]
        is_from = bool(_FROM_RE.search(before))
        is_to = bool(_TO_RE.search(before)) or m.group(0).lower() == "there"
        if not (is_from or is_to):
            continue
        if m.group(0).lower() == "there" and re.match(r"\s+(?:is|are|was|were|have|has|had)\b", text[a1 : a1 + 6]):
            continue  # existential "there were"
        exclude: set[str | None] = set()
        if is_to and nationality is not None:
            exclude.add(nationality.code)
        if is_from and nationality is not None and etype in ("departure", "other", "mobilization"):
            origins.append((abs(a0 - q["start"]), Location(nationality.code, text[a0:a1], a0, a1)))
            continue
        origin_codes = {lo.code for _, lo in origins}
        res = _resolve_anaphor(ctx, a0, s, exclude | (origin_codes if is_to else set()), source_country)
        if res is None:
            continue
        code = res[0]
        loc = Location(code, text[a0:a1], a0, a1)
        (origins if is_from and not is_to else dests).append((abs(a0 - q["start"]), loc))
    origins.sort(key=lambda x: x[0])
    dests.sort(key=lambda x: x[0])
    origin = origins[0][1] if origins else None
    dest = dests[0][1] if dests else None
    # several destinations listed together -> None (SPEC)
    if len({d.code for _, d in dests if abs(d.start - dests[0][1].start) < 40}) > 1 and len(dests) > 1:
        seq = text[min(d.start for _, d in dests[:3]) : max(d.end for _, d in dests[:3])]
        if re.search(r",|\band\b|\bor\b", seq):
            dest = None
    if origin is None and nationality is not None and etype not in ("casualty",):
        origin = nationality
    if etype == "casualty" and origin is not None and nationality is None:
        origin = None
    if etype == "mobilization":
        dest = None
        if origin is None:
            origin = _main_country(ctx, s, e)
    if origin is not None and dest is not None and origin.code == dest.code:
        if etype in ("departure", "onward"):
            dest = None
        else:
            origin = None if nationality is None or nationality.code == dest.code else nationality
    return origin, dest


def _main_country(ctx: _Ctx, s: int, e: int) -> Location | None:
    g = _geo_in(ctx, s, e)
    if g:
        x = g[0]
        return Location(x[2], ctx.text[x[0] : x[1]], x[0], x[1])
    for o in ctx.inp.officials:
        if o.country and s <= o.start < e:
            return Location(o.country, o.text, o.start, o.end)
    return None


_SINCE_EVENT_RE = re.compile(
    r"\bsince\s+(?:the\s+|last\s+week[’']s\s+|its\s+|his\s+|their\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:mobili[sz]ation|invasion|war|outbreak|announcement|start|beginning|order|decree|"
    r"attack|offensive|takeover|fall|coup|conflict|fighting|crisis|earthquake|election)"
    r"(?:\s+(?:was|were|had\s+been|has\s+been)\s+\w+|\s+began|\s+started|\s+of\s+the\s+\w+)?",
    re.I,
)
_REPORTED_DATE_RE = re.compile(
    r"\b(?:said|says|told|announced|reported|added|stated|declared|confirmed|wrote|tweeted|"
    r"told\s+reporters|told\s+\w+|said\s+in\s+a\s+statement)\s+(?:on\s+|late\s+|early\s+)?$",
    re.I,
)


def _time(ctx: _Ctx, q: dict[str, Any], s: int, e: int) -> TimeRef | None:
    text = ctx.text
    pub = ctx.inp.published
    cands: list[tuple[int, TimeRef]] = []
    for d in ctx.inp.dates:
        if not (s <= d.start < e):
            continue
        before = text[max(s, d.start - 30) : d.start]
        if _REPORTED_DATE_RE.search(before):
            continue
        lo, hi = d.date_from, d.date_to
        start = d.start
        m = re.search(r"\b(?:as\s+of|by)\s+$", before)
        if m:
            lo = None
            start = d.start - (len(before) - m.start())
        cands.append((abs(d.start - q["start"]), TimeRef(text[start : d.end], start, d.end, lo, hi)))
    m2 = _SINCE_EVENT_RE.search(text[s:e])
    if m2:
        ms, me = s + m2.start(), s + m2.end()
        inner = [d for d in ctx.inp.dates if ms <= d.start < me + 12]
        if inner and text[me : inner[0].start].strip().lower() in ("in", "on", ""):
            me = max(me, inner[0].end)
            lo = inner[0].date_from
        elif inner and ms <= inner[0].start < me:
            lo = inner[0].date_from
        else:
            lo = None
        ref = TimeRef(text[ms:me], ms, me, lo, pub.isoformat() if pub else None)
        cands = [c for c in cands if not (ms <= c[1].start < me)]
        cands.append((abs(ms - q["start"]) - 1, ref))
    if not cands:
        return None
    cands.sort(key=lambda c: c[0])
    return cands[0][1]


_ACCORDING_RE = re.compile(r"\b(?:according\s+to|citing|cited\s+by|reported\s+by|data\s+from|figures\s+from)\s+", re.I)


def _source(ctx: _Ctx, q: dict[str, Any], s: int, e: int) -> Source | None:
    text = ctx.text
    sent = text[s:e]
    # 1. "according to X"
    m = _ACCORDING_RE.search(sent)
    if m:
        a0 = s + m.end()
        cut = re.search(r"[,.;:(\n]|\s+(?:more|at\s+least|some|about|roughly|nearly|over)\s+\d", text[a0:e])
        a1 = a0 + (cut.start() if cut else e - a0)
        src = _make_source(ctx, a0, a1)
        if src is not None:
            return src
    # 2. the subject of a reporting verb in the sentence
    best: tuple[int, Source] | None = None
    for t in ctx.toks_in(s, e):
        if t.lemma.lower() not in ctx.rules.reporting_verbs or t.pos not in ("VERB", "AUX"):
            continue
        subj = [c for c in ctx.toks_in(s, e) if c.head == t.i and c.dep in ("nsubj", "nsubjpass")]
        if not subj:
            continue
        sj = subj[0]
        sub_s, sub_e = _subtree(ctx, sj)
        if sj.text.lower() in _SPEAKER_PRONOUNS:
            src = _pronoun_source(ctx, sj.start, sj.end)
        else:
            src = _make_source(ctx, sub_s, sub_e)
        if src is not None:
            d = abs(t.start - q["start"])
            if best is None or d < best[0]:
                best = (d, src)
    if best:
        return best[1]
    # 3. "..., X said." at the end of a quote without a parse link
    m3 = re.search(r"[,”\"]\s*([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}|he|she|they)\s+(?:said|says|added|told)\b", sent)
    if m3:
        a0, a1 = s + m3.start(1), s + m3.end(1)
        if m3.group(1).lower() in _SPEAKER_PRONOUNS:
            return _pronoun_source(ctx, a0, a1)
        return _make_source(ctx, a0, a1)
    return None


def _subtree(ctx: _Ctx, t: PTok) -> tuple[int, int]:
    """Character extent of a token's subtree, cut at the first comma (apposition)."""
    members = {t.i}
    changed = True
    while changed:
        changed = False
        for x in ctx.toks:
            if x.head in members and x.i not in members and x.i != x.head:
                members.add(x.i)
                changed = True
    idx = sorted(members)
    lo, hi = idx[0], idx[-1]
    # stop at a comma after the head (apposition / relative clause)
    for k in range(t.i + 1, hi + 1):
        if ctx.toks[k].text in (",", "(", "—", "–"):
            hi = k - 1
            break
    for k in range(t.i - 1, lo - 1, -1):
        if ctx.toks[k].text in (",", "(", "“", '"'):
            lo = k + 1
            break
    return ctx.toks[lo].start, ctx.toks[hi].end


def _pronoun_source(ctx: _Ctx, a0: int, a1: int) -> Source | None:
    """'he said' -> the last official (or person) named before."""
    prev = [o for o in ctx.inp.officials for ms, me in o.mentions if me <= a0]
    if prev:
        best = max(
            ((ms, o) for o in ctx.inp.officials for ms, me in o.mentions if me <= a0),
            key=lambda x: x[0],
        )[1]
        return Source(best.name, "person", best.role, best.country, ctx.text[a0:a1], a0, a1)
    return None


def _make_source(ctx: _Ctx, a0: int, a1: int) -> Source | None:
    text = ctx.text
    span = text[a0:a1].strip()
    if not span:
        return None
    a0 = a0 + (len(text[a0:a1]) - len(text[a0:a1].lstrip()))
    a1 = a0 + len(span)
    # an official mentioned inside the span
    for o in ctx.inp.officials:
        for ms, me in o.mentions:
            if a0 <= ms and me <= a1:
                return Source(o.name, "person", o.role, o.country, text[a0:a1], a0, a1)
    low = span.lower()
    words = re.findall(r"[\w’'.\-]+", span)
    if not words:
        return None
    if low in _SPEAKER_PRONOUNS or low in ("it", "this", "that", "which", "who"):
        return None
    # an acronym defined in the span: "the US Customs and Border Protection (CBP)"
    acr = re.search(r"\(([A-Z]{2,8})\)", text[a0 : a1 + 8])
    name = acr.group(1) if acr else re.sub(r"^(?:the|The|a|A|an|An)\s+", "", span)
    name = re.sub(r"^(?:Data|Figures|Statistics|Data\s+made\s+available)\s+(?:made\s+available\s+)?(?:by|from)\s+(?:the\s+)?", "", name)
    name = name.rstrip(" ,.;:")
    if acr is None:
        m = re.search(r"\(([A-Z]{2,8})\)", name)
        if m:
            name = m.group(1)
    kind = "organization"
    media_words = ctx.rules.media_words
    if name in ctx.rr.media or any(w.lower() in media_words for w in words[-3:]):
        kind = "media"
    elif any(e[2] == "PERSON" and a0 <= e[0] and e[1] <= a1 for e in ctx.inp.entities):
        kind = "person"
    country = None
    for g in _geo_in(ctx, a0, a1):
        if g[3] == "country":
            country = g[2]
            break
    if country is None:
        o = ctx.rr.org_in(span)
        if o is not None and not o[2]:
            country = o[1]
        else:
            country = ctx.gaz.metonym(name) or ctx.gaz.code(name)
    if kind == "media" and country is None:
        country = ctx.rr.national.get(name)
    if name.lower() in ("reports", "media reports", "some media reports", "officials", "sources"):
        kind = "media" if "media" in name.lower() or name.lower() == "reports" else kind
    return Source(name, kind, None, country, text[a0:a1], a0, a1)


def _number_of(ctx: _Ctx, q: dict[str, Any], s: int) -> Span | None:
    """'the number of daily border crossings nearly doubled' -> 'daily border crossings'."""
    before = ctx.text[s : q["start"]]
    m = re.search(r"\b(?:the\s+)?(?:number|numbers|flow|influx|count)\s+of\s+((?:[\w’'-]+\s+){0,4}?[\w’'-]+)\s+(?:[\w’'-]+\s+){0,5}?$", before)
    if not m:
        return None
    ps = s + m.start(1)
    pe = s + m.end(1)
    # cut at the first verb-like word
    words = ctx.text[ps:pe]
    cut = re.search(r"\s+(?:has|have|had|is|are|was|were|in|from|to|at)\b", words)
    if cut:
        pe = ps + cut.start()
    return Span(ctx.text[ps:pe], ps, pe)


# --------------------------------------------------------------------------- main


def resolve_claims(
    inp: ClaimInput,
    rules: ClaimRules | None = None,
    gazetteer: CountryGazetteer | None = None,
    roles: RoleRules | None = None,
) -> list[Claim]:
    """Every claim in one article (SPEC section 2), in text order."""
    ctx = _Ctx(inp, rules or claim_rules(), gazetteer or country_gazetteer(), roles or role_rules())
    out: list[Claim] = []
    last_pop: dict[tuple[int, int], tuple[Span, int]] = {}
    for qd in inp.quantities:
        if qd.get("kind") not in _CLAIM_KINDS:
            continue
        q = Quantity.from_dict(qd)
        s, e = ctx.sent_of(q.start)
        noun = qd.get("noun")
        people = _is_people(noun, ctx)
        pop: Span | None = None
        inherited = False
        if noun is not None and people:
            pop = Span(noun["text"], noun["start"], noun["end"])
        elif people is False:
            continue
        else:
            # no noun of its own: a change of "the number of X", a restated figure
            if q.kind == "change":
                pop = _number_of(ctx, qd, s)
            if pop is None and (s, e) in last_pop:
                pop = last_pop[(s, e)][0]
                inherited = True
            if pop is None:
                between = ctx.text[q.end : min(e, q.end + 40)].lower()
                if re.match(r"\s*(?:of\s+(?:them|those|these|the\s+\w+)|were|have|had|are|fled|left)\b", between):
                    pop = None  # elliptical but about people in context: keep, no population
                else:
                    continue
            if pop is not None and not _is_people({"text": pop.text, "head": pop.text.split()[-1]}, ctx):
                continue
        ev = _event(ctx, qd, noun if not inherited else None, s, e)
        if pop is None and ev is None:
            continue
        src = _source(ctx, qd, s, e)
        origin, dest = _places(ctx, qd, ev, pop, s, e, src.country if src else None)
        tm = _time(ctx, qd, s, e)
        if pop is not None and not inherited:
            last_pop[(s, e)] = (pop, q.start)
        filled = sum(x is not None for x in (pop, ev, origin or dest, tm, src))
        conf = 0.35 + 0.12 * filled - (0.1 if inherited else 0.0)
        if ev is None or ev.type == "other":
            conf -= 0.1
        out.append(
            Claim(
                id=claim_id(inp.doc_id, q.start, q.end),
                doc_id=inp.doc_id,
                quantity=q,
                sentence=Span(ctx.text[s:e], s, e),
                population=pop,
                event=ev,
                origin=origin,
                destination=dest,
                time=tm,
                source=src,
                confidence=round(max(0.05, min(0.99, conf)), 2),
            )
        )
    return out
