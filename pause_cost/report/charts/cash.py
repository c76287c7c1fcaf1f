"""The chart of cash over time: by council financial year where there is a calendar, else by
year after each avoided birth (Pause's convention)."""

from __future__ import annotations

from decimal import Decimal

from pause_cost.money import whole_pounds
from pause_cost.report.svg import (
    BLACK,
    BLUE,
    INK,
    VERMILLION,
    canvas,
    mark_payback,
    pounds_axis,
    svg_of,
)
from pause_cost.report.view import (
    Chart,
    HtmlCell,
    HtmlColumn,
    HtmlRow,
    HtmlTable,
    money_table,
)
from pause_cost.results.economics import Calendar
from pause_cost.results.estimate import Estimate


def cash_chart(estimate: Estimate) -> Chart | None:
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
    drawn = canvas(3.4)
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
        mark_payback(axes, labels.index(payback), f"Payback {payback}")
    axes.set_xticks(x, labels, parse_math=False)
    pounds_axis(axes.yaxis)
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
        "chart-cash", "Cash flow by financial year", description, svg_of(drawn, "chart-cash"), table
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
    table = money_table("Cost by year after each avoided birth", "Year", headers, rows)
    drawn = canvas(3.2)
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
        mark_payback(axes, payback, f"Payback year {payback}")
    axes.set_xticks(numbers, [f"year {n}" for n in numbers], parse_math=False)
    pounds_axis(axes.yaxis)
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
        svg_of(drawn, "chart-cash"),
        table,
    )
