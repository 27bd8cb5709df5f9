"""docs/tutorial.md runs: its ```python blocks, in order, as one program.

The program runs in a subprocess, from a scratch directory that sees the repository's
fixtures at the same relative path, so the files it writes do not land in the repo."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from .conftest import ROOT

TUTORIAL = ROOT / "docs" / "tutorial.md"


def python_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", markdown, flags=re.S | re.M)


def test_the_tutorial_has_code_and_its_images_exist():
    md = TUTORIAL.read_text(encoding="utf-8")
    assert len(python_blocks(md)) >= 5
    for img in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md):
        assert (TUTORIAL.parent / img).is_file(), img


@pytest.mark.model
def test_the_tutorial_runs(tmp_path):
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    code = "\n\n".join(python_blocks(TUTORIAL.read_text(encoding="utf-8")))
    (tmp_path / "fixtures").symlink_to(ROOT / "fixtures", target_is_directory=True)
    script = tmp_path / "tutorial.py"
    script.write_text(code, encoding="utf-8")
    env = {**os.environ, "MPLBACKEND": "Agg"}
    r = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=600)  # fmt: skip
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    assert "claims ->" in r.stdout and "facts" in r.stdout
    for name in ("seed-003.html", "flows.png", "sources.png"):
        assert (tmp_path / name).stat().st_size > 1000, name
