"""``pause-cost starters``: the DfE's published starters by age, read as published."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pause_cost.model.dfe import Starters

PathLike = str | os.PathLike[str]


def starters(csv_file: PathLike) -> Starters:
    """Each area's children starting to be looked after, by age band, from a downloaded copy
    of the DfE's "CLA starting during the year - characteristics - by local authority" CSV
    (either published layout), with every row it could not use and why."""
    from pause_cost.load.dfe import load_starters

    return load_starters(Path(csv_file))
