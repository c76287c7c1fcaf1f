"""The one-screen summary names its perspectives, and PRICES MIXED follows every figure set
against a cost that is not in the unit costs' prices.

Worked by hand from the rounded figures each estimate prints:
- rotherham-2021-joint-funding: the council's cost avoided £4,176,960 (cashable £3,263,366)
  against the whole programme cost £731,580: 4,176,960 / 731,580 = 5.7095, £5.71; cashable net
  3,263,366 - 731,580 = £2,531,786; the full estimate's cashable per £1 3,263,366 / 731,580 =
  4.4607, £4.46.
- rotherham-2020-with-pilot-cost: cashable £1,631,683 against the pilot's £419,000 cash (not
  brought to 2016/17 prices): net 1,631,683 - 419,000 = £1,212,683; 1,631,683 / 419,000 =
  3.894, £3.89.
"""

from __future__ import annotations

from tests.conftest import SCENARIOS, run

MIXED = "(PRICES MIXED)"


def _lines(name: str, *args: str) -> list[str]:
    result = run("estimate", str(SCENARIOS / f"{name}.yaml"), *args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    return [" ".join(line.split()) for line in result.stdout.splitlines()]


def _value(lines: list[str], label: str) -> str:
    found = [line for line in lines if line.startswith(label)]
    assert len(found) == 1, (label, found)
    return found[0][len(label) :].strip(" |")


def test_the_summary_names_the_ratio_and_gives_the_cashable_case() -> None:
    lines = _lines("rotherham-2021-joint-funding", "--summary")
    assert not any("Avoided per £1 spent" in line for line in lines)
    assert _value(lines, "Council's avoidance per £1 of total cost") == "£5.71"
    assert _value(lines, "Cashable only: net of cost") == "£2,531,786"
    assert _value(lines, "Payback, financial year, total; cashable only") == "2021/22; 2021/22"
    assert _value(lines, "Cashable only: NPV").startswith("£")
    # With funders, the NPV says whose view it takes.
    npv = [line for line in lines if line.startswith(("Net present value", "NPV"))]
    assert npv == ["NPV, council's avoidance less whole cost (year 0: 2020/21) £3,045,163"]


def test_without_funders_the_npv_needs_no_view() -> None:
    lines = _lines("rotherham-2020-calendar", "--summary")
    assert any(line.startswith("Net present value (year 0: 2018/19)") for line in lines)


def test_prices_mixed_follows_every_figure_set_against_the_cost() -> None:
    summary = _lines("rotherham-2020-with-pilot-cost", "--summary")
    for label, value in (
        (f"Net cost avoided {MIXED}", "£1,669,480"),
        (f"Council's avoidance per £1 of total cost {MIXED}", "£4.98"),
        (f"Payback, years after birth, total; cashable only {MIXED}", "year 1; year 1"),
        (f"Cashable only: net of cost {MIXED}", "£1,212,683"),
    ):
        assert _value(summary, label) == value
    for form in ((), ("-f", "markdown")):
        lines = _lines("rotherham-2020-with-pilot-cost", *form)
        prefix = "| " if form else ""
        for label in (
            "Cashable only: net of cost",
            "Cashable only: per £1 of total cost",
            "Cashable only: payback, years after each birth",
            "Payback, years after birth",
        ):
            assert _value(lines, f"{prefix}{label} {MIXED}"), (form, label)
        assert _value(lines, f"{prefix}Cashable only: per £1 of total cost {MIXED}") == "£3.89"
    full = _lines("rotherham-2021-joint-funding")
    assert _value(full, "Cashable only: per £1 of total cost") == "£4.46"
