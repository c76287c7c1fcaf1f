"""The documents of deciding: the value of information. Nothing here computes a figure; an
estimate is shown to the place its Monte Carlo standard error supports."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from pause_cost.render.cells import shown
from pause_cost.render.document import (
    MARKDOWN,
    Block,
    Column,
    Count,
    Document,
    Money,
    Paragraph,
    Row,
    Section,
    Table,
    Tidy,
    TidyCell,
    caveats,
)
from pause_cost.results.data import to_data
from pause_cost.results.decision import Information, PartialValue, Population
from pause_cost.results.options import OptionsEvppi


def supported(value: Decimal, mcse: Decimal) -> Decimal:
    """``value`` rounded to the power of ten at or below its standard error (an error of
    £932 shows pounds to the hundred); exact where the error is 0."""
    if mcse <= 0:
        return value
    step = Decimal(1).scaleb(mcse.adjusted())
    return (value / step).quantize(Decimal(1)) * step


def _money(value: Decimal, mcse: Decimal) -> Money:
    return Money(supported(value, mcse))


def _error(mcse: Decimal) -> Money:
    return Money(supported(mcse, mcse))


def partial_table(
    rows: Sequence[PartialValue | OptionsEvppi], population: Population | None
) -> Table:
    """EVPPI of each input or group, its MCSE, scaled to the population where one is stated,
    and its regression."""
    scaled = population is not None
    factor = population.factor if population is not None else Decimal(1)
    return Table(
        title="EVPPI: the value of learning these inputs exactly, per decision",
        columns=(
            Column("Inputs", wrap="fold"),
            Column("EVPPI", numeric=True),
            Column("MCSE", numeric=True),
            *((Column("Population", numeric=True),) if scaled else ()),
            Column("Regression", media=MARKDOWN),
        ),
        rows=tuple(
            Row(
                (
                    " + ".join(row.inputs),
                    _money(row.value, row.mcse),
                    _error(row.mcse),
                    *((_money(row.population or Decimal(0), row.mcse * factor),) if scaled else ()),
                    f"{row.method} ({row.terms} terms)",
                )
            )
            for row in rows
        ),
    )


def population_blocks(
    population: Population | None, evpi_population: Decimal | None, evpi_mcse: Decimal
) -> list[Block]:
    """The population of decisions, EVPI scaled to it, and a study's cost beside it."""
    if population is None:
        return []
    blocks: list[Block] = [
        Paragraph(
            f"Population: {population.decisions_per_year} decisions a year for "
            f"{population.years} years at {population.discount_rate_percent}% "
            f"(discounted continuously, as voi's pop_voi): "
            f"{shown(Count(population.factor, 2))} decisions ({population.basis}). "
            "Population EVPI: "
            + shown(Money(supported(evpi_population or Decimal(0), evpi_mcse * population.factor)))
            + "."
        )
    ]
    if population.study_cost is not None:
        worth = (evpi_population or Decimal(0)) > population.study_cost
        blocks.append(
            Paragraph(
                f"A study costing {shown(Money(population.study_cost))} "
                f"({population.study_source}) "
                + (
                    "costs less than the population EVPI: it may be worth doing (EVPI is "
                    "an upper bound on any study's value)."
                    if worth
                    else "costs more than the population EVPI: no study of these inputs "
                    "can repay it for this decision."
                )
            )
        )
    return blocks


def information_document(found: Information) -> Document:
    """EVPI and EVPPI for funding or not, each with its Monte Carlo error."""
    options = Table(
        title=f"Expected net benefit ({found.outcome}) of each option",
        columns=(Column("Option"), Column("Expected", numeric=True), Column("MCSE", numeric=True)),
        rows=tuple(
            Row((option.option, _money(option.expected, option.mcse), _error(option.mcse)))
            for option in found.options
        ),
    )
    partial = partial_table(found.partial, found.population)
    evpi = _money(found.evpi, found.evpi_mcse)
    blocks: list[Block] = [
        Paragraph(
            f"{found.draws:,} draws, seed {found.seed} (numpy {found.numpy}, "
            f"{found.bit_generator}). The decision: fund the practice (net benefit: its "
            f"{found.outcome}) or not (0). Best on expected value: {found.best}."
        ),
        Paragraph(f"{options.title}:", media=MARKDOWN),
        options,
        Paragraph(
            f"EVPI per decision: {shown(evpi)} (Monte Carlo standard error "
            f"{shown(_error(found.evpi_mcse))}): what knowing every drawn input exactly "
            "would be worth to this decision."
            + (
                " Every draw favours the same option, so no study can change the decision."
                if found.evpi == 0
                else ""
            )
        ),
        Paragraph(f"{partial.title}:", media=MARKDOWN),
        partial,
    ]
    blocks += population_blocks(found.population, found.evpi_population, found.evpi_mcse)
    if found.held:
        blocks.append(
            Paragraph(
                "Held at their point (no distribution, so no value is put on learning them): "
                + ", ".join(held.input for held in found.held)
                + "."
            )
        )
    blocks += caveats(found.flags)
    tidy: list[tuple[TidyCell, ...]] = [
        ("run", "draws", "", found.draws),
        ("run", "seed", "", found.seed),
        ("run", "numpy", "", found.numpy),
        ("run", "bit_generator", "", found.bit_generator),
        ("decision", "evpi", "value", Money(found.evpi)),
        ("decision", "evpi", "mcse", Money(found.evpi_mcse)),
    ]
    for option in found.options:
        tidy.append(("option", option.option, "expected", Money(option.expected)))
        tidy.append(("option", option.option, "mcse", Money(option.mcse)))
    for row in found.partial:
        tidy.append(("evppi", "+".join(row.inputs), "value", Money(row.value)))
        tidy.append(("evppi", "+".join(row.inputs), "mcse", Money(row.mcse)))
    return Document(
        title=f"Value of information: {found.scenario}",
        sections=(Section(tuple(blocks)),),
        data=to_data(found),
        tidy=Tidy(("section", "item", "statistic", "value"), tuple(tidy)),
    )
