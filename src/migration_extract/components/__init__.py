"""spaCy components: thin wrappers around the pure modules.

Each component reads the text (and what earlier components wrote), writes a span group
``doc.spans["migration_<name>"]`` and a plain-data extension ``doc._.migration_<name>``
(lists of dicts shaped as SPEC section 2), so Docs pickle, cross ``nlp.pipe(n_process=2)``
and survive ``DocBin``. Extensions are installed idempotently, also inside ``__call__``
(worker processes started with spawn never ran this module's import-time code).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

EXTENSIONS = (
    "migration_published",
    "migration_doc_id",
    "migration_countries",
    "migration_places",
    "migration_officials",
    "migration_dates",
    "migration_quantities",
    "migration_claims",
)


def install_extensions() -> None:
    """Register the Doc extensions once (safe to call any number of times)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def set_group(doc: Doc, key: str, items: list[dict[str, Any]], label_key: str | None) -> None:
    """Write records as a span group, expanding to token boundaries for the Span objects
    (the records themselves keep exact character offsets)."""
    spans: list[Span] = []
    for it in items:
        sp = doc.char_span(it["start"], it["end"], alignment_mode="expand")
        if sp is None:
            continue
        label = str(it.get(label_key) or "") if label_key else ""
        spans.append(Span(doc, sp.start, sp.end, label=label))
    doc.spans[key] = spans


def ents_of(doc: Doc, *labels: str) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in labels]


install_extensions()
