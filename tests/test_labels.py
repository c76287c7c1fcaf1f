"""Labels as data: every input a path can address and every outcome has words and a unit, the
analyses show the words and keep the path, and the sentences for a paper round as a reader
quotes (expected values worked by hand below)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from pause_cost.model.labels import OUTCOME_LABELS, input_label, outcome_label
from pause_cost.render.sentences import quoted_money, quoted_number
from pause_cost.uncertainty.outcomes import OUTCOMES
from tests.conftest import SCENARIOS, run

UNCERTAIN = "scenarios/rotherham-2020-uncertain.yaml"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("1092644.35", "£1.09m"),  # 1.092644m to three figures
        ("2142360", "£2.14m"),
        ("2088479.85", "£2.09m"),
        ("834087.91", "£834,000"),  # below a million: the nearest £1,000
        ("470587", "£471,000"),
        ("950.4", "£950"),
        ("12500000", "£12.5m"),
        ("-29972", "-£30,000"),
    ],
)
def test_money_is_quoted_to_three_figures_or_the_nearest_thousand(value: str, shown: str) -> None:
    assert quoted_money(Decimal(value)) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [("0.077778", "0.0778"), ("0.45", "0.45"), ("16", "16"), ("3.5", "3.5"), ("0.2", "0.2")],
)
def test_numbers_are_quoted_to_three_figures(value: str, shown: str) -> None:
    assert quoted_number(Decimal(value)) == shown


def test_every_outcome_has_a_label() -> None:
    assert set(OUTCOME_LABELS) == set(OUTCOMES)
    assert outcome_label("net").text == "Net cost avoided"


def test_every_range_in_the_shipped_scenarios_has_words_not_its_path() -> None:
    result = run("sensitivity", UNCERTAIN, "-f", "json", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    for swing in json.loads(result.stdout)["swings"]:
        found = swing["range"]
        assert found["label"]
        assert found["label"] != found["input"]
        assert found["unit"]


def test_a_cohort_and_a_table_line_are_named_in_words() -> None:
    assert input_label("cohorts.1.women_open").text == "Cohort 2: women on the programme"
    assert input_label("care-journey-england/adoption-placement.share_of_children").text == (
        "adoption-placement: share of children"
    )
    assert input_label("programme_cost.total_gbp").unit == "£"


def test_the_tornado_shows_words_and_keeps_the_path() -> None:
    text = run("sensitivity", UNCERTAIN, env={"COLUMNS": "80"}).stdout
    assert "Births per woman per year" in text
    assert "Paths, for --set and ranges: cohort.birth_rate_per_woman_per_year;" in text
    markdown = run("sensitivity", UNCERTAIN, "-f", "markdown").stdout
    assert "| Women on the programme | cohort.women_open |" in markdown


def test_the_simulation_sentence_quotes_its_own_percentiles() -> None:
    """The sentence's range is the JSON's P5 and P95, rounded by hand here."""
    args = ("simulate", UNCERTAIN, "--draws", "2000", "--seed", "7", "--outcome", "net")
    data = json.loads(run(*args, "-f", "json").stdout)
    net = next(s for s in data["outcomes"] if s["outcome"] == "net")
    low, high = (Decimal(str(net[key])) for key in ("p5", "p95"))

    def by_hand(value: Decimal) -> str:
        return f"£{(value / 1_000_000).quantize(Decimal('0.01'))}m"

    text = " ".join(run(*args, "-f", "markdown").stdout.split())
    assert (
        f"In a paper: In 90 of 100 simulated cases the net cost avoided lies between "
        f"{by_hand(low)} and {by_hand(high)}"
    ) in text
    assert "not a confidence interval" in text


def test_the_breakeven_sentence_compares_with_the_range() -> None:
    """net = births x £139,231.99 - £399,339.68 (the pilot's £419,000 cash at 2016/17
    prices): 2.87 births cover it, so 3 must remain, 20 x rate x 2.25 >= 2.5 rounded half up,
    a rate of 1/18 = 0.055556, quoted 0.0556, below the range's 0.2."""
    target = ("--target", "net>=0")  # the scenario discounts: npv>=0 is judged unless named
    text = " ".join(run("breakeven", UNCERTAIN, *target, "-f", "markdown").stdout.split())
    assert (
        "unless births per woman per year without the programme falls below 0.0556 births per "
        "woman per year (now 0.33), below the lowest value in its judged range, 0.2 to 0.45."
    ) in text


def test_the_breakeven_sentence_says_its_target_in_words() -> None:
    """'npv>=0' reads as the net present value at least 0, in text and in Markdown alike; no
    machine syntax (>=, nor Markdown's escaped \\>=) reaches the sentence."""
    for form in ((), ("-f", "markdown")):
        printed = run("breakeven", UNCERTAIN, "--target", "npv>=0", *form).stdout
        text = " ".join(printed.split())
        assert "The target (the net present value at least £0) is met unless" in text
        sentences = text.split("In a paper:")[1:]
        assert sentences
        assert not any(">=" in sentence or "npv" in sentence for sentence in sentences)


def test_a_break_even_target_is_said_in_words_in_every_line_of_markdown() -> None:
    """Not only the heading and the paper's sentence: the opening line and the table's title say
    'the net cost avoided at least £500,000', never 'net>=500000' (escaped as 'net\\>=500000')."""
    result = run(
        "breakeven",
        SCENARIOS / "rotherham-2020-uncertain.yaml",
        "--target",
        "net>=500000",
        "-f",
        "markdown",
    )
    assert result.exit_code == 0, result.stderr
    assert ">=" not in result.stdout
    assert result.stdout.count("the net cost avoided at least £500,000") >= 4
