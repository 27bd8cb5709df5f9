"""A learned second opinion on a claim's event type.

The rules (``_events``, ``_resolve``) read the event of a figure from its trigger word and
the story around it. On articles they were not written for, about one event in six comes
out wrong, most often a convention of the story rather than a wrong word: a crossing in a
story of people going home is a return, people counted at a border post have arrived,
people waiting after they crossed are a stock. This module re-decides the *type* of the
event the rules found (its words and span stay), with a linear model over plain features
of the claim (the rules' type and trigger, the counted noun, the movement words of the
sentence and around the figure, the claim before it), and changes it only when the model
prefers another type by more than a margin.

Everything is a pure function of plain data (the claims' dicts and the article's text),
so the component, the training script (``scripts/train_event_model.py``) and the tests
share one code path. The weights are a JSON data file in the package
(``data/event_model.json``), written by that script from the rules' readings of the blind
team batches they had not seen (``scripts/data/rule_outputs_oof.json.gz``) only; the model
is an averaged perceptron, which needs no dependency and gives the same answer in every
process.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, ClassVar

from ..records import Claim, Event
from ._base import NO_DESTINATION_EVENTS, an_evacuation
from ._weights import LinearWeights

# SPEC section 2: the event types a claim may have
EVENT_TYPES = (
    "arrival", "departure", "return", "onward", "stock", "asylum", "border_encounter",
    "casualty", "mobilization", "other",
)  # fmt: skip
# words of movement, stay, protection, harm and call-up that tell a story's convention
_CUES = re.compile(
    r"\b(back|home|return\w*|repatriat\w*|deport\w*|expel\w*|went|go|going|gone|fled|flee\w*|"
    r"left|leav\w*|arriv\w*|enter\w*|cross\w*|reach\w*|stay\w*|live|living|remain\w*|"
    r"shelter\w*|host\w*|register\w*|applied|apply\w*|asylum|protection|detain\w*|stopped|"
    r"intercept\w*|encounter\w*|apprehen\w*|died|dead|killed|drown\w*|missing|injured|"
    r"wounded|on\s+to|onward|moved?\s+on|transit|through|camp\w*|displaced|evacuat\w*|"
    r"resettl\w*|relocat\w*|bus\w*|flown|flew|flights?|call[- ]?up|mobili\w*|summons\w*|"
    r"conscript\w*|visas?|permits?|residence|turned\s+back|pushed\s+back|refused|rescued)\b",
    re.I,
)
_WINDOW = 60  # characters either side of the figure for the near cues


def _type(c: dict[str, Any] | None) -> str:
    ev = c.get("event") if c else None
    return str(ev["type"]) if ev else "NONE"


def event_features(text: str, claim: dict[str, Any], prev: dict[str, Any] | None) -> list[str]:
    """The features of one claim (a SPEC claim dict as the rules wrote it) given the
    article's text and the claim before it (or None)."""
    rt = _type(claim)
    f = [f"rt={rt}", f"prev={_type(prev)}", f"rt_prev={rt}_{_type(prev)}"]
    ev = claim.get("event")
    q = claim["quantity"]
    if ev:
        w = str(ev["text"]).lower()
        f += [f"tw={w}", f"tw1={w.split()[0] if w.split() else ''}", f"rt_tw={rt}_{w}",
              "evpos=" + ("before" if ev["start"] < q["start"] else "after")]  # fmt: skip
    f += [f"kind={q.get('kind')}", f"per={q.get('per')}"]
    pop = claim.get("population")
    f.append("pophead=" + (str(pop["text"]).split()[-1].lower() if pop and pop["text"] else "NONE"))
    o, d = claim.get("origin"), claim.get("destination")
    f += ["o=" + ("Y" if o else "N"), "d=" + ("Y" if d else "N")]
    if o and d and o.get("code") == d.get("code"):
        f.append("o=d")
    s = claim["sentence"]
    for m in _CUES.finditer(text, s["start"], s["end"]):
        cue = m.group(1).lower()
        f += [f"cue={cue}", f"rt_cue={rt}_{cue}"]
    lo, hi = max(s["start"], q["start"] - _WINDOW), min(s["end"], q["end"] + _WINDOW)
    f += [f"wcue={m.group(1).lower()}" for m in _CUES.finditer(text, lo, hi)]
    return f


@dataclass
class EventModel(LinearWeights):
    """Feature weights per event type (``"<type>|<feature>"``) and the margin by which
    another type must beat the rules' one (``meta["margin"]``)."""

    LABEL: ClassVar[str] = "event model"

    @property
    def margin(self) -> float:
        return float(self.meta.get("margin", 0.0))

    @property
    def keep(self) -> frozenset[str]:
        """Types the model never changes (``meta["keep"]``)."""
        return frozenset(self.meta.get("keep", ()))

    def scores(self, feats: Iterable[str]) -> dict[str, float]:
        fs = list(feats)
        w = self.weights
        return {t: sum(w.get(f"{t}|{x}", 0.0) for x in fs) for t in EVENT_TYPES}

    def decide(self, feats: Iterable[str], rule_type: str, margin: float | None = None) -> str:
        """The type to keep: the model's best when it beats the rules' type by more than
        the margin, else the rules' type (ties keep the rules' type)."""
        if rule_type not in EVENT_TYPES or rule_type in self.keep or not self.weights:
            return rule_type
        sc = self.scores(feats)
        best = max(EVENT_TYPES, key=lambda t: (sc[t], t == rule_type))
        m = self.margin if margin is None else margin
        return best if sc[best] - sc[rule_type] > m else rule_type


@lru_cache(maxsize=1)
def default_event_model() -> EventModel:
    """The weights shipped in the package (``data/event_model.json``)."""
    return EventModel.packaged("event_model.json")


def claim_features(text: str, claims: Sequence[Claim]) -> list[list[str]]:
    """The features of every claim of one article, each read with the claim before it."""
    dicts = [c.to_dict() for c in claims]
    return [event_features(text, d, dicts[i - 1] if i else None) for i, d in enumerate(dicts)]


def _origin_is_their_nationality(c: Claim) -> bool:
    """Whether the claim's origin is the nationality its population names ("Afghans")."""
    o, p = c.origin, c.population
    return o is not None and p is not None and p.start <= o.start < p.end


# the words of a carrier's count the rules typed ``other`` ("Scheduled flights carried
# about 781,000 passengers"): passengers of a line with no country to come from (the
# rules type those "from Russia" or "departing" themselves)
_CARRIER_WORDS = re.compile(r"(?:carr(?:y|ies|ied|ying)|handl(?:e|es|ed|ing))$", re.I)


def _carried_other(c: Claim) -> bool:
    return (
        c.event is not None
        and c.event.type == "other"
        and _CARRIER_WORDS.match(c.event.text) is not None
        and c.origin is None
    )


def retype_events(
    claims: Sequence[Claim],
    feats: Sequence[Sequence[str]],
    model: EventModel,
    margin: float | None = None,
) -> list[Claim]:
    """The claims with the event types the model decides (``feats`` from
    ``claim_features`` of the rules' claims, in the same order). The event's words and
    span stay; a claim without an event keeps none; a casualty keeps no destination."""
    if len(feats) != len(claims):
        raise ValueError(f"event model: {len(feats)} feature lists for {len(claims)} claims")
    out = []
    for c, f in zip(claims, feats, strict=True):
        # (an evacuation out of a place named after the verb, to nowhere named, stays the
        # departure the rules read: "have flown some 58,700 people out of Kabul")
        if c.event is not None and not _carried_other(c) and not (
            an_evacuation(c.event)
            and c.origin is not None
            and c.origin.start > c.event.end
            and c.destination is None
        ):
            typ = model.decide(f, c.event.type, margin)
            if typ != c.event.type:
                ev = Event(typ, c.event.text, c.event.start, c.event.end)
                origin = c.origin
                dest = None if typ in NO_DESTINATION_EVENTS else c.destination
                if typ == "return" and _origin_is_their_nationality(c):
                    # "1,870 Afghans left through Torkham", retyped a return: people go back
                    # to the country of their nationality, from where they were
                    origin, dest = dest, origin
                c = replace(c, event=ev, origin=origin, destination=dest)
        out.append(c)
    return out


@dataclass(frozen=True)
class EventExample:
    """One training example: the features, the labelled type and the rules' type."""

    feats: tuple[str, ...]
    gold: str
    rule: str


def event_examples(
    text: str, rule_claims: Sequence[dict[str, Any]], gold_claims: Sequence[dict[str, Any]]
) -> list[EventExample]:
    """The examples of one article: every rule claim with an event whose figure the gold
    labels as a claim with an event (matched by the figure's start)."""
    gold = {g["quantity"]["start"]: g for g in gold_claims}
    out = []
    for i, c in enumerate(rule_claims):
        g = gold.get(c["quantity"]["start"])
        if g is None or not g.get("event") or not c.get("event"):
            continue
        if g["event"]["type"] not in EVENT_TYPES:
            continue
        feats = event_features(text, c, rule_claims[i - 1] if i else None)
        out.append(EventExample(tuple(feats), g["event"]["type"], c["event"]["type"]))
    return out


def train_event_model(
    examples: Sequence[EventExample],
    epochs: int = 10,
    seed: int = 13,
    margin: float = 0.0,
    keep: Sequence[str] = (),
) -> EventModel:
    """An averaged multi-class perceptron over the examples (shuffled with ``seed``)."""
    w: dict[str, float] = {}
    acc: dict[str, float] = {}
    step = 0
    data = list(examples)
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(data)
        for ex in data:
            step += 1
            sc = {t: sum(w.get(f"{t}|{x}", 0.0) for x in ex.feats) for t in EVENT_TYPES}
            pred = max(EVENT_TYPES, key=lambda t: (sc[t], t == ex.rule))
            if pred == ex.gold:
                continue
            for x in ex.feats:
                for t, sign in ((ex.gold, 1.0), (pred, -1.0)):
                    k = f"{t}|{x}"
                    w[k] = w.get(k, 0.0) + sign
                    acc[k] = acc.get(k, 0.0) + sign * step
    avg = {k: v - acc[k] / step for k, v in w.items()} if step else {}
    weights = {k: round(v, 4) for k, v in avg.items() if abs(v) > 1e-9}
    return EventModel(weights, {"margin": margin, "keep": sorted(keep), "epochs": epochs,
                                "seed": seed, "examples": len(data)})  # fmt: skip
