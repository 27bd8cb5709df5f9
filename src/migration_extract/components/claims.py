"""``migration_claims``: quantities about people resolved into claims."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc

from ..claims import ClaimInput, PTok, resolve_claims
from ..claims._event_model import (
    EventModel,
    claim_features,
    default_event_model,
    retype_events,
)
from ..claims._learned import (
    APPLIED_FIELDS,
    FIELDS,
    PlaceModel,
    default_place_model,
    rerank_places,
)
from ..claims._mentions import as_of_date_mentions
from ..dates import coerce_published
from ..geo import country_gazetteer
from ..records import Country, DateMention, Official, Place
from . import install_extensions, set_group
from ._base import JsonRulesMixin


def claim_input(doc: Doc) -> ClaimInput:
    """The plain-data view of a Doc that ``resolve_claims`` reads."""
    has_parse = doc.has_annotation("DEP")
    toks = [
        PTok(
            t.i,
            t.idx,
            t.idx + len(t.text),
            t.text,
            t.lemma_ or t.lower_,
            t.pos_,
            t.dep_,
            t.head.i if has_parse else t.i,
        )  # fmt: skip
        for t in doc
    ]
    if doc.has_annotation("SENT_START"):
        sents = [(s.start_char, s.end_char) for s in doc.sents]
    else:
        sents = [(0, len(doc.text))]
    return ClaimInput(
        text=doc.text,
        doc_id=doc._.migration_doc_id,
        published=coerce_published(doc._.migration_published),
        tokens=toks,
        sentences=sents,
        quantities=list(doc._.migration_quantities or []),
        countries=[Country.from_dict(c) for c in doc._.migration_countries or []],
        places=[Place.from_dict(p) for p in doc._.migration_places or []],
        officials=[Official.from_dict(o) for o in doc._.migration_officials or []],
        dates=[DateMention.from_dict(d) for d in doc._.migration_dates or []],
        entities=[(e.start_char, e.end_char, e.label_) for e in doc.ents],
    )


class ClaimsComponent(JsonRulesMixin):
    """Builds a ``Claim`` for every count/change/share quantity about people, from the
    parse and what the earlier ``migration_*`` components wrote (``claims.py``). Writes
    ``doc._.migration_claims`` (claim dicts, SPEC section 2) and the span group
    ``doc.spans["migration_claims"]`` (the quantity of each claim, label = event type).

    With ``place_model`` on (the default), the ``place_fields`` of every claim (by
    default the origin and the destination) are re-decided by the learned place ranker
    (``claims/_learned.py``; weights in ``data/place_model.json``, saved with the pipeline
    by ``to_disk``) where the rules did not read them in the figure's own sentence; a
    field changes only when the model prefers another answer by more than
    ``place_margin``.

    With ``event_model`` on (the default), the type of every event the rules found is
    re-decided by the learned event model (``claims/_event_model.py``; weights in
    ``data/event_model.json``, saved with the pipeline as ``event_model.json``); it
    changes only when the model prefers another type by more than ``event_margin`` (the
    model's own margin when None). The event's words and span stay."""

    rules_file = "place_model.json"
    event_file = "event_model.json"

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        min_confidence: float = 0.0,
        place_model: bool = True,
        place_margin: float = 0.0,
        place_fields: tuple[str, ...] | list[str] = APPLIED_FIELDS,
        event_model: bool = True,
        event_margin: float | None = None,
    ) -> None:
        bad = [f for f in place_fields if f not in FIELDS]
        if bad:
            raise ValueError(f"migration_claims: place_fields must be among {FIELDS}, got {bad}")
        self.name = name
        self.place_fields = tuple(place_fields)
        self.min_confidence = min_confidence
        self.use_place_model = place_model
        self.place_margin = place_margin
        self.place_model: PlaceModel = default_place_model() if place_model else PlaceModel()
        self.use_event_model = event_model
        self.event_margin = event_margin
        self.event_model: EventModel = default_event_model() if event_model else EventModel()
        install_extensions()

    def __call__(self, doc: Doc) -> Doc:
        install_extensions()
        inp = claim_input(doc)
        claims = resolve_claims(inp)
        # the event model reads the rules' own claims (as it was trained to), then decides
        # the types of the claims the place model has re-placed
        feats = (
            claim_features(inp.text, claims)
            if self.use_event_model and self.event_model.weights
            else None
        )
        if self.use_place_model and self.place_model.weights:
            claims = rerank_places(inp, claims, self.place_model, country_gazetteer(),
                                   margin=self.place_margin, fields=self.place_fields)  # fmt: skip
        if feats is not None:
            claims = retype_events(claims, feats, self.event_model, self.event_margin)
        claims = [c for c in claims if c.confidence >= self.min_confidence]
        doc._.migration_claims = [c.to_dict() for c in claims]
        # a date that a claim reads "as of" / "by" keeps those words (fixtures/README)
        widened = as_of_date_mentions(inp.dates, claims)
        if widened != inp.dates:
            doc._.migration_dates = [d.to_dict() for d in widened]
            set_group(doc, "migration_dates", doc._.migration_dates, None)
        spans = []
        for c in claims:
            sp = doc.char_span(c.quantity.start, c.quantity.end, alignment_mode="expand",
                               label=c.event.type if c.event else "other")  # fmt: skip
            if sp is not None:
                spans.append(sp)
        doc.spans["migration_claims"] = spans
        return doc


    # the place model's weights are this component's rule data (JsonRulesMixin saves them
    # as place_model.json with the pipeline); derived from ``place_model``, not a copy
    @property  # type: ignore[override]
    def rules_data(self) -> dict[str, Any]:
        return self.place_model.to_dict()

    @rules_data.setter
    def rules_data(self, data: dict[str, Any]) -> None:
        self.place_model = PlaceModel.from_dict(data)

    def _build(self) -> None:
        pass  # the setter above already rebuilt the model

    # the event model is saved beside the place model (a pipeline saved before it existed
    # has no event_model.json and keeps the shipped weights)
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        super().to_disk(path, exclude=exclude)
        (util.ensure_path(path) / self.event_file).write_text(
            json.dumps(self.event_model.to_dict(), ensure_ascii=False), encoding="utf-8"
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ClaimsComponent:
        super().from_disk(path, exclude=exclude)
        p = util.ensure_path(path) / self.event_file
        if p.exists():
            self.event_model = EventModel.from_dict(json.loads(p.read_text(encoding="utf-8")))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        both = {
            "place_model": self.place_model.to_dict(),
            "event_model": self.event_model.to_dict(),
        }
        return json.dumps(both, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ClaimsComponent:
        d = json.loads(data.decode("utf-8"))
        if isinstance(d, dict) and "place_model" in d:
            self.place_model = PlaceModel.from_dict(d["place_model"])
            self.event_model = EventModel.from_dict(d["event_model"])
        else:  # the place model alone (bytes written before the event model)
            self.place_model = PlaceModel.from_dict(d)
        return self


_DEFAULTS: dict[str, Any] = {
    "min_confidence": 0.0,
    "place_model": True,
    "place_margin": 0.0,
    "place_fields": list(APPLIED_FIELDS),
    "event_model": True,
    "event_margin": None,
}


@Language.factory("migration_claims", default_config=_DEFAULTS)
def make_claims(
    nlp: Language,
    name: str,
    *,
    min_confidence: float = 0.0,
    place_model: bool = True,
    place_margin: float = 0.0,
    place_fields: list[str] = list(APPLIED_FIELDS),  # noqa: B006 - spaCy passes the config
    event_model: bool = True,
    event_margin: float | None = None,
) -> ClaimsComponent:
    return ClaimsComponent(nlp, name, min_confidence=min_confidence, place_model=place_model,
                           place_margin=place_margin, place_fields=place_fields,
                           event_model=event_model, event_margin=event_margin)  # fmt: skip
