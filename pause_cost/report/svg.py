"""Deterministic SVG for the page's charts: matplotlib's settings, its SVG made the same bytes on
every run and safe to inline, and the helpers every chart shares (the palette, axes in
pounds, wrapped labels, figures written at a bar's end, the payback mark).

Same inputs, same bytes: a fixed hash salt and no date in matplotlib's metadata. The SVG, the
only markup the page does not escape, carries no text at all (glyphs are drawn as paths, and
matplotlib's comments are removed), which :func:`check_svg` checks. matplotlib is imported
only inside these functions, so no other command loads it.
"""

from __future__ import annotations

import io
import re
import textwrap
import warnings
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any

from pause_cost.visible import visible

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.figure import Figure

# The Okabe-Ito palette (Okabe and Ito, 'Color Universal Design', 2008): distinguishable with
# any common colour-vision deficiency. Every series also has its own hatching or marker.
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
INK = "#1a1a1a"
"""Text and edges: 17.4:1 on white, well above WCAG AA's 4.5:1."""

WIDTH_INCHES = 7.0
LABEL_WIDTH = 30
"""Characters per line of a category label (a funder's name, an input's path)."""
LABEL_LINES = 3


@contextmanager
def drawing() -> Iterator[None]:
    """matplotlib's settings for the page's charts, for as long as they are drawn."""
    import matplotlib

    with (
        matplotlib.rc_context(
            {
                "svg.hashsalt": "pause-cost",
                "svg.fonttype": "path",
                "font.family": "DejaVu Sans",
                "font.size": 8.5,
                "text.color": INK,
                "axes.labelcolor": INK,
                "axes.edgecolor": INK,
                "axes.linewidth": 0.8,
                "xtick.color": INK,
                "ytick.color": INK,
                "figure.facecolor": "white",
                "axes.facecolor": "white",
                "savefig.facecolor": "white",
                "hatch.color": INK,
                "hatch.linewidth": 0.6,
                "legend.frameon": False,
                "legend.fontsize": 8.5,
                "axes.spines.top": False,
                "axes.spines.right": False,
            }
        ),
        warnings.catch_warnings(),
    ):
        # A character the font lacks is drawn as a box; the text is in the table beneath.
        warnings.filterwarnings("ignore", message="Glyph .* missing from", category=UserWarning)
        # Scenario text reaches labels: "$x^2$" is shown as written, never as mathtext. Every
        # text made here says so too (for a matplotlib without this setting).
        with ExitStack() as stack:
            if "text.parse_math" in matplotlib.rcParams:
                stack.enter_context(matplotlib.rc_context({"text.parse_math": False}))
            yield


def canvas(height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(WIDTH_INCHES, height), layout="constrained")


def svg_of(drawn: Figure, key: str) -> str:
    """The figure as SVG for inlining: same bytes every run, mathtext off on every text."""
    from matplotlib.text import Text

    for text in drawn.findobj(Text):
        text.set_parse_math(False)
    buffer = io.StringIO()
    drawn.savefig(buffer, format="svg", metadata={"Date": None})
    return inline_svg(buffer.getvalue(), key)


_UNSAFE = re.compile(
    r"<\s*(script|foreignObject|image|a|iframe|style)\b|<use\s[^>]*href=\"[^#]|\son\w+\s*=|"
    r"https?:|javascript:",
    re.I,
)


def inline_svg(raw: str, key: str) -> str:
    """matplotlib's SVG as an element of the page: no XML prolog or DOCTYPE, no metadata (it
    links to the web) or comments (they hold the labels' text), ids made unique to the chart,
    sized by the page and named by the figure's title."""
    svg = raw[raw.index("<svg") :]
    svg = re.sub(r"<!--.*?-->\n?", "", svg, flags=re.S)
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r"\s*<style type=\"text/css\">.*?</style>", "", svg, flags=re.S)
    svg = re.sub(r"\s*<defs>\s*</defs>", "", svg)
    svg = re.sub(r"\bid=\"([^\"]+)\"", rf'id="{key}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{key}-\1)", svg)
    svg = re.sub(r"xlink:href=\"#([^\"]+)\"", rf'href="#{key}-\1"', svg)
    view_box = re.search(r"<svg [^>]*viewBox=\"([^\"]+)\"", svg)
    if view_box is None:
        raise ValueError("matplotlib's SVG has no viewBox")
    svg = re.sub(
        r"<svg [^>]*>",
        f'<svg viewBox="{view_box[1]}" role="img" aria-labelledby="{key}-title" '
        f'aria-describedby="{key}-desc">',
        svg,
        count=1,
    )
    check_svg(svg)
    return svg.rstrip("\n")


def check_svg(svg: str) -> None:
    """Refuse SVG that could run, fetch or carry text: the page marks only this as safe."""
    if _UNSAFE.search(svg) or re.search(r">[^<\s]", svg):
        raise ValueError("a chart's SVG holds something the page does not allow")


def pounds_axis(axis: Axis) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(compact_pounds))


def compact_pounds(value: float, _position: object = None) -> str:
    """An axis tick in pounds: '£1.5m', '£250k', '-£30k', '£0'."""
    sign = "-" if value < 0 else ""
    size = abs(value)
    if size >= 1e6:
        text = f"{size / 1e6:.3g}m"
    elif size >= 1e3:
        text = f"{size / 1e3:.3g}k"
    else:
        text = f"{size:.3g}"
    return f"{sign}£{text}"


def wrapped(label: str) -> str:
    """A category label in lines of at most LABEL_WIDTH characters (paths break after '/', '.'
    or '_'); the full text is in the table beneath the chart."""
    spaced = re.sub(r"([/._])(?=\S)", "\\1\u200b", visible(label, newlines=False))
    lines = textwrap.wrap(spaced, LABEL_WIDTH, break_long_words=True, break_on_hyphens=True)
    lines = [line.replace("\u200b", "") for line in lines] or [label]
    if len(lines) > LABEL_LINES:
        lines = [*lines[: LABEL_LINES - 1], lines[LABEL_LINES - 1][: LABEL_WIDTH - 1] + "…"]
    return "\n".join(lines)


def value_label(axes: Axes, x: float, y: float, text: str, *, left: bool) -> None:
    """A bar's figure written at its end, so no series needs its colour to be read."""
    axes.annotate(
        text,
        (x, y),
        xytext=(-3 if left else 3, 0),
        textcoords="offset points",
        ha="right" if left else "left",
        va="center",
        fontsize=7.5,
        color=INK,
        parse_math=False,
    )


def mark_payback(axes: Any, at: float, label: str) -> None:
    """A dashed line at the payback period, labelled at the top of the plot."""
    axes.axvline(at, color=BLUISH_GREEN, linewidth=1.5, linestyle="--")
    axes.annotate(
        label,
        (at, 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(4, -2),
        textcoords="offset points",
        ha="left",
        va="top",
        fontweight="bold",
        color=INK,
        parse_math=False,
    )
