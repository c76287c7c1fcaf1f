"""The options table as a document. Nothing here computes a figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pause_cost.render.document import (
    MARKDOWN,
    Block,
    Column,
    Count,
    Document,
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
from pause_cost.render.simulation import chance_text
from pause_cost.results.data import to_data
from pause_cost.results.options import Acceptability, OptionsAppraisal, Structural

if TYPE_CHECKING:
    from collections.abc import Callable
    from decimal import Decimal

INPUT_PLACES = 6


def _information(found: OptionsAppraisal) -> list[Block]:
    """EVPI for the choice, with its MCSE; each EVPPI's table; the population and a study."""
    from decimal import Decimal

    from pause_cost.render.cells import shown
    from pause_cost.render.decision import partial_table, population_blocks, supported

    assert found.evpi is not None
    mcse = found.evpi_mcse if found.evpi_mcse is not None else Decimal(0)
    blocks: list[Block] = [
        Paragraph(
            f"EVPI {shown(Money(supported(found.evpi, mcse)))} (Monte Carlo standard error "
            f"{shown(Money(supported(mcse, mcse)))}): what knowing every drawn input before "
            f"choosing among these options and {found.baseline} is worth, per decision "
            "(the mean over the same draws of the best NPV less the best mean NPV)."
        )
    ]
    if found.evppi:
        partial = partial_table(found.evppi, found.population)
        blocks += [
            Paragraph(f"{partial.title}:", media=MARKDOWN),
            partial,
        ]
    return blocks + population_blocks(found.population, found.evpi_population, mcse)


def options_document(found: OptionsAppraisal) -> Document:
    """Each option, its increment over the next smaller, and switching values side by side."""
    options = Table(
        title="The options, smallest PV costs first",
        columns=(
            Column("Option", wrap="fold"),
            Column("PV benefits", numeric=True),
            Column("PV costs", numeric=True),
            Column("NPV", numeric=True),
            Column("BCR", numeric=True),
            Column("Payback"),
            Column("Cashable payback"),
        ),
        rows=tuple(
            Row(
                (
                    option.option,
                    Money(option.pv_benefits),
                    Money(option.pv_costs),
                    Money(option.npv),
                    "n/a" if option.bcr is None else Ratio(option.bcr),
                    option.payback or "never",
                    option.cashable_payback or "never",
                )
            )
            for option in found.options
        ),
    )
    increments = Table(
        title="Each option against the next smaller",
        columns=(
            Column("Option", wrap="fold"),
            Column("Against", wrap="fold"),
            Column("Extra PV benefits", numeric=True),
            Column("Extra PV costs", numeric=True),
            Column("Incremental NPV", numeric=True),
            Column("Incremental BCR", numeric=True),
        ),
        rows=tuple(
            Row(
                (
                    step.option,
                    step.against,
                    Money(step.pv_benefits, signed=True),
                    Money(step.pv_costs, signed=True),
                    Money(step.npv, signed=True),
                    "n/a" if step.bcr is None else Ratio(step.bcr),
                )
            )
            for step in found.increments
        ),
    )
    switching = Table(
        title="Switching values: where NPV falls to 0, the rest held (point in brackets)",
        columns=(
            Column("Input", wrap="fold"),
            *(Column(option.option, numeric=True) for option in found.options),
        ),
        rows=tuple(
            Row(
                (
                    row.input,
                    *(
                        "-"
                        if point is None
                        else f"{_value(value, row.input)} ({_value(point, row.input)})"
                        for value, point in zip(row.values, row.points, strict=True)
                    ),
                )
            )
            for row in found.switching
        ),
    )
    chances = [
        f"{option.option}: {chance_text(option.chance, 'NPV')}"
        for option in found.options
        if option.chance is not None
    ]
    blocks: list[Block] = [
        Paragraph(
            f"Prices: {found.price_year or 'each line in its own price year'}; year 0: "
            f"{found.year_zero}. The smallest option is measured against {found.baseline}."
        ),
        Paragraph(f"{options.title}:", media=MARKDOWN),
        options,
        Paragraph(f"{increments.title}:", media=MARKDOWN),
        increments,
    ]
    if found.switching:
        blocks += [Paragraph(f"{switching.title}:", media=MARKDOWN), switching]
    if chances:
        blocks.append(
            Paragraph(
                f"{found.draws:,} draws, seed {found.seed} (numpy {found.numpy}, "
                f"{found.bit_generator}): " + "; ".join(chances) + "."
            )
        )
    if found.evpi is not None:
        blocks += _information(found)
    blocks += caveats(found.flags)
    tidy: list[tuple[TidyCell, ...]] = []
    if found.evpi is not None:
        tidy.append(("decision", "options", "evpi", Money(found.evpi)))
    if found.evpi_mcse is not None:
        tidy.append(("decision", "options", "evpi mcse", Money(found.evpi_mcse)))
    if found.evpi_population is not None:
        tidy.append(("decision", "options", "evpi population", Money(found.evpi_population)))
    for each in found.evppi or []:
        tidy.append(("decision", "options", f"evppi {each.input}", Money(each.value)))
        tidy.append(("decision", "options", f"evppi {each.input} mcse", Money(each.mcse)))
        if each.population is not None:
            tidy.append(
                ("decision", "options", f"evppi {each.input} population", Money(each.population))
            )
    for option in found.options:
        for name in ("pv_benefits", "pv_costs", "npv"):
            tidy.append(("option", option.option, name, Money(getattr(option, name))))
        tidy.append(
            ("option", option.option, "bcr", None if option.bcr is None else Count(option.bcr))
        )
        tidy.append(("option", option.option, "payback", option.payback))
        tidy.append(("option", option.option, "cashable_payback", option.cashable_payback))
        if option.chance is not None:
            tidy.append(("option", option.option, "npv_above_0_draws", option.chance.above))
    for step in found.increments:
        tidy.append(("increment", step.option, "npv", Money(step.npv)))
        tidy.append(
            ("increment", step.option, "bcr", None if step.bcr is None else Count(step.bcr))
        )
    for row in found.switching:
        for option, value in zip(found.options, row.values, strict=True):
            tidy.append(
                (
                    "switching",
                    f"{row.input} in {option.option}",
                    "value",
                    None if value is None else Count(value),
                )
            )
    return Document(
        title="Options appraisal",
        sections=(Section(tuple(blocks)),),
        data=to_data(found),
        tidy=Tidy(("section", "item", "statistic", "value"), tuple(tidy)),
    )


def _value(value: object, path: str) -> str:
    from decimal import Decimal

    from pause_cost.render.cells import shown

    if not isinstance(value, Decimal):
        return "none"
    if path.endswith("_gbp"):
        return shown(Money(value))
    return shown(Count(value, INPUT_PLACES))


def acceptability_document(found: Acceptability) -> Document:
    """The acceptability curve as a table: each value, the draws above 0, and the chance;
    then, for each return per £1 asked for, the chance of at least that return."""
    from pause_cost.render.uncertainty import percent

    label = "NPV" if found.outcome == "npv" else found.outcome
    table = Table(
        title=f"P({label} > 0) as {found.input} varies",
        columns=(
            Column(found.input, numeric=True),
            Column(f"Draws with {label} > 0", numeric=True),
            Column(f"P({label} > 0)", numeric=True),
            *(
                Column(f"P(return >= {_ratio(threshold)})", numeric=True)
                for threshold in found.returns
            ),
        ),
        rows=tuple(
            Row(
                (
                    _value(point.value, found.input),
                    f"{point.chance.above:,}",
                    _stated(point.chance.probability, point.chance.bound, percent),
                    *(_stated(each.probability, each.bound, percent) for each in point.returns),
                )
            )
            for point in found.points
        ),
    )
    held = found.points[0].chance.held if found.points else []
    blocks: list[Block] = [
        Paragraph(
            f"{found.draws:,} draws at each value, all from seed {found.seed} (numpy "
            f"{found.numpy}, {found.bit_generator}), so the points share their draws. A "
            "chance no draw reached is bounded at 95% by the rule of three"
            + (f"; held at their point: {', '.join(held)}." if held else ".")
        ),
        Paragraph(f"{table.title}:", media=MARKDOWN),
        table,
    ]
    if found.returns:
        blocks.insert(
            1,
            Paragraph(
                "The return is the council's avoidance per £1 of the programme's total cost "
                "(return_per_pound); P(return >= x) counts the same draws at each value."
            ),
        )
    blocks += caveats(found.flags)
    tidy: list[tuple[TidyCell, ...]] = []
    for point in found.points:
        tidy.append((str(point.value), found.input, "above", point.chance.above))
        tidy += [
            (str(point.value), found.input, f"return>={each.at_least}", each.reached)
            for each in point.returns
        ]
    return Document(
        title=f"Acceptability of {found.scenario}",
        sections=(Section(tuple(blocks)),),
        data=to_data(found),
        tidy=Tidy(("value", "input", "statistic", "value"), tuple(tidy)),
    )


def _ratio(value: Decimal) -> str:
    """A return per £1 as written: 2.5, not 2.50 or 2.5E+0."""
    return format(value.normalize(), "f")


def _stated(probability: Decimal, bound: Decimal | None, percent: Callable[[Decimal], str]) -> str:
    """A chance as a percentage, or, where no draw (or every draw) reached it, its bound."""
    if bound is None:
        return percent(probability)
    if probability == 1:
        return f"> {100 - bound * 100:.3f}%"
    return f"< {bound * 100:.3f}%"


def structural_document(found: Structural) -> Document:
    """The base and each structural row: NPV, BCR, payback, and NPV's change from the base."""
    rows = [found.base, *found.rows]
    table = Table(
        title="Structural scenarios: the assumptions no range covers",
        columns=(
            Column("Scenario", wrap="fold"),
            Column("NPV", numeric=True),
            Column("Change in NPV", numeric=True),
            Column("BCR", numeric=True),
            Column("Payback"),
            Column("What differs", wrap="word", media=MARKDOWN),
        ),
        rows=tuple(
            Row(
                (
                    row.label,
                    Money(row.npv),
                    Money(row.npv_change, signed=True),
                    "n/a" if row.bcr is None else Ratio(row.bcr),
                    row.payback or "never",
                    row.change,
                )
            )
            for row in rows
        ),
    )
    tidy: list[tuple[TidyCell, ...]] = []
    for row in rows:
        tidy.append((row.label, "npv", Money(row.npv)))
        tidy.append((row.label, "bcr", None if row.bcr is None else Count(row.bcr)))
        tidy.append((row.label, "payback", row.payback))
    return Document(
        title=f"Structural scenarios of {found.scenario}",
        sections=(
            Section(
                (
                    Paragraph(f"{table.title}:", media=MARKDOWN),
                    table,
                    *caveats(found.flags),
                )
            ),
        ),
        data=to_data(found),
        tidy=Tidy(("scenario", "statistic", "value"), tuple(tidy)),
    )
