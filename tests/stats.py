"""Statistics the tests measure draws with, kept out of the product (nothing there needs them)."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray


def spearman(x: NDArray[np.float64], y: NDArray[np.float64]) -> float:
    """Spearman's rank correlation: the Pearson correlation of the ranks (no tie correction)."""
    x_ranks = np.argsort(np.argsort(x, kind="stable"), kind="stable").astype(np.float64)
    y_ranks = np.argsort(np.argsort(y, kind="stable"), kind="stable").astype(np.float64)
    x_centred = x_ranks - x_ranks.mean()
    y_centred = y_ranks - y_ranks.mean()
    return float(
        (x_centred @ y_centred) / math.sqrt((x_centred @ x_centred) * (y_centred @ y_centred))
    )
