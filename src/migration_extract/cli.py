"""The ``migration-extract`` command line (click).

    migration-extract extract PATHS... [--published DATE] [--out FILE] [--jobs N] [--resume]
    migration-extract show FILE [--published DATE] [--html OUT]
    migration-extract dedupe CLAIMS.jsonl [--out GROUPS.jsonl]
    migration-extract bench DIR [--out RESULTS.json]

``extract`` reads ``.txt`` files (doc_id = file stem), ``.jsonl`` records
(``{"doc_id", "text", "published"}``), directories (their .txt and .jsonl files), glob
patterns and ``-`` (JSONL on standard input), and writes one JSON line per document.
A bad record is reported on standard error with its file and line, the others are
processed, and the exit status is 1 when any record failed.
"""

from __future__ import annotations

import glob
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from .errors import InvalidRecordError, MigrationExtractError

# --------------------------------------------------------------------------- inputs


class _Bad:
    """A record that could not even be read (malformed JSON, missing text...)."""

    def __init__(self, where: str, error: str, doc_id: str | None = None):
        self.where = where
        self.error = error
        self.doc_id = doc_id


def _expand(paths: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            out += sorted(str(x) for x in path.rglob("*") if x.suffix in (".txt", ".jsonl"))
        elif path.exists():
            out.append(p)
        else:
            hits = sorted(glob.glob(p, recursive=True))
            if not hits:
                raise click.BadParameter(
                    f"no such file, directory or match: {p}", param_hint="PATHS"
                )
            out += hits
    return out


def _jsonl_records(fh: IO[bytes], name: str) -> Iterator[dict[str, Any] | _Bad]:
    """Records of a JSON-lines stream read as bytes, so that one line of invalid UTF-8
    is reported with its number and the following lines are still read."""
    for n, raw in enumerate(fh, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield _Bad(f"{name}:{n}", f"invalid UTF-8 at byte {exc.start}")
            continue
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _Bad(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(rec, dict):
            yield _Bad(where, f"expected a JSON object, got {type(rec).__name__}")
            continue
        if not isinstance(rec.get("text"), str):
            did = rec.get("doc_id")
            msg = (
                "missing field 'text'"
                if rec.get("text") is None
                else "field 'text' is not a string"
            )
            yield _Bad(where, msg, did if isinstance(did, str) else None)
            continue
        rec.setdefault("doc_id", f"{Path(name).stem}-{n}")
        rec["_where"] = where
        yield rec


def read_inputs(paths: tuple[str, ...], published: str | None) -> Iterator[dict[str, Any] | _Bad]:
    """Records from files, directories, globs and stdin, in order."""
    for p in _expand(paths):
        if p == "-":
            yield from _add_pub(_jsonl_records(sys.stdin.buffer, "<stdin>"), published)
        elif p.endswith(".jsonl"):
            with open(p, "rb") as fh:
                yield from _add_pub(_jsonl_records(fh, p), published)
        else:
            try:
                text = Path(p).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                yield _Bad(p, f"cannot read file: {exc}", Path(p).stem)
                continue
            pub = published or _sidecar_published(Path(p))
            yield {"doc_id": Path(p).stem, "text": text, "published": pub, "_where": p}


def _add_pub(
    recs: Iterator[dict[str, Any] | _Bad], published: str | None
) -> Iterator[dict[str, Any] | _Bad]:
    for r in recs:
        if isinstance(r, dict) and published and not r.get("published"):
            r["published"] = published
        yield r


def _sidecar_published(p: Path) -> str | None:
    """A publication date kept beside a .txt: ``published.tsv`` (doc_id, published) or a
    gold ``<doc_id>.json`` with a ``published`` field."""
    tsv = p.with_name("published.tsv")
    if tsv.exists():
        for line in tsv.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) >= 2 and cols[0] == p.stem:
                return cols[1]
    js = p.with_suffix(".json")
    if js.exists():
        try:
            d = json.loads(js.read_text(encoding="utf-8"))
            if isinstance(d, dict) and isinstance(d.get("published"), str):
                return d["published"]
        except (json.JSONDecodeError, OSError):
            return None
    return None


def _json_line(d: dict[str, Any]) -> str:
    """One JSON line; text with lone surrogates (valid in JSON, not in UTF-8) is escaped."""
    line = json.dumps(d, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(d, ensure_ascii=True)
    return line + "\n"


def _done_ids(out: Path) -> set[str]:
    """doc_ids already written to ``out``; a torn last line (an interrupted run) is cut."""
    if not out.exists():
        return set()
    data = out.read_bytes()
    if data and not data.endswith(b"\n"):
        cut = data.rfind(b"\n") + 1
        with open(out, "r+b") as fh:
            fh.truncate(cut)
        data = data[:cut]
    ids = set()
    for line in data.decode("utf-8").splitlines():
        try:
            d = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(d, dict) and d.get("doc_id") is not None:
            ids.add(d["doc_id"])
    return ids


# --------------------------------------------------------------------------- commands


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="migration-extract")
def main() -> None:
    """Structured claims about people on the move, from news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for records that lack one.")
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False),
    help="Write JSON lines here (default: stdout).",
)
@click.option("--jobs", "-j", default=1, show_default=True, help="Worker processes.")
@click.option("--batch-size", default=64, show_default=True)
@click.option("--resume", is_flag=True, help="Skip doc_ids already in --out and append to it.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: when stderr is a terminal).",
)
def extract(
    paths: tuple[str, ...],
    published: str | None,
    out_path: str | None,
    jobs: int,
    batch_size: int,
    resume: bool,
    progress: bool | None,
) -> None:
    """Extract claims from PATHS (.txt, .jsonl, directories, globs, - for stdin)."""
    from .api import Failure, extract_many, load
    from .dates import coerce_published

    if published:
        try:
            coerce_published(published)
        except MigrationExtractError as exc:
            raise click.BadParameter(str(exc), param_hint="--published") from exc
    if resume and not out_path:
        raise click.UsageError("--resume needs --out")
    done = _done_ids(Path(out_path)) if resume and out_path else set()
    out: IO[str]
    out = open(out_path, "a" if resume else "w", encoding="utf-8") if out_path else sys.stdout  # noqa: SIM115
    n_docs = n_claims = n_skipped = n_failed = n_out = 0
    t0 = time.perf_counter()
    # where each record came from (file:line), kept only while it is in flight
    where_of: dict[int, str] = {}
    show = progress if progress is not None else sys.stderr.isatty()
    bar = _progress(show)

    def fail(msg: str) -> None:
        # reported as it happens (an endless stream keeps nothing), above the bar
        nonlocal n_failed
        n_failed += 1
        bar.console.print(f"error: {msg}", markup=False, highlight=False, soft_wrap=True)

    def records() -> Iterator[dict[str, Any]]:
        nonlocal n_skipped
        k = 0
        for r in read_inputs(paths, published):
            if isinstance(r, _Bad):
                fail(f"{r.where}: {r.error}")
                continue
            if r["doc_id"] in done:
                n_skipped += 1
                continue
            where_of[k] = r.pop("_where", "?")
            k += 1
            yield r

    try:
        nlp = load()
        with bar:
            task = bar.add_task("extracting", total=None)
            for res in extract_many(records(), n_process=jobs, batch_size=batch_size,
                                    on_error="return", nlp=nlp):  # fmt: skip
                # on_error="return": exactly one result per record, in order
                where = where_of.pop(n_out, "?")
                n_out += 1
                if isinstance(res, Failure):
                    fail(f"{where}: {res.error}")
                    continue
                # one whole line per document, flushed: an interrupted run keeps every
                # finished document (--resume cuts a torn last line and skips the rest)
                out.write(_json_line(res.to_dict()))
                out.flush()
                n_docs += 1
                n_claims += len(res.claims)
                bar.update(task, advance=1)
    except KeyboardInterrupt:
        click.echo(f"interrupted after {n_docs} documents; run again with --resume", err=True)
        sys.exit(130)
    finally:
        if out is not sys.stdout:
            out.close()
    dt = time.perf_counter() - t0
    click.echo(
        f"{n_docs} documents, {n_claims} claims, {n_failed} failed"
        + (f", {n_skipped} skipped (already in --out)" if n_skipped else "")
        + f" in {dt:.1f}s ({n_docs / dt if dt > 0 else 0:.1f} docs/s)",
        err=True,
    )
    if n_failed:
        sys.exit(1)


class _EchoConsole:
    def print(self, msg: str, **k: object) -> None:
        click.echo(msg, err=True)


class _NoBar:
    console = _EchoConsole()

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *a: object) -> None:
        return None

    def add_task(self, *a: object, **k: object) -> int:
        return 0

    def update(self, *a: object, **k: object) -> None:
        return None


def _progress(show: bool) -> Any:
    if not show:
        return _NoBar()
    from rich.console import Console
    from rich.progress import (
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    class _Rate(TextColumn):
        def __init__(self) -> None:
            super().__init__("")

        def render(self, task: Any) -> Any:
            from rich.text import Text

            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} docs/s" if speed else "")

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), MofNCompleteColumn(),
                    _Rate(), TimeElapsedColumn(), console=Console(stderr=True))  # fmt: skip


def _claims_table(doc: dict[str, Any]) -> Any:
    from rich.table import Table

    t = Table(title=f"{doc.get('doc_id')} (published {doc.get('published') or '?'})",
              show_lines=False, expand=True)  # fmt: skip
    for col in (
        "quantity",
        "value",
        "per",
        "population",
        "event",
        "from",
        "to",
        "when",
        "source",
        "conf",
    ):
        t.add_column(col, overflow="fold")
    for c in doc.get("claims", []):
        q = c["quantity"]
        if q["value"] is not None:
            val = f"{q['value']:,}" if isinstance(q["value"], int) else f"{q['value']}"
        else:
            val = f"{q['low'] or ''}–{q['high'] or ''}"
        if q.get("qualifier"):
            val = f"{q['qualifier']} {val}"
        tm = c.get("time")
        when = ""
        if tm:
            when = f"{tm.get('from') or '…'} → {tm.get('to') or '…'}"
        src = c.get("source")
        t.add_row(
            q["text"], val, q.get("per") or "", (c.get("population") or {}).get("text", ""),
            (c.get("event") or {}).get("type", ""), (c.get("origin") or {}).get("code") or "",
            (c.get("destination") or {}).get("code") or "", when,
            f"{src['name']} ({src['kind']})" if src else "", f"{c.get('confidence', 0):.2f}",
        )  # fmt: skip
    return t


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--published", help="Publication date for a .txt file.")
@click.option(
    "--html", "html_out", type=click.Path(dir_okay=False), help="Also write an HTML page."
)
def show(file: str, published: str | None, html_out: str | None) -> None:
    """Print an article's claims as a table (FILE: .txt, or JSON lines from `extract`)."""
    from rich.console import Console

    console = Console()
    if not console.is_terminal:
        console = Console(width=150)  # a pipe or a log: wide enough for the table
    docs: list[dict[str, Any]] = []
    if file.endswith((".jsonl", ".json")):
        with open(file, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        docs.append(json.loads(line))
                    except json.JSONDecodeError as exc:
                        raise click.ClickException(
                            f"{file}:{n}: malformed JSON ({exc.msg})"
                        ) from exc
    else:
        from .api import extract as _extract

        p = Path(file)
        res = _extract(p.read_text(encoding="utf-8"), published=published or _sidecar_published(p),
                       doc_id=p.stem)  # fmt: skip
        docs.append(res.to_dict())
    for d in docs:
        console.print(_claims_table(d))
    if html_out:
        try:
            from .render import render_html
        except ImportError as exc:  # pragma: no cover
            raise click.ClickException("HTML rendering is not available") from exc
        Path(html_out).write_text(render_html(docs), encoding="utf-8")
        click.echo(f"wrote {html_out}", err=True)


@main.command()
@click.argument("claims_file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--out",
    "out_path",
    type=click.Path(dir_okay=False),
    help="Write groups as JSON lines here (default: stdout).",
)
def dedupe(claims_file: str, out_path: str | None) -> None:
    """Group near-identical claims (CLAIMS_FILE: JSON lines of extractions or claims)."""
    from .dedupe import dedupe_jsonl

    # streamed: the file is read line by line, never held parsed in memory
    try:
        groups = dedupe_jsonl(claims_file)
    except InvalidRecordError as exc:
        line = int(exc.record) if isinstance(exc.record, int) else "?"
        raise click.ClickException(f"{claims_file}:{line}: {exc}") from exc
    out = open(out_path, "w", encoding="utf-8") if out_path else sys.stdout  # noqa: SIM115
    try:
        for g in groups:
            out.write(json.dumps(g.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    n_claims = sum(len(g.members) for g in groups)
    click.echo(f"{n_claims} claims -> {len(groups)} groups "
               f"({sum(1 for g in groups if len(g.members) > 1)} with more than one claim)",
               err=True)  # fmt: skip


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--out", "out_path", type=click.Path(dir_okay=False), help="Write the full results as JSON."
)
@click.option("--errors", "show_errors", is_flag=True, help="Print every mismatch.")
def bench(gold_dir: str, out_path: str | None, show_errors: bool) -> None:
    """Score the pipeline against a gold directory (SPEC sections 3 and 4)."""
    from .evaluate import evaluate_dir
    from .scoring import format_report

    try:
        result = evaluate_dir(gold_dir)
    except MigrationExtractError as exc:
        raise click.ClickException(str(exc)) from exc
    dt = result["seconds"]
    golds = range(result["documents"])
    click.echo(format_report(str(gold_dir), result))
    click.echo(f"\n{len(golds)} documents in {dt:.1f}s")
    if show_errors:
        for e in result["errors"]:
            click.echo(json.dumps(e, ensure_ascii=False)[:400])
    if out_path:
        Path(out_path).parent.mkdir(parents=True, exist_ok=True)
        Path(out_path).write_text(
            json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8"
        )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
