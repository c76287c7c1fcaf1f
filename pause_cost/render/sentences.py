"""Paste-ready sentences for a paper, one for each analysis, with figures rounded as a reader
quotes them: three significant figures, or the nearest £1,000 below a million. The exact figures
stay in the JSON, CSV and workbook; nothing here computes a figure, it only words one."""

from __future__ import annotations

from contextlib import suppress
from decimal import Decimal

from pause_cost.money import round_half_up
from pause_cost.results.uncertainty import BreakEven, InputRange, Simulation, Tornado

MILLION = Decimal(1_000_000)


OPERATORS = {">=": "at least", "<=": "at most", ">": "above", "<": "below"}


def target_words(target: str, outcome: str, unit: str = "") -> str:
    """A target as words: 'npv>=0' as 'the net present value at least £0' (its value in the
    outcome's unit, as a reader quotes it)."""
    for operator, words in OPERATORS.items():
        _, found, value = target.partition(operator)
        if found:
            with suppress(ArithmeticError):  # not a number: say it as written
                value = quoted(Decimal(value), unit)
            return f"the {outcome} {words} {value}"
    return target


def quoted_money(value: Decimal) -> str:
    """£1.09m, £834,000, £950: three significant figures, or the nearest £1,000 below a million
    (the nearest pound below £1,000)."""
    sign = "-" if value < 0 else ""
    value = abs(value)
    if value >= MILLION:
        millions = value / MILLION
        places = 2 if millions < 10 else 1 if millions < 100 else 0
        return f"{sign}£{round_half_up(millions, places)}m"
    if value >= 1000:
        return f"{sign}£{int(round_half_up(value / 1000, 0)) * 1000:,}"
    return f"{sign}£{int(round_half_up(value, 0)):,}"


def quoted_number(value: Decimal) -> str:
    """A count or rate to three significant figures, without trailing zeros (0.0778, 16, 0.45)."""
    if value == 0:
        return "0"
    exponent = value.adjusted()
    places = max(0, 2 - exponent)
    shown = round_half_up(value, places)
    text = f"{shown:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def quoted(value: Decimal | None, unit: str) -> str:
    if value is None:
        return "never"
    if unit in ("£", "GBP"):
        return quoted_money(value)
    return quoted_number(value)


def _lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def _range_words(found: InputRange) -> str:
    low, high = quoted(found.low, found.unit), quoted(found.high, found.unit)
    judged = "its judged range" if found.basis == "judgement" else "its range"
    return f"{judged}, {low} to {high}"


def tornado_sentence(tornado: Tornado, outcome: str) -> str | None:
    """'Births per woman per year moves the net cost avoided most: across its judged range, 0.2
    to 0.45, it runs from £834,000 to £2.37m.'"""
    if not tornado.swings:
        return None
    top = tornado.swings[0]
    if top.outcome_at_low is None or top.outcome_at_high is None:
        return None
    return (
        f"{top.range.label or top.range.input} moves the {_lower(outcome)} most: across "
        f"{_range_words(top.range)}, it runs from {quoted(top.outcome_at_low, tornado.unit)} to "
        f"{quoted(top.outcome_at_high, tornado.unit)} (the other inputs held at their points)."
    )


def breakeven_sentences(result: BreakEven, outcome: str) -> list[str]:
    """One for each input with a break-even value: where the target stops being met, and how
    that compares with the input's range."""
    sentences = []
    for item in result.inputs:
        if item.value is None or item.met_above is None:
            continue
        found = item.range
        verb = "falls below" if item.met_above else "rises above"
        where = ""
        if item.inside_range is not None:
            side = found.low if item.met_above else found.high
            if item.inside_range:
                where = f", inside {_range_words(found)}"
            else:
                beyond = "below the lowest" if item.met_above else "above the highest"
                where = f", {beyond} value in {_range_words(found)}"
                if side == item.value:
                    where = f", at the edge of {_range_words(found)}"
        unit = f" {found.unit}" if found.unit not in ("", "£", "share") else ""
        sentences.append(
            f"The target ({target_words(result.target, outcome, result.unit)}) is met unless "
            f"{_lower(found.label or found.input)} {verb} {quoted(item.value, found.unit)}{unit} "
            f"(now {quoted(found.point, found.unit)}){where}."
        )
    return sentences


def simulation_sentence(simulation: Simulation, outcome: str) -> str | None:
    """'In 90 of 100 simulated cases the net cost avoided lies between £1.09m and £2.14m (5th to
    95th percentiles of 100,000 draws, seed 2020).'"""
    summary = next((s for s in simulation.outcomes if s.outcome == simulation.outcome), None)
    if summary is None:
        return None
    judged = [
        d.range.label or d.range.input for d in simulation.drivers if d.range.basis == "judgement"
    ]
    caveat = (
        f" The ranges drawn for {_joined([_lower(j) for j in judged])} are judgements, not "
        "measurements; the spread is what the stated ranges imply, not a confidence interval."
        if judged
        else " The spread is what the stated ranges imply, not a confidence interval."
    )
    return (
        f"In 90 of 100 simulated cases the {_lower(outcome)} lies between "
        f"{quoted(summary.p5, summary.unit)} and {quoted(summary.p95, summary.unit)} (5th to 95th "
        f"percentiles of {simulation.draws:,} draws, seed {simulation.seed}).{caveat}"
    )


def _joined(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    separator = "; " if any("," in item for item in items) else ", "
    return separator.join(items[:-1]) + " and " + items[-1]
