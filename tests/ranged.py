"""A scenario with one range whose every figure is worked by hand, and whose estimate is cheap
(no calendar), so that each analysis runs in well under a second."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SOURCE, dump_yaml, line


def write_ranged(folder: Path) -> Path:
    """9 births (10 women x 0.4 x 2.25) x two one-year lines, a (£500 to £1,500, point £1,000,
    drawn from a gamma of shape 16 and rate 0.016: mean £1,000, sd £250) and b (£300), less a
    £10,000 programme: net = 9 (a + 300) - 10,000, £1,700 at the point."""
    lines = [line(id="a", amount_gbp=1000), line(id="b", amount_gbp=300)]
    (folder / "t.yaml").write_text(
        dump_yaml({"name": "t", "title": "T", "lines": lines}), encoding="utf-8"
    )
    scenario = folder / "s.yaml"
    scenario.write_text(
        dump_yaml(
            {
                "name": "s",
                "council": "C",
                "cohort": {
                    "women_open": 10,
                    "birth_rate_per_woman_per_year": 0.4,
                    "source": SOURCE,
                },
                "unit_costs": ["t.yaml"],
                "programme_cost": {"total_gbp": 10000, "source": SOURCE},
                "uncertainty": [
                    {
                        "input": "t/a.amount_gbp",
                        "low": 500,
                        "high": 1500,
                        "distribution": {"kind": "gamma", "shape": 16, "rate": 0.016},
                        "source": SOURCE,
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    return scenario
