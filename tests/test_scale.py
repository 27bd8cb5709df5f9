"""Scale: extract_many with several processes, endless streams, failures mid-batch, the
CLI on a big job, and the dask integration on a LocalCluster with two worker processes."""

from __future__ import annotations

import itertools
import json
import multiprocessing as mp
import subprocess
import sys
from pathlib import Path

import pytest

from migration_extract import extract, extract_many
from migration_extract.api import Failure
from migration_extract.errors import InvalidRecordError

ROOT = Path(__file__).resolve().parents[1]
TEAM = sorted((ROOT / "fixtures" / "team").glob("*.txt"))
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))

pytestmark = pytest.mark.model


def _records(n: int) -> list[dict]:
    paths = (SEEDS + TEAM)[:n]
    return [
        {"doc_id": p.stem, "text": p.read_text(encoding="utf-8"), "published": "2022-10-01"}
        for p in paths
    ]


def _dicts(results) -> list[dict]:
    return [r.to_dict() for r in results]


@pytest.fixture(scope="module")
def recs():
    return _records(6)


@pytest.fixture(scope="module")
def reference(nlp, recs):
    return [extract(r["text"], r["published"], r["doc_id"], nlp=nlp).to_dict() for r in recs]


def test_two_processes_match_one_and_extract(nlp, recs, reference):
    bad = {"doc_id": "bad", "text": 42}
    mixed = [*recs[:3], bad, *recs[3:]]
    one = _dicts(extract_many(mixed, n_process=1, batch_size=2, on_error="return", nlp=nlp))
    two = _dicts(extract_many(mixed, n_process=2, batch_size=2, on_error="return", nlp=nlp))
    assert one == two
    assert [d.get("doc_id") for d in two] == [r["doc_id"] for r in mixed]
    assert two[3]["kind"] == "InvalidRecordError" and two[3]["index"] == 3
    assert [d for d in two if "kind" not in d] == reference


def test_spawned_workers_install_extensions(tmp_path, reference, recs):
    """Workers started with spawn never ran our import-time code: extensions must still
    be there, and results identical to extract()."""
    script = tmp_path / "spawn_run.py"
    script.write_text(
        "import json, multiprocessing as mp, sys\n"
        "from migration_extract import extract_many\n"
        "if __name__ == '__main__':\n"
        "    mp.set_start_method('spawn', force=True)\n"
        "    recs = json.load(open(sys.argv[1]))\n"
        "    out = [r.to_dict() for r in extract_many(recs, n_process=2, batch_size=1)]\n"
        "    json.dump(out, open(sys.argv[2], 'w'))\n",
        encoding="utf-8",
    )
    (tmp_path / "in.json").write_text(json.dumps(recs[:3]), encoding="utf-8")
    subprocess.run(
        [sys.executable, str(script), str(tmp_path / "in.json"), str(tmp_path / "out.json")],
        check=True,
        timeout=240,
        cwd=tmp_path,
    )
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8")) == reference[:3]


def test_endless_generator_is_read_lazily(nlp, recs):
    pulled = 0

    def endless():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            r = recs[i % len(recs)]
            yield {"text": r["text"], "doc_id": f"{r['doc_id']}#{i}"}

    got = list(itertools.islice(extract_many(endless(), batch_size=4, nlp=nlp), 10))
    assert [g.doc_id for g in got] == [f"{recs[i % len(recs)]['doc_id']}#{i}" for i in range(10)]
    assert pulled <= 10 + 2 * 4  # read ahead by about a batch, not the whole stream


def test_endless_stream_of_bad_records_keeps_flowing(nlp):
    """Failures are yielded while the stream goes on (empty marker Docs flush them)."""
    bad = ({"doc_id": f"x{i}", "text": None} for i in itertools.count())
    got = list(itertools.islice(extract_many(bad, batch_size=8, on_error="return", nlp=nlp), 50))
    assert all(isinstance(g, Failure) for g in got)
    assert [g.index for g in got] == list(range(50))


def test_endless_generator_two_processes_stops_cleanly(nlp, recs):
    def endless():
        for i in itertools.count():
            yield recs[i % 2]["text"]

    it = extract_many(endless(), n_process=2, batch_size=2, nlp=nlp)
    got = list(itertools.islice(it, 3))
    it.close()  # must not hang (the workers finish their batches and exit)
    assert len(got) == 3


@pytest.fixture
def boom(monkeypatch):
    from migration_extract.components.claims import ClaimsComponent

    orig = ClaimsComponent.__call__

    def call(self, doc):
        if "BOOM" in doc.text:
            raise RuntimeError("kaboom")
        return orig(self, doc)

    monkeypatch.setattr(ClaimsComponent, "__call__", call)


@pytest.mark.parametrize("n_process", [1, 2])
def test_component_failure_mid_batch_keeps_the_rest_in_order(nlp, recs, reference, boom,
                                                             n_process):  # fmt: skip
    if n_process > 1 and mp.get_start_method() != "fork":
        pytest.skip("the patched component reaches workers only with fork")
    mixed = [*recs[:2], {"doc_id": "boom", "text": "BOOM: 3,000 people left."}, *recs[2:4]]
    out = list(extract_many(mixed, n_process=n_process, batch_size=4, on_error="return", nlp=nlp))
    assert [o.doc_id for o in out] == [r["doc_id"] for r in mixed]
    assert isinstance(out[2], Failure) and out[2].kind == "ProcessingError"
    if n_process == 1:
        assert "kaboom" in out[2].error and "migration_claims" in out[2].error
    assert _dicts(out[:2] + out[3:]) == reference[:4]
    skipped = list(extract_many(mixed, n_process=n_process, batch_size=4, on_error="skip",
                                nlp=nlp))  # fmt: skip
    assert [o.doc_id for o in skipped] == ["seed-000", "seed-001", "seed-002", "seed-003"]


def test_raise_mode_yields_what_came_before(nlp, recs, reference):
    it = extract_many([*recs[:2], {"doc_id": "bad"}, *recs[2:]], batch_size=8, nlp=nlp)
    assert next(it).to_dict() == reference[0]
    assert next(it).to_dict() == reference[1]
    with pytest.raises(InvalidRecordError, match="record 2 \\(doc_id 'bad'\\): missing"):
        next(it)


# --------------------------------------------------------------------------- CLI


def test_cli_big_job_stdin_jobs_resume(tmp_path, recs):
    from click.testing import CliRunner

    from migration_extract.cli import main

    lines = [json.dumps(r) for r in recs[:4]]
    lines.insert(2, "{not json")
    out = tmp_path / "out.jsonl"
    runner = CliRunner()
    res = runner.invoke(main, ["extract", "-", "--out", str(out), "--jobs", "2",
                               "--batch-size", "2"], input="\n".join(lines) + "\n")  # fmt: skip
    assert res.exit_code == 1, res.output
    assert "<stdin>:3: malformed JSON" in res.stderr
    assert "4 documents" in res.stderr and "1 failed" in res.stderr
    done = [json.loads(x)["doc_id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert done == [r["doc_id"] for r in recs[:4]]
    # an interrupted run: a torn last line; --resume repairs it and skips what is done
    with open(out, "a", encoding="utf-8") as fh:
        fh.write('{"doc_id": "seed-004", "te')
    more = [json.dumps(r) for r in recs[:6]]
    res = runner.invoke(main, ["extract", "-", "--out", str(out), "--resume"],
                        input="\n".join(more) + "\n")  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "2 documents" in res.stderr and "4 skipped" in res.stderr
    done = [json.loads(x)["doc_id"] for x in out.read_text(encoding="utf-8").splitlines()]
    assert done == [r["doc_id"] for r in recs[:6]]


# --------------------------------------------------------------------------- dask


@pytest.fixture(scope="module")
def cluster_client():
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:  # fmt: skip
        yield client


def test_dask_extract_bag_and_dedupe_match_local(cluster_client, nlp, recs, reference):
    import dask.bag as db

    from migration_extract.dask import dedupe_bag, dedupe_groups, extract_bag
    from migration_extract.dedupe import dedupe

    bag = db.from_sequence(recs, npartitions=3)
    got = extract_bag(bag).compute()
    assert got == reference
    # one pipeline per worker process, loaded once
    pids = cluster_client.run(lambda: __import__("os").getpid())
    assert len(pids) == 2

    # dedupe at scale: enough claims that blocks span partitions and countries
    many = []
    for k in range(4):
        for d in reference:
            d2 = json.loads(json.dumps(d))
            d2["doc_id"] = f"{d['doc_id']}~{k}"
            for c in d2["claims"]:
                c["doc_id"] = d2["doc_id"]
                c["id"] = f"{c['id']}~{k}"
            many.append(d2)
    local = [g.to_dict() for g in dedupe(many)]
    assert any(len(g["members"]) > 1 for g in local)
    dist = db.from_sequence(many, npartitions=5)
    assert [g.to_dict() for g in dedupe_groups(dist)] == local
    as_bag = dedupe_bag(dist).compute()
    assert sorted(as_bag, key=lambda g: g["id"]) == sorted(local, key=lambda g: g["id"])


def test_dask_module_imports_without_touching_dask():
    code = (
        "import sys, migration_extract.dask as m; "
        "print('dask' in sys.modules, 'dask.bag' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    assert out.split() == ["False", "False"]
