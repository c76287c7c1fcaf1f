"""Money and counts: exact decimal arithmetic inside, rounding only for display.

Input files give floats (that is what YAML numbers are); the engine turns each into the decimal
its writer typed (``0.33`` is 0.33, not 0.330000000000000015...) and computes exactly, so
rounding 14.85 births half up gives 15 on every machine and totals reproduce to the penny.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def json_number(value: Decimal) -> int | float:
    """How JSON carries a decimal: a whole number as an integer (15 births, not 15.0)."""
    return int(value) if value == value.to_integral_value() else float(value)


def to_decimal(value: float | int) -> Decimal:
    """The decimal a number was written as: ``0.33`` gives 0.33, ``15`` (read as 15.0) gives 15.

    A float becomes its shortest round-tripping form; a whole number carries no decimal places,
    so a published ``15`` is compared to the whole birth, not to a tenth of one.
    """
    if isinstance(value, float):
        return Decimal(int(value)) if value.is_integer() else Decimal(repr(value))
    return Decimal(value)


def round_half_up(value: Decimal, places: int = 0) -> Decimal:
    """Round as a finance officer does: 0.5 goes up, never to even."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def whole_pounds(value: Decimal) -> str:
    """'£1,292,599': a sum shown to the whole pound, rounded half up from its exact value."""
    rounded = round_half_up(value)
    sign = "-" if rounded < 0 else ""
    return f"{sign}£{abs(rounded):,.0f}"


def plain(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros, for CSV cells and counts: '14.85'."""
    text = format(value.normalize(), "f")
    return "0" if text in {"-0", ""} else text
