"""The documents of the uncertainty analyses: a tornado, a two-way grid, break-even values
and a Monte Carlo summary. Nothing here computes a figure."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from pause_cost.model.labels import input_label, outcome_label
from pause_cost.money import round_half_up
from pause_cost.render.document import (
    MARKDOWN,
    TEXT,
    Block,
    Cell,
    Column,
    Count,
    Document,
    Gap,
    Money,
    Paragraph,
    Ratio,
    Row,
    Section,
    Table,
    Tidy,
    TidyCell,
    caveats,
)
from pause_cost.render.sentences import (
    breakeven_sentences,
    target_words,
    tornado_sentence,
)
from pause_cost.results.data import to_data
from pause_cost.results.uncertainty import BreakEven, Grid, InputRange, Tornado

BAR_WIDTH = 10
INPUT_PLACES = 6
"""Input values shown to six places (a break-even birth rate of 0.077778)."""


def figure(value: Decimal | None, unit: str) -> Cell:
    """An outcome as a reader expects its unit: pounds, pounds per pound, or a count."""
    if value is None:
        return "n/a"
    if not value.is_finite():
        return "never"
    if unit == "GBP":
        return Money(value)
    if unit == "ratio":
        return Ratio(value)
    return Count(value, 2)


def _value(value: Decimal | None, path: str = "") -> Cell:
    """An input's value: pounds for a ``_gbp`` input, else the number to six places."""
    if value is None:
        return "-"
    if path.endswith("_gbp"):
        return Money(value)
    return Count(value, INPUT_PLACES)


def _label(found: InputRange) -> str:
    """The input in plain English (its path where it has no label)."""
    return found.label or found.input


def _outcome(name: str) -> str:
    """'net cost avoided': the outcome's label as it reads inside a sentence."""
    text = outcome_label(name).text
    return text[:1].lower() + text[1:]


def _paths(ranges: list[InputRange]) -> list[Block]:
    """The inputs' paths in the table's order, for --set and ranges (a terminal has no room for
    a column of them; Markdown has one)."""
    if not ranges:
        return []
    return [
        Paragraph(
            "Paths, for --set and ranges: " + "; ".join(r.input for r in ranges) + ".", media=TEXT
        )
    ]


def _in_a_paper(sentences: list[str | None]) -> list[Block]:
    shown = [sentence for sentence in sentences if sentence]
    return [Paragraph(f"In a paper: {sentence}") for sentence in shown]


def _bar(value: Decimal, largest: Decimal) -> str:
    if largest == 0 or not value.is_finite() or not largest.is_finite() or value == 0:
        return ""
    return "█" * max(1, round(BAR_WIDTH * value / largest))


def tornado_document(tornado: Tornado) -> Document:
    finite = [swing.swing for swing in tornado.swings if swing.swing is not None]
    largest = max(finite, default=Decimal(0))
    rows = [
        Row(
            (
                _label(swing.range) + (" *" if swing.range.basis == "judgement" else ""),
                swing.range.input,
                _value(swing.range.low, swing.range.input),
                _value(swing.range.high, swing.range.input),
                figure(swing.outcome_at_low, tornado.unit),
                figure(swing.outcome_at_high, tornado.unit),
                figure(swing.swing, tornado.unit),
                swing.range.basis,
                "" if swing.swing is None else _bar(swing.swing, largest),
            )
        )
        for swing in tornado.swings
    ]
    outcome = _outcome(tornado.outcome) + (" (gross)" if tornado.gross else "")
    table = Table(
        title=f"What moves the {outcome}, largest swing first",
        columns=(
            Column("Input"),
            Column("Path", media=MARKDOWN),
            Column("Low", numeric=True),
            Column("High", numeric=True),
            Column("At low", numeric=True),
            Column("At high", numeric=True),
            Column("Swing", numeric=True, media=MARKDOWN),
            Column("Range", media=MARKDOWN),
            Column("", wrap="none", media=TEXT),
        ),
        rows=tuple(rows),
    )
    judged = any(swing.range.basis == "judgement" for swing in tornado.swings)
    blocks: list[Block] = [
        Paragraph(
            f"The {outcome} ({tornado.outcome}) with every input at its point: "
            f"{_shown(tornado.base, tornado.unit)}."
        ),
        Paragraph(f"{table.title}:", media=MARKDOWN),
        table,
        *([Paragraph("* a judgement, not a sourced or derived range.")] if judged else []),
        *_paths([swing.range for swing in tornado.swings]),
        *_in_a_paper([tornado_sentence(tornado, outcome)]),
        *caveats(tornado.flags),
    ]
    tidy: list[tuple[TidyCell, ...]] = [
        ("(base)", "", "", "", "", figure(tornado.base, tornado.unit), "")
    ]
    for swing in tornado.swings:
        tidy.append(
            (
                swing.range.input,
                _label(swing.range),
                _value(swing.range.low, swing.range.input),
                _value(swing.range.high, swing.range.input),
                figure(swing.outcome_at_low, tornado.unit),
                figure(swing.outcome_at_high, tornado.unit),
                swing.range.basis,
            )
        )
    return Document(
        title=f"Sensitivity: the {outcome}",
        subtitle=f"Scenario: {tornado.scenario}",
        sections=(Section(tuple(blocks)),),
        flags=(),
        data=to_data(tornado),
        tidy=Tidy(
            ("input", "label", "low", "high", "outcome_at_low", "outcome_at_high", "range"),
            tuple(tidy),
        ),
    )


def _shown(value: Decimal | None, unit: str) -> str:
    from pause_cost.render.cells import shown

    return "never" if value is None else shown(figure(value, unit))


def _even(values: list[Decimal]) -> list[str]:
    """Axis values with the same number of places (0.20, 0.25, 0.30; never 0.2 beside 0.30)."""
    exponents = [value.normalize().as_tuple().exponent for value in values]
    places = max((-e for e in exponents if isinstance(e, int) and e < 0), default=0)
    return [f"{value:,.{places}f}" for value in values]


def grid_document(grid: Grid) -> Document:
    """The two-way table as a grid: a row per value of one input, a column per value of the
    other, each named in words in the title (their paths beneath, for --grid)."""
    rows_label = input_label(grid.rows.input).text
    columns_label = input_label(grid.columns.input).text
    header = tuple(Column(shown, numeric=True) for shown in _even(grid.columns.values))
    rows = [
        Row((shown, *(figure(cell, grid.unit) for cell in cells)))
        for shown, cells in zip(_even(grid.rows.values), grid.values, strict=True)
    ]
    table = Table(
        title=(
            f"The {_outcome(grid.outcome)} by {rows_label[:1].lower()}{rows_label[1:]} (rows) and "
            f"{columns_label[:1].lower()}{columns_label[1:]} (columns)"
        ),
        columns=(Column("", numeric=True), *header),
        rows=tuple(rows),
        bands=True,
    )
    paths = Paragraph(f"Rows: {grid.rows.input}; columns: {grid.columns.input}.")
    tidy: list[tuple[TidyCell, ...]] = [
        (Count(row), Count(column), figure(cell, grid.unit))
        for row, cells in zip(grid.rows.values, grid.values, strict=True)
        for column, cell in zip(grid.columns.values, cells, strict=True)
    ]
    return Document(
        title=f"Two-way sensitivity of {grid.scenario}",
        sections=(
            Section(
                (
                    Paragraph(f"{table.title}:", media=MARKDOWN),
                    table,
                    paths,
                    *caveats(grid.flags),
                )
            ),
        ),
        flags=(),
        data=to_data(grid),
        tidy=Tidy((grid.rows.input, grid.columns.input, grid.outcome), tuple(tidy)),
    )


METHOD_WORDS = {"bracketed": "search", "linear": "solved", "none": "never crosses"}
"""Break-even methods as a reader reads them; the JSON and CSV keep the method's name."""

PAYBACK_COUNTS = (
    "payback counts years: years after each avoided birth, or, where the scenario has a "
    "calendar, council financial years from the first (1 is the first)."
)


def _toward_met(value: Decimal | None, above: bool | None, path: str) -> Decimal | None:
    """A break-even in pounds, shown to the whole pound on the side that meets the target:
    rounded up where it is met at or above, down where at or below."""
    if value is None or above is None or not path.endswith("_gbp"):
        return value
    return value.to_integral_value(rounding=ROUND_CEILING if above else ROUND_FLOOR)


def breakeven_document(result: BreakEven) -> Document:
    outcome = _outcome(result.outcome)
    target = target_words(result.target, outcome, result.unit)
    rows = []
    for item in result.inputs:
        where = "-"
        if item.inside_range is not None:
            where = "yes" if item.inside_range else "no"
        direction = (
            "" if item.met_above is None else ("at or above" if item.met_above else "at or below")
        )
        rows.append(
            Row(
                (
                    _label(item.range),
                    item.range.input,
                    _value(item.range.point, item.range.input),
                    _value(
                        _toward_met(item.value, item.met_above, item.range.input), item.range.input
                    ),
                    direction,
                    where,
                    METHOD_WORDS.get(item.method, item.method),
                )
            )
        )
    status = "met" if result.met_at_base else "not met"
    table = Table(
        title=f"Where {target} is just met, each input alone",
        columns=(
            Column("Input"),
            Column("Path", media=MARKDOWN),
            Column("Now", numeric=True),
            Column("Break-even", numeric=True),
            Column("Met"),
            Column("In its range"),
            Column("Found by"),
        ),
        rows=tuple(rows),
    )
    notes = sorted(
        {f"{METHOD_WORDS.get(item.method, item.method)}: {item.note}" for item in result.inputs}
    )
    blocks: list[Block] = [
        Paragraph(
            f"The {_outcome(result.outcome)} ({result.outcome}) now: "
            f"{_shown(result.base, result.unit)}; the target ({target}) is {status}."
        ),
        Gap(media=TEXT),
        Paragraph(f"{table.title}:", media=MARKDOWN),
        table,
        Paragraph("Found by: " + "; ".join(notes) + "."),
        *_paths([item.range for item in result.inputs]),
        *_in_a_paper(list(breakeven_sentences(result, _outcome(result.outcome)))),
        *([Paragraph(PAYBACK_COUNTS)] if result.outcome == "payback" else []),
        *caveats(result.flags),
    ]
    tidy: list[tuple[TidyCell, ...]] = [
        (
            item.range.input,
            _value(item.range.point, item.range.input),
            None if item.value is None else _value(item.value, item.range.input),
            "" if item.met_above is None else ("above" if item.met_above else "below"),
            "" if item.inside_range is None else str(item.inside_range).lower(),
            item.method,
        )
        for item in result.inputs
    ]
    return Document(
        title=f"Break-even: {target}",
        subtitle=f"Scenario: {result.scenario}",
        sections=(Section(tuple(blocks)),),
        flags=(),
        data=to_data(result),
        tidy=Tidy(("input", "point", "break_even", "met", "inside_range", "method"), tuple(tidy)),
    )


def percent(probability: Decimal) -> str:
    """A probability as a percentage to one place, never rounded to certainty or to none."""
    shown = round_half_up(probability * 100, 1)
    if probability < 1 and shown >= 100:
        return "more than 99.9%"
    if probability > 0 and shown <= 0:
        return "less than 0.1%"
    return f"{shown}%"
