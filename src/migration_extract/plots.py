"""Two quick charts for a notebook (matplotlib, imported only when a chart is drawn).

    >>> from migration_extract.plots import plot_flows, plot_sources
    >>> plot_flows(groups_frame(dedupe(results)))    # reported numbers by destination, over time
    >>> plot_sources(claims_frame(results))          # who the numbers come from

Both take a frame from ``claims_frame``/``groups_frame`` (or what those accept: Extractions,
claims, ClaimGroups) and return the matplotlib ``Axes``. Without ``ax`` they draw on a new
pyplot figure, so they follow the active backend: inline in Jupyter, and Agg when there is
no display (set ``MPLBACKEND=Agg`` to be sure in scripts and CI).

Reported numbers are not additive (one article's "since the order" total contains another
article's daily count), so ``plot_flows`` plots each reported figure as a point at the date
it refers to, one colour per destination, rather than summing them.
"""

from __future__ import annotations

from typing import Any

__all__ = ["plot_flows", "plot_sources"]

_KIND_COLORS = {"organization": "#3a6ea5", "person": "#d1495b", "media": "#edae49"}


def _mpl() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "plots need matplotlib: pip install 'migration-extract[notebook]'"
        ) from exc
    return plt


def _frame(data: Any) -> Any:
    from .frames import claims_frame, groups_frame

    if hasattr(data, "columns") and hasattr(data, "loc"):
        return data
    items = data if isinstance(data, (list, tuple)) else [data]
    first = items[0] if items else None
    if hasattr(first, "canonical") or (isinstance(first, dict) and "canonical" in first):
        return groups_frame(items)
    return claims_frame(items)


def _magnitude(df: Any) -> Any:
    mid = (df["low"] + df["high"]) / 2
    return df["value"].fillna(mid).fillna(df["low"]).fillna(df["high"])


def plot_flows(
    data: Any,
    ax: Any = None,
    *,
    top: int = 6,
    per: str | None = None,
    events: tuple[str, ...] | None = None,
    log: bool = True,
) -> Any:
    """Reported numbers of people by destination over time.

    One point per claim (or per deduplicated group) with a destination, a count and a
    date: the end of its ``time`` interval (else its start). ``per=None`` keeps totals;
    ``per="day"`` plots daily rates instead. ``events`` keeps only those event types.
    The ``top`` destinations by number of points get a colour each (the others are grey);
    hollow markers are approximate figures. Points are not joined: two figures for one
    destination often count different things. Returns the Axes."""
    plt = _mpl()
    df = _frame(data).copy()
    df["magnitude"] = _magnitude(df)
    df["date"] = df["time_to"].fillna(df["time_from"])
    keep = (df["kind"] == "count") & df["destination"].notna() & df["magnitude"].notna()
    keep &= df["per"].isna() if per is None else (df["per"] == per)
    if events:
        keep &= df["event"].isin(list(events))
    considered = df[keep]
    undated = int(considered["date"].isna().sum())
    pts = considered[considered["date"].notna()]
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4.8), layout="constrained")
    order = pts["destination"].value_counts().index.tolist()[:top]
    cmap = plt.get_cmap("tab10")
    for k, dest in enumerate(order):
        sub = pts[pts["destination"] == dest].sort_values("date")
        color = cmap(k % 10)
        exact = sub[~sub["approximate"]]
        approx = sub[sub["approximate"]]
        ax.scatter(exact["date"], exact["magnitude"], color=color, s=36, zorder=3,
                   label=f"{dest} ({len(sub)})")  # fmt: skip
        ax.scatter(approx["date"], approx["magnitude"], facecolors="white", edgecolors=color,
                   linewidths=1.5, s=36, zorder=3)  # fmt: skip
    rest = pts[~pts["destination"].isin(order)]
    if len(rest):
        ax.scatter(rest["date"], rest["magnitude"], color="#b0b0b0", s=18, zorder=2,
                   label=f"other ({len(rest)})")  # fmt: skip
    if log and len(pts):
        ax.set_yscale("log")
    ax.yaxis.set_major_formatter(_people_formatter())
    what = f"people per {per}" if per else "people (reported figure)"
    ax.set_ylabel(what)
    ax.set_xlabel("date the figure refers to")
    ax.set_title("Reported numbers by destination")
    ax.grid(True, which="major", alpha=0.3)
    if len(pts):
        ax.legend(title="destination (figures)", fontsize=8, title_fontsize=8, frameon=False,
                  loc="upper left", bbox_to_anchor=(1.0, 1.0))  # fmt: skip
        ax.figure.autofmt_xdate()
    else:
        ax.text(0.5, 0.5, "no dated claims with a destination", transform=ax.transAxes,
                ha="center", va="center", color="#777")  # fmt: skip
    if undated:
        ax.annotate(f"{undated} figure{'s' if undated != 1 else ''} without a date not shown",
                    xy=(0, -0.01), xycoords="axes fraction", xytext=(0, -34),
                    textcoords="offset points", fontsize=7.5, color="#666", va="top")  # fmt: skip
    return ax


def _people_formatter() -> Any:
    from matplotlib.ticker import FuncFormatter

    def fmt(v: float, _pos: int) -> str:
        if v >= 1_000_000:
            return f"{v / 1_000_000:g}M"
        if v >= 1_000:
            return f"{v / 1_000:g}k"
        return f"{v:g}"

    return FuncFormatter(fmt)


def plot_sources(data: Any, ax: Any = None, *, top: int = 12) -> Any:
    """How many claims (or groups) each source gave, coloured by the source's kind
    (organisation, person, media); unattributed claims are one grey bar. Returns the Axes."""
    plt = _mpl()
    df = _frame(data)
    names = df["source"].fillna("(no source)")
    counts = names.value_counts()
    shown = counts.iloc[:top]
    if len(counts) > top:
        shown = shown.copy()
        shown[f"{len(counts) - top} other sources"] = int(counts.iloc[top:].sum())
    kind_of = (  # a name's most frequent kind
        df.dropna(subset=["source"])
        .groupby("source")["source_kind"]
        .agg(lambda k: k.mode().iloc[0] if k.notna().any() else None)
    ).to_dict()
    colors = [
        "#c4c4c4" if n == "(no source)" else _KIND_COLORS.get(kind_of.get(n), "#9a9a9a")
        for n in shown.index
    ]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.32 * len(shown) + 1.3), layout="constrained")
    y = list(range(len(shown)))[::-1]
    ax.barh(y, shown.values, color=colors)
    ax.set_yticks(y, [str(n) for n in shown.index], fontsize=9)
    for yy, v in zip(y, shown.values, strict=True):
        ax.text(v, yy, f" {int(v)}", va="center", fontsize=8, color="#333")
    ax.set_xlabel("claims")
    ax.set_title("Claims by source")
    ax.spines[["top", "right"]].set_visible(False)
    from matplotlib.patches import Patch

    handles = [Patch(color=c, label=k) for k, c in _KIND_COLORS.items()]
    handles.append(Patch(color="#c4c4c4", label="no source"))
    ax.legend(handles=handles, fontsize=8, frameon=False, loc="upper left",
              bbox_to_anchor=(1.0, 1.0))  # fmt: skip
    return ax
