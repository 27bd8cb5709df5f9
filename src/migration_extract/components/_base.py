"""Shared serialisation for components whose rule data is a JSON document."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy import util


class JsonRulesMixin:
    """``to_disk``/``from_disk``/``to_bytes``/``from_bytes`` for ``self.rules_data``.

    Subclasses keep their rule data as a dict in ``rules_data`` and rebuild their indexes
    from it in ``_build()``; a saved pipeline therefore carries its own gazetteers."""

    rules_data: dict[str, Any]
    rules_file = "rules.json"

    def _build(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        p = util.ensure_path(path)
        p.mkdir(parents=True, exist_ok=True)
        (p / self.rules_file).write_text(
            json.dumps(self.rules_data, ensure_ascii=False), encoding="utf-8"
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> JsonRulesMixin:
        p = util.ensure_path(path) / self.rules_file
        if p.exists():
            self.rules_data = json.loads(p.read_text(encoding="utf-8"))
            self._build()
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps(self.rules_data, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> JsonRulesMixin:
        self.rules_data = json.loads(data.decode("utf-8"))
        self._build()
        return self


Loader = Callable[[], dict[str, Any]]
