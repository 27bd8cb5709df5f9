"""Plain, frozen records: what the pipeline returns (SPEC section 2).

Every record carries the surface text and character offsets into the exact text that was
passed in, so ``text[start:end] == record.text`` always holds. Records are plain data:
they pickle, compare by value and serialise with ``to_dict()``; ``from_dict()`` reads the
same shape back (so JSONL written by the CLI can be deduplicated later).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from typing import Any

from .errors import InvalidRecordError

JSON = dict[str, Any]


def _req(d: JSON, key: str, kind: str) -> Any:
    if not isinstance(d, dict):
        raise InvalidRecordError(f"{kind}: expected an object, got {type(d).__name__}", field=kind)
    if key not in d:
        raise InvalidRecordError(f"{kind}: missing field {key!r}", field=f"{kind}.{key}")
    return d[key]


def _int(d: JSON, key: str, kind: str) -> int:
    v = _req(d, key, kind)
    if isinstance(v, bool) or not isinstance(v, int):
        raise InvalidRecordError(
            f"{kind}: field {key!r} must be an integer offset, got {v!r}", field=f"{kind}.{key}"
        )
    return v


def _finite(v: int | float | None) -> int | float | None:
    """A number for JSON: a float that overflowed (``inf``) or is NaN is written as null,
    so ``to_dict()`` stays strict JSON (``json.dumps(..., allow_nan=False)``)."""
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def _num(v: Any, where: str) -> int | float | None:
    if v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)):
        return v
    raise InvalidRecordError(f"{where} must be a number or null, got {v!r}", field=where)


@dataclass(frozen=True, slots=True)
class Span:
    """A bare piece of text with its offsets (used for a claim's sentence and population)."""

    text: str
    start: int
    end: int

    def to_dict(self) -> JSON:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: JSON) -> Span:
        return cls(str(_req(d, "text", "span")), _int(d, "start", "span"), _int(d, "end", "span"))


@dataclass(frozen=True, slots=True)
class Country:
    """A country mention: a name, short form, demonym or adjective, with its ISO alpha-2."""

    text: str
    start: int
    end: int
    code: str

    def to_dict(self) -> JSON:
        return {"text": self.text, "start": self.start, "end": self.end, "code": self.code}

    @classmethod
    def from_dict(cls, d: JSON) -> Country:
        return cls(d["text"], int(d["start"]), int(d["end"]), d["code"])


@dataclass(frozen=True, slots=True)
class Place:
    """A city, region or border crossing with the country it lies in."""

    text: str
    start: int
    end: int
    name: str
    code: str | None

    def to_dict(self) -> JSON:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "code": self.code,
        }

    @classmethod
    def from_dict(cls, d: JSON) -> Place:
        return cls(d["text"], int(d["start"]), int(d["end"]), d["name"], d.get("code"))


@dataclass(frozen=True, slots=True)
class Official:
    """A person who speaks or acts for a state or institution; all mentions folded."""

    name: str
    role: str | None
    country: str | None
    organization: str | None
    text: str
    start: int
    end: int
    mentions: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> JSON:
        return {
            "name": self.name,
            "role": self.role,
            "country": self.country,
            "organization": self.organization,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "mentions": [list(m) for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: JSON) -> Official:
        return cls(
            d["name"],
            d.get("role"),
            d.get("country"),
            d.get("organization"),
            d["text"],
            int(d["start"]),
            int(d["end"]),
            tuple((int(s), int(e)) for s, e in d.get("mentions", [])),
        )


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and the inclusive interval it denotes (ISO strings or None)."""

    text: str
    start: int
    end: int
    date_from: str | None
    date_to: str | None

    def to_dict(self) -> JSON:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "from": self.date_from,
            "to": self.date_to,
        }

    @classmethod
    def from_dict(cls, d: JSON) -> DateMention:
        return cls(d["text"], int(d["start"]), int(d["end"]), d.get("from"), d.get("to"))


@dataclass(frozen=True, slots=True)
class Quantity:
    """A numeric mention normalised per SPEC section 2 (value, bounds, hedge, rate, kind)."""

    text: str
    start: int
    end: int
    value: int | float | None
    low: int | float | None = None
    high: int | float | None = None
    approximate: bool = False
    qualifier: str | None = None
    per: str | None = None
    kind: str = "count"

    def to_dict(self) -> JSON:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": _finite(self.value),
            "low": _finite(self.low),
            "high": _finite(self.high),
            "approximate": self.approximate,
            "qualifier": self.qualifier,
            "per": self.per,
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, d: JSON) -> Quantity:
        where = "quantity"
        return cls(
            str(_req(d, "text", where)),
            _int(d, "start", where),
            _int(d, "end", where),
            _num(d.get("value"), "quantity.value"),
            _num(d.get("low"), "quantity.low"),
            _num(d.get("high"), "quantity.high"),
            bool(d.get("approximate", False)),
            d.get("qualifier"),
            d.get("per"),
            d.get("kind", "count"),
        )

    @property
    def magnitude(self) -> float | None:
        """One representative number: the value, else the middle of the bounds."""
        if self.value is not None:
            return float(self.value)
        if self.low is not None and self.high is not None:
            return (float(self.low) + float(self.high)) / 2
        if self.low is not None:
            return float(self.low)
        if self.high is not None:
            return float(self.high)
        return None


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    text: str
    start: int
    end: int

    def to_dict(self) -> JSON:
        return {"type": self.type, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: JSON) -> Event:
        return cls(d["type"], d["text"], int(d["start"]), int(d["end"]))


@dataclass(frozen=True, slots=True)
class Location:
    """Origin or destination of a claim: an ISO code and where it was read."""

    code: str | None
    text: str
    start: int
    end: int

    def to_dict(self) -> JSON:
        return {"code": self.code, "text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: JSON) -> Location:
        return cls(d.get("code"), d["text"], int(d["start"]), int(d["end"]))


@dataclass(frozen=True, slots=True)
class TimeRef:
    """When the counted thing happened: a date span and its interval."""

    text: str
    start: int
    end: int
    date_from: str | None
    date_to: str | None

    def to_dict(self) -> JSON:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "from": self.date_from,
            "to": self.date_to,
        }

    @classmethod
    def from_dict(cls, d: JSON) -> TimeRef:
        return cls(d["text"], int(d["start"]), int(d["end"]), d.get("from"), d.get("to"))


@dataclass(frozen=True, slots=True)
class Source:
    """Who the claim is attributed to."""

    name: str
    kind: str
    role: str | None
    country: str | None
    text: str
    start: int
    end: int

    def to_dict(self) -> JSON:
        return {
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "country": self.country,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, d: JSON) -> Source:
        return cls(
            d["name"],
            d.get("kind", "organization"),
            d.get("role"),
            d.get("country"),
            d["text"],
            int(d["start"]),
            int(d["end"]),
        )


def claim_id(doc_id: str | None, start: int, end: int) -> str:
    """Stable id of a claim: a hash of its document id and quantity span."""
    # surrogatepass: a doc_id with a lone surrogate is a valid str and must hash too
    key = f"{doc_id or ''}\x1f{start}\x1f{end}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(key, digest_size=8).hexdigest()


def _opt(cls: Any, d: JSON, key: str) -> Any:
    v = d.get(key)
    if v is None:
        return None
    try:
        return cls.from_dict(v)
    except InvalidRecordError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidRecordError(f"claim: field {key!r} is malformed ({exc})", field=key) from exc


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement that a number of people moved, were counted, stopped, harmed..."""

    id: str
    doc_id: str | None
    quantity: Quantity
    sentence: Span
    population: Span | None = None
    event: Event | None = None
    origin: Location | None = None
    destination: Location | None = None
    time: TimeRef | None = None
    source: Source | None = None
    confidence: float = 0.5

    def to_dict(self) -> JSON:
        def part(p: Any) -> Any:
            return None if p is None else p.to_dict()

        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "quantity": self.quantity.to_dict(),
            "sentence": self.sentence.to_dict(),
            "population": part(self.population),
            "event": part(self.event),
            "origin": part(self.origin),
            "destination": part(self.destination),
            "time": part(self.time),
            "source": part(self.source),
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: JSON) -> Claim:
        if not isinstance(d, dict):
            raise InvalidRecordError(f"claim: expected an object, got {type(d).__name__}")
        quantity = _opt(Quantity, d, "quantity")
        if quantity is None:
            raise InvalidRecordError("claim: missing field 'quantity'", field="quantity")
        sentence = _opt(Span, d, "sentence")
        if sentence is None:
            raise InvalidRecordError("claim: missing field 'sentence'", field="sentence")
        doc_id = d.get("doc_id")
        cid = d.get("id") or claim_id(doc_id, quantity.start, quantity.end)
        conf = d.get("confidence", 0.5)
        if isinstance(conf, bool) or not isinstance(conf, (int, float)):
            raise InvalidRecordError(f"claim: 'confidence' must be a number, got {conf!r}")
        return cls(
            id=str(cid),
            doc_id=doc_id,
            quantity=quantity,
            sentence=sentence,
            population=_opt(Span, d, "population"),
            event=_opt(Event, d, "event"),
            origin=_opt(Location, d, "origin"),
            destination=_opt(Location, d, "destination"),
            time=_opt(TimeRef, d, "time"),
            source=_opt(Source, d, "source"),
            confidence=float(conf),
        )


@dataclass(frozen=True, slots=True)
class GroupMember:
    doc_id: str | None
    claim_id: str

    def to_dict(self) -> JSON:
        return {"doc_id": self.doc_id, "claim_id": self.claim_id}


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims from one or more articles that report the same fact."""

    id: str
    canonical: Claim
    members: tuple[GroupMember, ...]
    documents: int

    def to_dict(self) -> JSON:
        return {
            "id": self.id,
            "canonical": self.canonical.to_dict(),
            "members": [m.to_dict() for m in self.members],
            "documents": self.documents,
        }


@dataclass(slots=True)
class Extraction:
    """Everything read from one article. ``doc`` is the spaCy Doc (not serialised)."""

    doc_id: str | None
    published: str | None
    text: str
    claims: list[Claim] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    doc: Any = field(default=None, repr=False, compare=False)

    def to_dict(self) -> JSON:
        return {
            "doc_id": self.doc_id,
            "published": self.published,
            "text": self.text,
            "claims": [c.to_dict() for c in self.claims],
            "countries": [c.to_dict() for c in self.countries],
            "places": [p.to_dict() for p in self.places],
            "officials": [o.to_dict() for o in self.officials],
            "dates": [d.to_dict() for d in self.dates],
            "quantities": [q.to_dict() for q in self.quantities],
        }

    @classmethod
    def from_dict(cls, d: JSON) -> Extraction:
        if not isinstance(d, dict) or "text" not in d:
            raise InvalidRecordError("extraction: expected an object with 'text'", field="text")
        return cls(
            doc_id=d.get("doc_id"),
            published=d.get("published"),
            text=d["text"],
            claims=[Claim.from_dict(c) for c in d.get("claims", [])],
            countries=[Country.from_dict(c) for c in d.get("countries", [])],
            places=[Place.from_dict(p) for p in d.get("places", [])],
            officials=[Official.from_dict(o) for o in d.get("officials", [])],
            dates=[DateMention.from_dict(x) for x in d.get("dates", [])],
            quantities=[Quantity.from_dict(q) for q in d.get("quantities", [])],
        )

    def __getstate__(self) -> JSON:  # the Doc does not travel with pickles
        return {**self.to_dict(), "_doc": None}

    def __setstate__(self, state: JSON) -> None:
        other = Extraction.from_dict(state)
        for name in self.__slots__:  # type: ignore[attr-defined]
            object.__setattr__(self, name, getattr(other, name))


__all__ = [
    "Claim",
    "ClaimGroup",
    "Country",
    "DateMention",
    "Event",
    "Extraction",
    "GroupMember",
    "Location",
    "Official",
    "Place",
    "Quantity",
    "Source",
    "Span",
    "TimeRef",
    "claim_id",
]
