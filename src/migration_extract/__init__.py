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
    "dedupe",
    "extract",
    "extract_many",
    "load",
]
