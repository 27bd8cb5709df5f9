"""Linear weights shared by the learned models of claims (``_learned`` for places,
``_event_model`` for event types): a feature-string -> weight table with its metadata,
its JSON form, and the weights shipped in the package."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, ClassVar, TypeVar

_W = TypeVar("_W", bound="LinearWeights")


@dataclass
class LinearWeights:
    """Feature weights (one per feature string) and the metadata of their training."""

    weights: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    # the name errors give the model ("place model", "event model")
    LABEL: ClassVar[str] = "model"

    def to_dict(self) -> dict[str, Any]:
        return {"meta": self.meta, "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_dict(cls: type[_W], d: dict[str, Any]) -> _W:
        if not isinstance(d, dict) or not isinstance(d.get("weights"), dict):
            raise ValueError(f"{cls.LABEL}: expected a JSON object with a 'weights' object")
        return cls({str(k): float(v) for k, v in d["weights"].items()}, dict(d.get("meta", {})))

    @classmethod
    def packaged(cls: type[_W], filename: str) -> _W:
        """The weights shipped in the package (``data/<filename>``)."""
        path = resources.files("migration_extract").joinpath(f"data/{filename}")
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))
