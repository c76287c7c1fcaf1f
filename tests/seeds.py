"""Checking a reported Monte Carlo standard error against the spread of its figure across seeds.

The claim to test: a figure's reported MCSE is within 10% of the standard deviation its
estimate actually has from seed to seed, judged on 20 seeds. Twenty seeds cannot settle 10% on
their own: the standard deviation of 20 values has a relative error of about
1/sqrt(2 x 19) = 16%, and 95% of such standard deviations fall between 0.685 and 1.315 times
the true one (sqrt(chi-squared(19) / 19) at 2.5% and 97.5%: 8.907 and 32.852). So the test
runs the 20-seed experiment 20 times over (seeds 0-399, in blocks of 20) and asks two things:

1. **Each block, as the claim is worded:** the block's mean reported MCSE over the standard
   deviation of its 20 figures lies within the band a correct MCSE gives, 1/1.315 = 0.760 to
   1/0.685 = 1.461, in at least 16 of the 20 blocks. A correct MCSE puts a block outside with
   probability 5%, so 16 or more of 20 inside fails by chance with probability 0.26%
   (binomial(20, 0.95) at 15 or fewer).
2. **Within 10%, with the resolution to say so:** the mean reported MCSE over all 400 runs
   against the pooled within-block standard deviation (the root of the mean of the 20 blocks'
   variances, 380 degrees of freedom: relative error 1/sqrt(760) = 3.6%) lies within 10%
   of it: 2.8 of that error either way, so a correct MCSE fails by chance with probability
   about 0.5%.

The seeds are fixed, so the test gives the same answer every run; the probabilities above say
how likely a correct MCSE would be to fail it on some other set of seeds (a new numpy).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

BLOCKS = 20
SEEDS = 20
"""Seeds a block: the issue's "across 20 seeds"."""
BAND = (1 / 1.315, 1 / 0.685)
"""Where a correct MCSE over the SD of 20 figures falls 95% of the time."""
INSIDE = 16
"""Blocks of 20 that must fall in :data:`BAND`."""
WITHIN = 0.10


def spread_ratios(figures: Sequence[float], errors: Sequence[float]) -> tuple[list[float], float]:
    """Each block's mean MCSE over its figures' SD, and all runs' mean MCSE over the pooled
    within-block SD; the runs in seed order, :data:`BLOCKS` x :data:`SEEDS` of them."""
    found = np.asarray(figures, dtype=np.float64).reshape(BLOCKS, SEEDS)
    reported = np.asarray(errors, dtype=np.float64).reshape(BLOCKS, SEEDS)
    blocks = [float(reported[block].mean() / found[block].std(ddof=1)) for block in range(BLOCKS)]
    pooled = float(np.sqrt(found.var(axis=1, ddof=1).mean()))
    return blocks, float(reported.mean() / pooled)


def check(name: str, figures: Sequence[float], errors: Sequence[float]) -> None:
    """Assert both parts of the module's test for one figure."""
    blocks, overall = spread_ratios(figures, errors)
    inside = sum(BAND[0] <= ratio <= BAND[1] for ratio in blocks)
    assert inside >= INSIDE, (name, inside, [round(ratio, 2) for ratio in blocks])
    assert abs(overall - 1) <= WITHIN, (name, overall)
