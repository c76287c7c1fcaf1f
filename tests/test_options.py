"""The options table, worked by hand: three options, two ranged inputs.

One table line: £10,000 per avoided birth in each of years 1 and 2 after it (cashable). Each
option: women x 0.4 births a woman a year x 2.25 years avoided, a programme cost paid in year 1,
discounted on the Green Book's schedule from year 1 after each birth as year 0 (factors 1 and
1/1.035), so PV benefits = births x 10,000 x (1 + 1/1.035) = births x 19,661.835749 and PV
costs = the cost.

| option    | women | births | PV benefits  | PV costs | NPV          | BCR      |
|-----------|-------|--------|--------------|----------|--------------|----------|
| minimum   | 2     | 1.8    | 35,391.3043  | 10,000   | 25,391.3043  | 3.539130 |
| sustain   | 10    | 9      | 176,956.5217 | 50,000   | 126,956.5217 | 3.539130 |
| scale-2   | 20    | 18     | 353,913.0435 | 100,000  | 253,913.0435 | 3.539130 |

Increments (each against the next smaller by PV costs): minimum against doing nothing is
itself; sustain - minimum: +141,565.2174 benefits, +40,000 costs, NPV +101,565.2174, BCR
3.539130; scale-2 - sustain: +176,956.5217, +50,000, NPV +126,956.5217, BCR 3.539130.

Switching values (NPV = 0): the birth rate r with women x r x 2.25 x 19,661.835749 = cost,
so r = cost / (women x 44,239.130435): minimum 0.113022, sustain 0.113022, scale-2 0.113022;
the cost equal to PV benefits: 35,391.30, 176,956.52, 353,913.04.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from pause_cost import api
from pause_cost.cli import app
from tests.conftest import SOURCE, dump_yaml, line

PV_PER_BIRTH = Decimal(10_000) * (1 + 1 / Decimal("1.035"))


def _option(folder: Path, name: str, women: int, cost: int, **extra: Any) -> Path:
    data: dict[str, Any] = {
        "name": name,
        "council": "C",
        "cohort": {"women_open": women, "birth_rate_per_woman_per_year": 0.4, "source": SOURCE},
        "unit_costs": ["t.yaml"],
        "horizon_years": 2,
        # Real at the lines' own price year: the hand-worked figures need no deflator.
        "programme_cost": {
            "total_gbp": cost,
            "prices": "real",
            "price_year": "2016/17",
            "source": SOURCE,
        },
        "discounting": {"schedule": "green-book-discount-rates"},
        "uncertainty": [
            {
                "input": "cohort.birth_rate_per_woman_per_year",
                "low": 0.05,
                "high": 0.6,
                "source": SOURCE,
            },
            {
                "input": "programme_cost.total_gbp",
                "low": cost // 2,
                "high": cost * 4,
                "source": SOURCE,
            },
        ],
    }
    data.update(extra)
    path = folder / f"{name}.yaml"
    path.write_text(dump_yaml(data))
    return path


def _drawn(folder: Path) -> Path:
    """10 women with a birth rate drawn uniformly from 0.05 to 0.25 (point 0.15), £50,000."""
    return _option(
        folder,
        "drawn",
        10,
        50_000,
        cohort={"women_open": 10, "birth_rate_per_woman_per_year": 0.15, "source": SOURCE},
        uncertainty=[
            {
                "input": "cohort.birth_rate_per_woman_per_year",
                "low": 0.05,
                "high": 0.25,
                "distribution": {"kind": "uniform", "low": 0.05, "high": 0.25},
                "source": SOURCE,
            }
        ],
    )


def _two_drawn(folder: Path) -> tuple[Path, Path]:
    """The drawn option and "large": twice its women and twice its cost, the same draws."""
    small = _drawn(folder)
    drawn = yaml.safe_load(small.read_text())
    large = folder / "large.yaml"
    drawn["name"] = "large"
    drawn["cohort"]["women_open"] = 20
    drawn["programme_cost"]["total_gbp"] = 100_000
    large.write_text(dump_yaml(drawn))
    return small, large


@pytest.fixture
def options(tmp_path: Path) -> list[Path]:
    table = [line(id="a", amount_gbp=10_000, first_year=1, last_year=2)]
    (tmp_path / "t.yaml").write_text(dump_yaml({"name": "t", "title": "T", "lines": table}))
    return [
        _option(tmp_path, "sustain", 10, 50_000),
        _option(tmp_path, "scale-2", 20, 100_000),
        _option(tmp_path, "minimum", 2, 10_000),
    ]


def test_the_hand_worked_options_table(options: list[Path]) -> None:
    found = api.appraise(options)
    assert [option.option for option in found.options] == ["minimum", "sustain", "scale-2"]
    for option, births, cost in zip(
        found.options,
        (Decimal("1.8"), Decimal(9), Decimal(18)),
        (10_000, 50_000, 100_000),
        strict=True,
    ):
        assert option.pv_benefits == pytest.approx(births * PV_PER_BIRTH, abs=Decimal("1e-6"))
        assert option.pv_costs == cost
        assert option.npv == pytest.approx(births * PV_PER_BIRTH - cost, abs=Decimal("1e-6"))
        assert option.bcr == pytest.approx(Decimal("3.539130"), abs=Decimal("1e-6"))
        # Year 1's cashable saving alone covers the cost in each: births x 10,000 >= cost.
        assert option.cashable_payback == "year 1"
        assert option.chance is None
    minimum, sustain, scale = found.increments
    assert minimum.against == found.baseline
    assert minimum.npv == found.options[0].npv
    assert (sustain.against, scale.against) == ("minimum", "sustain")
    assert sustain.pv_benefits == pytest.approx(Decimal("141565.2174"), abs=Decimal("1e-4"))
    assert sustain.pv_costs == 40_000
    assert sustain.npv == pytest.approx(Decimal("101565.2174"), abs=Decimal("1e-4"))
    assert scale.npv == pytest.approx(Decimal("126956.5217"), abs=Decimal("1e-4"))
    assert scale.bcr == pytest.approx(Decimal("3.539130"), abs=Decimal("1e-6"))
    rows = {row.input: row for row in found.switching}
    rate = rows["cohort.birth_rate_per_woman_per_year"]
    assert [float(value or 0) for value in rate.values] == pytest.approx([0.113022] * 3, abs=1e-6)
    cost_row = rows["programme_cost.total_gbp"]
    assert [float(value or 0) for value in cost_row.values] == pytest.approx(
        [35_391.30, 176_956.52, 353_913.04], abs=0.01
    )


def test_p_npv_positive_comes_from_each_options_draws(options: list[Path], tmp_path: Path) -> None:
    drawn = _drawn(tmp_path)
    found = api.appraise([options[0], drawn], draws=10_000, seed=3)
    chance = next(option.chance for option in found.options if option.option == "drawn")
    assert chance is not None
    # NPV > 0 where r > 0.113022 (the switching value): (0.25 - 0.113022) / 0.2 = 68.5%.
    assert float(chance.probability) == pytest.approx(0.6849, abs=0.015)
    assert found.numpy is not None


def test_a_mix_of_price_bases_or_year_0s_is_refused(options: list[Path], tmp_path: Path) -> None:
    calendar = _option(
        tmp_path,
        "calendar",
        10,
        50_000,
        cohort={
            "women_open": 10,
            "birth_rate_per_woman_per_year": 0.4,
            "source": SOURCE,
            "start": "2018-07",
        },
    )
    result = CliRunner().invoke(app, ["appraise", str(options[0]), str(calendar)])
    assert result.exit_code == 1
    # Located at the key: the line where the written file's discounting block starts.
    at = calendar.read_text().splitlines().index("discounting:") + 1
    assert f"{calendar}:{at}:1: discounting: year 0 is " in result.stderr
    assert "options are discounted from one year 0" in result.stderr
    assert "Traceback" not in result.output


def test_one_option_is_not_an_appraisal(options: list[Path]) -> None:
    result = CliRunner().invoke(app, ["appraise", str(options[0])])
    assert result.exit_code == 1
    assert "an options appraisal needs two options" in result.stderr


JOINT = Path(__file__).parents[1] / "scenarios" / "rotherham-2021-joint-funding.yaml"


def test_practices_generate_options_whose_cost_scales(tmp_path: Path) -> None:
    text = JOINT.read_text(encoding="utf-8")
    per_practice = text.replace("programme_cost:\n", "programme_cost:\n  per_practice: true\n", 1)
    path = tmp_path / "per-practice.yaml"
    path.write_text(per_practice, encoding="utf-8")
    found = api.appraise([path], practices=3)
    assert [option.option for option in found.options] == [
        "rotherham-2021-joint-funding x 0",
        "rotherham-2021-joint-funding x 1",
        "rotherham-2021-joint-funding x 2",
        "rotherham-2021-joint-funding x 3",
    ]
    _, one, two, three = found.options
    # Births and costs both scale with the practices: n practices, n times each present value.
    assert two.pv_costs == pytest.approx(2 * one.pv_costs, rel=Decimal("1e-12"))
    assert three.pv_benefits == pytest.approx(3 * one.pv_benefits, rel=Decimal("1e-12"))
    assert found.increments[1].npv == pytest.approx(one.npv, rel=Decimal("1e-12"))


def test_practices_need_a_cost_per_practice() -> None:
    result = CliRunner().invoke(app, ["appraise", str(JOINT), "--practices", "2"])
    assert result.exit_code == 1
    assert f"{JOINT}: programme_cost.per_practice: --practices scales the practices" in (
        result.stderr
    )


def test_the_acceptability_curve_worked_by_hand(tmp_path: Path, options: list[Path]) -> None:
    # One option: 10 women, birth rate uniform on 0.05..0.25, cost c in year 1. NPV > 0 where
    # r x 10 x 2.25 x 19,661.835749 > c, i.e. r > c / 442,391.30: P = (0.25 - c/442,391.30)/0.2,
    # 0.684891 at £50,000 and 0.345826 at £80,000; 1 at £20,000 (every r clears 0.045209).
    drawn = _drawn(tmp_path)
    found = api.acceptability(drawn, values=[20_000, 50_000, 80_000], draws=20_000, seed=2)
    low, middle, high = (point.chance for point in found.points)
    assert low.above == low.draws
    assert low.bound is not None
    # Binomial sd at 20,000 draws is at most 0.0036: within 0.015 is four of them.
    assert float(middle.probability) == pytest.approx(0.684891, abs=0.015)
    assert float(high.probability) == pytest.approx(0.345826, abs=0.015)
    result = CliRunner().invoke(
        app,
        [
            *("acceptability", str(drawn), "--from", "20000", "--to", "80000"),
            *("--steps", "3", "--draws", "2000"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "> 99.850%" in result.stdout


def test_the_chance_of_a_return_worked_by_hand(tmp_path: Path, options: list[Path]) -> None:
    # The same option: the council avoids £10,000 a year for 2 years per birth, undiscounted
    # £20,000, so with r drawn uniformly on 0.05..0.25 it avoids 10 x r x 2.25 x 20,000 =
    # 450,000 r against a cost c. The return 450,000 r / c >= x where r >= x c / 450,000:
    # P = (0.25 - x c / 450,000) / 0.2, clipped to 0..1. At c = £20,000: x = 2 needs
    # r >= 0.088889, P = 0.805556; x = 4 needs r >= 0.177778, P = 0.361111. At £50,000: x = 2
    # needs r >= 0.222222, P = 0.138889; x = 4 needs r >= 0.444444, beyond any draw.
    drawn = _drawn(tmp_path)
    found = api.acceptability(
        drawn, values=[20_000, 50_000], draws=20_000, seed=2, returns=[2, 4], outcome="net"
    )
    assert found.returns == [2, 4]
    cheap, dear = found.points
    # Binomial sd at 20,000 draws is at most 0.0036: within 0.015 is four of them.
    assert float(cheap.returns[0].probability) == pytest.approx(0.805556, abs=0.015)
    assert float(cheap.returns[1].probability) == pytest.approx(0.361111, abs=0.015)
    assert float(dear.returns[0].probability) == pytest.approx(0.138889, abs=0.015)
    assert dear.returns[1].reached == 0
    assert dear.returns[1].bound is not None
    # A return of at least £1 per £1 is a net of at least 0: the same draws give the same count.
    at_one = api.acceptability(
        drawn, values=[50_000], draws=20_000, seed=2, returns=[1], outcome="net"
    )
    assert at_one.points[0].returns[0].reached == at_one.points[0].chance.above
    result = CliRunner().invoke(
        app,
        [
            *("acceptability", str(drawn), "--from", "20000", "--to", "50000"),
            *("--steps", "2", "--draws", "2000", "--return", "2", "--return", "4"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "P(return >= 2)" in result.stdout
    assert "< 0.150%" in result.stdout


def test_a_return_needs_a_programme_cost(tmp_path: Path, options: list[Path]) -> None:
    drawn = yaml.safe_load(_drawn(tmp_path).read_text())
    del drawn["programme_cost"]
    free = tmp_path / "free.yaml"
    free.write_text(dump_yaml(drawn))
    result = CliRunner().invoke(
        app,
        [
            *("acceptability", str(free), "--input", "cohort.women_open", "--outcome", "net"),
            *("--from", "5", "--to", "10", "--steps", "2", "--return", "2"),
        ],
    )
    assert result.exit_code == 1
    assert "return_per_pound needs the scenario's programme_cost" in result.stderr


def test_the_options_evpi_worked_by_hand(tmp_path: Path, options: list[Path]) -> None:
    # Two options drawing the same birth rate r, uniform on 0.05..0.25, from the same seed:
    # 10 women at £50,000 has NPV k r - 50,000, k = 10 x 2.25 x 19,661.835749 = 442,391.30;
    # 20 women at £100,000 has twice that. Against doing nothing (0), the best per draw is the
    # larger option where k r > 50,000 (r > r0 = 0.113022), else nothing; the best mean is the
    # larger option's (k x 0.15 - 50,000 = 16,358.70 > 0). EVPI is the mean of what choosing
    # it loses where r < r0: 2 x E[(50,000 - k r)+] = 2 x k (r0 - 0.05)^2 / (2 x 0.2) = 8,785.42.
    small, large = _two_drawn(tmp_path)
    found = api.appraise([small, large], draws=100_000, seed=3)
    # The loss's sd is under £16,000, so the mean's error at 10^5 draws is under £51: £250 is
    # five of them.
    assert found.evpi is not None
    assert float(found.evpi) == pytest.approx(8_785.42, abs=250)
    assert found.flags == []
    shown = CliRunner().invoke(app, ["appraise", str(small), str(large), "--draws", "2000"])
    assert shown.exit_code == 0, shown.output
    assert "EVPI £" in shown.stdout
    # Without draws there is nothing to value; an option drawing nothing makes draws not joint.
    assert api.appraise([small, large]).evpi is None
    fixed = api.appraise([small, options[0]], draws=1_000)
    assert fixed.evpi is None
    assert "no EVPI" in fixed.flags[0]


def test_structural_rows_worked_by_hand(options: list[Path]) -> None:
    # sustain: 9 births over 27 months. Counting conceptions only (gestation 0: 18 months):
    # 10 x 0.4 x 1.5 = 6 births, PV benefits 6 x 19,661.835749 = 117,971.0145, NPV 67,971.0145,
    # 58,985.5072 less. The scale-2 file as an alternative: NPV 253,913.0435.
    sustain, scale = options[0], options[1]
    found = api.structural(
        sustain, what_ifs=[("pause_window.gestation_months", 0)], alternatives=[scale]
    )
    assert found.base.npv == pytest.approx(Decimal("126956.5217"), abs=Decimal("1e-4"))
    window, other = found.rows
    assert window.npv == pytest.approx(Decimal("67971.0145"), abs=Decimal("1e-4"))
    assert window.npv_change == pytest.approx(Decimal("-58985.5072"), abs=Decimal("1e-4"))
    assert window.change == "Months of gestation counted: pause_window.gestation_months = 0 (was 9)"
    assert other.label == "scale-2"
    assert other.npv_change == pytest.approx(Decimal("126956.5217"), abs=Decimal("1e-4"))
    result = CliRunner().invoke(app, ["structural", str(sustain), "--set", "nonsense"])
    assert result.exit_code == 1
    assert "nonsense: write PATH=VALUE" in result.stderr


UNCERTAIN = Path(__file__).parents[1] / "scenarios" / "rotherham-2020-uncertain.yaml"
CLOSE = Path(__file__).parent / "data" / "decision-close.yaml"


def test_the_pack_carries_the_options_and_the_acceptability_curve() -> None:
    pack = api.pack(
        UNCERTAIN,
        draws=1_000,
        options=[CLOSE],
        acceptability=[400_000, 2_000_000],
        returns=[2],
    )
    assert pack.options is not None
    # Smaller cost first: the uncertain scenario's £419,000 is cash in 2019/20 and 2020/21,
    # £399,340 in the savings' 2016/17 prices, below decision-close's £419,000 real.
    assert [option.option for option in pack.options.options] == [
        "rotherham-2020-uncertain",
        "decision-close",
    ]
    assert pack.acceptability is not None
    assert [point.value for point in pack.acceptability.points] == [400_000, 2_000_000]
    text = api.render_pack(pack, "markdown").decode()
    assert "## Options appraisal" in text
    assert "## Acceptability of rotherham-2020-uncertain" in text
    assert "| P(return >= 2) |" in text
    page = api.render_pack(pack, "html").decode()
    assert 'id="chart-acceptability' in page or "chart-acceptability" in page


def test_the_acceptability_chart_draws_one_curve_per_return() -> None:
    # One series for P(NPV > 0) and one for each return asked for: 1 + 3 here, each drawn as
    # its own group (the legend's sample lines carry no id, so they are not counted).
    pack = api.pack(
        UNCERTAIN, draws=500, acceptability=[400_000, 1_000_000, 2_000_000], returns=[1, 2, 4]
    )
    page = api.render_pack(pack, "html").decode()
    series = re.findall(r'<g id="chart-acceptability-series-([^"]+)">', page)
    assert series == ["outcome", "return-0", "return-1", "return-2"]
    assert "Chance of at least £4 back per £1" not in page  # labels are drawn, not text
    assert "£1, £2, £4 per £1 of the programme" in page
    assert api.render_pack(pack, "html") == api.render_pack(pack, "html")
    without = api.render_pack(
        api.pack(UNCERTAIN, draws=500, acceptability=[400_000, 2_000_000]), "html"
    ).decode()
    assert re.findall(r'<g id="chart-acceptability-series-([^"]+)">', without) == ["outcome"]


def test_the_options_evppi_of_the_one_drawn_input_is_the_evpi(
    tmp_path: Path, options: list[Path]
) -> None:
    # The case worked in the EVPI test above: both options' NPVs are linear in the one drawn
    # input r (k r - 50,000 and 2 k r - 100,000), so knowing r is knowing everything: EVPPI(r)
    # = EVPI = 2 x k (r0 - 0.05)^2 / (2 x 0.2) = 8,785.42. The regression's basis holds 1 and
    # r, so it fits each NPV exactly and the two agree on the same draws to rounding.
    small, large = _two_drawn(tmp_path)
    found = api.appraise([small, large], draws=100_000, seed=3)
    assert found.evpi is not None
    assert found.evppi is not None
    [partial] = found.evppi
    assert partial.input == "cohort.birth_rate_per_woman_per_year"
    assert float(partial.value) == pytest.approx(8_785.42, abs=250)
    assert float(partial.value) == pytest.approx(float(found.evpi), rel=1e-6)
    shown = CliRunner().invoke(app, ["appraise", str(small), str(large), "--draws", "2000"])
    assert shown.exit_code == 0, shown.output
    assert "EVPPI: the value of learning these inputs" in shown.stdout
    assert "cohort.birth_rate_per_woman_per_year £" in shown.stdout
    # Fewer draws than the regression needs (1,000 at least): refused, never a silent null.
    few = CliRunner().invoke(app, ["appraise", str(small), str(large), "--draws", "500"])
    assert few.exit_code == 1
    assert f"{small}: --draws: cohort.birth_rate_per_woman_per_year: 500 draws are too few" in (
        few.stderr
    )
    # Draws that are not joint: neither.
    assert api.appraise([small, options[0]], draws=1_000).evppi is None
