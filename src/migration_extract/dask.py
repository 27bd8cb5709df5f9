"""Extraction and dedupe on a dask cluster (the ``dask`` extra: ``pip install
"migration-extract[dask]"``).

    import dask.bag as db
    from dask.distributed import Client
    from migration_extract.dask import extract_bag, dedupe_bag, dedupe_groups

    client = Client("tcp://scheduler:8786")            # or LocalCluster(...)
    records = db.read_text("s3://bucket/news-*.jsonl").map(json.loads)
    extractions = extract_bag(records, on_error="return")  # Bag of Extraction.to_dict()
    extractions.map(json.dumps).to_textfiles("out/extractions-*.jsonl")
    groups = dedupe_groups(extractions)                 # list[ClaimGroup], as dedupe()

* ``extract_bag``: every worker *process* loads the pipeline once (``load()`` is cached
  per process) and runs each partition through ``extract_many``. Results are the
  ``to_dict()`` of what ``extract()`` returns for the same record.
* ``dedupe_bag``: claims are keyed by their dedupe block (kind, rate, country named) and
  by their document (``dedupe()`` also pairs claims within one document); keys that share
  a claim are merged into one component by a union-find over the key space (computed
  from the distinct key sets: small), claims are shuffled by component, and ``dedupe()``
  runs within each component. ``dedupe()`` never compares claims that share no key, so
  the groups are exactly those of ``dedupe()`` over all claims at once.

Importing this module does not import dask; the functions do, with a clear error when
the extra is not installed. See docs/scale.md.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import InputValueError, MigrationExtractError
from .records import Extraction

if TYPE_CHECKING:
    import dask.bag

    from .dedupe import DedupeConfig
    from .records import Claim, ClaimGroup

__all__ = ["dedupe_bag", "dedupe_groups", "extract_bag"]

# one pipeline per worker process; a worker running several threads shares it, one
# partition at a time (spaCy pipelines are not documented as thread-safe)
_LOCK = threading.Lock()


def _require_dask() -> Any:
    try:
        import dask.bag as db
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MigrationExtractError(
            "migration_extract.dask needs dask: pip install 'migration-extract[dask]' "
            f"(or 'dask[bag,distributed]'); import failed: {exc}"
        ) from exc
    return db


# --------------------------------------------------------------------------- extraction


def _extract_partition(
    records: Iterable[Any],
    model: str | None,
    batch_size: int,
    on_error: str,
) -> list[dict[str, Any]]:
    from .api import Failure, extract_many, load

    out: list[dict[str, Any]] = []
    with _LOCK:
        nlp = load(model)
        for res in extract_many(
            records,
            batch_size=batch_size,
            on_error=on_error,
            nlp=nlp,  # type: ignore[arg-type]
        ):
            if isinstance(res, Failure):
                out.append({"doc_id": res.doc_id, "failure": res.to_dict()})
            else:
                out.append(res.to_dict())
    return out


def extract_bag(
    bag: dask.bag.Bag,
    *,
    model: str | None = None,
    batch_size: int = 64,
    on_error: str = "raise",
) -> dask.bag.Bag:
    """A Bag of ``Extraction.to_dict()`` dicts, one per record, in the bag's order.

    ``bag`` holds records as ``extract_many`` takes them (strings, or dicts/tuples with
    ``text``, ``doc_id``, ``published``). The pipeline is loaded once per worker process
    and reused for every partition it runs. ``on_error``: ``"raise"`` fails the task,
    ``"skip"`` drops bad records, ``"return"`` puts ``{"doc_id", "failure": {...}}`` in
    their place (``Failure.to_dict()``; its ``index`` counts within the partition)."""
    _require_dask()
    if on_error not in ("raise", "skip", "return"):
        raise InputValueError(
            f"on_error: expected 'raise', 'skip' or 'return', got {on_error!r}", field="on_error"
        )
    return bag.map_partitions(
        _extract_partition, model=model, batch_size=batch_size, on_error=on_error
    )


# --------------------------------------------------------------------------- dedupe


def _claims_of(item: Any) -> list[Claim]:
    from .dedupe import to_claims

    if isinstance(item, dict) and "failure" in item and "claims" not in item:
        return []
    return to_claims([item])


def _published_of(item: Any) -> str | None:
    """The article's publication date, which dedupe uses as context for claims without a
    time (docs/dedupe.md): kept with each claim through the shuffle."""
    if isinstance(item, Extraction):
        return item.published
    if isinstance(item, dict) and "claims" in item:
        pub = item.get("published")
        return pub if isinstance(pub, str) else None
    return None


def _tag_partition(items: Iterable[Any], part: int) -> list[tuple[tuple[int, int, int], Any]]:
    """(partition, item, claim) positions: the global input order of every claim."""
    out = []
    for i, item in enumerate(items):
        pub = _published_of(item)
        for j, c in enumerate(_claims_of(item)):
            out.append(((part, i, j), (c, pub)))
    return out


def _keys_of(claim: Claim) -> tuple[tuple[Any, ...], ...]:
    """Keys coarser than every way ``dedupe()`` can bring two claims together: it pairs
    claims of one block (kind, rate, event type, country named: here without the event
    type, so coarser) or of one document. Claims sharing no key are never compared."""
    q = claim.quantity
    codes = sorted({x.code for x in (claim.origin, claim.destination) if x and x.code})
    keys: list[tuple[Any, ...]] = [("doc", claim.doc_id)]
    keys += [("block", q.kind, q.per, code) for code in codes or ["-"]]
    return tuple(keys)


def _components(keysets: Iterable[tuple[tuple[Any, ...], ...]]) -> dict[tuple[Any, ...], int]:
    """Union-find over keys: keys that share a claim end up in one component."""
    parent: dict[tuple[Any, ...], tuple[Any, ...]] = {}

    def find(k: tuple[Any, ...]) -> tuple[Any, ...]:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for keys in keysets:
        first = find(keys[0])
        for k in keys[1:]:
            r = find(k)
            if r != first:
                parent[r] = first
    roots: dict[tuple[Any, ...], int] = {}
    out: dict[tuple[Any, ...], int] = {}
    for k in sorted(parent, key=repr):
        out[k] = roots.setdefault(find(k), len(roots))
    return out


def _component_of(tagged: tuple[Any, Any], comp: dict[tuple[Any, ...], int]) -> int:
    return comp[_keys_of(tagged[1][0])[0]]


def _dedupe_component(
    members: list[tuple[tuple[int, int, int], Claim]], config: DedupeConfig | None
) -> list[tuple[tuple[int, int, int], ClaimGroup]]:
    """dedupe() within one component; each group keyed by its first member's position."""
    from .dedupe import dedupe

    members = sorted(members, key=lambda m: m[0])
    first_pos: dict[tuple[str | None, str], tuple[int, int, int]] = {}
    for pos, (c, _pub) in members:
        first_pos.setdefault((c.doc_id, c.id), pos)
    # the claims of one article stay together, in order, with the article's date
    docs: list[dict[str, Any]] = []
    for (part, i, _j), (c, pub) in members:
        key = (part, i)
        if not docs or docs[-1]["_key"] != key:
            docs.append({"_key": key, "doc_id": c.doc_id, "published": pub, "claims": []})
        docs[-1]["claims"].append(c.to_dict())
    for d in docs:
        del d["_key"]
    out = []
    for n, g in enumerate(dedupe(docs, config)):
        m = g.members[0]
        out.append(((*first_pos[(m.doc_id, m.claim_id)], n), g))
    return out


def _tagged_claims(bag: dask.bag.Bag) -> dask.bag.Bag:
    db = _require_dask()
    from dask import delayed

    parts = bag.to_delayed()
    return db.from_delayed([delayed(_tag_partition)(p, i) for i, p in enumerate(parts)])


def _grouped(bag: dask.bag.Bag, config: DedupeConfig | None, shuffle: str | None) -> dask.bag.Bag:
    tagged = _tagged_claims(bag).persist()
    keysets = tagged.map(lambda t: _keys_of(t[1][0])).distinct()
    comp = _components(keysets.compute())
    by_block = tagged.groupby(lambda t: _component_of(t, comp), shuffle=shuffle)
    return by_block.map(lambda kv: _dedupe_component(kv[1], config)).flatten()


def dedupe_bag(
    bag: dask.bag.Bag,
    config: DedupeConfig | None = None,
    *,
    shuffle: str | None = "tasks",
) -> dask.bag.Bag:
    """A Bag of ``ClaimGroup.to_dict()`` dicts (in no particular order) for the claims in
    ``bag``: Extractions or their dicts (``extract_bag``'s output), Claims or claim dicts.
    Claims are shuffled by dedupe block (``shuffle="tasks"`` works on any cluster), and
    ``dedupe()`` runs within each block. Computes the block key space once (small: one
    key per kind, rate, event family and country). ``dedupe_groups`` gives the same
    groups as a list, in ``dedupe()``'s order."""
    return _grouped(bag, config, shuffle).map(lambda kg: kg[1].to_dict())


def dedupe_groups(
    bag: dask.bag.Bag,
    config: DedupeConfig | None = None,
    *,
    shuffle: str | None = "tasks",
) -> list[ClaimGroup]:
    """``dedupe()`` of every claim in ``bag``, computed on the cluster: the same groups,
    ids, canonical claims and order (groups by their first member's position, which is
    exact when (doc_id, claim id) pairs are unique, as they are when doc_ids are)."""
    keyed = _grouped(bag, config, shuffle).compute()
    return [g for _, g in sorted(keyed, key=lambda kg: kg[0])]
