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


MAX_NUMBER_CHARACTERS = 40
"""A number written with more characters is refused: no cost, rate or count needs them."""

LARGEST_EXPONENT = 15
"""The largest power of ten a number may reach (below 1e16): every input's bound is at most
1e12 (a cost), so nothing this tool reads needs more, and a short text such as ``1e999999999``
(a billion-digit whole number once converted) is refused before any arithmetic."""

SMALLEST_EXPONENT = -15
"""The smallest power of ten a number other than 0 may reach (1e-15): the finest input is a
share or rate to a few decimal places, and ``1e-999999`` written out in full is a million
characters."""


class NumberTextError(ValueError):
    """A number whose text is longer, larger or finer than any input allows."""


def number_bounds_problem(value: Decimal) -> str | None:
    """Why a decimal is beyond the magnitudes any input allows, or None. Cheap for any
    exponent: it reads the exponent, never the digits the exponent implies."""
    if not value.is_finite() or not value:
        return None
    if value.adjusted() > LARGEST_EXPONENT:
        return (
            f"a number of about 1e{value.adjusted()} is far beyond any input's bound; "
            f"numbers here are below 1e{LARGEST_EXPONENT + 1}"
        )
    if value.adjusted() < SMALLEST_EXPONENT:
        return (
            f"a number of about 1e{value.adjusted()} is finer than any input needs; "
            f"write 0, or a number of at least 1e{SMALLEST_EXPONENT}"
        )
    return None


def number_from_text(text: str) -> Decimal:
    """The decimal a short text writes, checked while still text: its length, then its exponent
    (read, not expanded), so a hostile number costs nothing to refuse. NumberTextError says why."""
    stripped = text.strip()
    if len(stripped) > MAX_NUMBER_CHARACTERS:
        raise NumberTextError(
            f"a number {len(stripped):,} characters long is not plausible here; write at most "
            f"{MAX_NUMBER_CHARACTERS} characters"
        )
    try:
        value = Decimal(stripped)
    except ArithmeticError:
        raise NumberTextError("not a number") from None
    if not value.is_finite():
        raise NumberTextError("a number must be finite")
    problem = number_bounds_problem(value)
    if problem is not None:
        raise NumberTextError(problem)
    return value if value else Decimal(0)
