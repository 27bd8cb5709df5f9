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
    _cache_msgpack_hooks()


_MSGPACK_CACHED = False


def _cache_msgpack_hooks() -> None:
    """Make srsly's msgpack hook lookup cheap.

    Every msgpack (un)pack -- several per Doc when Docs cross process boundaries in
    ``nlp.pipe(n_process=2)`` or go through ``DocBin`` -- calls
    ``srsly.msgpack_{en,de}coders.get_all()``, which scans the installed packages' entry
    points and copies catalogue's whole registry each time. Profiled, that was about a
    third of the main process's time with two workers. The hooks are cached here and the
    cache is rebuilt whenever catalogue's registry changes size (a new registration), so
    results are identical (tested: n_process=2 equals n_process=1)."""
    global _MSGPACK_CACHED
    if _MSGPACK_CACHED:
        return
    try:
        import catalogue
        import srsly.msgpack as sm
    except ImportError:  # pragma: no cover
        return
    for reg in (sm.msgpack_encoders, sm.msgpack_decoders):
        orig = reg.get_all
        state: dict[str, Any] = {"key": None, "value": {}}

        def cached(orig: Any = orig, state: dict[str, Any] = state) -> dict[str, Any]:
            key = len(catalogue.REGISTRY)
            if state["key"] != key:
                state["value"] = orig()
                state["key"] = key
            return dict(state["value"])

        reg.get_all = cached  # type: ignore[method-assign]
    _MSGPACK_CACHED = True


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
