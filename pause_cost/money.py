"""Money and counts: exact decimal arithmetic inside, rounding only for display.

Numbers are read from a file's text as the decimals their writer typed (``0.33`` is 0.33, not
0.330000000000000015...), and computed exactly, so rounding 14.85 births half up gives 15 on
every machine and totals reproduce to the penny. This is the one way a number is made.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def json_number(value: Decimal) -> int | float:
    """How JSON carries a decimal: a whole number as an integer (15 births, not 15.0)."""
    return int(value) if value == value.to_integral_value() else float(value)


_WHOLE_DIGITS = 30
"""Whole numbers up to this many digits are carried without an exponent (1e3 is 1000)."""


def to_decimal(value: Decimal | float | int) -> Decimal:
    """The decimal a number was written as: ``0.33`` gives 0.33, ``15`` and ``15.0`` give 15.

    A whole number carries no decimal places, so a published ``15`` is compared to the whole
    birth, not to a tenth of one; trailing zeros are dropped (``0.330`` is 0.33). A float (from
    the Python API) becomes its shortest round-tripping form.
    """
    if isinstance(value, float):
        value = Decimal(repr(value))
    elif not isinstance(value, Decimal):
        return Decimal(value)
    if not value.is_finite():
        return value
    if value == value.to_integral_value() and value.adjusted() < _WHOLE_DIGITS:
        return Decimal(int(value))
    return value.normalize()


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
