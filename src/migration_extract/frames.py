"""Claims and claim groups as pandas DataFrames: one row per claim, flat columns.

    >>> from migration_extract import extract_many, dedupe, claims_frame, groups_frame
    >>> results = list(extract_many(records))
    >>> claims_frame(results)          # one row per claim
    >>> groups_frame(dedupe(results))  # one row per reported fact

pandas is imported only when a frame is built (``pip install 'migration-extract[notebook]'``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["CLAIM_COLUMNS", "GROUP_COLUMNS", "claim_row", "claims_frame", "groups_frame"]

#: the columns of :func:`claims_frame`, in order
CLAIM_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "claim_id",
    "value",
    "low",
    "high",
    "per",
    "qualifier",
    "approximate",
    "kind",
    "population",
    "event",
    "origin",
    "destination",
    "time_from",
    "time_to",
    "source",
    "source_kind",
    "sentence",
    "start",
    "end",
    "confidence",
)

#: the columns :func:`groups_frame` puts before those of the canonical claim
GROUP_COLUMNS: tuple[str, ...] = ("group_id", "documents", "claims", "doc_ids")

_FLOAT = ("value", "low", "high", "confidence")
_DATES = ("time_from", "time_to")


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "claims_frame/groups_frame need pandas: "
            "pip install 'migration-extract[notebook]' (or pip install pandas)"
        ) from exc
    return pd


def _as_dict(x: Any) -> Any:
    return x.to_dict() if hasattr(x, "to_dict") and not isinstance(x, Mapping) else x


def _claim_dicts(results: Any) -> list[dict[str, Any]]:
    """Extractions, Claims, or their dicts (extraction dicts carry a ``claims`` list)."""
    if isinstance(results, (str, bytes)):
        raise TypeError("claims_frame: expected Extractions or claims, got a string")
    if isinstance(results, Mapping) or hasattr(results, "to_dict"):
        results = [results]
    out: list[dict[str, Any]] = []
    for n, item in enumerate(results):
        d = _as_dict(item)
        if not isinstance(d, Mapping):
            raise TypeError(
                f"claims_frame: item {n} is a {type(item).__name__}, "
                "expected an Extraction, a Claim or a dict"
            )
        if "quantity" in d:
            out.append(dict(d))
        elif "claims" in d:
            out.extend(dict(c) for c in d.get("claims") or [])
        else:
            raise ValueError(
                f"claims_frame: item {n} is neither a claim (no 'quantity') nor an extraction "
                "(no 'claims')"
            )
    return out


def claim_row(c: Mapping[str, Any]) -> dict[str, Any]:
    """One claim dict (``Claim.to_dict()`` shape) -> the flat row of :func:`claims_frame`.
    ``start``/``end`` are the quantity's offsets; ``origin``/``destination`` are ISO codes;
    ``population`` and ``sentence`` are texts; ``event`` is the event type."""
    c = _as_dict(c)
    q = c.get("quantity") or {}
    pop, ev = c.get("population") or {}, c.get("event") or {}
    org, dst = c.get("origin") or {}, c.get("destination") or {}
    tm, src = c.get("time") or {}, c.get("source") or {}
    return {
        "doc_id": c.get("doc_id"),
        "claim_id": c.get("id"),
        "value": q.get("value"),
        "low": q.get("low"),
        "high": q.get("high"),
        "per": q.get("per"),
        "qualifier": q.get("qualifier"),
        "approximate": bool(q.get("approximate", False)),
        "kind": q.get("kind", "count"),
        "population": pop.get("text"),
        "event": ev.get("type"),
        "origin": org.get("code"),
        "destination": dst.get("code"),
        "time_from": tm.get("from"),
        "time_to": tm.get("to"),
        "source": src.get("name"),
        "source_kind": src.get("kind"),
        "sentence": (c.get("sentence") or {}).get("text"),
        "start": q.get("start"),
        "end": q.get("end"),
        "confidence": c.get("confidence"),
    }


def _frame(rows: list[dict[str, Any]], columns: Iterable[str]) -> Any:
    pd = _pandas()
    df = pd.DataFrame.from_records(rows, columns=list(columns))
    for col in _FLOAT:
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    for col in _DATES:
        df[col] = pd.to_datetime(df[col], format="%Y-%m-%d", errors="coerce")
    df["approximate"] = df["approximate"].astype(bool)
    for col in ("start", "end"):
        df[col] = df[col].astype("Int64")
    return df


def claims_frame(results: Any) -> Any:
    """A pandas DataFrame with one row per claim and the columns :data:`CLAIM_COLUMNS`.

    ``results``: an ``Extraction``, a list of them, their ``to_dict()`` dicts (the JSON
    lines ``migration-extract extract`` writes), ``Claim`` objects or claim dicts.
    ``value``/``low``/``high``/``confidence`` are floats (NaN when null), ``time_from``/
    ``time_to`` are datetimes (NaT when unresolved), ``start``/``end`` (the quantity's
    offsets in its article) are nullable integers."""
    return _frame([claim_row(c) for c in _claim_dicts(results)], CLAIM_COLUMNS)


def groups_frame(groups: Any) -> Any:
    """A DataFrame with one row per ``ClaimGroup`` (from ``dedupe``, or its dicts read back
    from JSONL): ``group_id``, ``documents`` (how many articles report the fact),
    ``claims`` (how many claims were merged), ``doc_ids`` (a tuple), then the columns of
    :func:`claims_frame` for the group's canonical claim."""
    if isinstance(groups, Mapping) or hasattr(groups, "canonical"):
        groups = [groups]
    rows = []
    for n, g in enumerate(groups):
        d = _as_dict(g)
        if not isinstance(d, Mapping) or "canonical" not in d:
            raise TypeError(
                f"groups_frame: item {n} is not a ClaimGroup or its dict (no 'canonical')"
            )
        members = d.get("members") or []
        doc_ids = tuple(dict.fromkeys(_as_dict(m).get("doc_id") for m in members))
        rows.append(
            {
                "group_id": d.get("id"),
                "documents": int(d.get("documents") or len(doc_ids)),
                "claims": len(members),
                "doc_ids": doc_ids,
                **claim_row(d["canonical"]),
            }
        )
    return _frame(rows, GROUP_COLUMNS + CLAIM_COLUMNS)
