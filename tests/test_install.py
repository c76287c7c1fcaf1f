"""A plain (not editable) install finds shipped tables by name from any directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, dump_yaml

SOURCE = {"document": "A test document", "location": "table 1"}


@pytest.mark.slow
def test_wheel_install_resolves_a_shipped_table_by_name(tmp_path: Path) -> None:
    # Build from a copy, so the build leaves nothing in the working tree.
    source = tmp_path / "src"
    shutil.copytree(
        REPO,
        source,
        symlinks=True,
        ignore=shutil.ignore_patterns(".venv", ".git", "*cache*", "build", "dist", "*.egg-info"),
    )
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    # The wheel holds the tables themselves, not a link back to the checkout.
    installed = target / "pause_cost" / "unit_costs" / "rotherham-2020-published.yaml"
    assert installed.is_file()
    assert not installed.is_symlink()
    assert not (target / "pause_cost" / "unit_costs").is_symlink()
    assert (target / "pause_cost" / "price_indices" / "pss-all-sectors.yaml").is_file()

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "s.yaml").write_text(
        dump_yaml(
            {
                "name": "anywhere",
                "council": "Test",
                "cohort": {
                    "women_open": 20,
                    "birth_rate_per_woman_per_year": 0.33,
                    "source": SOURCE,
                },
                "avoided_births_counting": "round_half_up",
                "unit_costs": ["rotherham-2020-published"],
            }
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import pause_cost, sys; from pause_cost import load_inputs, estimate;"
            "inputs = load_inputs('s.yaml'); print(pause_cost.__file__);"
            "print(round(estimate(inputs).horizon.total_gbp))",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    module_file, total = completed.stdout.split()
    assert Path(module_file).is_relative_to(target)
    # 15 births x £139,232 per birth over five years (the report's £2,088,480).
    assert int(total) == 2_088_480
