"""The command line: one line per document, bad records reported, resume, dedupe, bench.
Needs the statistical model."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from migration_extract.cli import main

from .conftest import ROOT

SEEDS = ROOT / "fixtures" / "seeds"


def _lines(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_extract_txt_files_one_line_each(tmp_path):
    out = tmp_path / "out.jsonl"
    files = sorted(str(p) for p in SEEDS.glob("seed-*.txt"))
    r = CliRunner().invoke(main, ["extract", *files, "--out", str(out), "--no-progress"])
    assert r.exit_code == 0, r.output
    rows = _lines(out)
    assert [d["doc_id"] for d in rows] == [f"seed-00{i}" for i in range(5)]
    # the publication dates kept beside the seeds were picked up
    assert rows[0]["published"] == "2022-09-28"
    assert sum(len(d["claims"]) for d in rows) >= 15


def test_bad_records_are_reported_and_the_rest_processed(tmp_path):
    src = tmp_path / "in.jsonl"
    good = {
        "doc_id": "g1",
        "text": "About 5,000 Russians crossed into Georgia.",
        "published": "2022-09-28",
    }
    lines = [
        json.dumps(good),
        "{not json",
        json.dumps({"doc_id": "no-text"}),
        json.dumps({"doc_id": "bad-date", "text": "x", "published": "2022-02-31"}),
        json.dumps({**good, "doc_id": "g2"}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(main, ["extract", str(src), "--out", str(out), "--no-progress"])
    assert r.exit_code == 1
    assert [d["doc_id"] for d in _lines(out)] == ["g1", "g2"]
    err = r.output
    assert "in.jsonl:2" in err and "malformed JSON" in err
    assert "in.jsonl:3" in err and "text" in err
    assert "bad-date" in err and "published" in err
    assert "2 documents" in err and "3 failed" in err


def test_resume_skips_done_ids_and_repairs_a_torn_line(tmp_path):
    d = tmp_path / "arts"
    d.mkdir()
    for name in ("seed-002", "seed-003"):
        shutil.copy(SEEDS / f"{name}.txt", d / f"{name}.txt")
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(
        main, ["extract", str(d / "seed-002.txt"), "--out", str(out), "--no-progress"]
    )
    assert r.exit_code == 0
    with open(out, "a", encoding="utf-8") as fh:
        fh.write('{"doc_id": "seed-003", "trunc')  # an interrupted write
    r = CliRunner().invoke(
        main, ["extract", str(d), "--out", str(out), "--resume", "--no-progress"]
    )
    assert r.exit_code == 0, r.output
    assert [x["doc_id"] for x in _lines(out)] == ["seed-002", "seed-003"]
    assert "1 skipped" in r.output


def test_dedupe_command(tmp_path):
    out = tmp_path / "out.jsonl"
    files = sorted(str(p) for p in SEEDS.glob("seed-*.txt"))
    CliRunner().invoke(main, ["extract", *files, "--out", str(out), "--no-progress"])
    groups = tmp_path / "groups.jsonl"
    r = CliRunner().invoke(main, ["dedupe", str(out), "--out", str(groups)])
    assert r.exit_code == 0, r.output
    rows = _lines(groups)
    n_claims = sum(len(d["claims"]) for d in _lines(out))
    assert sum(len(g["members"]) for g in rows) == n_claims
    assert any(g["documents"] > 1 for g in rows)


def test_dedupe_names_the_bad_line(tmp_path):
    src = tmp_path / "claims.jsonl"
    src.write_text('{"doc_id": "a", "claims": []}\n{"doc_id": "b", "quantity": 5}\n')
    r = CliRunner().invoke(main, ["dedupe", str(src)])
    assert r.exit_code != 0
    assert "claims.jsonl:2" in r.output


def test_show_prints_a_table():
    r = CliRunner().invoke(main, ["show", str(SEEDS / "seed-003.txt")])
    assert r.exit_code == 0, r.output
    assert "78,000" in r.output


def test_bench_command(tmp_path):
    out = tmp_path / "res.json"
    r = CliRunner().invoke(main, ["bench", str(SEEDS), "--out", str(out)])
    assert r.exit_code == 0, r.output
    res = json.loads(out.read_text())
    assert res["documents"] == 5
    assert 0 <= res["claims"]["f1"] <= 1
    assert "dedupe" in res
