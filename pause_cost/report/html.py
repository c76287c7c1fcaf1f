"""The pack as one printable page: a self-contained HTML5 document with inline SVG charts.

The page lays out what the pack holds and computes nothing: the tables are the render
documents' (``estimate_document`` and the uncertainty documents, the blocks a Markdown report
shows), and each chart draws figures the engine gave, with its data as a table beneath it. The
one aggregation is the chart of cost avoided by stage: each line's horizon figure, added by its
stage.

Same inputs, same bytes: no timestamp unless ``--date`` gives one, and matplotlib's SVG is made
deterministic (a fixed hash salt, no date in its metadata). No script, font, image or link
leaves the page; every text field passes through Jinja2's autoescape, and the SVG, the only
markup made here, carries no text at all (glyphs are drawn as paths, and matplotlib's comments
are removed), which :func:`_inline_svg` checks.

Jinja2 (with MarkupSafe) and matplotlib are imported only here, inside the functions that use
them, so no other command loads them.
"""

from __future__ import annotations

import io
import re
import textwrap
import warnings
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from pause_cost.money import whole_pounds
from pause_cost.render.cells import shown
from pause_cost.render.document import Block, Count, Document, Gap, Notes, Paragraph, Table
from pause_cost.render.estimate import estimate_document
from pause_cost.render.uncertainty import (
    breakeven_document,
    figure,
    simulation_document,
    tornado_document,
)
from pause_cost.report.pack import Pack, headline
from pause_cost.results.economics import Calendar, Funders
from pause_cost.results.estimate import Estimate
from pause_cost.results.uncertainty import Simulation, Tornado
from pause_cost.visible import visible

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis
    from matplotlib.figure import Figure

MEDIUM = "markdown"
"""The page shows what a report shows: the blocks a document gives the Markdown medium."""

TEMPLATE = "templates/page.html.j2"

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


STAGES: dict[str, str] = {
    "pre_birth_assessment": "Pre-birth assessment",
    "decision_making": "Decision-making",
    "proceedings": "Proceedings",
    "accommodation": "Accommodation",
    "case_management": "Case management",
    "permanence": "Permanence",
    "whole_journey": "Whole journey",
    "wider_costs": "Wider costs",
}


# The page's blocks, as the template reads them.


@dataclass(frozen=True)
class HtmlCell:
    text: str
    numeric: bool = False
    header: bool = False
    nowrap: bool = False

    @property
    def classes(self) -> str:
        return "num" if self.numeric else ("nowrap" if self.nowrap else "")


@dataclass(frozen=True)
class HtmlRow:
    cells: tuple[HtmlCell, ...]
    classes: str = ""


@dataclass(frozen=True)
class HtmlColumn:
    label: str
    numeric: bool = False


@dataclass(frozen=True)
class HtmlTable:
    caption: str
    columns: tuple[HtmlColumn, ...]
    rows: tuple[HtmlRow, ...]
    kind: Literal["table"] = "table"

    @property
    def small(self) -> bool:
        """Short enough to keep on one printed page, never split."""
        return len(self.rows) <= 15


@dataclass(frozen=True)
class HtmlParagraph:
    text: str
    warning: bool = False
    kind: Literal["paragraph"] = "paragraph"


@dataclass(frozen=True)
class HtmlNotes:
    title: str
    items: tuple[tuple[str, str], ...]
    kind: Literal["notes"] = "notes"


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    description: str
    svg: str
    """Checked SVG markup (see :func:`_inline_svg`); the template is given it as markup."""
    table: HtmlTable
    kind: Literal["chart"] = "chart"


Item = HtmlTable | HtmlParagraph | HtmlNotes | Chart


@dataclass(frozen=True)
class Part:
    """A major section: the first opens the page, each other starts a printed page."""

    key: str
    heading: str
    items: tuple[Item, ...]
    flags: tuple[str, ...] = field(default=())


# Documents as page blocks.


def _table(table: Table, caption: str | None = None) -> HtmlTable:
    keep = [index for index, column in enumerate(table.columns) if MEDIUM in column.media]
    columns = [table.columns[index] for index in keep]
    rows = []
    for row in table.rows:
        if MEDIUM not in row.media:
            continue
        cells = tuple(
            HtmlCell(
                shown(row.cells[index]),
                numeric=column.numeric,
                header=position == 0 and not column.numeric,
                nowrap=column.wrap == "none",
            )
            for position, (index, column) in enumerate(zip(keep, columns, strict=True))
        )
        classes = " ".join(
            name for name, on in (("strong", row.strong), ("group", row.group)) if on
        )
        rows.append(HtmlRow(cells, classes))
    return HtmlTable(
        caption=table.title if caption is None else caption,
        columns=tuple(HtmlColumn(column.label, column.numeric) for column in columns),
        rows=tuple(rows),
    )


def _shown_blocks(document: Document) -> list[Block]:
    return [
        block
        for section in document.sections
        for block in section.blocks
        if isinstance(block, Notes) or (MEDIUM in block.media and not isinstance(block, Gap))
    ]


def _items(document: Document, charts: dict[str, Chart] | None = None) -> list[Item]:
    """A document's blocks for the page. A report heads each table with a paragraph ('Cohorts:');
    here that paragraph is the table's caption. A table a chart draws goes into the chart's
    figure, as its data."""
    charts = charts or {}
    blocks = _shown_blocks(document)
    items: list[Item] = []
    caption: str | None = None
    for index, block in enumerate(blocks):
        if isinstance(block, Notes):
            marks = tuple(
                (f"{block.letter}{number}", text)
                for number, text in enumerate(block.texts, start=1)
            )
            items.append(HtmlNotes(block.title, marks))
        elif isinstance(block, Table):
            if block.title in charts:
                items.append(charts[block.title])
            else:
                table = _table(block, caption)
                if table.rows:
                    items.append(table)
            caption = None
        elif isinstance(block, Paragraph):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if (
                isinstance(following, Table)
                and block.text.endswith(":")
                and block.text.startswith(following.title)
            ):
                caption = block.text[:-1]
                continue
            warning = block.text.startswith("WARNING: ")
            items.append(HtmlParagraph(block.text, warning=warning))
    return items


def _parts(pack: Pack) -> list[Part]:
    estimate = pack.estimate
    document = estimate_document(estimate)
    parts = [
        Part("estimate", "The estimate", tuple(_items(document)), flags=document.flags),
    ]
    with _drawing():
        charts = [
            chart
            for chart in (_stage_chart(estimate), _cash_chart(estimate), _funders_chart(estimate))
            if chart is not None
        ]
        if charts:
            parts.append(Part("charts", "The estimate in charts", tuple(charts)))
        if pack.tornado is not None:
            document = tornado_document(pack.tornado)
            drawn = _tornado_chart(pack.tornado, document)
            parts.append(Part("sensitivity", document.title, tuple(_items(document, drawn))))
        if pack.breakeven is not None:
            document = breakeven_document(pack.breakeven)
            parts.append(Part("break-even", document.title, tuple(_items(document))))
        if pack.simulation is not None:
            document = simulation_document(pack.simulation)
            drawn = _histogram_chart(pack.simulation, document)
            parts.append(Part("monte-carlo", document.title, tuple(_items(document, drawn))))
    return parts


def write(pack: Pack) -> str:
    """The page: the same pack gives the same text."""
    import jinja2
    from markupsafe import Markup

    parts = _parts(pack)
    for part in parts:
        for item in part.items:
            if isinstance(item, Chart):
                _check_svg(item.svg)

    def finalize(value: object) -> object:
        """Every field shown as written, a character that acts or hides as its code (as every
        medium shows it); then Jinja2 escapes it. The SVG alone is markup, checked above."""
        return value if isinstance(value, Markup) else visible(str(value), newlines=False)

    environment = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        finalize=finalize,
    )
    environment.filters["svg"] = Markup
    source = resources.files("pause_cost.report").joinpath(TEMPLATE).read_text(encoding="utf-8")
    template = environment.from_string(source)
    scenario = pack.estimate.scenario
    return template.render(
        title=pack.title,
        council=scenario.council,
        date=pack.date,
        headline=headline(pack.estimate),
        parts=parts,
    )


# Charts.


@contextmanager
def _drawing() -> Iterator[None]:
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


def _figure(height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(WIDTH_INCHES, height), layout="constrained")


def _svg(drawn: Figure, key: str) -> str:
    """The figure as SVG for inlining: same bytes every run, mathtext off on every text."""
    from matplotlib.text import Text

    for text in drawn.findobj(Text):
        text.set_parse_math(False)
    buffer = io.StringIO()
    drawn.savefig(buffer, format="svg", metadata={"Date": None})
    return _inline_svg(buffer.getvalue(), key)


_UNSAFE = re.compile(
    r"<\s*(script|foreignObject|image|a|iframe|style)\b|<use\s[^>]*href=\"[^#]|\son\w+\s*=|"
    r"https?:|javascript:",
    re.I,
)


def _inline_svg(raw: str, key: str) -> str:
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
    _check_svg(svg)
    return svg.rstrip("\n")


def _check_svg(svg: str) -> None:
    """Refuse SVG that could run, fetch or carry text: the page marks only this as safe."""
    if _UNSAFE.search(svg) or re.search(r">[^<\s]", svg):
        raise ValueError("a chart's SVG holds something the page does not allow")


def _pounds_axis(axis: Axis) -> None:
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(_compact_pounds))


def _compact_pounds(value: float, _position: object = None) -> str:
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


def _wrapped(label: str) -> str:
    """A category label in lines of at most LABEL_WIDTH characters (paths break after '/', '.'
    or '_'); the full text is in the table beneath the chart."""
    spaced = re.sub(r"([/._])(?=\S)", "\\1\u200b", visible(label, newlines=False))
    lines = textwrap.wrap(spaced, LABEL_WIDTH, break_long_words=True, break_on_hyphens=True)
    lines = [line.replace("\u200b", "") for line in lines] or [label]
    if len(lines) > LABEL_LINES:
        lines = [*lines[: LABEL_LINES - 1], lines[LABEL_LINES - 1][: LABEL_WIDTH - 1] + "…"]
    return "\n".join(lines)


def _value_label(axes: Axes, x: float, y: float, text: str, *, left: bool) -> None:
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


def _money_table(
    caption: str, first: str, headers: Sequence[str], rows: Sequence[tuple[str, ...]]
) -> HtmlTable:
    return HtmlTable(
        caption=caption,
        columns=(HtmlColumn(first), *(HtmlColumn(header, numeric=True) for header in headers)),
        rows=tuple(
            HtmlRow(
                (
                    HtmlCell(row[0], header=True),
                    *(HtmlCell(text, numeric=True) for text in row[1:]),
                )
            )
            for row in rows
        ),
    )


def _stage_chart(estimate: Estimate) -> Chart | None:
    """The council's horizon avoidance by stage (the estimate's lines added by stage), other
    agencies' apart."""
    stages = estimate.by_stage
    if not stages:
        return None
    others = any(line.classification == "other_agency" for line in estimate.lines)
    years = estimate.horizon.years
    rows = []
    for stage in stages:
        row = [
            STAGES.get(stage.stage, stage.stage),
            *(whole_pounds(value) for value in (stage.cashable_gbp, stage.internal_gbp)),
            whole_pounds(stage.total_gbp),
        ]
        if others:
            row.append(whole_pounds(stage.other_agencies_gbp))
        rows.append(tuple(row))
    headers = ["Cashable", "Internal", "Council's total"] + (["Other agencies"] if others else [])
    table = _money_table(
        f"Cost avoided by stage over {years} years (lines added by stage)",
        "Stage",
        headers,
        rows,
    )

    drawn = _figure(1.0 + 0.42 * len(stages) * (1.6 if others else 1))
    axes = drawn.add_subplot()
    positions = [float(-index) for index in range(len(stages))]
    height = 0.38 if others else 0.6
    council_y = [y + (0.2 if others else 0) for y in positions]
    cashable = [float(stage.cashable_gbp) for stage in stages]
    internal = [float(stage.internal_gbp) for stage in stages]
    axes.barh(
        council_y,
        cashable,
        height,
        color=BLUE,
        edgecolor=INK,
        linewidth=0.5,
        label="Council: cashable",
    )
    axes.barh(
        council_y,
        internal,
        height,
        left=cashable,
        color=SKY_BLUE,
        edgecolor=INK,
        linewidth=0.5,
        hatch="///",
        label="Council: internal",
    )
    for y, stage in zip(council_y, stages, strict=True):
        total = stage.total_gbp
        _value_label(axes, float(total), y, f"council {whole_pounds(total)}", left=False)
    if others:
        other_y = [y - 0.2 for y in positions]
        other = [float(stage.other_agencies_gbp) for stage in stages]
        axes.barh(
            other_y,
            other,
            height,
            color=ORANGE,
            edgecolor=INK,
            linewidth=0.5,
            hatch="xx",
            label="Other agencies (not the council's)",
        )
        for y, stage in zip(other_y, stages, strict=True):
            value = stage.other_agencies_gbp
            if value:
                _value_label(axes, float(value), y, f"others {whole_pounds(value)}", left=False)
    axes.set_yticks(
        positions,
        [_wrapped(STAGES.get(stage.stage, stage.stage)) for stage in stages],
        parse_math=False,
    )
    axes.margins(x=0.3)
    axes.set_xlim(left=0)
    _pounds_axis(axes.xaxis)
    axes.set_xlabel(f"Cost avoided over {years} years after each avoided birth", parse_math=False)
    drawn.legend(loc="outside lower center", ncols=3)
    description = (
        f"The council's cost avoided over the {years} years after each avoided birth, by the "
        "stage of the journey into care each line costs: the lines' figures added by stage, "
        "cashable and internal."
    )
    if others:
        description += " Other agencies' avoided costs are shown apart, not in the council's."
    return Chart(
        "chart-stage", "Cost avoided, by stage", description, _svg(drawn, "chart-stage"), table
    )


def _cash_chart(estimate: Estimate) -> Chart | None:
    calendar = estimate.economics.calendar
    if calendar is not None and calendar.years:
        return _calendar_chart(calendar)
    return _years_chart(estimate)


def _calendar_chart(calendar: Calendar) -> Chart:
    years = calendar.years
    labels = [year.financial_year for year in years]
    payback = calendar.payback_financial_year
    table = HtmlTable(
        caption="Cash by council financial year",
        columns=(
            HtmlColumn("Financial year"),
            *(
                HtmlColumn(label, numeric=True)
                for label in ("Council's avoidance", "Programme cost", "Cumulative net")
            ),
        ),
        rows=tuple(
            HtmlRow(
                (
                    HtmlCell(
                        year.financial_year
                        + (" (payback)" if year.financial_year == payback else ""),
                        header=True,
                    ),
                    *(
                        HtmlCell(whole_pounds(value), numeric=True)
                        for value in (
                            year.total_gbp,
                            year.programme_cost_gbp,
                            year.cumulative_net_gbp,
                        )
                    ),
                ),
                "strong" if year.financial_year == payback else "",
            )
            for year in years
        ),
    )
    drawn = _figure(3.4)
    axes = drawn.add_subplot()
    x = list(range(len(years)))
    width = 0.38
    axes.bar(
        [i - width / 2 for i in x],
        [float(year.total_gbp) for year in years],
        width,
        color=BLUE,
        edgecolor=INK,
        linewidth=0.5,
        label="Council's avoidance",
    )
    axes.bar(
        [i + width / 2 for i in x],
        [float(year.programme_cost_gbp) for year in years],
        width,
        color=VERMILLION,
        edgecolor=INK,
        linewidth=0.5,
        hatch="\\\\\\",
        label="Programme cost",
    )
    axes.plot(
        x,
        [float(year.cumulative_net_gbp) for year in years],
        color=BLACK,
        marker="o",
        markersize=4,
        linewidth=1.5,
        label="Cumulative net",
    )
    axes.axhline(0, color=INK, linewidth=0.8)
    axes.margins(y=0.12)
    if payback is not None and payback in labels:
        _mark_payback(axes, labels.index(payback), f"Payback {payback}")
    axes.set_xticks(x, labels, parse_math=False)
    _pounds_axis(axes.yaxis)
    axes.set_xlabel("Council financial year (April to March)", parse_math=False)
    drawn.legend(loc="outside lower center", ncols=3)
    when = (
        f"The cumulative net first reaches zero or more in {payback}, marked."
        if payback is not None
        else "The cumulative net does not reach zero within these years."
    )
    prices = "real terms" if calendar.prices == "real" else calendar.prices
    description = (
        "The council's avoided cost and the programme's cost in each council financial year "
        f"({prices}), with the cumulative net as a line. {when}"
    )
    return Chart(
        "chart-cash", "Cash flow by financial year", description, _svg(drawn, "chart-cash"), table
    )


def _mark_payback(axes: Any, at: float, label: str) -> None:
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


def _years_chart(estimate: Estimate) -> Chart | None:
    """Without a calendar: each year after the avoided births, Pause's convention."""
    by_year = estimate.by_year
    costs = estimate.programme.cost_by_year_gbp if estimate.programme.cost_gbp is not None else []
    count = max(len(by_year), len(costs))
    if count == 0:
        return None
    avoided: dict[int, Decimal] = {year.year: year.total_gbp for year in by_year}
    payback = estimate.programme.payback_year
    headers = ["Council's avoidance", *(["Programme cost"] if costs else [])]
    rows = []
    for number in range(1, count + 1):
        row = [f"year {number}" + (" (payback)" if number == payback else "")]
        row.append(whole_pounds(avoided[number]) if number in avoided else "-")
        if costs:
            row.append(whole_pounds(costs[number - 1]) if number <= len(costs) else "-")
        rows.append(tuple(row))
    table = _money_table("Cost by year after each avoided birth", "Year", headers, rows)
    drawn = _figure(3.2)
    axes = drawn.add_subplot()
    width = 0.38 if costs else 0.6
    numbers = list(range(1, count + 1))
    axes.bar(
        [n - (width / 2 if costs else 0) for n in numbers],
        [float(avoided.get(n, Decimal(0))) for n in numbers],
        width,
        color=BLUE,
        edgecolor=INK,
        linewidth=0.5,
        label="Council's avoidance",
    )
    if costs:
        axes.bar(
            [n + width / 2 for n in numbers[: len(costs)]],
            [float(cost) for cost in costs],
            width,
            color=VERMILLION,
            edgecolor=INK,
            linewidth=0.5,
            hatch="\\\\\\",
            label="Programme cost",
        )
    axes.margins(y=0.12)
    if payback is not None:
        _mark_payback(axes, payback, f"Payback year {payback}")
    axes.set_xticks(numbers, [f"year {n}" for n in numbers], parse_math=False)
    _pounds_axis(axes.yaxis)
    axes.set_xlabel(
        "Year after each avoided birth (year 1 is the year after the birth)", parse_math=False
    )
    drawn.legend(loc="outside lower center", ncols=2)
    description = "The council's avoided cost in each year after the avoided births"
    if costs:
        description += ", beside the programme's cost in the same years"
        description += (
            f"; the avoidance covers the cost by year {payback}, marked."
            if payback is not None
            else "; the avoidance does not cover the cost within these years."
        )
    elif estimate.programme.cost_gbp is None:
        description += "; no programme cost is given, so these are gross figures."
    else:
        description += "."
    return Chart(
        "chart-cash",
        "Cost avoided by year after each birth",
        description,
        _svg(drawn, "chart-cash"),
        table,
    )


def _funders_chart(estimate: Estimate) -> Chart | None:
    funders: Funders | None = estimate.economics.funders
    if funders is None or not funders.positions:
        return None
    positions = funders.positions
    table = HtmlTable(
        caption="Each funder's position",
        columns=(
            HtmlColumn("Funder"),
            *(HtmlColumn(label, numeric=True) for label in ("Share", "Cost", "Savings", "Net")),
        ),
        rows=tuple(
            HtmlRow(
                (
                    HtmlCell(position.name, header=True),
                    HtmlCell(shown(Count(position.share_of_programme_cost)), numeric=True),
                    *(
                        HtmlCell(whole_pounds(value), numeric=True)
                        for value in (position.cost_gbp, position.savings_gbp, position.net_gbp)
                    ),
                )
            )
            for position in positions
        ),
    )
    drawn = _figure(1.1 + 0.85 * len(positions))
    axes = drawn.add_subplot()
    series = (
        ("cost_gbp", "Cost", VERMILLION, "\\\\\\"),
        ("savings_gbp", "Savings", BLUE, ""),
        ("net_gbp", "Net", BLUISH_GREEN, "..."),
    )
    height = 0.26
    centres = [float(-index) for index in range(len(positions))]
    for offset, (name, label, colour, hatch) in zip((0.28, 0.0, -0.28), series, strict=True):
        values: list[Decimal] = [getattr(position, name) for position in positions]
        ys = [centre + offset for centre in centres]
        axes.barh(
            ys,
            [float(value) for value in values],
            height,
            color=colour,
            edgecolor=INK,
            linewidth=0.5,
            hatch=hatch,
            label=label,
        )
        for y, value in zip(ys, values, strict=True):
            _value_label(
                axes, float(value), y, f"{label.lower()} {whole_pounds(value)}", left=value < 0
            )
    axes.axvline(0, color=INK, linewidth=0.8)
    axes.set_yticks(centres, [_wrapped(position.name) for position in positions], parse_math=False)
    axes.margins(x=0.35)
    _pounds_axis(axes.xaxis)
    drawn.legend(loc="outside lower center", ncols=3)
    basis = (
        "council financial years"
        if funders.basis == "financial_year"
        else ("the years after each avoided birth")
    )
    description = (
        "Each funder's share of the programme's cost, the avoided costs that fall to it, and "
        f"its net position, over {basis}."
    )
    return Chart(
        "chart-funders", "Funders' positions", description, _svg(drawn, "chart-funders"), table
    )


def _chart_table(document: Document, prefix: str) -> Table | None:
    return next(
        (
            block
            for block in _shown_blocks(document)
            if isinstance(block, Table) and block.title.startswith(prefix)
        ),
        None,
    )


def _tornado_chart(tornado: Tornado, document: Document) -> dict[str, Chart]:
    """Each input's swing as a bar from the outcome at its low to the outcome at its high."""
    data = _chart_table(document, "What moves")
    shown_swings = [
        swing
        for swing in tornado.swings
        if swing.outcome_at_low is not None
        and swing.outcome_at_high is not None
        and swing.outcome_at_low.is_finite()
        and swing.outcome_at_high.is_finite()
    ]
    if data is None or not shown_swings or tornado.base is None:
        return {}
    money = tornado.unit == "GBP"

    def label(value: Decimal) -> str:
        return shown(figure(value, tornado.unit))

    drawn = _figure(1.1 + 0.5 * len(shown_swings))
    axes = drawn.add_subplot()
    base = float(tornado.base)
    ys = [float(-index) for index in range(len(shown_swings))]
    for y, swing in zip(ys, shown_swings, strict=True):
        assert swing.outcome_at_low is not None
        assert swing.outcome_at_high is not None
        low, high = swing.outcome_at_low, swing.outcome_at_high
        for value, colour, hatch, end in ((low, ORANGE, "///", "low"), (high, BLUE, None, "high")):
            axes.barh(
                y,
                float(value) - base,
                0.6,
                left=base,
                color=colour,
                edgecolor=INK,
                linewidth=0.5,
                hatch=hatch,
                label=f"Input at its {end}" if y == 0 else "_nolegend_",
            )
        if low == high:
            _value_label(axes, float(low), y, f"no change ({label(low)})", left=False)
            continue
        smaller, larger = (low, high) if low < high else (high, low)
        tag_small = "low" if smaller is low else "high"
        tag_large = "high" if tag_small == "low" else "low"
        _value_label(axes, float(smaller), y, f"{tag_small} {label(smaller)}", left=True)
        _value_label(axes, float(larger), y, f"{tag_large} {label(larger)}", left=False)
    axes.axvline(base, color=BLACK, linewidth=1.2, linestyle="--")
    axes.set_yticks(ys, [_wrapped(swing.range.input) for swing in shown_swings], parse_math=False)
    axes.margins(x=0.45)
    if money:
        _pounds_axis(axes.xaxis)
    outcome = f"{tornado.outcome} (gross)" if tornado.gross else tornado.outcome
    axes.set_xlabel(f"{outcome}; dashed line: every input at its point", parse_math=False)
    drawn.legend(loc="outside lower center", ncols=2)
    description = (
        f"{outcome} with each uncertain input at the low and at the high end of its range, "
        f"the rest held at their points, largest swing first. The dashed line is "
        f"{label(tornado.base)}, every input at its point."
    )
    chart = Chart(
        "chart-tornado",
        f"What moves {outcome}",
        description,
        _svg(drawn, "chart-tornado"),
        _table(data),
    )
    return {data.title: chart}


def _histogram_chart(simulation: Simulation, document: Document) -> dict[str, Chart]:
    data = _chart_table(document, "Histogram of")
    if data is None or not simulation.histogram:
        return {}
    unit = next(s.unit for s in simulation.outcomes if s.outcome == simulation.outcome)
    point = next(s.point for s in simulation.outcomes if s.outcome == simulation.outcome)
    bins = simulation.histogram
    drawn = _figure(3.0)
    axes = drawn.add_subplot()
    axes.bar(
        [float(b.low) for b in bins],
        [b.draws for b in bins],
        [float(b.high - b.low) for b in bins],
        align="edge",
        color=SKY_BLUE,
        edgecolor=INK,
        linewidth=0.5,
        label="Draws in each range",
    )
    axes.axvline(
        float(point), color=VERMILLION, linewidth=1.5, linestyle="--", label="Point estimate"
    )
    axes.annotate(
        f"point {shown(figure(point, unit))}",
        (float(point), 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(4, -2),
        textcoords="offset points",
        ha="left",
        va="top",
        color=INK,
        parse_math=False,
    )
    if unit == "GBP":
        _pounds_axis(axes.xaxis)
    axes.set_xlabel(simulation.outcome, parse_math=False)
    axes.set_ylabel("Draws", parse_math=False)
    axes.legend(loc="upper left")
    description = (
        f"How {simulation.draws:,} draws of {simulation.outcome} fall, from the 0.5th to the "
        f"99.5th percentile (seed {simulation.seed}); the dashed line is the point estimate, "
        f"{shown(figure(point, unit))}."
    )
    chart = Chart(
        "chart-histogram",
        f"Spread of {simulation.outcome}",
        description,
        _svg(drawn, "chart-histogram"),
        _table(data),
    )
    return {data.title: chart}
