"""``migration_dates``: date mentions resolved to intervals against ``published``."""

from __future__ import annotations

import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..dates import coerce_published, find_dates_and_rejects, parse_with_dateparser
from ..records import DateMention
from . import ents_of, install_extensions, set_group

# NER DATE entities that are not date mentions (SPEC): durations, rates, vague spans, ages
_REJECT = re.compile(
    r"^(?:the\s+)?(?:a|an|one|\d+|[a-z]+)?\s*(?:-|\s)?(?:day|days|week|weeks|month|months|year|years|hours?|decades?)"
    r"(?:\s+(?:old|long|later|earlier))?$"
    r"|daily|weekly|monthly|annual|yearly|recent|overnight|\bages?\b|year-old|years? old"
    r"|^(?:the\s+)?(?:past|last|next|coming)\s+(?:few|several|many)\b"
    r"|^(?:that|this|the)\s+(?:day|time|moment|period)$",
    re.I,
)


class DatesComponent:
    """Finds date expressions with the patterns of ``dates.py``; the NER's DATE entities
    are hints: one that no pattern covered is kept only if dateparser reads it and it is
    not a duration, a rate or a vague span. Needs ``doc._.migration_published`` for
    relative expressions. Writes ``doc.spans["migration_dates"]`` and
    ``doc._.migration_dates``."""

    def __init__(self, nlp: Language, name: str, *, use_ner: bool = True) -> None:
        self.name = name
        self.use_ner = use_ner
        install_extensions()

    def __call__(self, doc: Doc) -> Doc:
        install_extensions()
        text = doc.text
        pub = coerce_published(doc._.migration_published)
        found, rejected = find_dates_and_rejects(text, pub)
        if self.use_ner:
            found += self._from_ner(doc, found, pub, rejected)
            found.sort(key=lambda d: d.start)
        doc._.migration_dates = [d.to_dict() for d in found]
        set_group(doc, "migration_dates", doc._.migration_dates, None)
        return doc

    def _from_ner(
        self,
        doc: Doc,
        found: list[DateMention],
        pub: date | None,
        rejected: list[tuple[int, int]] = (),  # type: ignore[assignment]
    ) -> list[DateMention]:
        out: list[DateMention] = []
        text = doc.text
        for s, e, _ in ents_of(doc, "DATE"):
            if any(not (e <= d.start or s >= d.end) for d in found):
                continue
            # what the patterns saw and ruled out ("continue to fall", "in their 80s") is
            # not asked of dateparser
            if any(not (e <= a or s >= b) for a, b in rejected):
                continue
            span = text[s:e]
            if _REJECT.search(span) or len(span) < 3:
                continue
            iv = parse_with_dateparser(span, pub) if pub is not None else None
            if iv is None:
                continue
            out.append(DateMention(span, s, e, iv[0].isoformat() if iv[0] else None,
                                   iv[1].isoformat() if iv[1] else None))  # fmt: skip
        return out


@Language.factory("migration_dates", default_config={"use_ner": True})
def make_dates(nlp: Language, name: str, *, use_ner: bool = True) -> DatesComponent:
    return DatesComponent(nlp, name, use_ner=use_ner)
