"""migration_extract: structured, checkable claims about people on the move, from news.

    >>> from migration_extract import extract
    >>> result = extract(text, published="2022-09-28", doc_id="seed-000")
    >>> [c.to_dict() for c in result.claims]

Importing the package loads no model: ``load()`` (called by ``extract`` the first time)
builds the spaCy pipeline once per process.
"""

from __future__ import annotations

from .api import Failure, extract, extract_many, load
from .dedupe import dedupe
from .errors import (
    InputTypeError,
    InputValueError,
    InvalidDateError,
    InvalidRecordError,
    MigrationExtractError,
)
from .records import (
    Claim,
    ClaimGroup,
    Country,
    DateMention,
    Event,
    Extraction,
    GroupMember,
    Location,
    Official,
    Place,
    Quantity,
    Source,
    Span,
    TimeRef,
)

__version__ = "0.1.0"

# Notebook helpers, loaded on first use so that importing the package stays light
# (render needs spaCy's displaCy; the frames need pandas, the plots matplotlib).
_LAZY = {
    "render": ("render", "render"),
    "claims_frame": ("frames", "claims_frame"),
    "groups_frame": ("frames", "groups_frame"),
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(f".{module}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Claim",
    "ClaimGroup",
    "Country",
    "DateMention",
    "Event",
    "Extraction",
    "Failure",
    "GroupMember",
    "InputTypeError",
    "InputValueError",
    "InvalidDateError",
    "InvalidRecordError",
    "Location",
    "MigrationExtractError",
    "Official",
    "Place",
    "Quantity",
    "Source",
    "Span",
    "TimeRef",
    "__version__",
    "claims_frame",
    "dedupe",
    "extract",
    "extract_many",
    "groups_frame",
    "load",
    "render",
]
