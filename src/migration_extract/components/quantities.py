"""``migration_quantities``: numeric mentions, normalised, with the noun they count."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..numbers import find_quantities
from ..records import Quantity
from . import ents_of, install_extensions, set_group

_OTHER_ENTS = ("MONEY", "ORDINAL", "TIME")
_PERIOD_WORDS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "hours",
                 "hour", "minutes", "decade", "decades"}  # fmt: skip
_NOUNS = ("NOUN", "PROPN")
# the NER tags some bare figures MONEY; without a currency the rules' reading stands
_CURRENCY_RE = re.compile(
    r"[$€£¥₹₽]|\b(?:dollars?|euros?|pounds?|sterling|roubles?|rubles?|yuan|yen|francs?|pesos?|"
    r"rupees?|lira|tenge|lari|shekels?|dinars?|dirhams?|riyals?|USD|EUR|GBP|RUB|CHF|cents?|"
    r"budget|funding|aid|cost|costs|paid|pay|worth|price|spent|spend|fund|loan|grant)\b",
    re.I,
)


class QuantitiesComponent:
    """Finds numeric mentions with the rules of ``numbers.py`` over the text; the NER's
    CARDINAL/QUANTITY/MONEY/PERCENT entities are hints, not truth: a CARDINAL that no rule
    found is read with the same parser, and a count inside a MONEY/TIME/ORDINAL entity
    (or a DATE entity made of a period) becomes ``other``. Each mention gets the noun it
    counts (from the dependency parse when there is one) under the extra key ``noun``.
    Writes ``doc.spans["migration_quantities"]`` (label = kind) and
    ``doc._.migration_quantities``."""

    def __init__(self, nlp: Language, name: str, *, use_ner: bool = True) -> None:
        self.name = name
        self.use_ner = use_ner
        install_extensions()

    def __call__(self, doc: Doc) -> Doc:
        install_extensions()
        text = doc.text
        qs = find_quantities(text)
        if self.use_ner:
            qs = self._with_ner(doc, qs)
        items: list[dict[str, Any]] = []
        has_parse = doc.has_annotation("DEP")
        for q in qs:
            d = q.to_dict()
            d["noun"] = None
            if q.kind == "count" or (q.kind == "share" and text[q.end : q.end + 4] == " of "):
                d["noun"] = counted_noun(doc, q.start, q.end, has_parse)
            items.append(d)
        doc._.migration_quantities = items
        set_group(doc, "migration_quantities", items, "kind")
        return doc

    def _with_ner(self, doc: Doc, qs: list[Quantity]) -> list[Quantity]:
        text = doc.text
        ents = ents_of(doc, "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME", "ORDINAL")
        out: list[Quantity] = []
        for q in qs:
            kind = q.kind
            for s, e, label in ents:
                if e <= q.start or s >= q.end or kind == "other":
                    continue
                if label == "MONEY" and not _CURRENCY_RE.search(text[max(0, s - 4) : e + 12]):
                    continue  # "warned that up to 4 million could leave": no currency
                if label in _OTHER_ENTS and kind == "count" and q.value is not None:
                    kind = "other"
                elif label == "DATE" and kind == "count" and s <= q.start and q.end <= e:
                    # the period the number counts ("18 months"), not one before it ("For
                    # years thousands of Venezuelans walked ...": one DATE entity)
                    words = set(text[q.end : e].lower().split())
                    if words & _PERIOD_WORDS:
                        kind = "other"
            out.append(q if kind == q.kind else _replace_kind(q, kind))
        for s, e, label in ents:
            if label != "CARDINAL" or any(not (e <= q.start or s >= q.end) for q in out):
                continue
            for q in find_quantities(text[s:e]):
                if q.kind == "other":
                    continue
                out.append(_shift(q, s))
        return sorted(out, key=lambda q: q.start)


def _replace_kind(q: Quantity, kind: str) -> Quantity:
    d = q.to_dict()
    d["kind"] = kind
    d["per"] = None if kind == "other" else d["per"]
    return Quantity.from_dict(d)


def _shift(q: Quantity, offset: int) -> Quantity:
    d = q.to_dict()
    d["start"] += offset
    d["end"] += offset
    return Quantity.from_dict(d)


def _tok_at(doc: Doc, char: int) -> Token | None:
    sp = doc.char_span(char, char + 1, alignment_mode="expand")
    return sp[0] if sp is not None and len(sp) else None


def counted_noun(
    doc: Doc, start: int, end: int, has_parse: bool | None = None
) -> dict[str, Any] | None:
    """The noun phrase a quantity counts: '31,600 Russians' -> 'Russians'; 'Tens of
    thousands of Russian men of military age' -> 'Russian men of military age'."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    last = span[-1]
    if has_parse is None:
        has_parse = doc.has_annotation("DEP")
    i = span.end
    n = len(doc)
    # skip "of" / "of the" after a vague magnitude or a share ("tens of thousands of men")
    if i < n and doc[i].lower_ == "of":
        i += 1
        while (i < n and doc[i].pos_ == "DET") or (
            i < n and doc[i].lower_ in ("the", "these", "those")
        ):
            i += 1
    head: Token | None = None
    # a rate right after the figure is not its noun: "12,000 a day", "800 per week"
    if (
        i + 1 < n
        and doc[i].lower_ in ("a", "an", "per", "every", "each")
        and doc[i + 1].lower_
        in (
            "day",
            "week",
            "month",
            "year",
            "night",
        )
    ):
        return None
    # "tens of thousands of military-age Russian men": the object of "of"
    if has_parse and span.end < n and doc[span.end].lower_ == "of":
        pobj = [c for c in doc[span.end].children if c.dep_ == "pobj" and c.pos_ in _NOUNS]
        if pobj:
            head = pobj[0]
            i = span.end + 1
    if head is None and (
        has_parse
        and last.dep_ in ("nummod", "quantmod", "amod", "compound")
        and last.head.i >= span.end
    ):
        if last.head.pos_ in _NOUNS:
            head = last.head
    if (
        head is None
        and has_parse
        and last.dep_ == "conj"
        and last.head.dep_ in ("nummod", "quantmod")
        and last.head.head.i >= span.end
        and last.head.head.pos_ in _NOUNS
    ):
        head = last.head.head  # "between 50 and 100 wounded people": the range's noun
    if head is None:
        # the first noun within the next few tokens, not crossing a verb or punctuation
        for k in range(i, min(n, i + 6)):
            t = doc[k]
            if t.pos_ in ("VERB", "AUX", "PUNCT", "ADP", "SCONJ", "CCONJ", "PRON") and k > i:
                break
            if t.pos_ in _NOUNS and (k + 1 >= n or doc[k + 1].pos_ not in _NOUNS
                                     or doc[k + 1].lower_ in ("from",)):  # fmt: skip
                head = t
                break
            if t.pos_ in ("VERB", "AUX", "PUNCT", "PRON", "ADP", "SCONJ", "CCONJ") and k == i:
                break
    if head is None:
        return None
    # left edge: adjectives and compounds between the quantity and the head
    s = max(i, head.left_edge.i if has_parse else i)
    s = max(s, span.end)
    while s < head.i and doc[s].pos_ in ("DET", "ADP", "PUNCT"):
        s += 1
    e = head.i + 1
    # "men of military age", "citizens of Tuva": a short of-phrase without a verb
    if has_parse and e < n and doc[e].lower_ == "of" and doc[e].head.i == head.i:
        sub = list(doc[e].subtree)
        if len(sub) <= 4 and not any(t.pos_ in ("VERB", "AUX") for t in sub):
            e = sub[-1].i + 1
    start_c = doc[s].idx
    end_c = doc[e - 1].idx + len(doc[e - 1].text)
    # doc[s:e].text, not doc.text[...]: doc.text rebuilds the whole string on every call
    return {"text": doc[s:e].text, "start": start_c, "end": end_c,
            "head": head.lemma_.lower() or head.lower_}  # fmt: skip


@Language.factory("migration_quantities", default_config={"use_ner": True})
def make_quantities(nlp: Language, name: str, *, use_ner: bool = True) -> QuantitiesComponent:
    return QuantitiesComponent(nlp, name, use_ner=use_ner)
