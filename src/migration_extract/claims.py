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

import bisect
import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from .dates import resolve_date
from .geo import CountryGazetteer, country_gazetteer
from .numbers import rules as number_rules
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


# word lists of data/claims_rules.json read as sets (optional in a rules file of one's own)
_LEXICONS = (
    "speaker_heads", "generic_sources", "recording_verbs", "counting_verbs", "path_only_verbs",
    "displaced_heads", "things_changed", "event_nouns", "event_nouns_not_people",
    "moved_by_others", "asylum_objects",
)  # fmt: skip


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
    ethnonyms: frozenset[str] = frozenset()
    speaker_heads: frozenset[str] = frozenset()
    generic_sources: frozenset[str] = frozenset()
    recording_verbs: frozenset[str] = frozenset()
    counting_verbs: frozenset[str] = frozenset()
    path_only_verbs: frozenset[str] = frozenset()
    displaced_heads: frozenset[str] = frozenset()
    things_changed: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    event_nouns_not_people: frozenset[str] = frozenset()
    moved_by_others: frozenset[str] = frozenset()
    asylum_objects: frozenset[str] = frozenset()
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
            ethnonyms=frozenset(d.get("ethnonyms", [])),
            **{key: frozenset(d.get(key, [])) for key in _LEXICONS},
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
        # "US Customs and Border Protection (CBP)": the article's own short names
        self.acronyms = {
            m.group(1): m.group(2)
            for m in re.finditer(
                r"((?:[A-Z][\w.’'-]*\s+)*(?:(?:of|for|and|the)\s+(?:[A-Z][\w.’'-]*\s+)*)*[A-Z][\w.’'-]*)\s+\(([A-Z][A-Za-z]{1,8})\)",
                inp.text,
            )
        }
        for full, short in list(self.acronyms.items()):
            parts = full.split()
            for k in range(1, len(parts)):
                self.acronyms.setdefault(" ".join(parts[k:]), short)
        # nationalities and stateless peoples, as words a population can end on
        self.groups: frozenset[str] = frozenset(gaz.demonyms.keys() | gaz.peoples)
        self.last_org: Source | None = None
        self.last_dest: Location | None = None
        self.last_source: Source | None = None
        self.last_mobilizer: Location | None = None
        self.orgs_seen: list[Source] = []
        self.claim_starts: list[int] = []

    def sent_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.sents:
            if s <= pos < e:
                return s, e
        return 0, len(self.text)

    def tok_at(self, pos: int) -> PTok | None:
        k = bisect.bisect_right(self._tok_starts, pos) - 1
        if 0 <= k < len(self.toks) and self.toks[k].start <= pos < max(self.toks[k].end, pos + 1):
            return self.toks[k]
        return None

    def toks_in(self, s: int, e: int) -> list[PTok]:
        k = bisect.bisect_left(self._tok_starts, s)
        out = []
        while k < len(self.toks) and self.toks[k].start < e:
            if self.toks[k].end <= e:
                out.append(self.toks[k])
            k += 1
        return out


def _split_lines(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parser sentences, cut again at line breaks (headlines and captions have no full
    stop), trimmed of surrounding white space."""
    out: list[tuple[int, int]] = []
    if not sents:
        sents = [(0, len(text))]
    # the parser sometimes cuts after an abbreviation or a bracket: "(CBP) indicated that"
    merged: list[tuple[int, int]] = []
    for s, e in sents:
        if merged and "\n" not in text[merged[-1][1] : s + 1] and text[s : s + 1].islower():
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    for s, e in merged:
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
    groups = ctx.groups
    if words and (words[-1] in groups or words[-1].rstrip("s") in groups):
        return True
    # "Rohingya Muslims", "Afghan Sikhs": a nationality or ethnic group before a plural noun
    if len(words) > 1 and last.endswith("s") and any(w in groups for w in words[:-1]):
        return True
    return False


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


_AMONG_RE = re.compile(r"\s+(?:are|were|is|was)\s+(?:now\s+|also\s+)?among\s+(?:the\s+)?(\w+)")
_LIST_PEOPLE = frozenset({"men", "women", "children", "boys", "girls", "babies", "infants",
                          "adults", "minors", "teenagers", "elderly", "families"})  # fmt: skip
_PEOPLE_LIST = re.compile(r"(?:\s*,\s*[a-z]+)*\s*,?\s+(?:and|or)\s+[a-z]+")


def _extend_demonym_list(ctx: _Ctx, noun: dict[str, Any]) -> dict[str, Any]:
    """'160,000 Cubans, Haitians, Nicaraguans and Venezuelans': the population is the whole
    list of nationalities, not its first item."""
    words = noun["text"].split()
    groups = ctx.groups
    if words and words[-1].lower() in _LIST_PEOPLE:
        # "32,425 men, women and children"
        m = _PEOPLE_LIST.match(ctx.text, noun["end"])
        if m is not None and all(w.lower() in _LIST_PEOPLE for w in re.findall(r"\w+", m.group(0))
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


# "in north-eastern Libya", "into neighbouring Chad", "from the south of"
_PLACE_MODIFIER = (
    r"(?:neighbou?ring\s+|the\s+|(?:north|south|east|west|central|northern|southern|eastern|"
    r"western|north-?eastern|north-?western|south-?eastern|south-?western|rural|coastal)\s+)?$"
)
_LOCATIVE_CONTEXT = re.compile(
    r"\b(?:war|fight|fighting|conflict|invasion|battle|offensive|front|killing|killed|"
    r"troops|army|forces)\s+(?:(?:spreads?|spreading|moves?|reaches|escalates?|intensifies|"
    r"flares?|rages?|continues?)\s+)?(?:in|on|against|with|of|to|into)\s+(?:the\s+)?$",
    re.I,
)
_FROM_RE = re.compile(
    r"(?:\bfrom|\bout\s+of|\bleaving|\bleft|\bleave|\bfled|\bflee|\bfleeing|\bescaped|"
    r"\bescaping|\bexited|\bexodus\s+from)\s+" + _PLACE_MODIFIER,
    re.I,
)
_TO_MOVE_RE = re.compile(
    r"(?:\bto|\binto|\btowards?|\bentered|\benter|\bentering|\breached|\breach|\bcrossed|"
    r"\bcross|\bcrossing|\bvia|\bacross|\bfor)\s+" + _PLACE_MODIFIER,
    re.I,
)
# a part of the group, not the group: "most of them from", "mostly students from"
_PARTLY_FROM_RE = re.compile(
    r"\b(?:most|many|some|several|mostly|mainly|largely|primarily|chiefly|predominantly|"
    r"majority)\b[^,.;:]{0,40}\bfrom\s+(?:the\s+)?$",
    re.I,
)
_IN_RE = re.compile(
    r"(?:\bin|\bat|\bwithin|\binside|\bto|\bon|\baround|\bnear|\boutside|\b(?:island|islands|coast|port|town|city|"
    r"village|province|shores)\s+of)\s+" + _PLACE_MODIFIER,
    re.I,
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
_AND_THAT = re.compile(r",\s+and\s+that\b")
_COMPARATIVE_AFTER = re.compile(r"\s+(?:the|as|that|what|its|their)\b")
_OTHER_NOUN_CLAUSE = re.compile(
    r",\s+(?:where|which|whose|with|(?:most|many|some|all|half)\s+of\s+whom)\b"
)
_OPENING_PLACE = re.compile(
    r"(?:[A-Z][A-Z’' .,-]+\s+[–—-]\s+)?(?:In|Inside|Across|Throughout|At)\s+(?:the\s+)?"
    r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*$"
)
# "had entered the bloc", "arrived in Europe": a destination that is no country, so none is
# taken from context
_NOT_A_COUNTRY_DEST = re.compile(
    r"\s+(?:(?:in|into|to|at)\s+)?(?:the\s+)?(?:bloc|EU|European\s+Union|Europe|Schengen|"
    r"continent|region)\b"
)
_NGO_NAME = re.compile(
    r"\b(?:Council|Committee|Foundation|Red\s+Cross|Red\s+Crescent|Caritas|Oxfam|Amnesty|"
    r"Save\s+the\s+Children|Rescue|Relief|Aid|Watch|Doctors|Médecins|Medecins|Mercy|"
    r"Charity|NGO|Society|Alliance|Network|Project|Mission|Church|Crescent)\b"
)
# "hoping to cross into Croatia", "trying to reach Italy": where they aim to go
_INTENT_BEFORE = re.compile(
    r"\b(?:hoping|trying|attempting|seeking|aiming|planning|waiting|intending|wanting)\s+to\s+"
    r"(?:\w+\s+){1,2}(?:\w+\s+)?$",
    re.I,
)
# "waiting on Monday for flights to the United States": a journey still to come
_FOR_TRANSPORT_TO = re.compile(
    r"\bfor\s+(?:\w+\s+)?(?:flights?|buses|boats|transport|passage|onward\s+travel)\s+to\s+$",
    re.I,
)
_FLED_WAR_IN = re.compile(
    r"\b(?:fled|flee|fleeing|flees|escaped|escaping)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:war|fighting|conflict|violence|crisis|floods?|drought|earthquake|bombing|bombardment)\s+"
    r"(?:in|across)\s+(?:the\s+)?$",
    re.I,
)
_STAY_EVENTS = ("arrival", "stock", "asylum", "border_encounter", "return")
# events whose place may come from the article's context (relocations and regularisations
# happen where the earlier figures arrived)
_CONTEXT_EVENTS = (*_STAY_EVENTS, "other")


_BENEFITS = frozenset({"payments", "payment", "benefits", "benefit", "allowance", "allowances",
                       "aid", "assistance", "support", "rations", "stipends", "cash"})  # fmt: skip


def _object_of(ctx: _Ctx, anchor: PTok, verb: PTok) -> bool:
    """Is the figure (through its noun) the direct object of ``verb``?"""
    t: PTok | None = anchor
    for _ in range(4):
        if t is None or t.head == t.i:
            return False
        if t.head == verb.i:
            return t.dep in ("dobj", "obj")
        t = ctx.toks[t.head] if 0 <= t.head < len(ctx.toks) else None
    return False


_INJURY_AFTER = re.compile(
    r"\bfor\b[^.;]{0,60}?\b(?:wounds|injuries|burns|gunshots?|trauma|smoke\s+inhalation)\b",
    re.I,
)


def _sent_back(ctx: _Ctx, verb: PTok, e: int) -> bool:
    """Does the verb carry its object back or home ("sends 3,500 migrants back to")?"""
    return any(
        c.head == verb.i and c.text.lower() in ("back", "home") and c.dep in ("prt", "advmod")
        for c in ctx.toks_in(verb.end, min(e, verb.end + 60))
    )


def _carried(ctx: _Ctx, anchor: PTok, verb: PTok, e: int) -> bool:
    """Is the figure what ``verb`` carries somewhere ("moving hundreds of others to Sicily",
    "46,000 have been moved into containers", "400 people a day were being taken by barge
    to Malakal"): its object or passive subject, with a destination after the verb."""
    t: PTok | None = anchor
    for _ in range(4):
        if t is None or t.head == t.i:
            return False
        if t.head == verb.i:
            break
        t = ctx.toks[t.head] if 0 <= t.head < len(ctx.toks) else None
    else:
        return False
    if t is None or t.dep not in ("dobj", "obj", "nsubjpass"):
        return False
    return any(
        (p.text.lower() in ("to", "into", "onto") and p.dep == "prep" and p.head in (verb.i, t.i))
        # "moved more than 120,000 people out of Renk" (not "carried out 2.8 million expulsions")
        or (
            p.text.lower() == "out"
            and p.head == verb.i
            and p.dep in ("prt", "prep", "advmod")
            and verb.lemma.lower() != "carry"
        )
        for p in ctx.toks_in(verb.end, min(e, verb.end + 80))
    )


def _event(
    ctx: _Ctx,
    q: dict[str, Any],
    anchor_pos: int,
    pop: Span | None,
    s: int,
    e: int,
    path_only: bool = False,
) -> Event | None:
    """The trigger that governs the quantity: the verbs on its path to the root first
    (a participle modifying the counted noun yields to the verb above it), then the
    nearest multi-word, verb or noun trigger in the sentence."""
    r = ctx.rules
    anchor = ctx.tok_at(anchor_pos) or ctx.tok_at(q["start"])
    sent_text = ctx.text[s:e]
    phrase_hits = [
        (m.start() + s, m.end() + s, r.phrase_triggers[m.group(0).lower()])
        for m in r._phrase_re.finditer(sent_text)
        # "going to Poland" moves people; "increases going to housing" does not
        if not (
            m.group(0).lower() in ("going to", "go to")
            and not re.match(r"\s+(?:the\s+)?[A-Z]", sent_text[m.end() : m.end() + 8])
        )
    ]

    def inside_pop(pos: int) -> bool:
        # "those who crossed", "those evacuated": the verb inside is the event
        if pop is not None and pop.text.split()[0].lower() in ("those", "them", "these"):
            return False
        return pop is not None and pop.start <= pos < pop.end

    path: list[Event] = []
    if anchor is not None:
        for a in _ancestors(ctx, anchor):
            if not (s <= a.start < e):
                break
            lo_, hi_ = sorted((a.start, anchor.start))
            if re.search(r",\s+and\s+that\b", ctx.text[lo_:hi_]):
                break  # "flying in tents, and that some 800,000 ...": another report
            if a.pos not in ("VERB", "AUX", "NOUN") or inside_pop(a.start):
                continue
            lem = a.lemma.lower()
            hit = next(((ps, pe, t) for ps, pe, t in phrase_hits if ps <= a.start < pe), None)
            if hit is not None:
                path.append(Event(hit[2], ctx.text[hit[0] : hit[1]], hit[0], hit[1]))
            elif (
                a.pos == "VERB"
                and lem in ("treat", "hospitalise", "hospitalize")
                and _INJURY_AFTER.search(ctx.text[a.end : min(e, a.end + 90)])
            ):
                # "its clinics had treated 39 people for gunshot and shrapnel wounds"
                path.append(Event("casualty", a.text, a.start, a.end))
            elif a.pos == "VERB" and lem in r.moved_by_others and _sent_back(ctx, a, e):
                # "Guatemala sends 3,500 caravan migrants back to Honduras"
                path.append(Event("return", a.text, a.start, a.end))
            elif a.pos == "VERB" and lem in r.moved_by_others and _carried(ctx, anchor, a, e):
                path.append(Event("other", a.text, a.start, a.end))
            elif (
                a.pos == "VERB"
                and lem in ("receive", "grant", "get", "obtain", "give")
                and any(
                    t.text.lower() in r.asylum_objects
                    for t in ctx.toks_in(a.end, min(e, a.end + 70))[:12]
                )
            ):
                # "have received or applied for a temporary protection permit"
                path.append(Event("asylum", a.text, a.start, a.end))
            elif (
                a.pos == "VERB"
                and lem in ("receive", "get", "draw", "claim")
                and any(
                    t.text.lower() in _BENEFITS
                    for t in ctx.toks_in(a.end, min(e, a.end + 40))[:5]
                )
            ):
                # "About 620,000 were receiving the payments": people supported where they live
                path.append(Event("stock", a.text, a.start, a.end))
            elif a.pos in ("VERB", "AUX") and lem in r.verb_triggers:
                path.append(Event(r.verb_triggers[lem], a.text, a.start, a.end))
            elif a.pos == "NOUN" and a.text.lower() in r.noun_triggers and a.dep == "ROOT":
                path.append(Event(r.noun_triggers[a.text.lower()], a.text, a.start, a.end))
            if len(path) == 2:
                break
    if path:
        first = path[0]
        ftok = ctx.tok_at(first.start)
        if ftok is not None and ftok.lemma.lower() in ("leave", "make", "render"):
            # "fire leaves 12,000 without shelter": the state it leaves them in
            end_fig = max(q["end"], pop.end if pop is not None else q["end"])
            state = next(
                (h for h in phrase_hits if end_fig <= h[0] <= end_fig + 3 and h[2] == "stock"),
                None,
            )
            if state is not None:
                return Event(state[2], ctx.text[state[0] : state[1]], state[0], state[1])
            nxt = ctx.tok_at(end_fig + 1)
            if nxt is not None and r.noun_triggers.get(nxt.text.lower()) == "stock":
                # "Fire leaves 12,000 Rohingya homeless"
                return Event("stock", nxt.text, nxt.start, nxt.end)
        pop_heads = {anchor.i, anchor.head} if anchor is not None else set()
        if (
            len(path) > 1
            and ftok is not None
            and ftok.dep in ("acl", "relcl", "amod")
            and ftok.head in pop_heads
        ):
            return path[1]  # "31,600 Russians crossing the border": a modifier of the noun
        if (
            len(path) > 1
            and ftok is not None
            and ftok.dep in ("advcl", "xcomp")
            and ftok.text.lower().endswith("ing")
            and ftok.lemma.lower() not in r.moved_by_others
            # (not "..., killing dozens of people": the figure is what the verb acts on)
            and not (anchor is not None and _object_of(ctx, anchor, ftok))
        ):
            return path[1]  # "encountered 31,600 Russians crossing ...": a small clause
        second = ctx.tok_at(path[1].start) if len(path) > 1 else None
        if (
            first.type == "other"
            and ftok is not None
            and ftok.lemma.lower() not in r.moved_by_others
            and second is not None
            and ((ftok.dep == "conj" and ftok.head == second.i) or second.head == ftok.i)
        ):
            return path[1]  # "intercepted or rescued": the specific reading wins
        return first
    if path_only:
        return None
    cands: list[tuple[int, str, int, int]] = []
    for ps, pe, typ in phrase_hits:
        if not inside_pop(ps):
            cands.append((abs(ps - q["start"]), typ, ps, pe))
    for t in ctx.toks_in(s, e):
        lem = t.lemma.lower()
        if inside_pop(t.start) and not (pop and t.text.lower() in r.noun_triggers):
            continue
        if any(d.start <= t.start < d.end for d in ctx.inp.dates) or re.match(
            r"(?:coming|following|next)\s+(?:few\s+)?(?:days|weeks|months|years|hours)\b",
            ctx.text[t.start : t.start + 30],
            re.I,
        ):
            continue  # "in the coming weeks": a time, not an arrival
        if t.pos == "VERB" and lem in r.verb_triggers and lem not in ctx.rules.path_only_verbs:
            cands.append((abs(t.start - q["start"]) + 5, r.verb_triggers[lem], t.start, t.end))
        elif t.pos in ("ADV", "ADJ") and t.text.lower() in r.verb_triggers:
            # a verb the tagger missed ("800,000 of the refugees ... live in districts")
            typ = r.verb_triggers[t.text.lower()]
            cands.append((abs(t.start - q["start"]) + 8, typ, t.start, t.end))
        elif (
            t.start == (pop.end if pop is not None else q["end"]) + 1
            and t.pos in ("NOUN", "PROPN")
            and t.text.lower() in r.verb_triggers
        ):
            # headline grammar: "More than 1,000 Rohingya land in Aceh", "Hundreds of
            # migrants queue outside ...": the tagger read the verb as a noun
            typ = r.verb_triggers[t.text.lower()]
            cands.append((abs(t.start - q["start"]) + 5, typ, t.start, t.end))
        elif t.pos in ("NOUN", "PROPN", "ADJ", "VERB") and t.text.lower() in r.noun_triggers:
            typ = r.noun_triggers[t.text.lower()]
            cands.append((abs(t.start - q["start"]) + 15, typ, t.start, t.end))
    cands = [
        c for c in cands
        if not _AND_THAT.search(ctx.text[min(c[2], q["start"]) : max(c[2], q["start"])])
    ]  # fmt: skip
    if not cands:
        return None
    cands.sort()
    _, typ, ps, pe = cands[0]
    return Event(typ, ctx.text[ps:pe], ps, pe)


def _geo_in(ctx: _Ctx, s: int, e: int) -> list[tuple[int, int, str | None, str]]:
    return [g for g in ctx.geo if g[0] >= s and g[1] <= e]


def _is_demonym_at(ctx: _Ctx, g: tuple[int, int, str | None, str]) -> bool:
    return g[3] == "country" and ctx.text[g[0] : g[1]] in ctx.gaz.demonyms


def _listed_with_others(ctx: _Ctx, g: tuple[int, int, str | None, str], e: int) -> bool:
    """'to Georgia, Kazakhstan and Mongolia': a destination listed with others."""
    after = ctx.text[g[1] : min(e, g[1] + 40)]
    m = re.match(r"\s*(?:,|\band\b|\bor\b)\s*(?:and\s+|or\s+)?(?:the\s+)?", after)
    if not m:
        return False
    nxt = g[1] + m.end()
    # "in Baidoa, the Norwegian Refugee Council said": an adjective starting a name is
    # not a second place
    return any(
        x[0] == nxt
        and x[2]
        and not (_is_demonym_at(ctx, x) and not ctx.text[x[0] : x[1]].endswith("s"))
        for x in ctx.geo
    )


def _nationality(ctx: _Ctx, pop: Span | None) -> tuple[Location | None, bool]:
    """The nationality named in the population, and whether it is an adjective
    ('Russian men') rather than the head noun ('Mongols')."""
    if pop is None:
        return None, False
    if len({g[2] for g in _geo_in(ctx, pop.start, pop.end) if g[3] == "country" and g[2]}) > 1:
        return None, False  # "Cubans, Haitians, Nicaraguans and Venezuelans": several
    for g in _geo_in(ctx, pop.start, pop.end):
        if g[3] == "country" and g[2]:
            if _listed_with_others(ctx, g, min(len(ctx.text), pop.end + 80)):
                return None, False  # "160,000 Cubans, Haitians, Nicaraguans and Venezuelans"
            word = ctx.text[g[0] : g[1]]
            adjective = g[1] < pop.end and not word.endswith("s")
            return Location(g[2], word, g[0], g[1]), adjective
    return None, False


_COUNTRY_COMPOUND = re.compile(r"-(?:led|backed|based|funded|run|brokered|made)\b")


def _sentence_countries(
    ctx: _Ctx, s: int, e: int, *, exclude_locative: bool = True
) -> list[tuple[int, int, str | None, str]]:
    out = []
    for g in _geo_in(ctx, s, e):
        if g[2] is None or g[3] != "country":
            continue
        before = ctx.text[max(s, g[0] - 25) : g[0]]
        if exclude_locative and (_LOCATIVE_CONTEXT.search(before) or _TO_MOVE_RE.search(before)):
            continue
        if _COUNTRY_COMPOUND.match(ctx.text, g[1]):
            continue  # "the US-led operation": a modifier, not a place of the figure
        out.append(g)
    return out


def _prev_sentence_place(ctx: _Ctx, s: int) -> Location | None:
    """The single country (or place) named in the previous sentence, if there is one."""
    prev = [x for x in ctx.sents if x[1] <= s]
    if not prev:
        return None
    ps, pe = prev[-1]
    gs = [g for g in _geo_in(ctx, ps, pe) if g[2] and not _is_demonym_at(ctx, g)]
    codes = {g[2] for g in gs}
    if len(codes) == 1:
        g = gs[-1]
        return Location(g[2], ctx.text[g[0] : g[1]], g[0], g[1])
    return None


def _country_subject(
    ctx: _Ctx, ev: Event | None, q: dict[str, Any], s: int, e: int
) -> Location | None:
    """The country named as the subject of the event verb or of the verb reporting it."""
    heads: list[PTok] = []
    if ev is not None:
        t = ctx.tok_at(ev.start)
        if t is not None:
            # the event verb and the verbs above it ("Mongolia sees thousands ... arrive")
            heads += [t, *[a for a in _ancestors(ctx, t) if s <= a.start < e][:2]]
    heads += _governing_reporters(ctx, q, s, e)[:1]
    for h in heads:
        sj = _subject_of(ctx, h, s, e)
        if sj is None:
            continue
        if re.match(r"\s*[–—-]\s", ctx.text[sj.end : sj.end + 3]):
            # "LIMA – Peru hosts ...": the parser takes the dateline for the subject
            apps = [x for x in ctx.toks_in(sj.end, e) if x.head == sj.i and x.dep == "appos"]
            sj = apps[0] if apps else sj
        a0, a1 = _subtree(ctx, sj, s, e)
        a1 = max(a1, sj.end)
        if a0 <= q["start"] < a1:
            continue
        for g in _geo_in(ctx, sj.start if a0 > sj.start else a0, a1):
            if _FROM_RE.search(ctx.text[max(s, g[0] - 25) : g[0]]):
                continue  # "Daily arrivals from Ukraine rose": where they came from
            if g[2] and g[3] == "country" and not _is_demonym_at(ctx, g):
                return Location(g[2], ctx.text[g[0] : g[1]], g[0], g[1])
    # "Lebanon, which hosts ..."
    m = re.search(r"([A-Z][\w’'-]+),\s+which\s+\w+\s*$", ctx.text[s : q["start"]])
    if m:
        code = ctx.gaz.code(m.group(1))
        if code:
            return Location(code, m.group(1), s + m.start(1), s + m.end(1))
    return None


def _places(
    ctx: _Ctx,
    q: dict[str, Any],
    ev: Event | None,
    pop: Span | None,
    s: int,
    e: int,
    src: Source | None,
    same_as_before: Location | None = None,
) -> tuple[Location | None, Location | None, str | None]:
    """Origin, destination and (possibly revised) event type. A side read from the
    source's country points at the source's span (where the value was found).
    ``same_as_before`` is the destination of the figure before it in the sentence when
    that figure has the same event and source."""
    source_country = src.country if src is not None else None
    if src is not None and _NGO_NAME.search(src.name):
        source_country = None  # the Norwegian Refugee Council speaks from where it works

    def from_source(code: str) -> Location:
        assert src is not None
        return Location(code, src.text, src.start, src.end)

    text = ctx.text
    etype = ev.type if ev else None
    nationality, adjective = _nationality(ctx, pop)
    origins: list[tuple[int, Location]] = []
    dests: list[tuple[int, Location, bool]] = []
    found_at: dict[int, int] = {}  # where in the sentence a side was read (anaphors)
    anchor = ev.start if ev else q["start"]
    # with several figures in the sentence, only the places of this figure's clause (or of
    # its event's) count: "78,000 had entered since the decree, while about 25,000 had left
    # Georgia" gives Georgia to the second figure only
    crowded = any(s <= c < e and c != q["start"] for c in ctx.claim_starts)
    own_segments = {_segment(text, s, e, q["start"]), _segment(text, s, e, anchor)}
    for g in _geo_in(ctx, s, e):
        gs, ge, code, _kind = g
        if code is None or (pop is not None and pop.start <= gs < pop.end):
            continue
        if (
            crowded
            and _segment(text, s, e, gs) not in own_segments
            and not _OPENING_PLACE.match(text[s:ge])
        ):
            continue  # ("Inside Lebanon, ...": an opening place covers the whole sentence)
        if gs > q["start"] and _OTHER_NOUN_CLAUSE.search(text[q["start"] : gs]):
            # "to Turkey and Armenia, where flights from Russia remain", "fled Ukraine,
            # with more than half going to Poland": another noun's or another part's place
            continue
        if text[ge : ge + 2] in ("’s", "'s") and _FROM_RE.search(text[max(s, gs - 25) : gs]):
            # "fled Myanmar's Rakhine state": the country the region belongs to
            origins.append((abs(gs - anchor), Location(code, text[gs:ge], gs, ge)))
            continue
        if text[ge : ge + 2] in ("’s", "'s"):
            # "at Turkey's border": the border of the country they are at
            if (
                etype in (*_STAY_EVENTS, None)
                and (
                    re.match(
                        r"(?:’s|'s)\s+(?:\w+\s+)?(?:border|shores|coast|frontier)",
                        text[ge : ge + 30],
                    )
                    # "landed in Indonesia's Aceh province": a named part of the country
                    or re.match(r"(?:’s|'s)\s+[A-Z]", text[ge : ge + 4])
                    # "arriving in the Una-Sana canton in Bosnia's north-west"
                    or re.match(
                        r"(?:’s|'s)\s+(?:far\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\b",
                        text[ge : ge + 20],
                    )
                )
                and re.search(
                    r"\b(?:at|on|along|to|in|into|reached|reach|reaches|reaching)\s+$",
                    text[max(s, gs - 12) : gs],
                )
            ):
                dests.append((abs(gs - anchor), Location(code, text[gs:ge], gs, ge), False))
            continue  # "Russia's borders", "Georgia's governor"
        before = text[max(s, gs - 25) : gs]
        if _FLED_WAR_IN.search(text[max(s, gs - 45) : gs]):
            origins.append((abs(gs - anchor), Location(code, text[gs:ge], gs, ge)))
            continue  # "people who fled the war in Ukraine": where they came from
        if _LOCATIVE_CONTEXT.search(before):
            continue  # "the war in Ukraine"
        loc = Location(code, text[gs:ge], gs, ge)
        dist = abs(gs - anchor)
        if _FROM_RE.search(before):
            if _PARTLY_FROM_RE.search(text[max(s, gs - 45) : gs]):
                continue  # "73 people, most of them from Afghanistan": not the group's origin
            if _listed_with_others(ctx, g, e):
                continue  # "from India, Nigeria and Morocco": several origins at once
            origins.append((dist, loc))
        elif _TO_MOVE_RE.search(before) or (
            _IN_RE.search(before) and etype in (*_STAY_EVENTS, None, "other")
        ):
            if _is_demonym_at(ctx, g):
                continue
            if _INTENT_BEFORE.search(text[max(s, gs - 40) : gs]) and (
                ev is None or ev.start < gs - 40 or etype == "border_encounter"
            ):
                continue  # "arriving in Bosnia, hoping to cross into Croatia": an aim
            if _FOR_TRANSPORT_TO.search(text[max(s, gs - 40) : gs]):
                continue
            if etype == "border_encounter" and re.match(
                r"(?:n|ian)?\s+(?:border|frontier)\b", text[ge : ge + 14]
            ):
                continue  # "turned back at the Belarus border": the other side (origin)
            dests.append((dist, loc, _listed_with_others(ctx, g, e)))
    # anaphors: "the country", "there"
    for m in re.finditer(r"\b(?:the country|there|that country|the nation)\b", text[s:e], re.I):
        a0, a1 = s + m.start(), s + m.end()
        word = m.group(0).lower()
        if crowded and _segment(text, s, e, a0) not in own_segments:
            continue
        before = text[max(s, a0 - 25) : a0]
        if word == "there":
            if re.match(r"\s+(?:is|are|was|were|have|has|had|will|would)\b", text[a1 : a1 + 8]):
                continue  # existential "there were"
            is_from, is_to = False, True
        else:
            is_from = bool(_FROM_RE.search(before))
            is_to = not is_from and bool(_TO_MOVE_RE.search(before) or _IN_RE.search(before))
        if not (is_from or is_to):
            continue
        if is_from:
            code = nationality.code if nationality else None
            if code is None:
                cands = _sentence_countries(ctx, s, a0)
                code = cands[0][2] if cands else None
            if code is None:
                prev = _prev_sentence_place(ctx, s)
                code = prev.code if prev else None
            if code is not None:
                origins.append((abs(a0 - anchor), Location(code, text[a0:a1], a0, a1)))
            continue
        # destination anaphor: the last place named before it that is not the origin
        excl = {nationality.code} if nationality else set()
        excl |= {lo.code for _, lo in origins}
        cands = [
            g
            for g in _geo_in(ctx, s, a0)
            if g[2] and g[2] not in excl and not _is_demonym_at(ctx, g)
        ]
        loc = None
        if cands:
            g = cands[-1]
            loc = (
                Location(g[2], text[g[0] : g[1]], g[0], g[1])
                if word == "there"
                else Location(g[2], text[a0:a1], a0, a1)
            )
        elif source_country and source_country not in excl:
            loc = Location(source_country, text[a0:a1], a0, a1)
        else:
            prev = _prev_sentence_place(ctx, s)
            if prev is not None and prev.code not in excl:
                loc = prev if word == "there" else Location(prev.code, text[a0:a1], a0, a1)
        if loc is not None:
            dests.append((abs(a0 - anchor) - 1, loc, False))
            found_at[id(loc)] = a0
    origins.sort(key=lambda x: x[0])
    dests.sort(key=lambda x: x[0])
    origin = origins[0][1] if origins else None
    dest: Location | None = None
    if dests:
        _, dest, listed = dests[0]
        if listed:
            dest = None  # several destinations at once
    # the event's own rules (SPEC "origin/destination follow the event")
    if etype == "onward":
        # "who came to Kazakhstan have gone to other countries": the first stop is the origin
        first = next((d for d in dests if d[1].start < (ev.start if ev else q["start"])), None)
        if first is not None:
            origin = first[1]
            later = [d for d in dests if d[1].start > (ev.start if ev else q["start"])]
            dest = None if not later or later[0][2] else later[0][1]
        elif origin is None and source_country:
            origin = from_source(source_country)  # "Officials in Astana say ... travelled on"
        elif origin is None and ctx.last_dest is not None:
            origin = ctx.last_dest  # moved on from where the earlier figures arrived
    if origin is None and nationality is not None:
        # casualties take an explicit nationality ("170 Afghans", "Egyptian workers"), not
        # an ethnic name ("Hundreds of Mongols were killed": Mongols live in three states)
        if etype != "casualty" or adjective or nationality.text not in ctx.rules.ethnonyms:
            if etype != "onward":
                origin = nationality
    if etype == "departure" and origin is None:
        cands = [
            g for g in _sentence_countries(ctx, s, e)
            if not _listed_with_others(ctx, g, e)
            and not re.search(r"(?:,|\band|\bor)\s+$", text[max(s, g[0] - 5) : g[0]])
        ]  # fmt: skip
        if cands:
            g = cands[0]
            origin = Location(g[2], text[g[0] : g[1]], g[0], g[1])
    if etype == "mobilization":
        dest = None
        if origin is None:
            # "President Emomali Rahmon ordered the call-up of 20,000 reservists, ... and
            # spoke with Afghan President ...": the official who orders it, named first
            off = min(
                (
                    (ms, me, o)
                    for o in ctx.inp.officials
                    if o.country
                    for ms, me in o.mentions
                    if s <= ms < q["start"]
                ),
                default=None,
                key=lambda x: x[0],
            )
            first_geo = next((g for g in _sentence_countries(ctx, s, e)), None)
            if off is not None and (first_geo is None or first_geo[0] > off[0]):
                ms, me, o = off
                origin = Location(o.country, ctx.text[ms:me], ms, me)
        if origin is None:
            cands = _sentence_countries(ctx, s, e) or [
                g for g in _geo_in(ctx, s, e) if g[2] and ctx.gaz.metonym(text[g[0] : g[1]])
            ]
            if cands:
                g = cands[0]
                origin = Location(g[2], text[g[0] : g[1]], g[0], g[1])
            else:
                off = next((o for o in ctx.inp.officials if o.country and s <= o.start < e), None)
                if off is not None:
                    origin = Location(off.country, off.text, off.start, off.end)
        if origin is None:
            # "The republic of Buryatia must call up about 4,000 men": the region's country
            pl = next((g for g in _geo_in(ctx, s, e) if g[3] == "place" and g[2]), None)
            if pl is not None:
                origin = Location(pl[2], text[pl[0] : pl[1]], pl[0], pl[1])
        if origin is None and ctx.last_mobilizer is not None:
            origin = ctx.last_mobilizer  # the country whose call-up the article reports
        if origin is not None:
            ctx.last_mobilizer = origin
    if etype == "border_encounter" and origin is None:
        # "turned back 5,000 migrants at the Belarus border", "along its border with
        # Belarus": people stopped coming from the other side
        for g in _geo_in(ctx, s, e):
            if g[2] is None or g[3] != "country" or (dest is not None and g[2] == dest.code):
                continue
            if re.search(r"\bborder\s+with\s+$", text[max(s, g[0] - 14) : g[0]]) or (
                re.match(r"(?:n|ian)?\s+(?:border|frontier)\b", text[g[1] : g[1] + 14])
                and re.search(
                    r"\b(?:at|on|along|across|from)\s+(?:the\s+)?$", text[max(s, g[0] - 10) : g[0]]
                )
            ):
                origin = Location(g[2], text[g[0] : g[1]], g[0], g[1])
                break
    if etype == "casualty":
        dest = None
    # "X fled there", "fled ... into Chad": counted where they arrived, an arrival there
    if (
        etype == "departure"
        and dest is not None
        and _segment(text, s, e, found_at.get(id(dest), dest.start)) in own_segments
        # "fled ... into Chad" (not "Floods across Nigeria have forced 1.4 million from
        # their homes": a place before the verb is where it happened)
        and (ev is None or found_at.get(id(dest), dest.start) > ev.start)
    ):
        etype = "arrival"
    # "Chad already hosted around 400,000 Sudanese refugees ... in Darfur": the host
    if ev is not None and etype == "stock" and ev.text.lower().startswith(
        ("host", "shelter", "accommodat", "hous", "tak", "welcom", "receiv")
    ):
        subj = _country_subject(ctx, ev, q, s, e)
        if subj is not None and (nationality is None or subj.code != nationality.code):
            dest = subj
    # "Peru hosts about 1.3 million", "Kazakhstan says some 200,000 have arrived": the
    # country that is the subject of the clause
    if dest is None and etype in _STAY_EVENTS:
        # an event borrowed from another clause of a crowded sentence has another subject
        own_ev = ev if not crowded or _segment(text, s, e, ev.start if ev else q["start"]) == (
            _segment(text, s, e, q["start"])
        ) else None
        subj = _country_subject(ctx, own_ev, q, s, e)
        if subj is not None and (nationality is None or subj.code != nationality.code):
            own_people = pop is not None and re.search(
                r"\b(?:its|their)\s+(?:own\s+)?(?:citizens|nationals|people)\b", pop.text
            )
            if etype == "return" and not own_people:
                # "Dominican Republic ... after deporting 14,000": the country sending back
                # (not "Iraq would fly home 430 of its citizens": the country taking back)
                origin = origin or subj
            else:
                dest = subj
    # "Libya floods: more than 38,000 displaced in the east": people staying somewhere in the
    # one country the sentence names
    if dest is None and etype == "stock" and not crowded:
        named = [
            g for g in _geo_in(ctx, s, e)
            if g[3] == "country" and g[2] and not _is_demonym_at(ctx, g)
            and (nationality is None or g[2] != nationality.code)
            and not _FROM_RE.search(text[max(s, g[0] - 25) : g[0]])
            and not (g[0] > q["start"] and _OTHER_NOUN_CLAUSE.search(text[q["start"] : g[0]]))
        ]  # fmt: skip
        if len({g[2] for g in named}) == 1:
            g = named[0]
            dest = Location(g[2], text[g[0] : g[1]], g[0], g[1])
    # "Some 12,000 displaced Somalis": people displaced inside their own country
    if (
        dest is None
        and etype == "stock"
        and nationality is not None
        and (
            re.search(r"displac|IDP", pop.text if pop is not None else "")
            or (ev is not None and re.match(r"displac", ev.text, re.I))
        )
    ):
        dest = nationality
    # arrival-like events with no place of their own: the speaker's country, when it is
    # not the people's own
    # "300,000 Afghans have crossed into Iran ..., with 4,000 to 5,000 people arriving every
    # day": the same movement as the figure before it, told by the same source
    if dest is None and etype in _STAY_EVENTS and same_as_before is not None:
        dest = same_as_before
    if dest is None and etype in _STAY_EVENTS and etype != "return" and source_country:
        if (origin is None or origin.code != source_country) and not dests:
            dest = from_source(source_country)
    if etype == "return":
        # back "home": the destination is the people's nationality; the origin is where
        # they are sent back from (the acting authority's country)
        explicit_to = dest is not None and _TO_MOVE_RE.search(
            text[max(s, dest.start - 25) : dest.start]
        ) is not None and found_at.get(id(dest)) is None
        if nationality is not None and not (explicit_to and dest is not None
                                            and dest.code != nationality.code):  # fmt: skip
            dest = nationality  # (not "expels 4,000 Venezuelans to Mexico": a third country)
        if nationality is not None and origin is not None and origin.code == nationality.code:
            origin = None  # sent back from somewhere else than their own country
        if origin is None:
            cands = [g for g in _sentence_countries(ctx, s, e) if not dest or g[2] != dest.code]
            if cands:
                g = cands[0]
                origin = Location(g[2], text[g[0] : g[1]], g[0], g[1])
            elif source_country and (dest is None or source_country != dest.code):
                origin = from_source(source_country)
        if dest is None and origin is not None:
            # "Dominican Republic seals Haiti border after deporting 14,000": the other country
            others = [
                g for g in _sentence_countries(ctx, s, e)
                if g[2] != origin.code and not _listed_with_others(ctx, g, e)
            ]  # fmt: skip
            if len({g[2] for g in others}) == 1:
                g = others[0]
                dest = Location(g[2], text[g[0] : g[1]], g[0], g[1])
    # "about 2,500 Afghans a day were arriving from Iran through the Islam Qala crossing":
    # people arriving in their own country are coming back
    if (
        etype == "arrival"
        and nationality is not None
        and not adjective
        and dest is not None
        and dest.code == nationality.code
        and origin is not None
        and origin.code != nationality.code
    ):
        etype = "return"
    if origin is not None and dest is not None and origin.code == dest.code:
        if etype in ("departure", "onward"):
            dest = None
        else:
            origin = None
    return origin, dest, etype


_REPORTED_DATE_RE = re.compile(
    r"\b(?:said|says|told|announced|reported|added|stated|declared|confirmed|wrote|tweeted|"
    r"told\s+reporters|told\s+\w+|said\s+in\s+a\s+statement|published|"
    # "told a briefing on Tuesday", "said at a news conference on Monday"
    r"(?:told|said|at|in|during|gave)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:briefing|conference|statement|interview|meeting|session|summit|hearing|address|"
    r"speech|update|report|post|announcement))\s+(?:on\s+|late\s+|early\s+)?$",
    re.I,
)
# words between a figure and a date that put the date in another clause: a contrast, a
# comparison baseline or a subordinate event ("..., but the government stopped the
# agency from registering new arrivals in 2015"; "up from a handful in the summer")
_OTHER_CLAUSE_RE = re.compile(
    r"\b(?:but|while(?!\s+\w+ing\b)|whereas|although|though|after|before|when|compared\s+(?:with|to)|"
    r"up\s+from|down\s+from|than)\b",
    re.I,
)
# a new reported clause or a contrast between a figure and a date: the parse's attachment
# across it is not trusted ("... since X on September 21, and that the daily flow is now")
_NEW_CLAUSE_RE = re.compile(
    r";|\b(?:but|while|whereas|although|compared\s+(?:with|to)|up\s+from|down\s+from|than)\b",
    re.I,
)
# "the daily flow is now around 10,000": a figure said to hold now takes no date from
# another clause of its sentence
_NOW_RE = re.compile(
    r"\b(?:is|are|was|stands?|remains?)\s+now\b|\bnow\s+(?:stands?|is|are)\b|"
    # "the camp now shelters more than 100,000", "about 107,000 of them are still there"
    r"\bnow\s+(?:shelters|hosts|houses|holds|has|have|lives?|numbers?)\b|"
    r"\b(?:is|are|was|were)\s+still\b|"
    # "the 5,000-6,000 daily seen before the call-up": a time of its own, undated
    r"\b(?:before|prior\s+to|ahead\s+of)\s+(?:the|its|their|last)\s+[\w-]+",
    re.I,
)
_DAYS_AFTER_RE = re.compile(
    r"\b(?:[Ii]n\s+)?(?:the\s+)?(?:first|early|initial|immediate|few|\w+)?\s*(?:days|weeks|hours|"
    r"months)\s+(?:after|following)\s+(?:[\w’'-]+\s+){0,8}?(?:on\s+|in\s+)?$"
)
# "over the same period": the time of the figure reported just before
_SAME_PERIOD_RE = re.compile(
    r"\b(?:over|in|during|for|within)\s+the\s+same\s+(?:period|time|timeframe|span|"
    r"days?|weeks?|months?|year|fortnight|stretch)\b",
    re.I,
)
# a part of the figure before it ("among them about 5,000", "including about 8,000
# Afghans", "about 150,000 of them Venezuelans"): it shares the whole's time
_SUBSET_BEFORE_RE = re.compile(
    r"\b(?:among\s+them|among\s+whom|of\s+whom|of\s+which|including|includ(?:es|ed))"
    r"\s+(?:(?:an\s+estimated|some|about|around|roughly|nearly|almost|more\s+than|"
    r"over|at\s+least|up\s+to|fewer\s+than|less\s+than)\s+)?$",
    re.I,
)
_SUBSET_AFTER_RE = re.compile(r"^\s+of\s+(?:them|those|these|whom)\b", re.I)
# "N of them / those / these": a part of a group named before
_OF_PRONOUN = re.compile(r"\s+of\s+(?:them|those|these)\b")


_SINCE_CLAUSE_RE = re.compile(r"\bsince\s+(?P<clause>[^,;:.()\n“”\"]{3,90})", re.I)
_TEMPORAL_SINCE = re.compile(
    r"\b(?:mobili[sz]ation|invasion|invaded|war|outbreak|announcement|announced|start|"
    r"beginning|began|started|order|ordered|decree|attack|offensive|takeover|took|seized|"
    r"coup|conflict|fighting|crisis|earthquake|election|conscription|call-up|draft|collapse|"
    r"withdrawal|erupted|broke|violence|fall|fell|captured|imposed|introduced|closed|opened|"
    r"reopened|ended|ceasefire|truce|flood|floods|flooding|storm|hurricane|cyclone|drought|"
    r"massacre|siege|clashes|raid|raids|operation|exodus|crackdown|evacuation|unrest|uprising)\b",
    re.I,
)
_DATELINE_RE = re.compile(r"^[A-Z][A-Za-z’'. -]*,\s+$")


_SEGMENT_BREAK = re.compile(
    # (a comma inside a list of words is no break: "32,425 men, women and children")
    r"(?:,(?=\s)(?!\s+[\w-]+(?:\s+[\w-]+)?,?\s+(?:and|or)\s+[\w-]+\b(?!\s+(?:said|says|told)))|"
    r"[;:](?=\s)|[()–—])\s*|\s+(?:and\s+that|while|whereas|but|compared\s+with|up\s+from|"
    r"down\s+from)\s+"
)


def _segment(text: str, s: int, e: int, pos: int) -> int:
    """Index of the clause-like segment of the sentence [s, e) that holds ``pos``."""
    return sum(1 for m in _SEGMENT_BREAK.finditer(text, s, e) if m.end() <= pos)


def _clause_verb(ctx: _Ctx, t: PTok) -> int | None:
    """The verb whose clause holds ``t`` (prepositional "including" is not a clause)."""
    for a in (t, *_ancestors(ctx, t)):
        if a.pos in ("VERB", "AUX") and a.dep not in ("prep", "amod", "pcomp"):
            return a.i
    return None


def _context_time(
    ctx: _Ctx, q: Quantity, ev: Event | None, s: int, e: int, prior: list[Claim]
) -> TimeRef | None:
    """A time the sentence gives only by reference to an earlier figure.

    * "about 25,000 had left again over the same period" -> the time of the latest figure
      before it with a time (this sentence or the two before);
    * a part of an earlier figure of the sentence ("among them about 5,000", "about
      150,000 of them Venezuelans") -> that figure's time, when it is part of the same
      event ("40,000 of them have already travelled on" is a later move of its own)."""
    seg = _segment(ctx.text, s, e, q.start)
    for m in _SAME_PERIOD_RE.finditer(ctx.text, s, e):
        if _segment(ctx.text, s, e, m.start()) != seg and m.start() - s > 3:
            continue  # (an opening "Over the same period, ..." covers the sentence)
        earlier = [c for c in prior if c.time is not None and c.quantity.start < q.start]
        near = [c for c in earlier if c.sentence.start >= _sentence_back(ctx, s, 2)]
        if near:
            return near[-1].time
    return _whole_time(ctx, q, ev, s, prior)


def _whole_time(
    ctx: _Ctx, q: Quantity, ev: Event | None, s: int, prior: list[Claim]
) -> TimeRef | None:
    """The time of the figure a part belongs to ("rose to 1,314 on Monday, including 458
    children" -> the toll's time; "about 150,000 of them Venezuelans")."""
    whole = next((c for c in reversed(prior) if c.sentence.start == s), None)
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
    )
    if whole is not None and whole.time is not None and same_event and (
        _SUBSET_BEFORE_RE.search(ctx.text[max(s, q.start - 40) : q.start])
        or _SUBSET_AFTER_RE.match(ctx.text[q.end : q.end + 20])
    ):
        return whole.time
    return None


def _sentence_back(ctx: _Ctx, s: int, n: int) -> int:
    """Start of the sentence ``n`` sentences before the one starting at ``s``."""
    starts = [a for a, _ in ctx.sents if a <= s]
    return starts[max(0, len(starts) - 1 - n)] if starts else s


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
        return q_verb is not None and _clause_verb(ctx, t) == q_verb

    q_segment = _segment(text, s, e, q["start"])
    # "twice the ...", "double the number", "five times as many": the words after the
    # change name the baseline it is compared with
    comparative = _COMPARATIVE_AFTER.match(text[q["end"] : q["end"] + 8]) is not None
    now_here = any(
        _segment(text, s, e, m.start()) == q_segment for m in _NOW_RE.finditer(text, s, e)
    )

    def nearest_is_me(pos: int) -> bool:
        d = abs(pos - q["start"])
        return all(abs(pos - o) >= d for o in others)

    for d in ctx.inp.dates:
        if not (s <= d.start < e):
            continue
        before = text[max(s, d.start - 40) : d.start]
        if _REPORTED_DATE_RE.search(before):
            continue
        if (
            d.start - s < 40
            and _DATELINE_RE.match(text[s : d.start])
            and re.match(r"\s*[–—-]", text[d.end : d.end + 3])
        ):
            continue  # dateline
        if d.text.lower() in ("today", "now", "tonight", "this morning"):
            continue  # "today perhaps 100,000 remain": the present, not a dated count
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
        if (
            q["kind"] == "change"
            and d.start >= q["end"]
            and _CHANGE_BASELINE.match(text[q["end"] : d.start])
            # "rose by 40% over the weekend": a period, not a baseline
            and not (
                re.search(r"\bover\s+$", text[q["end"] : d.start])
                and re.match(
                    r"(?:the\s+)?(?:weekend|past|last|previous|week|month|year)\b", d.text, re.I
                )
                and not re.match(r"last\s+(?:year|month|week)\b", d.text, re.I)
            )
        ):
            continue  # "up 20% from June", "a slight increase on August": the baseline
        lo, hi = d.date_from, d.date_to
        start, end = d.start, d.end
        if (
            d.text.lower().startswith("since ")
            and q["start"] > d.end
            and pub is not None
            and _segment(text, s, e, d.start) == q_segment
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
        m = re.search(r"\b(?:[Aa]s\s+of|[Bb]y)\s+(?:the\s+end\s+of\s+)?$", before)
        if m:
            lo = None
            start = d.start - (len(before) - m.start())
        elif re.match(r"(?:the\s+)?end\s+of\b", d.text, re.I) and re.search(
            r"\b[Aa]t\s+$", before
        ):
            # "home to 700,000 at the end of February": a standing figure as of that day
            lo = None
            start = d.start - 3
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
        if re.search(r"\bso\s+far\s+$", before) and pub is not None:
            start = d.start - len(re.search(r"so\s+far\s+$", before).group(0))  # type: ignore[union-attr]
            hi = pub.isoformat()
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
        same_segment = _segment(text, s, e, start) == q_segment
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
        if same_segment and (interval or nearest_is_me(d.start) or attached(d.start)):
            score = dist  # in the figure's own clause
            if text[start:end].lower().startswith("since"):
                score -= 0.5  # "the death toll since mid-June rose to 1,314 on Monday"
        elif attached(d.start) and not _NEW_CLAUSE_RE.search(
            text[min(q["end"], d.end) : max(q["start"], d.start)]
        ):
            score = 1 + dist  # attached to it in the parse, from another clause
        elif opening and q_segment == 1:
            score = 2 + dist  # "In November, agents encountered ..."
        elif (
            interval
            and nearest_is_me(d.start)
            and not others
            and not _OTHER_CLAUSE_RE.search(text[min(q["end"], d.end) : max(q["start"], d.start)])
        ):
            score = 3 + dist
        else:
            continue
        cands.append((score, TimeRef(text[start:end], start, end, lo, hi)))
    if not any(c[1].text.lower().startswith("since") for c in cands):
        for m in _SINCE_CLAUSE_RE.finditer(text[s:e]):
            clause = m.group("clause")
            if not _TEMPORAL_SINCE.search(clause):
                continue
            ms = s + m.start()
            if _segment(text, s, e, ms) != q_segment and others:
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


_ACCORDING_RE = re.compile(
    r"\b(?:according\s+to|cited\s+by|reported\s+by|data\s+from|figures\s+from)\s+", re.I
)
# "X, citing Y, put the figure at ...": Y is X's source; used only when X is not found
_CITING_RE = re.compile(r"\bciting\s+", re.I)
_ANAPHORIC_SOURCES = re.compile(
    r"^(?:the\s+|its\s+|their\s+)?(?:(?:un|u\.n\.|same|local|national)\s+)?"
    r"(agency|ministry|government|organisation|organization|service|body|office|department|"
    r"police|guard|authorities|officials|group|charity|directorate|commission|council|"
    r"committee|institute|bureau|authority|mission|coastguard|programme|program)"
    r"(?:[’']s?(?:\s+(?:[\w-]+\s+){0,2}(?:figures|data|statistics|records|survey|report|"
    r"count|estimates?|update|tally|assessment))?)?$",
    re.I,
)
_NAME_CLOSING = re.compile(
    r",\s*([A-Z][\w’'&\-]*(?:\.\w[\w’'&\-]*)*"
    r"(?:\s+(?:[A-Z][\w’'&\-]*(?:\.\w[\w’'&\-]*)*|de|del|la|el|of|for|and)){1,5})\s*[.]?\s*$"
)
_SOURCE_CUT = re.compile(
    r"\s+(?:run|led|operated|published|echoed|based|backed|funded|issued|released|compiled)\s+"
    r"(?:by|in|on)\b.*$|\s+(?:which|who|that|and\s+echoed)\b.*$",
    re.I,
)



def _trailing_attribution(ctx: _Ctx, t: PTok, s: int, e: int) -> bool:
    """", the International Organization for Migration (IOM) said on Friday.", ", officials
    estimate, ...": a reporting clause set off by a comma that the parser hung on the
    sentence's verb as a conjunct; it attributes the whole sentence."""
    if t.dep not in ("conj", "parataxis") or t.pos != "VERB":
        return False
    if not (0 <= t.head < len(ctx.toks)) or ctx.toks[t.head].dep != "ROOT":
        return False
    subj = next(
        (c for c in ctx.toks_in(s, t.start) if c.head == t.i and c.dep == "nsubj"), None
    )
    if subj is None:
        return False
    sub_s, _ = _subtree(ctx, subj, s, e)
    return re.search(r",\s*$", ctx.text[max(s, sub_s - 3) : sub_s]) is not None


def _governing_reporters(ctx: _Ctx, q: dict[str, Any], s: int, e: int) -> list[PTok]:
    """Reporting verbs whose report contains the quantity (or that head the sentence),
    outermost first."""
    toks = ctx.toks_in(s, e)
    qt = ctx.tok_at(q["start"])
    anc = [a.i for a in _ancestors(ctx, qt)] if qt is not None else []
    out = []
    for t in toks:
        if t.lemma.lower() not in ctx.rules.reporting_verbs or t.pos not in ("VERB", "AUX", "NOUN"):
            continue
        if t.pos == "NOUN" and t.dep != "ROOT":
            continue
        if t.dep == "ROOT" or t.i in anc or _trailing_attribution(ctx, t, s, e):
            depth = anc.index(t.i) if t.i in anc else len(anc)
            # a reporter in another clause ("Kazakhstan says X, Georgia reported Y") comes
            # after the one of the figure's own clause
            seg = abs(_segment(ctx.text, s, e, t.start) - _segment(ctx.text, s, e, q["start"]))
            recording = t.lemma.lower() in ctx.rules.recording_verbs
            out.append(((recording, min(seg, 1), -depth), t))
    out.sort(key=lambda x: x[0])
    return [t for _, t in out]


def _subject_of(ctx: _Ctx, verb: PTok, s: int, e: int) -> PTok | None:
    toks = ctx.toks_in(s, e)
    subj = [
        c for c in toks if c.head == verb.i and c.dep in ("nsubj", "nsubjpass") and c.i != verb.i
    ]
    if subj:
        return subj[0]
    # "UNHCR disputes that figure and says ...": a conjoined verb shares the subject
    if verb.dep == "conj" and 0 <= verb.head < len(ctx.toks):
        head = ctx.toks[verb.head]
        subj = [c for c in toks if c.head == head.i and c.dep in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
    return None


_DATELINE_FULL = re.compile(
    r"[A-Z][A-Z’' .\-]+(?:,\s+[A-Z][\w .’'\-]{1,30}?)?(?:,\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"
    r"\s+[–—-]\s+"
)


def _past_the_figure(ctx: _Ctx, a0: int, a1: int, q: dict[str, Any]) -> int | None:
    """Where a subject the parser left unattached starts: ``a0``, or after the last comma
    when the words before the verb hold the figure itself ("More than 1,000 Afghan
    soldiers crossed ..., Tajikistan's State Committee for National Security said")."""
    if not (a0 <= q["start"] < a1):
        return a0
    comma = ctx.text.rfind(", ", q["end"], a1)
    return comma + 2 if comma >= 0 else None


def _source(ctx: _Ctx, q: dict[str, Any], s: int, e: int) -> Source | None:
    """Who the figure is attributed to in its own sentence."""
    text = ctx.text
    sent = text[s:e]
    m = _ACCORDING_RE.search(sent)
    if m and any(s <= c < e and c != q["start"] for c in ctx.claim_starts):
        # "Buryatia must call up about 4,000 men, according to its regional government,
        # while Dagestan's leadership said its quota was fewer than 2,000": the attribution
        # of another clause yields to a reporter of the figure's own clause
        q_seg = _segment(text, s, e, q["start"])
        own = [
            v
            for v in _governing_reporters(ctx, q, s, e)
            if _segment(text, s, e, v.start) == q_seg
            # "Italy has recorded ..., according to interior ministry figures": a keeper of
            # records yields to the attribution
            and v.lemma.lower() not in ctx.rules.recording_verbs
        ]
        # "according to the Federal Employment Agency, which said ...": the same source
        relative = any(
            (sj := _subject_of(ctx, v, s, e)) is not None
            and sj.text.lower() in ("which", "who", "that")
            for v in own
        )
        if _segment(text, s, e, s + m.start()) != q_seg and own and not relative:
            m = None
    if m:
        a0 = s + m.end()
        cut = re.search(
            r"[,.;:(\n]|\s+(?:more|at\s+least|some|about|roughly|nearly|over|had|have|has|"
            r"were|was|and\s+echoed)\b",
            text[a0:e],
        )
        a1 = a0 + (cut.start() if cut else e - a0)
        # "the UN refugee agency, UNHCR," : the acronym in apposition
        app = re.match(r",\s*([A-Z][A-Za-z0-9.&\-]{1,12})\s*[,.]", text[a1 : a1 + 20])
        # "according to the Spanish maritime rescue service, Salvamento Marítimo.": the
        # name in apposition that closes the sentence
        app = app or _NAME_CLOSING.match(text[a1:e])
        src = _make_source(ctx, a0, a1, None, apposition=app.group(1) if app else None)
        if src is not None:
            return src
    for verb in _governing_reporters(ctx, q, s, e):
        sj = _subject_of(ctx, verb, s, e)
        if (
            sj is None
            and verb.dep == "conj"
            and 0 <= verb.head < len(ctx.toks)
            and ctx.toks[verb.head].dep == "ROOT"
            and ctx.toks[verb.head].pos == "NOUN"
            and 0 < ctx.toks[verb.head].start - s < 80
        ):
            # "UNHCR disputes that figure and says ...": the parser took the first verb for
            # a noun; the words before it are the shared subject
            src = _make_source(ctx, s, ctx.toks[verb.head].start, None)
            if src is not None:
                return src
        reach = 250 if q["start"] < verb.start else 120  # (the figure is cut off below)
        if sj is None and verb.dep == "ROOT" and 0 < verb.start - s < reach:
            # the parser cut the sentence before the verb: "Data made available by ... (CBP)
            # indicated that ...": the words before the verb are its subject
            a0 = _past_the_figure(ctx, s, verb.start, q)
            if a0 is None:
                continue
            src = _make_source(ctx, a0, verb.start, None)
            if src is not None:
                return src
        if sj is None or (sj.start <= q["start"] < sj.end + 40 and sj.start > q["start"] - 5):
            continue
        # "WASHINGTON – ...", "SAN JOSE, Costa Rica, June 20 – ...": the dateline
        dateline = _DATELINE_FULL.match(ctx.text, s, e)
        in_dateline = dateline is not None and sj.start < dateline.end()
        if sj.text.isupper() and len(sj.text) > 2 and in_dateline:
            assert dateline is not None
            sj_end = dateline.end()
            # "WASHINGTON – US Customs and Border Protection (CBP) recorded ...": the parser
            # took the dateline for the subject; the words after it are
            a0 = _past_the_figure(ctx, sj_end, verb.start, q)
            if a0 is None:
                continue
            src = _make_source(ctx, a0, verb.start, None)
        elif sj.text.lower() == "it" and ctx.last_org is not None:
            # "It said it was preparing for ...": the organisation quoted last
            o = ctx.last_org
            src = Source(o.name, o.kind, o.role, o.country, sj.text, sj.start, sj.end)
        elif sj.text.lower() in _SPEAKER_PRONOUNS:
            src = _pronoun_source(ctx, sj.start, sj.end)
        else:
            sub_s, sub_e = _subtree(ctx, sj, s, e)
            if sub_s <= q["start"] < sub_e:
                continue  # "Some 6,000 children had been registered": the figure itself
            app = re.match(r",\s*([^,]{3,60}?),", text[sub_e : sub_e + 70])
            src = _make_source(ctx, sub_s, sub_e, sj, apposition=app.group(1) if app else None)
        if src is not None:
            return src
    m = re.match(r"\s*([A-Z][\w’'.&\-]*(?:\s+[A-Z][\w’'.&\-]*){0,4}),\s+citing\b", sent)
    if m:  # "Forbes Russia, citing a source in the administration, ..."
        src = _make_source(ctx, s + m.start(1), s + m.end(1), None)
        if src is not None:
            return src
    m = _CITING_RE.search(sent)
    if m:
        a0 = s + m.end()
        cut = re.search(r"[,.;:(\n]", text[a0:e])
        src = _make_source(ctx, a0, a0 + (cut.start() if cut else e - a0), None)
        if src is not None:
            return src
    for m3 in _TRAILING_SAID_RE.finditer(sent):
        # "..., Hungarian police said on Monday", "..., the agency's director, Fernando García,
        # told reporters"; not "..., and Erdogan has repeatedly said the country cannot ...":
        # that report is the clause after the verb, not the figure before it
        if re.match(r"(?:and|but|while|or)\b", m3.group(1), re.I) or re.search(
            r"\b(?:has|have|had|is|was|will|would|\w+ly)\b", m3.group(1)
        ):
            continue
        rest = sent[m3.end() :]
        if not re.match(r"\s*(?:[,.;:]|$)", rest) and (
            re.search(r"\bthat\b", rest) or len(rest.split()) > 7
        ):
            continue
        a0, a1 = s + m3.start(1), s + m3.end(1)
        if m3.group(1).lower() == "it" and ctx.last_org is not None:
            o = ctx.last_org  # "..., it said": the organisation quoted last
            return Source(o.name, o.kind, o.role, o.country, text[a0:a1], a0, a1)
        if m3.group(1).lower() in _SPEAKER_PRONOUNS:
            return _pronoun_source(ctx, a0, a1)
        return _make_source(ctx, a0, a1, None, apposition=m3.group(2))
    return None


_TRAILING_SAID_RE = re.compile(
    r"[,”\"]\s*((?:[Tt]he\s+)?[A-Za-z][\w’'.\-]*(?:\s+[\w’'.\-&#;]+){0,3}?|he|she|they)"
    r"(?:,\s*([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}),)?\s+"
    r"(?:said|says|added|told|estimates|estimated|reported|reports|stated|noted)\b"
)


def _subtree(ctx: _Ctx, t: PTok, s: int, e: int) -> tuple[int, int]:
    """Character extent of a token's subtree within its sentence, cut at the first comma
    or dash (apposition, dateline)."""
    toks = ctx.toks_in(s, e)
    members = {t.i}
    changed = True
    while changed:
        changed = False
        for x in toks:
            if x.head in members and x.i not in members and x.i != x.head:
                members.add(x.i)
                changed = True
    idx = sorted(members)
    lo, hi = idx[0], idx[-1]
    for k in range(t.i + 1, hi + 1):
        if ctx.toks[k].text in (",", "(", "—", "–"):
            hi = k - 1
            break
    for k in range(t.i - 1, lo - 1, -1):
        if ctx.toks[k].text in (",", "(", "“", '"', "—", "–"):
            lo = k + 1
            break
    return ctx.toks[lo].start, ctx.toks[hi].end


_LOCATIVE_BEFORE = re.compile(
    r"\b(?:at|in|near|from|to|via|through|into|(?:town|city|village|camp|province|district|"
    r"region|crossing|port|state)\s+of)\s+$"
)


_PERSONAL_NAME = re.compile(
    r"[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?\s+(?:[A-Z][a-zà-ÿ]+\s+)?[A-Z][a-zà-ÿ]+"
)


def _pronoun_source(ctx: _Ctx, a0: int, a1: int) -> Source | None:
    """'he said' -> the last official named before (else the last person named)."""
    best = None
    for o in ctx.inp.officials:
        for ms, me in o.mentions:
            if me <= a0 and (best is None or ms > best[0]):
                best = (ms, o)
    person = None
    for es, ee, lab in ctx.inp.entities:
        name_like = lab == "ORG" and _PERSONAL_NAME.fullmatch(ctx.text[es:ee]) is not None and (
            re.match(r",\s+(?:who|a|an|the)\b", ctx.text[ee : ee + 6]) is not None
        )  # "Jean-Baptiste Kambale, who coordinates ...": a person the tagger took for a body
        if (lab == "PERSON" or name_like) and ee <= a0 and (person is None or es > person[0]):
            if _LOCATIVE_BEFORE.search(ctx.text[max(0, es - 20) : es]):
                continue  # "crossing at Islam Qala": a place the tagger took for a person
            if any(g[0] < ee and es < g[1] for g in ctx.geo):
                continue  # "the Khan Younis evacuations": a place
            word = ctx.text[es:ee]
            place_like = (
                rf"\b(?:in|at|around|near|outside|to|from)\s+{re.escape(word)}\b"
                rf"|^{re.escape(word.upper())},"
            )
            if " " not in word and re.search(place_like, ctx.text):
                continue  # "Goma": written elsewhere as a place ("around Goma", "GOMA, ...")
            person = (es, ee)
    if best is not None and (person is None or best[0] >= person[0] - 40):
        o = best[1]
        return Source(o.name, "person", o.role, o.country, ctx.text[a0:a1], a0, a1)
    if person is not None:
        name = re.sub(r"(?:’s|'s)$", "", ctx.text[person[0] : person[1]])
        return Source(name, "person", None, None, ctx.text[a0:a1], a0, a1)
    return None


_SOURCE_PREFIX = re.compile(
    r"^(?:(?:the|a|an|some)\s+)?(?:data|figures|statistics|numbers|estimates|reports?|records)"
    r"(?:\s+(?:made\s+available|published|released|compiled|issued))?\s+(?:by|from|in|of)\s+"
    r"(?:the\s+)?",
    re.I,
)


def _make_source(
    ctx: _Ctx, a0: int, a1: int, head: PTok | None, apposition: str | None = None
) -> Source | None:
    text = ctx.text
    raw = text[a0:a1]
    # a dateline before the subject: "BUCHAREST – Romania's border police"
    # (also "SAN JOSE, Costa Rica, June 20 – ")
    dl = re.match(
        r"^[A-Z][A-Z’' .\-]+(?:,\s+[A-Z][\w .’'\-]{1,30}?)?(?:,\s+[A-Z][a-z]{2,4}\.?\s+\d{1,2})?"
        r"\s+[–—-]\s+",
        raw,
    )
    if dl:
        a0 += dl.end()
        raw = text[a0:a1]
    a0 += len(raw) - len(raw.lstrip())
    span = raw.strip()
    if not span:
        return None
    a1 = a0 + len(span)
    # an official in the span (or in apposition right after it)
    inside = [(ms, o) for o in ctx.inp.officials for ms, me in o.mentions if a0 <= ms and me <= a1]
    if not inside and apposition is not None:
        inside = [
            (ms, o)
            for o in ctx.inp.officials
            for ms, me in o.mentions
            if a1 < ms <= a1 + 4 + len(apposition)
        ]
    if inside:
        pick = None
        if head is not None:
            pick = next(
                (o for o in ctx.inp.officials for ms, me in o.mentions if ms <= head.start < me),
                None,
            )
        o = pick or max(inside, key=lambda x: x[0])[1]
        return Source(o.name, "person", o.role, o.country, text[a0:a1], a0, a1)
    low = span.lower()
    if low in _SPEAKER_PRONOUNS or low in ("this", "that", "which", "who", "it"):
        return None
    words = re.findall(r"[\w’'.\-]+", span)
    ents = [x for x in ctx.inp.entities if a0 <= x[0] and x[1] <= a1]
    head_word = (head.text if head is not None else (words[-1] if words else "")).lower()
    if (
        head is not None
        and head.pos != "PROPN"
        and head_word not in ctx.rules.speaker_heads
        and not any(
            x[2] in ("ORG", "PERSON", "NORP", "GPE") and x[0] <= head.start < x[1] for x in ents
        )
    ):
        return None  # "Hostels in Ulaanbaatar said": not a source of record
    # a person named in apposition: "the agency's director, Fernando García, told"
    if apposition is not None and re.fullmatch(
        r"[A-Z][\w’'.\-]+(?:\s+[\w’'.\-]+){1,3}", apposition
    ):
        if any(x[2] == "PERSON" and a1 < x[0] <= a1 + 4 for x in ctx.inp.entities):
            return Source(apposition, "person", span, None, text[a0:a1], a0, a1)
    name = _SOURCE_PREFIX.sub("", span)
    name = re.sub(r"^(?:the|The|a|A|an|An)\s+", "", name)
    name = _SOURCE_CUT.sub("", name).rstrip(" ,.;:")
    name = re.sub(r"\s+(?:said|says|told|reported|added|announced)\b.*$", "", name)
    name = re.sub(r"\s+(?:platform|data|figures|statistics|numbers|records)$", "", name)
    name = re.sub(r"&#39;|&rsquo;", "’", name)
    if not name or name.lower() in ctx.rules.generic_sources:
        return None  # "according to figures released on Friday": no one named
    # the article's own short names: "(CBP)", "UN refugee agency UNHCR", "UN refugee agency"
    acr = re.search(r"\(([A-Z][A-Za-z0-9]{1,8})\)", text[a0 : a1 + 10])
    if acr:
        name = acr.group(1)
    elif apposition is not None and (
        re.fullmatch(r"[A-Z][A-Za-z0-9.&\-]{1,12}", apposition)
        or (_NAME_CLOSING.match(text, a1) and not acr)
    ):
        name = apposition
    else:
        m = re.search(r"\b([A-Z]{2,8})$", name)
        if m and len(name.split()) > 1:
            name = m.group(1)  # "UN refugee agency UNHCR"
        name = ctx.acronyms.get(name, name)
        canon = ctx.rr.international.get(name)
        defined = name in ctx.acronyms.values()  # "(NRC)": the article's own short name
        if (
            canon
            and not defined
            # ("according to the United Nations" stays as written)
            and (name.lower().startswith(("un ", "u.n.")) or (canon in ctx.text and canon != "UN"))
        ):
            name = canon
    anaphoric = _ANAPHORIC_SOURCES.match(name)
    if anaphoric:
        word = anaphoric.group(1).lower()
        # the organisation named just before in the sentence ("The Mexican Commission for
        # Refugee Assistance (COMAR) received ..., the agency said"), else the last one
        # quoted as a source
        here = _org_named_before(ctx, a0)
        # "the ministry said": the latest organisation quoted whose name has that word
        named = next((o for o in reversed(ctx.orgs_seen) if word in o.name.lower()), None)
        prev = here or named or ctx.last_org
        long_names = [f.lower() for f, short in ctx.acronyms.items() if prev and short == prev.name]
        if prev is not None and (
            word in prev.name.lower()
            or any(word in f for f in long_names)  # "The office" after "(UDSC)"
            or word in ("agency", "body", "organisation", "organization", "group", "charity")
        ):
            return Source(prev.name, prev.kind, prev.role, prev.country, text[a0:a1], a0, a1)
        # "The office said" after "Poland's Office for Foreigners (UDSC)" was introduced
        best = max(
            (
                (pos, short)
                for full, short in ctx.acronyms.items()
                if word in full.lower().split() and (pos := text.rfind(f"({short})", 0, a0)) >= 0
            ),
            default=None,
        )
        if best is not None:
            return Source(best[1], "organization", None, None, text[a0:a1], a0, a1)
        if word in ("agency", "body", "organisation", "organization", "group", "office"):
            # "the agency's figures show" with no source quoted yet: the last organisation
            # the article named
            ents = [x for x in ctx.inp.entities if x[2] == "ORG" and x[1] <= a0]
            if ents:
                es, ee, _ = ents[-1]
                # the tagger may cut a long name: "US Customs and [Border Protection]"
                left = re.search(
                    r"(?:[A-Z][\w.&’'-]*\s+(?:(?:and|of|for)\s+)?)+$", text[max(0, es - 60) : es]
                )
                if left is not None:
                    es -= len(left.group(0))
                org = re.sub(r"^(?:the|The)\s+", "", text[es:ee])
                org = re.sub(r"(?:’s|'s)$", "", org)
                return Source(ctx.acronyms.get(org, org), "organization", None, None,
                              text[a0:a1], a0, a1)  # fmt: skip
    if anaphoric and ctx.last_source is not None and ctx.last_source.country:
        # "The ministry said" after the minister spoke: the same country's ministry
        return Source(name, "organization", None, ctx.last_source.country, text[a0:a1], a0, a1)
    kind = "organization"
    known_org = name in ctx.rr.international.values() or name in ctx.acronyms.values()
    if name in ctx.rr.media or (
        not known_org and any(w.lower() in ctx.rules.media_words for w in words[-3:])
    ):
        kind = "media"  # "the UN refugee agency" is UNHCR, not a news agency
    elif any(x[2] == "PERSON" and a0 <= x[0] and x[1] <= a1 for x in ctx.inp.entities):
        kind = "person"
    country = None
    for g in _geo_in(ctx, a0, a1):
        if g[3] == "country":
            country = g[2]
            break
    if country is None:
        # "Officials in Yerevan say": the country of the place they speak from
        country = next((g[2] for g in _geo_in(ctx, a0, a1) if g[3] == "place" and g[2]), None)
    if country is None and re.match(r"(?:officials|authorities|police)\s+in\s+", span, re.I):
        country = next((c for w in words[2:] if (c := ctx.gaz.metonym(w))), None)
    if country is None:
        o = ctx.rr.org_in(span)
        if o is not None and not o[2]:
            country = o[1]
        elif o is None:
            country = ctx.gaz.metonym(name) or ctx.gaz.code(name)
    if kind == "media" and country is None:
        country = ctx.rr.national.get(name)
    return Source(name, kind, None, country, text[a0:a1], a0, a1)


def _org_named_before(ctx: _Ctx, a0: int) -> Source | None:
    """An organisation the sentence names, with its acronym, before position ``a0``."""
    s, _ = ctx.sent_of(a0)
    found = None
    for m in re.finditer(r"\(([A-Z][A-Za-z]{1,8})\)", ctx.text[s:a0]):
        found = m
    if found is None:
        return None
    name = found.group(1)
    country = None
    o = ctx.rr.org_in(name)
    if o is not None and not o[2]:
        country = o[1]
    fs, fe = s + found.start(1), s + found.end(1)
    return Source(name, "organization", None, country, ctx.text[fs:fe], fs, fe)


_BRINGS_TO_RE = re.compile(
    r"^\s+(?:the\s+)?(?:total\s+)?(?:number|count|total)\s+of\s+((?:[\w’'-]+\s+){0,3}?"
    r"(?:people|persons|IDPs|refugees|migrants|returnees|displaced|individuals|families|"
    r"children)(?:\s+(?:displaced|evacuated|affected|returned))?)\b",
    re.I,
)
_STANDS_AT_RE = re.compile(
    r"\b(?:the\s+)?(?:total\s+)?(?:number|count|total)\s+of\s+((?:[\w’'-]+\s+){0,4}?"
    r"[\w’'-]+)\b[^.;]{0,80}?\b(?:is|was|stands|stood|now\s+stands|reached|rose|grew|climbed|"
    r"increased|risen|fallen|dropped|declined|grown|at|to)\s+(?:at\s+|to\s+|now\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|"
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


_RATE_ADJ_BEFORE = re.compile(
    r"\b(?P<adj>daily|weekly|monthly|annual|yearly)\s+(?:[\w-]+\s+){0,2}?(?:flow|flows|number|numbers|"
    r"average|rate|arrivals|crossings|influx|total|departures|encounters)\b[^,;.]{0,40}?\b(?:to|at|of|"
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
    # "the number of people crossing into Egypt each day had risen to between 3,000 and 4,000"
    m2 = re.search(
        r"\b(?:number|numbers|flow|count)\s+of\b[^.;,]{0,60}?\b(?:each|every|per|a)\s+"
        r"(?P<u>day|week|month|year)\b[^.;,]{0,40}?\b(?:to|at|reached|hit|topped|is|was|were)\s+"
        r"(?:now\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?$",
        ctx.text[max(s, q.start - 140) : q.start],
        re.I,
    )
    return m2.group("u").lower() if m2 else None


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
        r"\b(?:the\s+)?(?:number|numbers|flow|influx|count)\s+of\s+((?:[\w’'-]+\s+){0,6}?[\w’'-]+)"
        r"\s+(?:(?:has|have|had|is|are|was|were|more|than|nearly|almost|roughly|about|"
        r"just|well|over|up|down|by)\s+)*$",
        before,
    )
    if not m:
        return None
    ps = s + m.start(1)
    pe = s + m.end(1)
    cut = re.search(r"\s+(?:has|have|had|is|are|was|were|in|from|to|at)\b", ctx.text[ps:pe])
    if cut:
        pe = ps + cut.start()
    return Span(ctx.text[ps:pe], ps, pe)


# a number of people that is a capacity, a population or a workforce, not a movement
_NOT_A_CLAIM_BEFORE = re.compile(
    r"(?:\b(?:country|nation|city|town|region|population|capacity|home|island|village|"
    r"county|province|district|municipality)\s+of|"
    r"\bpopulation\s+(?:\w+\s+)?(?:fell|rose|dropped|shrank|grew|declined|stood|stands)\s+"
    r"(?:to|at)|"
    r"\b(?:shelters?|housing|homes|room|space|beds?|places)\s+for|"
    r"\b(?:built|designed|meant|intended|equipped|planned)\s+(?:to\s+\w+\s+)?for|"
    r"\b(?:employs|employing|employed|employ|hires|hired|staff\s+of|workforce\s+of)|"
    r"\bpopulation\s+(?:is|was|of|stands\s+at)|\binhabitants?\s+of)"
    r"\s+(?:about\s+|some\s+|around\s+|nearly\s+|more\s+than\s+|up\s+to\s+|over\s+)?$",
    re.I,
)
_NAMED_APPOSITION = re.compile(r",\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?,")

_HEDGE_TAIL = (
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|"
    r"roughly\s+|an\s+estimated\s+)?$"
)
# "as arrivals top 127,000", "Darién crossings pass 450,000": a running total of events
_EVENT_TOTAL_RE = re.compile(
    r"\b(?P<n>arrivals|crossings|departures|encounters|applications|deportations|returns|"
    r"entries|apprehensions|detentions|expulsions|landings|attempts)\b[^,.;:]{0,30}?\s+(?:(?:have|has|had)\s+)?"
    r"(?:top|tops|topped|pass|passes|passed|exceed|exceeds|exceeded|reach|reaches|reached|"
    r"hit|hits|surpass|surpasses|surpassed|near|nears|neared|approach|approaches|approached|"
    r"total|totals|totalled|totaled|stand\s+at|stood\s+at|rose\s+to|climbed\s+to|"
    r"grew\s+to|rise\s+to|climb\s+to|slowed\s+to|fallen\s+to|fell\s+to|dropped\s+to|"
    r"declined\s+to|risen\s+to|increased\s+to|grown\s+to|eased\s+to|"
    # "climb past 650,000", "have fallen from about 1,100 to fewer than 200"
    r"(?:climbs?|climbed|rises?|rose|go|goes|went)\s+past|"
    r"(?:fallen|fell|dropped|risen|rose|grown|grew|climbed|eased|slowed)\s+from(?:\s+[\w,.%]+){1,4}\s+to|"
    r"(?:fallen|fell|dropped|risen|rose|grown|grew|climbed|eased|slowed)\s+from)\s+" + _HEDGE_TAIL,
    re.I,
)
# "the centre was sheltering more than 15,000": people as the object of a stay verb
_STAY_OBJECT_RE = re.compile(
    r"\b(?:sheltering|hosting|housing|accommodating|holding|sheltered|hosted|housed|"
    r"accommodated|shelters|hosts|houses|accommodates)\s+" + _HEDGE_TAIL,
    re.I,
)
_DEATH_TOLL_RE = re.compile(
    r"\b(?P<t>(?:death|casualty)\s+toll|(?<=[Tt]he\s)toll)\b[^.;]{0,80}?\b(?:reached|rose\s+to|risen\s+to|"
    r"stood\s+at|stands\s+at|climbed\s+to|is|was|hit|topped|passed|exceeded|to)\s+" + _HEDGE_TAIL,
    re.I,
)
# a share that says what people think or want is an opinion, not a count of them
_ATTITUDE_AFTER = re.compile(
    r"\s+of\s+[^.;,:]{0,50}?\b(?:hoped|hope|hopes|want|wanted|wants|plan|planned|plans|"
    r"believe|believed|believes|think|thought|thinks|intend|intended|intends|wish|wished|"
    r"wishes|expect|expected|expects|fear|feared|fears|support|supported|supports|oppose|"
    r"opposed|opposes|prefer|preferred|prefers|said\s+they|say\s+they|feel|felt)\b",
    re.I,
)
_HARMED_AFTER = re.compile(
    r"\s+(?:(?:are|were|remain|remained|still|now|reported|believed)\s+){0,2}"
    r"(missing|dead|injured|wounded|killed)\b",
    re.I,
)
_SURVEY_RE = re.compile(r"\b(?:survey|poll|polls|polling|questionnaire)\b", re.I)


# what a capacity or a fleet is counted in (the numbers module's thing nouns add vehicles,
# prices, rents, ...)


def _changed_thing(ctx: _Ctx, q: Quantity, e: int) -> bool:
    """'double their capacity', 'double the number of expulsion flights': a change whose
    object is a thing, not people or their movements."""
    m = re.match(
        r"\s+(?:the|their|its|his|her|our)\s+(?:number\s+of\s+)?((?:[\w-]+\s+)?[\w-]+)",
        ctx.text[q.end : min(e, q.end + 60)],
    )
    if m is None:
        return False
    head = m.group(1).split()[-1].lower()
    return head in ctx.rules.things_changed or head in number_rules().thing_nouns



def _change_subject_event(ctx: _Ctx, q: Quantity) -> Event | None:
    """The counted events that a change is said of, when they are the subject of its verb
    ("crossings on its eastern frontier more than doubled", "Daily arrivals rose by 40%")."""
    verb = next((t for t in ctx.toks_in(q.start, q.end) if t.pos == "VERB"), None)
    if verb is None:
        t = ctx.tok_at(q.start)
        verb = next(
            (a for a in (_ancestors(ctx, t)[:3] if t is not None else []) if a.pos == "VERB"),
            None,
        )
    if verb is None:
        return None
    subj = next(
        (c for c in ctx.toks_in(max(0, verb.start - 200), verb.start)
         if c.head == verb.i and c.dep in ("nsubj", "nsubjpass")),
        None,
    )  # fmt: skip
    if subj is None or subj.text.lower() not in ctx.rules.noun_triggers:
        return None
    return Event(ctx.rules.noun_triggers[subj.text.lower()], subj.text, subj.start, subj.end)


def _lemma_at(ctx: _Ctx, pos: int) -> str:
    t = ctx.tok_at(pos)
    return t.lemma.lower() if t is not None else ""


def _participle_event(ctx: _Ctx, pop: Span) -> Event | None:
    """'registered 27,429 migrants entering the country': the participle after the counted
    noun says what they did."""
    m = re.match(r"\s+(?:[a-z]+\s+)?([a-z]+ing)\b", ctx.text[pop.end : pop.end + 30])
    if m is None:
        return None
    t = ctx.tok_at(pop.end + m.start(1))
    if t is None or t.pos != "VERB" or t.lemma.lower() not in ctx.rules.verb_triggers:
        return None
    return Event(ctx.rules.verb_triggers[t.lemma.lower()], t.text, t.start, t.end)


def _noun_event(ctx: _Ctx, pop: Span) -> Event | None:
    """The event a counted noun names: 'crossings' (arrival), 'returnees' (return),
    'asylum applications' (asylum); None for people nouns with no event."""
    words = pop.text.split()
    head = words[-1].lower() if words else ""
    for m0 in ctx.rules._phrase_re.finditer(ctx.text, pop.start, pop.end):
        if m0.end() == pop.end:  # "25,000 new asylum requests"
            typ0 = ctx.rules.phrase_triggers[m0.group(0).lower()]
            return Event(typ0, m0.group(0), m0.start(), m0.end())
    typ = ctx.rules.noun_triggers.get(head)
    if typ is None:
        return None
    hs = pop.end - len(words[-1])
    m = ctx.rules._phrase_re.match(ctx.text, hs)
    if m is not None:  # "about 9.4 million crossings back into Ukraine": a return
        return Event(ctx.rules.phrase_triggers[m.group(0).lower()], m.group(0), hs, m.end())
    if len(words) > 1 and words[-2].lower() in ctx.rules.noun_triggers and head in (
        "applications", "claims", "requests", "seekers"
    ):
        typ = ctx.rules.noun_triggers[words[-2].lower()]  # "asylum applications"
        return Event(typ, " ".join(words[-2:]), pop.end - len(" ".join(words[-2:])), pop.end)
    if typ == "stock" and head in ("refugees", "displaced"):
        return None  # "registered 1.6 million refugees": who they are, not what happened
    return Event(typ, words[-1], pop.end - len(words[-1]), pop.end)


_NUMBER_OF_BEFORE = re.compile(r"\b(?:number|total|count)\s+of\s+$")
_IN_PLACE_AFTER = re.compile(r"\s+(?:living\s+|staying\s+|sheltering\s+)?in\s+[A-Z]")
# "The displaced now number about 120,000": people counted by the verb "number"
_PEOPLE_NUMBER_RE = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<p>(?:[\w-]+\s+){0,2}?(?:displaced|refugees|migrants|returnees|"
    r"evacuees|IDPs|asylum\s+seekers|people|arrivals))\s+(?:now\s+)?(?:number|numbered|total|"
    r"totalled|totaled|"
    # headline: "Ukrainian refugees in Slovakia dip to 104,000"
    r"(?:(?:in|at)\s+[A-Z][\w’'-]+\s+)?(?:dip|dips|dipped|fall|falls|fell|drop|drops|dropped|"
    r"rise|rises|rose|climb|climbs|climbed|swell|swells|swelled)\s+to)\s+" + _HEDGE_TAIL
)
# "The tally rose to 14,000", "The figure stands at 1.3 million": the running figure of
# the story, a claim when a figure came just before
_TALLY_RE = re.compile(
    r"(?:\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]heir|[Ii]ts)\s+(?:total\s+|overall\s+|official\s+)?"
    # "..., before numbers eased to about 1,500 a day"
    r"|\b(?:before|after|until|while|as|but)\s+)"
    r"(?:number|numbers|tally|figure|figures|total|count|flow)\s+(?:\w+\s+){0,4}?(?:(?:has|have|had)\s+)?"
    r"(?:rose|risen|climbed|grew|grown|swelled|swollen|reached|stands|stood|hit|topped|jumped|"
    r"increased|fell|fallen|dropped|eased|slowed|is\s+now|now\s+stands|was)\s+(?:at\s+|to\s+)?"
    + _HEDGE_TAIL
)


def _subject_of_movement(ctx: _Ctx, q: Quantity) -> bool:
    """'About 80,000 remained in Romania', 'up to 4 million could leave': a figure with no
    noun that is the subject of a movement verb."""
    r = ctx.rules
    after = ctx.text[q.end : q.end + 60]
    m = _OF_PRONOUN.match(after)
    off = q.end + (m.end() if m else 0)
    if m and re.match(r"\s+who\b", ctx.text[off : off + 6]):
        return True  # "some 100,000 of those who crossed"
    rate = _RATE_AFTER.match(ctx.text[off : off + 20])
    if rate:
        off += rate.end()  # "about 6,000 a day were reaching the town"
    pp = _PLACE_PP.match(ctx.text[off : off + 50])
    if pp:
        off += pp.end()  # "1.9 million in Türkiye still live in tents"
    if _IN_CAMPS_AFTER.match(ctx.text[off : off + 60]):
        return True  # "half a million in relief camps"
    for t in ctx.toks_in(off, off + 40)[:6]:
        if t.pos in ("VERB",) and t.lemma.lower() in r.verb_triggers:
            return True
        if t.start == off + 1 and t.text.lower() in r.verb_triggers:
            return True  # headline: "More than 300,000 flee Lebanon" (tagged as a noun)
        if r._phrase_re.match(ctx.text, t.start):
            return True
        if t.text.lower() == "more" and t.start == off + 1:
            continue  # "thousands more were waiting at Wadi Halfa"
        if t.pos in ("ADJ", "VERB") and t.text.lower() in r.noun_triggers:
            return True  # "Tens of thousands are still missing", "are displaced"
        if t.pos not in ("AUX", "ADV", "PART", "VERB"):
            return False
    return False


_NOT_A_CLAIM_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?(?:\s+of\s+them)?\s+(?:already\s+|now\s+)?(?:(?:have|has|had)\s+)?"
    r"(?:have|had|hold|held|found|find|got|get|taken|took)\s+"
    r"(?:(?:a|full-time|part-time|regular|formal)\s+)?(?:jobs?|work|employment)\b|"

    # "six asylum seekers, two of them aged 17": ages
    r"(?:\s+of\s+them)?,?\s+aged\s+(?:\d|between|under|over)|"
    # "people in need of food aid": a need, not a movement
    r"(?:\s+[\w-]+){0,2}\s+in\s+need\s+of\b|"
    # "more than 40% of children under five were acutely malnourished", "fewer than a quarter
    # of households had a proper shelter": living conditions
    r"(?:\s+of\s+[\w\s-]{1,40}?)?\s+(?:are|were|is|was)\s+(?:\w+\s+)?malnourished\b|"
    r"(?:\s+of\s+[\w\s-]{1,40}?)?\s+(?:had|have|has|lacked|lack)\s+(?:a\s+)?(?:proper|adequate|"
    r"any|no)\s+(?:shelter|toilets?|water|latrines?|food)\b",
    re.I,
)
# "said Marlon, 31,": an age after a name; "  2. Weather: ...": a list number
_AGE_AFTER_NAME = re.compile(r"\b[A-Z][a-z’'-]+,\s+$")
# "with her three children", "five of her seven children": one family's story
_FAMILY_BEFORE = re.compile(
    r"\b(?:her|his|my|our|their|your)\s+$|\b(?:I|we)\s+(?:have|had)\s+$|"
    r"\b(?:each|every|a|per|the\s+average)\s+(?:family|household)\s+(?:\w+\s+)?(?:has|had|have)\s+$",
    re.I,
)
_FAMILY_AFTER = re.compile(r"\s+of\s+(?:her|his|my|our|their|your)\b", re.I)
# "the Pentagon has sent 1,500 active-duty troops": a deployment, not people on the move
_DEPLOYED_BEFORE = re.compile(
    r"\b(?:sent|send|sends|sending|deployed|deploy|deploys|deploying|dispatched|dispatch|"
    r"stationed|station|posted|mobilised\s+an\s+extra)\s+(?:an?\s+)?(?:additional\s+|extra\s+|"
    r"further\s+|another\s+)?(?:about\s+|some\s+|around\s+|nearly\s+|more\s+than\s+|up\s+to\s+)?$",
    re.I,
)
_FORCES = frozenset({"troops", "soldiers", "police", "officers", "agents", "personnel", "guards",
                     "marines", "gendarmes", "policemen", "staff", "officials"})  # fmt: skip
_LIST_NUMBER = re.compile(r"(?:^|\n|[ \t]{2})[ \t]*$")
# "the two centres can hold up to 1,000 people at a time": a capacity
# "the average dinghy carried about 44 people": a typical load, not a count of people
_AVERAGE_LOAD_BEFORE = re.compile(
    r"\baverage\s+[\w-]+\s+(?:carried|carries|carrying|held|holds|had|has)\s+"
    r"(?:about\s+|some\s+|around\s+|nearly\s+|more\s+than\s+|up\s+to\s+)?$",
    re.I,
)
_CAPACITY_BEFORE = re.compile(
    r"(?:\bcan\s+(?:hold|house|accommodate|sleep|shelter|host|take)|"
    r"\bcould\s+(?:hold|house|accommodate|sleep))\s+"
    r"(?:about\s+|some\s+|around\s+|up\s+to\s+|more\s+than\s+|over\s+)?$",
    re.I,
)
# "of those landing", "of those who crossed", "of those evacuated" (not "of them had",
# "of those who have": a pronoun is no population)
_OF_THOSE_RE = re.compile(
    r"\s+of\s+(those\s+(?:who\s+)?(?!(?:have|has|had|are|were|is|was|still|will|would|can|could|"
    r"to|in|at|on|from|who)\b)[a-z]+)"
)
_BARE_PEOPLE_AFTER = re.compile(
    # "some 41,000 are Cubans": the copula is not part of the noun
    r"\s+(?:(?:are|were|is|was)\s+)?((?:[\w’'-]+\s+){0,2}?[A-Za-z][\w’'-]*s)\b"
)
_RATE_AFTER = re.compile(r"\s+(?:a|per|each|every)\s+(?:day|week|month|year|fortnight)\b")
_PLACE_PP = re.compile(r"\s+(?:in|at|inside)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
_IN_CAMPS_AFTER = re.compile(
    r"\s+(?:(?:are|were|now|still|remain|living|sheltering|staying)\s+)*(?:in|at)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:camps|shelters|tents|evacuation\s+cent(?:re|er)s|schools|mosques|reception\s+cent(?:re|er)s)\b",
    re.I,
)


def _object_of_trigger(ctx: _Ctx, q: Quantity) -> bool:
    """'Officials have relocated about 30,000 of them', 'stopped 1,800 would-be migrants':
    a figure with no noun (or one the parser missed) that is the object of an event verb."""
    t = ctx.tok_at(q.start)
    if t is None:
        return False
    for a in [t, *_ancestors(ctx, t)][:4]:
        if a.pos == "VERB" and a.start < q.start:
            return a.lemma.lower() in ctx.rules.verb_triggers and a.dep not in ("amod", "acl")
    return False


_COMPARISON_BEFORE = re.compile(
    r"(?:\bcompared\s+(?:with|to)|\bup\s+from|\bdown\s+from|\bfrom|\bthan|\bversus|\bvs\.?|"
    r"\bagainst|\brecord\s+of|\bpeak\s+of|\bto|\bat)\s+(?:the\s+)?(?:only\s+)?$",
    re.I,
)


_PUT_FIGURE_RE = re.compile(
    r"\b(?:put|puts|putting|estimated|estimates|placed|places)\s+(?:the|its|their|his|her)\s+"
    r"(?:[\w’'-]+\s+){0,3}?(?:figure|number|total|toll|count|estimate|tally)\s+"
    r"(?:(?:who|of|that)\s+[^,.;]{0,60}?\s+)?at\s+[\"“]?$",
    re.I,
)


def _restates_previous(ctx: _Ctx, q: Quantity, s: int, cands: list[Any]) -> bool:
    """'... compared with about 12,000 on Tuesday', 'up from about 31,000': a figure set
    against an earlier claim of the same sentence; 'X put the figure at 600,000 to
    700,000': a figure restating the article's earlier count."""
    if _PUT_FIGURE_RE.search(ctx.text[max(0, q.start - 100) : q.start]) and cands:
        return True
    if not any(c[4] == s for c in cands):
        return False
    before = ctx.text[max(s, q.start - 30) : q.start]
    return bool(_COMPARISON_BEFORE.search(before))


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
    last_pop: dict[tuple[int, int], Span] = {}
    last_dest: Location | None = None
    event_totals: dict[int, Event] = {}
    default_events: dict[int, Event] = {}
    last_return: tuple[Location | None, Location | None] = (None, None)
    cands: list[tuple[dict[str, Any], Quantity, Span | None, bool, int, int]] = []
    def out_prev_sentence(pos: int) -> bool:
        """Is there a candidate figure in this sentence or the two before it?"""
        floor = _sentence_back(ctx, ctx.sent_of(pos)[0], 2)
        return any(floor <= c[1].start < pos for c in cands)

    for qd in inp.quantities:
        if (
            qd.get("kind") == "other"
            and str(qd.get("text", "")).rstrip().endswith(("%", "percent", "per cent"))
            and cands
            and cands[-1][1].kind == "share"
            and cands[-1][4] == ctx.sent_of(qd["start"])[0]
            and _COMPARISON_BEFORE.search(ctx.text[max(0, qd["start"] - 30) : qd["start"]])
        ):
            # "families made up about 40% of the Ecuadorians stopped ..., up from about 15%
            # in 2021": the baseline of a share is a share
            qd = {**qd, "kind": "share"}
        if qd.get("kind") not in _CLAIM_KINDS:
            continue
        q = Quantity.from_dict(qd)
        s, e = ctx.sent_of(q.start)
        noun = qd.get("noun")
        if noun is not None and any(d.start < noun["end"] <= d.end for d in inp.dates):
            noun = None  # "rose to between 3,000 and 4,000 last week": a time, not the noun
        if noun is not None:
            inside = next((d for d in inp.dates if d.start <= noun["start"] < d.end), None)
            m_poss = (
                re.match(r"(?:’s|'s)\s+", ctx.text[inside.end : inside.end + 4]) if inside else None
            )
            if inside is not None and m_poss is not None:
                ns = inside.end + m_poss.end()  # "this year's arrivals": the noun after the date
                if ns < noun["end"]:
                    noun = {**noun, "text": ctx.text[ns : noun["end"]], "start": ns}
        if noun is not None and re.search(r"[|\n•·]", ctx.text[q.end : max(q.end, noun["end"])]):
            noun = None  # "crossings pass 450,000 this year | US and Mexico agree": another item
        if noun is not None:
            inner = next(
                (o for o in inp.quantities if noun["start"] <= o["start"] < o["end"] < noun["end"]),
                None,
            )
            if inner is not None:
                # "About 1.7 million of the 3.4 million Syrians": the noun after the figure
                cut = len(ctx.text[inner["end"] : noun["end"]]) - len(
                    ctx.text[inner["end"] : noun["end"]].lstrip()
                )
                ns = inner["end"] + cut
                noun = {**noun, "text": ctx.text[ns : noun["end"]], "start": ns}
        if noun is not None and " " not in noun["text"] and noun["text"].lower() in (
            ctx.rules.verb_triggers
        ) and not _is_people(noun, ctx):
            noun = None  # headline: "More than 300,000 flee Lebanon" (the verb as the noun)
        if _OF_PRONOUN.match(ctx.text, q.end, q.end + 12):
            # "90% of those landing": the people are "those ...", whatever the parser says;
            # "of them had", "of them to": no noun
            m_th = _OF_THOSE_RE.match(ctx.text[q.end : e])
            if m_th:
                ns, ne = q.end + m_th.start(1), q.end + m_th.end(1)
                noun = {"text": m_th.group(1), "start": ns, "end": ne, "head": "those"}
            elif noun is not None and noun["start"] < q.end + 12:
                noun = None
        if noun is None:
            m_n = _BARE_PEOPLE_AFTER.match(ctx.text[q.end : min(e, q.end + 40)])
            if m_n and _is_people({"text": m_n.group(1), "head": m_n.group(1).split()[-1]}, ctx):
                ns = q.end + m_n.start(1)  # "stopped 1,800 would-be migrants"
                noun = {"text": m_n.group(1), "start": ns, "end": ns + len(m_n.group(1)),
                        "head": m_n.group(1).split()[-1]}  # fmt: skip
        if noun is not None and " " in noun["text"]:
            head_word = noun["text"].rsplit(" ", 1)[1]
            if head_word.lower() in ctx.rules.verb_triggers:
                # headline grammar: "1,000 Rohingya land in Aceh" parsed as "Rohingya land"
                short = noun["text"].rsplit(" ", 1)[0]
                cand = {"text": short, "start": noun["start"], "end": noun["start"] + len(short),
                        "head": short.split()[-1]}  # fmt: skip
                if _is_people(cand, ctx):
                    noun = cand
        if noun is not None:
            noun = _extend_demonym_list(ctx, noun)
            noun = _extend_members_of(ctx, noun, e)
        people = _is_people(noun, ctx)
        pop: Span | None = None
        inherited = False
        if noun is not None and people:
            pop = Span(noun["text"], noun["start"], noun["end"])
            # "at two border crossings": a place, not people crossing
            head = noun["text"].split()[-1].lower()
            if head in ("crossing", "crossings", "checkpoints") and re.search(
                r"\b(?:at|on|through|near|of)\s+$", ctx.text[max(s, q.start - 12) : q.start]
            ):
                continue
        elif people is False:
            continue
        else:
            if q.kind == "change":
                pop = _number_of(ctx, qd, s)
            if pop is None and (s, e) in last_pop:
                pop = last_pop[(s, e)]
                inherited = True
            if pop is None and q.kind == "count":
                pop = (
                    _number_population(ctx, q, s, e)
                    or _in_their_numbers(ctx, q, s, e)
                    or _subject_count(ctx, q, s, e)
                )
                if (
                    pop is not None
                    and not _is_people({"text": pop.text, "head": pop.text.split()[-1]}, ctx)
                    and not re.search(r"displaced|evacuated", pop.text)
                ):
                    pop = None
                if pop is not None:
                    mi = _NUMBER_OF_BEFORE.search(ctx.text[max(s, pop.start - 20) : pop.start])
                    loc = _IN_PLACE_AFTER.match(ctx.text[pop.end : q.start])
                    if mi and loc:
                        # "The number of Afghans in Iran has swelled to about 5 million": a stock
                        ms = max(s, pop.start - 20) + mi.start()
                        default_events[q.start] = Event("stock", ctx.text[ms : ms + 6], ms, ms + 6)
            if pop is None and q.kind not in ("change", "share"):
                before = ctx.text[max(s, q.start - 80) : q.start]
                verb_in_span = re.match(r"(?:near|nears|neared|nearing|approaching)\s", q.text)
                if verb_in_span:
                    before = before + verb_in_span.group(0)  # "arrivals near 90,000"
                total = _EVENT_TOTAL_RE.search(before)
                if total is not None:
                    # "as arrivals top 127,000": a total of events, no population
                    ns = max(s, q.start - 80) + total.start("n")
                    event_totals[q.start] = Event(
                        ctx.rules.noun_triggers.get(total.group("n").lower(), "other"),
                        total.group("n"), ns, ns + len(total.group("n")),
                    )  # fmt: skip
                    dm = re.search(r"([A-Z][\w’'-]+)\s+$", ctx.text[max(s, ns - 30) : ns])
                    n_word = total.group("n").lower()
                    if (
                        dm is not None
                        and dm.group(1) in ctx.groups
                        and n_word not in ctx.rules.event_nouns_not_people
                    ):
                        # "Sudanese arrivals in Egypt pass 250,000": whose arrivals they are
                        ps = ns - len(dm.group(0))
                        pop = Span(ctx.text[ps : ns + len(n_word)], ps, ns + len(n_word))
                elif _STAY_OBJECT_RE.search(before) or _DEATH_TOLL_RE.search(
                    ctx.text[max(s, q.start - 120) : q.start]
                ):
                    pass  # "was sheltering more than 15,000"; "the death toll had reached 3,958"
                elif (pm := _PEOPLE_NUMBER_RE.search(before)) is not None:
                    # "The displaced now number about 120,000"
                    ps = max(s, q.start - 80) + pm.start("p")
                    pop = Span(pm.group("p"), ps, ps + len(pm.group("p")))
                    head = pm.group("p").split()[-1]
                    typ = ctx.rules.noun_triggers.get(head.lower())
                    if typ is not None and not re.search(r"\bnumber", pm.group(0)):
                        # "refugees in Slovakia dip to 104,000": the level of that group
                        hs = ps + len(pm.group("p")) - len(head)
                        event_totals[q.start] = Event(typ, head, hs, hs + len(head))
                elif _TALLY_RE.search(before) and out_prev_sentence(q.start):
                    pass  # "The tally rose to 14,000": the figure of the story so far
                elif not (
                    _subject_of_movement(ctx, q)
                    or _object_of_trigger(ctx, q)
                    or _restates_previous(ctx, q, s, cands)
                ):
                    continue
                if (s, e) in last_pop:
                    pop = last_pop[(s, e)]
                    inherited = True
            elif (
                pop is not None
                and not inherited
                and not _is_people({"text": pop.text, "head": pop.text.split()[-1]}, ctx)
            ):
                continue
        if _NOT_A_CLAIM_BEFORE.search(ctx.text[max(s, q.start - 40) : q.start]):
            continue
        if _CAPACITY_BEFORE.search(ctx.text[max(s, q.start - 40) : q.start]):
            continue
        if _AVERAGE_LOAD_BEFORE.search(ctx.text[max(s, q.start - 40) : q.start]):
            continue
        if re.fullmatch(r"(?:under|over|below|above)\s+\d{1,2}", q.text) and re.search(
            r"\b(?:are|were|aged|is|was)\s+$", ctx.text[max(s, q.start - 8) : q.start]
        ):
            continue  # "46% of them are under 18": an age
        if (
            q.value is not None
            and q.value < 100  # (not "in their tens of thousands")
            and (
                _FAMILY_BEFORE.search(ctx.text[max(s, q.start - 8) : q.start])
                or _FAMILY_AFTER.match(ctx.text[q.end : q.end + 12])
            )
        ):
            continue  # "with her three children": an anecdote
        if (
            pop is not None
            and pop.text.split()[-1].lower() in _FORCES
            and _DEPLOYED_BEFORE.search(ctx.text[max(s, q.start - 40) : q.start])
        ):
            continue  # "has sent 1,500 active-duty troops"
        if (
            pop is not None
            and pop.text.split()[-1].lower() in ("people", "residents", "inhabitants")
            and re.search(r"\b(?:most|least|more|less)\s+populous\b|\bpopulation\s+of\b",
                          ctx.text[s:e])
        ):
            continue  # "the most populous province with 15.1 million people": a census
        if (
            _AGE_AFTER_NAME.search(ctx.text[max(s, q.start - 30) : q.start])
            and ctx.text[q.end : q.end + 1] == ","
        ) or (
            _LIST_NUMBER.search(ctx.text[max(0, q.start - 10) : q.start])
            and re.match(r"\.\s", ctx.text[q.end : q.end + 2])
        ):
            continue
        if _NOT_A_CLAIM_AFTER.match(ctx.text[q.end : min(e, q.end + 90)]):
            continue  # "some 180,000 of them already have jobs"; "home to about 11,000 people"
        if re.search(r"\bhome\s+to\s+(?:about\s+|some\s+|around\s+|nearly\s+|more\s+than\s+)?$",
                     ctx.text[max(s, q.start - 30) : q.start]) and re.match(
            r"\s+(?:people|residents|inhabitants|souls)\b", ctx.text[q.end : q.end + 14]
        ):
            continue  # a place's population
        if q.kind == "share" and (
            _ATTITUDE_AFTER.match(ctx.text[q.end : min(e, q.end + 80)])
            or _SURVEY_RE.search(ctx.text[s:e])
        ):
            continue  # "a survey found that 77% of refugees hoped to go home": an opinion
        if q.kind == "change" and re.search(
            r"\bnumber\s+of\s+(?:[\w-]+\s+){0,2}in\s+need\s+of\b", ctx.text[s : q.start]
        ):
            continue  # "the number of people in need of food aid has doubled"
        if q.kind == "change" and _changed_thing(ctx, q, e):
            continue  # "double their capacity", "double the number of expulsion flights"
        if (
            q.value == 1
            and q.qualifier is None
            and pop is not None
            and _NAMED_APPOSITION.match(ctx.text[pop.end : pop.end + 40])
        ):
            continue  # "One man, Aleksey, told Reuters ...": an anecdote, not a count
        if pop is not None and not inherited:
            last_pop[(s, e)] = pop
        cands.append((qd, q, pop, inherited, s, e))
    claim_starts = [c[1].start for c in cands]
    ctx.claim_starts = claim_starts
    for qd, q, pop, inherited, s, e in cands:
        anchor = pop.start if pop is not None and not inherited else q.start
        prev_claim = next((c for c in reversed(out) if c.sentence.start == s), None)
        ev = _event(ctx, qd, anchor, pop if not inherited else None, s, e, path_only=inherited)
        if ev is None and inherited and prev_claim is not None:
            ev = prev_claim.event  # "now their number has increased to about ten thousand"
        if _PUT_FIGURE_RE.search(ctx.text[max(s, q.start - 100) : q.start]) and out:
            own = _event(ctx, qd, anchor, None, s, e)
            if own is None or own.type == "other":
                ev = out[-1].event  # "Forbes later put the figure at 600,000 to 700,000"
        elif ev is None:
            ev = _event(ctx, qd, anchor, pop if not inherited else None, s, e)
        if q.start in event_totals:
            ev = event_totals[q.start]
        # "logged about 11 million crossings", "registered 128,500 returnees", "received
        # 118,756 asylum applications": a record-keeping verb counts events the noun names
        if (
            ev is not None
            and pop is not None
            and not inherited
            and (_lemma_at(ctx, ev.start) in ctx.rules.counting_verbs or q.kind == "share")
            and not (
                # "about 70% of the arrivals are staying with friends": what then became of
                # them is the share's own event
                q.kind == "share"
                and ev.start >= pop.end
                and ev.type in ("stock", "return", "onward", "asylum")
                and _lemma_at(ctx, ev.start) in ctx.rules.verb_triggers
                and _segment(ctx.text, s, e, ev.start) == _segment(ctx.text, s, e, q.start)
            )
        ):
            # ... and "About 70% of this year's arrivals set off from Tunisia": a share of
            # arrivals is about arrivals
            ev = _noun_event(ctx, pop) or _participle_event(ctx, pop) or ev
        if q.kind == "change":
            own_subject = _change_subject_event(ctx, q)
            if own_subject is not None:
                ev = own_subject  # "crossings on its eastern frontier more than doubled"
        if (
            q.kind == "change"
            and prev_claim is not None
            and prev_claim.event is not None
            and ev is not None
            and ev.start < prev_claim.quantity.start
        ):
            ev = prev_claim.event  # "registered 128,500 returnees ..., nearly double ..."
        if pop is not None and not inherited:
            hurt = _HARMED_AFTER.match(ctx.text[pop.end : min(e, pop.end + 30)])
            if hurt is not None:  # "more than 9,000 people still missing"
                hs = pop.end + hurt.start(1)
                ev = Event("casualty", hurt.group(1), hs, hs + len(hurt.group(1)))
        toll = _DEATH_TOLL_RE.search(ctx.text[max(s, q.start - 120) : q.start])
        if toll is not None and pop is None:
            ts = max(s, q.start - 120) + toll.start("t")
            ev = Event("casualty", toll.group("t"), ts, ts + len(toll.group("t")))
        if q.kind in ("count", "share"):
            part = _part_population(ctx, q, e)
            if (
                part is not None
                and q.kind == "share"
                and not re.match(r"\s+of\s+(?:them|these)\b", ctx.text[q.end : q.end + 12])
            ):
                # "about 90% of the newcomers are women and children": a share is of the
                # whole; only "of them are returnees" says who the whole was
                part = None
            if part is not None:
                pop, inherited = part, False
                ev = _noun_event(ctx, part) or ev  # "four in five of them are returnees"
        if inherited and not re.search(
            r"\b(?:their|the|this|that)\s+(?:number|figure|total|count)\b",
            ctx.text[s : q.start],
        ):
            pop = None  # a bare figure keeps no population unless it says "their number"
        if q.kind == "change":
            pop = None
        if pop is None and q.kind == "share":
            m = re.match(
                r"\s+of\s+(those\s+(?:who\s+)?[a-z]+(?:\s+(?:there|here|in|to)\b)?)",
                ctx.text[q.end : e],
            )
            if m:
                ps = q.end + m.start(1)
                pop = Span(m.group(1), ps, ps + len(m.group(1)))
        m_ev = re.match(r"(\w+)\s+(?:with|of)\s+(.+)$", pop.text) if pop is not None else None
        if m_ev and m_ev.group(1).lower() in ctx.rules.event_nouns and pop is not None:
            # "Encounters with Venezuelans rose to more than 187,000"
            typ = ctx.rules.noun_triggers.get(m_ev.group(1).lower())
            if typ:
                ev = Event(typ, m_ev.group(1), pop.start, pop.start + len(m_ev.group(1)))
            ps = pop.start + m_ev.start(2)
            pop = Span(m_ev.group(2), ps, ps + len(m_ev.group(2)))
        if (
            ev is not None
            and ev.type == "arrival"
            and ev.text.lower() == "registered"
            and re.search(
                r"\b(?:are|is)\s+(?:\w+\s+)?$", ctx.text[max(s, ev.start - 15) : ev.start]
            )
        ):
            ev = Event("stock", ev.text, ev.start, ev.end)  # "are registered with UNHCR"
        if pop is not None and pop.text.split()[-1].lower() in ("encounters", "apprehensions"):
            m = re.match(r"\s+with\s+((?:[A-Z]\w+\s+)?[a-z]+|[A-Z]\w+)", ctx.text[pop.end : e])
            if m and not _is_people({"text": m.group(1), "head": m.group(1).split()[-1]}, ctx):
                # "with Ecuadorians at"
                m = re.match(r"\s+with\s+([A-Z]\w+)", ctx.text[pop.end : e])
            if m and _is_people({"text": m.group(1), "head": m.group(1).split()[-1]}, ctx):
                ps = pop.end + m.start(1)
                pop = Span(m.group(1), ps, ps + len(m.group(1)))
        # "The tally rose to 14,000", "Nearly half of them are children": a figure about
        # the story's last claim takes its event and places
        story = next(
            (c for c in reversed(out) if c.sentence.start >= _sentence_back(ctx, s, 2)), None
        )
        anaphor = story is not None and (
            _TALLY_RE.search(ctx.text[max(s, q.start - 80) : q.start]) is not None
            or (
                q.kind == "share"
                and _OF_PRONOUN.match(ctx.text, q.end, q.end + 20)
                is not None
            )
        )
        tally = _TALLY_RE.search(ctx.text[max(s, q.start - 80) : q.start])
        if (
            tally is not None
            and story is not None
            and ev is not None
            and ev.start < max(s, q.start - 80) + tally.start()
        ):
            ev = story.event  # "logged 3,000 arrivals a day ..., before numbers eased to 1,500"
        if ev is None and anaphor and story is not None:
            ev = story.event
        if ev is None and q.start in default_events:
            ev = default_events[q.start]
        after_fig = pop.end if pop is not None and not inherited else q.end
        among = _AMONG_RE.match(ctx.text[after_fig:e])
        if among is not None and among.group(1).lower() in ctx.rules.noun_triggers:
            # "about 95,000 Sudanese refugees are among the arrivals": counted in those events
            a0 = after_fig + among.start(1)
            ev = Event(ctx.rules.noun_triggers[among.group(1).lower()], among.group(1), a0,
                       a0 + len(among.group(1)))  # fmt: skip
        if (
            ev is None
            and prev_claim is not None
            and _SUBSET_BEFORE_RE.search(ctx.text[max(s, q.start - 40) : q.start])
        ):
            ev = prev_claim.event  # "the death toll rose to 1,314, including 458 children"
        if ev is None:
            # without an event only a count of displaced people is a claim
            head = pop.text.split()[-1].lower() if pop is not None else ""
            if head not in ctx.rules.displaced_heads and not re.search(
                r"\bfrom\s+[A-Z]", ctx.text[q.end : min(e, q.end + 40)]
            ):
                continue
        # a change of "the number of daily border crossings": the crossings are the event
        if pop is not None and pop.text.split()[-1].lower() in ctx.rules.event_nouns:
            head = pop.text.split()[-1]
            hs = pop.end - len(head)
            typ = ctx.rules.noun_triggers.get(head.lower(), "other")
            if ev is None or (q.kind == "count" and not inherited and ev.start > pop.end):
                # "sea arrivals top 30,000 as boats keep landing": the counted events are the
                # event, not a verb further on
                ev = Event(typ, head, hs, pop.end)
            if q.kind == "change":
                pop = None  # a change of crossings: no population (fixtures/README)
        if pop is not None and pop.text.split()[-1].lower() in ctx.rules.event_nouns_not_people:
            pop = None  # "logged 11 million crossings": events, not people (fixtures/README)
        src = _source(ctx, qd, s, e)
        if src is not None and src.kind == "organization":
            ctx.last_org = src
            ctx.orgs_seen.append(src)
        if src is not None:
            ctx.last_source = src
        # "people from Russia every day" with no verb: people arriving where the source is
        if ev is None and re.search(r"\bfrom\s+[A-Z]", ctx.text[q.end : min(e, q.end + 40)]):
            m = re.search(r"\bfrom\s+[A-Z][\w’']+", ctx.text[q.end : min(e, q.end + 40)])
            if m:
                ev = Event("arrival", m.group(0), q.end + m.start(), q.end + m.end())
        if (
            ev is not None
            and ev.type == "return"
            and re.search(r"\bcoast\s*guard\b", ctx.text[s : ev.start], re.I)
        ):
            # "Libya's coast guard returned 32,425 to its shores": an interception (README)
            ev = Event("border_encounter", ev.text, ev.start, ev.end)
        if ev is not None and re.search(
            r"\bin\s+both\s+directions\b", ctx.text[q.end : min(e, q.end + 80)]
        ):
            ev = Event("other", ev.text, ev.start, ev.end)  # crossings both ways: not arrivals
        same_src = prev_claim is not None and (
            src is None
            or prev_claim.source is None
            or src.name == prev_claim.source.name
        )
        same_as_before = (
            prev_claim.destination
            if prev_claim is not None
            and same_src
            and ev is not None
            and prev_claim.event is not None
            and prev_claim.event.type == ev.type
            else None
        )
        origin, dest, etype = _places(ctx, qd, ev, pop, s, e, src, same_as_before)
        if ev is not None and etype != ev.type and etype is not None:
            ev = Event(etype, ev.text, ev.start, ev.end)
        if (
            origin is None
            and etype == "departure"
            and pop is None
            and prev_claim is not None
            and same_src
            and prev_claim.event is not None
            and prev_claim.event.type == "departure"
        ):
            # "8,900 crossed out of the country on Tuesday, ... and that between 6,000 and
            # 9,000 had been leaving every day": the same people leaving the same country
            origin = prev_claim.origin
        # a figure set against an earlier one of its sentence ("up from about 31,000",
        # "compared with only about 4,100") speaks of the same people and places
        # "530,216 had gone back ..., and about 1,100 more were leaving each week": more of
        # the same movement
        more_of = (
            prev_claim is not None
            and prev_claim.event is not None
            and re.match(r"\s+(?:more|others)\b", ctx.text[q.end : q.end + 8]) is not None
        )
        if (
            more_of
            and prev_claim is not None
            and prev_claim.event is not None
            and prev_claim.event.type == "return"
            and ev is not None
            and ev.type in ("departure", "arrival")
        ):
            ev = Event("return", ev.text, ev.start, ev.end)
            origin, dest = origin or prev_claim.origin, dest or prev_claim.destination
        restated = prev_claim is not None and same_src and (
            inherited
            or q.kind == "change"
            or _restates_previous(ctx, q, s, cands)
            or (more_of and ev is not None and prev_claim.event is not None
                and ev.type == prev_claim.event.type)
        )  # fmt: skip
        if (
            q.kind == "share"
            and origin is None
            and prev_claim is not None
            and prev_claim.origin is not None
            and (dest is None or dest.code != prev_claim.origin.code)
        ):
            origin = prev_claim.origin  # "874,000 fled Ukraine, with more than half going to ..."
        if anaphor and story is not None and ev is story.event:
            origin = origin or story.origin
            dest = dest or story.destination
        if restated and prev_claim is not None:
            same_event = ev is None or prev_claim.event is None or ev.type == prev_claim.event.type
            if origin is None and same_event:
                origin = prev_claim.origin
            if dest is None and same_event:
                dest = prev_claim.destination
        # "Georgia's figures ...: its interior ministry recorded ...": the possessive country
        if dest is None and ev is not None and ev.type in _CONTEXT_EVENTS:
            m = re.search(r"\b([A-Z][\w-]+)(?:’s|'s|&#39;s)\s+(?:figures|data|interior|government|"
                          r"authorities|police|border|ministry|officials|statistics|"
                          r"(?:sea\s+|daily\s+|new\s+)?arrivals)",
                          ctx.text[s:e])  # fmt: skip
            code = ctx.gaz.code(m.group(1)) if m else None
            if m and code and (origin is None or origin.code != code):
                dest = Location(code, m.group(1), s + m.start(1), s + m.end(1))
        if ev is not None and ev.type == "return":
            # returns in one article go between the same two countries unless it says
            # otherwise: "The DGM says it deported about 170,000 Haitians" after "The
            # Dominican Republic deported more than 21,000 Haitians"
            r_origin, r_dest = last_return
            if origin is None and r_origin is not None:
                if dest is None or dest.code != r_origin.code:
                    origin = r_origin
            if dest is None and r_dest is not None:
                if origin is None or origin.code != r_dest.code:
                    dest = r_dest
            last_return = (origin or r_origin, dest or r_dest)
        elif (
            dest is None
            and ev is not None
            and ev.type in _CONTEXT_EVENTS
            and last_dest is not None
            and not _NOT_A_COUNTRY_DEST.match(ctx.text[ev.end : ev.end + 40])
        ):
            if origin is None or origin.code != last_dest.code:
                dest = last_dest
        coming_home = ev is not None and re.search(
            r"\b(?:coming|come|came|comes)\s+(?:home|back)\b", ev.text, re.I
        )
        if ev is not None and ev.type == "return" and not coming_home:
            if origin is not None:  # the story is where they are sent back from
                last_dest = origin
                ctx.last_dest = origin
        elif dest is not None:  # (people coming home: the story is where they arrive)
            last_dest = dest
            ctx.last_dest = dest
        if q.per is None and q.kind == "count":
            per = _rate_from_before(ctx, q, s)
            if per is not None:
                q = Quantity.from_dict({**q.to_dict(), "per": per})
        tm = (
            _whole_time(ctx, q, ev, s, out)
            or _time(ctx, qd, s, e, claim_starts)
            or _context_time(ctx, q, ev, s, e, out)
        )
        if (
            tm is None
            and q.kind == "change"
            and prev_claim is not None
            and prev_claim.time is not None
            and not _NOW_RE.search(ctx.text[q.start : e])
        ):
            tm = prev_claim.time  # "registered 128,500 in July alone, nearly double ..."
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
