"""A learned second opinion on a claim's origin and destination.

The rules (``_places``, ``_resolve``) read the place of a figure from the words around
it; on articles they were not written for, most of their place errors are not a wrong
country but a missing one (the country the article named a sentence or two before, the
people's nationality in the headline) or one filled where the labels leave it empty.
This module re-decides both fields for every claim, choosing among *no place* and every
country the article has named so far, with a linear model over plain features of where
and how each country was named (its sentence, the preposition before it, the headline,
how often the article names it, what the rules and the claims before said).

Everything here is a pure function of plain data (``ClaimInput`` and the rules'
``Claim`` records), so the component, the training script (``scripts/
train_place_model.py``) and the tests share one code path. The weights are a JSON data
file in the package (``data/place_model.json``), written by that script from the team
fixtures only; the model is an averaged perceptron over candidates (a ranking), which
needs no dependency and gives the same answer in every process.
"""

from __future__ import annotations

import bisect
import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import ClassVar

from ..geo import CountryGazetteer
from ..records import Claim, Location
from ._base import (
    NO_DESTINATION_EVENTS,
    ClaimInput,
    PTok,
    an_evacuation,
    claim_place_codes,
    into_a_bloc,
)
from ._weights import LinearWeights

FIELDS = ("origin", "destination")
# the fields the model re-decides by default: destinations since the seventh session;
# origins since the ninth, when 22 blind batches of unseen readings showed them helping
# too (leave one batch out, both places right 0.719 -> 0.742; docs/decisions.md)
APPLIED_FIELDS = ("origin", "destination")
_PREFIX = {"origin": "o", "destination": "d"}
# the word before a mention, kept as a feature only when it is one of these (anything
# else is "w"): prepositions and verbs of movement and location
_CUE_WORDS = frozenset(
    "from to into in at across through via out of inside within toward towards reach reached "
    "reaching enter entered entering left leave leaving fled flee fleeing crossed cross "
    "crossing returned return returning back home for by on near over along and or with "
    "between outside arrived arrive arriving landed land deported expelled".split()
)
_DETERMINERS = frozenset({"the", "neighbouring", "neighboring", "northern", "southern",
                          "eastern", "western", "central"})  # fmt: skip
_WORD_BEFORE = re.compile(r"([A-Za-z’']+)\W*$")
_POSSESSIVE_AFTER = re.compile(r"[’']s\b")
# a country in a list: "into Finland, Georgia and Kazakhstan"
_LISTED = re.compile(r",\s+(?:and\s+|or\s+)?[A-Z]|\s+(?:and|or)\s+(?:the\s+)?[A-Z]")
_PART_BEFORE = re.compile(
    r"\b(?:most|some|many|half|all|others?|the\s+rest)(?:\s+of\s+(?:them|those|whom))?"
    r"\s+(?:\w+\s+)?(?:to|in|into|for)\s+(?:the\s+)?$",
    re.I,
)
_LISTED_BEFORE = re.compile(r"[A-Za-z],\s+(?:and\s+|or\s+)?$|[A-Za-z]\s+(?:and|or)\s+(?:the\s+)?$")


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    code: str
    text: str
    kind: str  # "name", "demonym" or "place"


@dataclass
class PlaceModel(LinearWeights):
    """Feature weights of the place ranker (one weight per feature string)."""

    LABEL: ClassVar[str] = "place model"

    def score(self, feats: Iterable[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in feats)


@lru_cache(maxsize=1)
def default_place_model() -> PlaceModel:
    """The weights shipped in the package (``data/place_model.json``)."""
    return PlaceModel.packaged("place_model.json")


# --------------------------------------------------------------------------- features


@dataclass
class _DocView:
    """What the features read of one article: its mentions and sentences."""

    text: str
    sent_starts: list[int]
    mentions: list[_Mention]
    counts: Counter[str]
    rank: dict[str, int]
    head_end: int
    # the country of the dateline ("COX'S BAZAR, Bangladesh –") and the first one the
    # body names
    dateline: str | None
    first: str | None
    tokens: list[PTok]
    tok_starts: list[int]
    # the mentions of each country, in text order (built once per article)
    by_code: dict[str, list[_Mention]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for m in self.mentions:
            self.by_code.setdefault(m.code, []).append(m)

    def sent_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def tok_at(self, pos: int) -> PTok | None:
        i = bisect.bisect_right(self.tok_starts, pos) - 1
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def governor(self, start: int, end: int) -> tuple[str, str]:
        """The preposition a mention hangs from ("" if none) and the word that governs
        it ("war" in "the war in Ukraine", "fled" in "fled to Georgia")."""
        t = self.tok_at(start)
        if t is None:
            return "", ""
        for _ in range(8):  # the mention's own head word: leave the span upwards
            h = self.tokens[t.head]
            if h.i == t.i or not (start <= h.start < end):
                break
            t = h
        h = self.tokens[t.head]
        if h.i == t.i:
            return "", ""
        if h.pos == "ADP":
            g = self.tokens[h.head]
            return h.lemma.lower(), (g.lemma.lower() if g.i != h.i else "")
        return "", h.lemma.lower()

    def clause_verb(self, pos: int) -> int:
        """The index of the verb whose clause holds the token at ``pos`` (-1 if none)."""
        t = self.tok_at(pos)
        for _ in range(12):
            if t is None:
                return -1
            if t.pos in ("VERB", "AUX") and t.dep != "amod":
                return t.i
            h = self.tokens[t.head]
            if h.i == t.i:
                return -1
            t = h
        return -1


def _doc_view(inp: ClaimInput, gaz: CountryGazetteer) -> _DocView:
    ms: dict[tuple[int, int], _Mention] = {}
    for c in inp.countries:
        kind = "demonym" if gaz.is_demonym(c.text) else "name"
        ms[(c.start, c.end)] = _Mention(c.start, c.end, c.code, c.text, kind)
    for p, code in claim_place_codes(inp, gaz):
        if code and not any(s <= p.start < e for s, e in ms):
            ms[(p.start, p.end)] = _Mention(p.start, p.end, p.code, p.text, "place")
    mentions = sorted(ms.values(), key=lambda m: (m.start, m.end))
    counts = Counter(m.code for m in mentions)
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    nl = inp.text.find("\n")
    head_end = nl if 0 < nl <= 250 else 0
    starts = sorted(s for s, _ in inp.sentences) or [0]
    body = next((m for m in mentions if m.start >= head_end), None)
    dateline = None
    if body is not None:
        line_start = inp.text.rfind("\n", 0, body.start) + 1
        lead = inp.text[line_start : body.start]
        upper_city = not lead.strip() and body.text.isupper() and len(body.text) > 2
        if len(lead) <= 40 and (upper_city or _DATELINE_LEAD.match(lead)):
            dateline = body.code
    return _DocView(inp.text, starts, mentions, counts, {k: i for i, k in enumerate(ranked)},
                    head_end, dateline, body.code if body is not None else None,
                    inp.tokens, [t.start for t in inp.tokens])  # fmt: skip


# the city of a dateline before its country: "COX'S BAZAR, ", "Tbilisi, ", "ORAL, "
_DATELINE_LEAD = re.compile(r"\s*[A-Z][\w’'. -]{1,30},\s*$")


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3-4" if n <= 4 else "5+"


def _cue_before(text: str, start: int) -> str:
    """The word before a mention, skipping "the" and compass adjectives."""
    pos = start
    for _ in range(3):
        m = _WORD_BEFORE.search(text, max(0, pos - 30), pos)
        if m is None:
            return "^"
        w = m.group(1).lower()
        if w in _DETERMINERS:
            pos = m.start(1)
            continue
        return w if w in _CUE_WORDS else "w"
    return "w"


def _where(dv: _DocView, m: _Mention, cl: Claim) -> str:
    """Where a mention sits relative to a claim."""
    q = cl.quantity
    if cl.population is not None and cl.population.start <= m.start < cl.population.end:
        return "pop"
    if cl.sentence.start <= m.start < cl.sentence.end:
        return "sent_before" if m.start < q.start else "sent_after"
    if m.start < dv.head_end:
        return "head"
    if m.start >= cl.sentence.end:
        return "later"
    gap = dv.sent_index(cl.sentence.start) - dv.sent_index(m.start)
    return "prev1" if gap <= 1 else "prev2" if gap == 2 else "prev3"


_NEAR_ORDER = ("pop", "sent_before", "sent_after", "prev1", "prev2", "head", "prev3", "later")


def _field_state(rule: Location | None, code: str | None) -> str:
    if rule is None or rule.code is None:
        return "null"
    return "same" if rule.code == code else "other"


def candidate_features(
    dv: _DocView, cl: Claim, fld: str, earlier: Sequence[Claim]
) -> dict[str | None, list[str]]:
    """Features of every choice for one field of one claim: ``None`` (no place) and each
    country the article names up to the end of the claim's sentence (and in its
    headline), plus the rules' own choice."""
    p = _PREFIX[fld]
    other_fld = "destination" if fld == "origin" else "origin"
    ev = cl.event.type if cl.event is not None else "none"
    rule: Location | None = getattr(cl, fld)
    rule_other: Location | None = getattr(cl, other_fld)
    prev = earlier[-1] if earlier else None
    prev_same = prev is not None and prev.sentence.start == cl.sentence.start
    seen: Counter[str] = Counter(
        loc.code for c in earlier if (loc := getattr(c, fld)) is not None and loc.code
    )
    major = seen.most_common(1)[0][0] if seen else None

    by_code = dv.by_code
    qverb = dv.clause_verb(cl.quantity.start)
    cands: dict[str | None, list[str]] = {}
    codes = set(by_code)
    if rule is not None and rule.code:
        codes.add(rule.code)
    for code in sorted(codes):
        ms = by_code.get(code, [])
        wheres = {(_where(dv, m, cl), m) for m in ms}
        cats = {w for w, _ in wheres}
        if not (cats - {"later"}) and not (rule is not None and rule.code == code):
            continue  # only named after the claim: not a candidate
        rs = _field_state(rule, code)
        f = [f"{p}:bias", f"{p}:rule={rs}", f"{p}:rule={rs}|ev={ev}"]
        f.append(f"{p}:other_rule={_field_state(rule_other, code)}")
        f.append(f"{p}:other_rule={_field_state(rule_other, code)}|ev={ev}")
        near = next((c for c in _NEAR_ORDER if c in cats), "none")
        f += [f"{p}:near={near}", f"{p}:near={near}|ev={ev}", f"{p}:near={near}|rule={rs}"]
        f += [f"{p}:at={c}" for c in sorted(cats)]
        f += [f"{p}:at={c}|ev={ev}" for c in sorted(cats)]
        for w, m in sorted(wheres, key=lambda x: x[1].start):
            if w not in ("pop", "sent_before", "sent_after"):
                continue
            cue = _cue_before(dv.text, m.start)
            f += [f"{p}:cue={cue}|{w}", f"{p}:cue={cue}|{w}|ev={ev}", f"{p}:kind={m.kind}|{w}"]
            f.append(f"{p}:kind={m.kind}|{w}|ev={ev}")
            if _POSSESSIVE_AFTER.match(dv.text, m.end):
                f.append(f"{p}:poss|{w}")
            if dv.text.startswith("-", m.end):  # "Russian-installed", "Kenya-based"
                f.append(f"{p}:hyphen|{w}")
            if _LISTED.match(dv.text, m.end) or _LISTED_BEFORE.search(
                dv.text[max(0, m.start - 12) : m.start]
            ):
                f += [f"{p}:listed|{w}", f"{p}:listed|{w}|ev={ev}"]
            prep, gov = dv.governor(m.start, m.end)
            same = qverb >= 0 and dv.clause_verb(m.start) == qverb
            f += [f"{p}:gov={gov}", f"{p}:gov={gov}|prep={prep}", f"{p}:same_clause={same}|{w}",
                  f"{p}:same_clause={same}|cue={cue}|ev={ev}"]  # fmt: skip
        if dv.dateline == code:
            f += [f"{p}:dateline", f"{p}:dateline|ev={ev}", f"{p}:dateline|near={near}"]
        if dv.first == code:
            f += [f"{p}:first", f"{p}:first|ev={ev}"]
        kinds = {m.kind for m in ms if m.start < cl.sentence.end}
        f += [f"{p}:has_kind={k}" for k in sorted(kinds)]
        f.append(f"{p}:freq={_bucket(dv.counts.get(code, 0))}")
        rk = dv.rank.get(code, 9)
        rk_s = str(rk) if rk < 2 else "2+"
        f += [f"{p}:rank={rk_s}", f"{p}:rank={rk_s}|ev={ev}", f"{p}:rank={rk_s}|near={near}"]
        if prev is not None:
            ps = _field_state(getattr(prev, fld), code)
            f += [f"{p}:prev={ps}|same_sent={prev_same}", f"{p}:prev={ps}|ev={ev}"]
        if major is not None:
            f.append(f"{p}:major={'same' if major == code else 'other'}")
        cands[code] = f
    rs = _field_state(rule, None)
    nf = [f"{p}:null", f"{p}:null|rule={rs}", f"{p}:null|rule={rs}|ev={ev}",
          f"{p}:null|ev={ev}", f"{p}:null|kind={cl.quantity.kind}",
          f"{p}:null|ncands={_bucket(len(cands))}",
          f"{p}:null|other_rule={_field_state(rule_other, None)}|ev={ev}"]  # fmt: skip
    if prev is not None:
        nf.append(f"{p}:null|prev={_field_state(getattr(prev, fld), None)}")
    cands[None] = nf
    return cands


def _location_for(dv: _DocView, cl: Claim, code: str, rule: Location | None) -> Location:
    """Where the chosen country was read: the rules' span when they chose it, else its
    mention nearest the figure (in the population, the sentence, the sentences before,
    the headline)."""
    if rule is not None and rule.code == code:
        return rule
    best: tuple[int, int, _Mention] | None = None
    for m in dv.mentions:
        if m.code != code:
            continue
        w = _where(dv, m, cl)
        if w == "later":
            continue
        key = (_NEAR_ORDER.index(w), abs(m.start - cl.quantity.start))
        if best is None or key < best[:2]:
            best = (key[0], key[1], m)
    if best is None:  # pragma: no cover - candidates always have a mention or are the rule's
        raise ValueError(f"no mention of {code}")
    m = best[2]
    return Location(code, m.text, m.start, m.end)


def _no_single_place(dv: _DocView, loc: Location) -> bool:
    """A country the sentence lists with others ("into Finland, Georgia and Kazakhstan")
    or names for a part of the people ("most of them to Mexico"): SPEC gives such a
    claim no single place, as the rules do."""
    before = dv.text[max(0, loc.start - 40) : loc.start]
    return bool(
        _LISTED.match(dv.text, loc.end)
        or _LISTED_BEFORE.search(before[-12:])
        or _PART_BEFORE.search(before)
    )


def rerank_places(
    inp: ClaimInput,
    claims: Sequence[Claim],
    model: PlaceModel,
    gaz: CountryGazetteer,
    *,
    margin: float = 0.0,
    fields: Sequence[str] = APPLIED_FIELDS,
) -> list[Claim]:
    """Each claim with its ``fields`` (by default the destination) re-decided by ``model``.
    A field the rules read in the figure's own sentence stays theirs (a preposition or a
    verb named it); any other (empty, or taken from the context) changes only when the
    model's choice beats the rules' by more than ``margin``, and never to the country on
    the other side of the move."""
    if not claims or not model.weights:
        return list(claims)
    dv = _doc_view(inp, gaz)
    out: list[Claim] = []
    for i, cl in enumerate(claims):
        new = cl
        for fld in fields:
            rule: Location | None = getattr(cl, fld)
            if (
                fld == "destination"
                and cl.event is not None
                and cl.event.type in NO_DESTINATION_EVENTS
            ):
                continue
            if rule is not None and cl.sentence.start <= rule.start < cl.sentence.end:
                continue  # the rules read it from the figure's own sentence
            if (
                fld == "destination"
                and cl.event is not None
                and into_a_bloc(inp.text, cl.event.end)
            ):
                continue  # "had entered the bloc": the sentence names where, and no country
            if fld == "destination" and an_evacuation(cl.event):
                continue  # "Britain said it had evacuated nearly 6,000": out, to nowhere named
            cands = candidate_features(dv, cl, fld, claims[:i])
            scores = {k: model.score(v) for k, v in cands.items()}
            choice = max(scores, key=lambda k: (scores[k], k is None, k or ""))
            rule_key = rule.code if rule is not None else None
            if choice == rule_key or scores[choice] - scores.get(rule_key, 0.0) <= margin:
                continue
            if choice is None:
                continue  # it fills or replaces a place; emptying one was no better
            other = getattr(new, "destination" if fld == "origin" else "origin")
            if other is not None and other.code == choice:
                continue  # people do not move from a country into itself
            loc = _location_for(dv, cl, choice, rule)
            if cl.sentence.start <= loc.start < cl.sentence.end and _no_single_place(dv, loc):
                continue
            if loc.start < cl.quantity.start and any(
                m.code == choice
                and m.kind == "name"
                and cl.quantity.end <= m.start < cl.sentence.end
                and _no_single_place(dv, Location(m.code, m.text, m.start, m.end))
                for m in dv.mentions
            ):
                # (a mention before the figure, when the sentence lists the country by name
                # after it: "BELGRADE/ISTANBUL, Oct 6 - ... have flown to Serbia and Turkey")
                continue
            new = replace(new, **{fld: loc})
        out.append(new)
    return out


# --------------------------------------------------------------------------- training


@dataclass
class PlaceExample:
    """One field of one claim: its candidates' features and the labelled answer."""

    cands: dict[str | None, list[str]]
    gold: str | None
    rule: str | None


def place_examples(
    inp: ClaimInput,
    claims: Sequence[Claim],
    gold: dict[int, dict[str, str | None]],
    gaz: CountryGazetteer,
    fields: Sequence[str] = FIELDS,
) -> list[PlaceExample]:
    """Training examples from one article: ``gold`` maps a claim's quantity start to its
    labelled ``origin``/``destination`` codes (claims without a label are skipped, and so
    are fields whose labelled country is not among the candidates)."""
    dv = _doc_view(inp, gaz)
    out: list[PlaceExample] = []
    for i, cl in enumerate(claims):
        g = gold.get(cl.quantity.start)
        if g is None:
            continue
        for fld in fields:
            cands = candidate_features(dv, cl, fld, claims[:i])
            code = g.get(fld)
            if code not in cands:
                continue
            loc = getattr(cl, fld)
            out.append(PlaceExample(cands, code, loc.code if loc is not None else None))
    return out


def train_place_model(
    examples: Sequence[PlaceExample],
    *,
    epochs: int = 10,
    seed: int = 13,
    rate: float = 0.1,
    l2: float = 1e-3,
) -> PlaceModel:
    """A log-linear ranking of the candidates of each example (softmax over the
    candidates, trained by stochastic gradient descent with an L2 penalty on the
    features an example touches), so that no single feature can outvote the rest."""
    w: dict[str, float] = {}
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        lr = rate / (1.0 + epoch)
        for i in order:
            ex = examples[i]
            keys = list(ex.cands)
            scores = [sum(w.get(f, 0.0) for f in ex.cands[k]) for k in keys]
            top = max(scores)
            exps = [math.exp(x - top) for x in scores]
            z = sum(exps)
            grad: dict[str, float] = {}
            for k, e in zip(keys, exps, strict=True):
                g = e / z - (1.0 if k == ex.gold else 0.0)
                if abs(g) < 1e-9:
                    continue
                for f in ex.cands[k]:
                    grad[f] = grad.get(f, 0.0) + g
            for f, g in grad.items():
                v = w.get(f, 0.0)
                w[f] = v - lr * (g + l2 * v)
    weights = {f: round(v, 4) for f, v in w.items() if abs(v) >= 1e-4}
    return PlaceModel(weights, {"examples": len(examples), "epochs": epochs, "seed": seed,
                                "rate": rate, "l2": l2})  # fmt: skip
