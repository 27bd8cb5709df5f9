"""``migration_claims``: quantities about people resolved into claims."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..claims import ClaimInput, PTok, resolve_claims
from ..claims._mentions import as_of_date_mentions
from ..dates import coerce_published
from ..records import Country, DateMention, Official, Place
from . import install_extensions, set_group


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


class ClaimsComponent:
    """Builds a ``Claim`` for every count/change/share quantity about people, from the
    parse and what the earlier ``migration_*`` components wrote (``claims.py``). Writes
    ``doc._.migration_claims`` (claim dicts, SPEC section 2) and the span group
    ``doc.spans["migration_claims"]`` (the quantity of each claim, label = event type)."""

    def __init__(self, nlp: Language, name: str, *, min_confidence: float = 0.0) -> None:
        self.name = name
        self.min_confidence = min_confidence
        install_extensions()

    def __call__(self, doc: Doc) -> Doc:
        install_extensions()
        inp = claim_input(doc)
        claims = [c for c in resolve_claims(inp) if c.confidence >= self.min_confidence]
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


@Language.factory("migration_claims", default_config={"min_confidence": 0.0})
def make_claims(nlp: Language, name: str, *, min_confidence: float = 0.0) -> ClaimsComponent:
    return ClaimsComponent(nlp, name, min_confidence=min_confidence)
