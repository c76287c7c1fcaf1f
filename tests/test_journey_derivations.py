"""Every derived line of the two journey tables, worked again by hand from the figures it cites.

A line that carries ``figures`` (the published budget, count, price or share its amount, quantity
or share is worked from) is derived. For each, the expected figures are written out here from the
source as the line's derivation cites it, checked against the line's ``figures``, and the line's
amount, quantity and share recomputed from them with the arithmetic written out below: never read
back from the engine or the table. A figure on a line is compared at its own precision (an amount
to the penny, a share to 4 decimal places), as written in the table.

Then the rules that keep derived, borrowed and transferred figures honest: ``tables validate``
refuses a proxy without a reason, an English source in a Scottish table not marked as a proxy, a
derived figure without its derivation, and a Scottish table naming an England-and-Wales-only body,
each at its file, line and column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pause_cost.load.inputs import load_table
from pause_cost.model.tables import Line
from tests.conftest import REPO, UNIT_COSTS, line, run

D = Decimal
WriteYaml = Callable[[str, Any], Path]
INVALID_TABLES = REPO / "tests" / "data" / "invalid" / "tables"
SCOTLAND, ENGLAND = "care-journey-scotland", "care-journey-england"

# ------------------------------------------------- the figures, as the sources print them

# Born into care in Scotland (Cusworth et al. 2022), ch.10: 71 infants on a compulsory supervision
# order away from home; 13 home within two years; plans for the other 58: adoption 40, kinship 13,
# permanent foster care 2, none recorded 3.
INFANTS, HOME, ADOPTION, KINSHIP, PERMANENT_FOSTER, NOT_RECORDED = 71, 13, 40, 13, 2, 3
# LGBF CHN8b, Scotland, 2021-22: gross cost 236,780 (£000), 11,312 children; CHN8a 313,950 / 1,284.
CHN8B_COST, CHN8B_CHILDREN = 236_780, 11_312
CHN8A_COST, CHN8A_CHILDREN = 313_950, 1_284
# Permanently Progressing? (via Stirling News): nine months away for children who went home; two
# to three years to adoption.
MONTHS_AWAY, YEARS_TO_ADOPTION = 9, (2, 3)
# SCRA budget £26.86m (2022-23); 21,613 hearings (2023-24); 30,363 hearings for 13,316 children
# (2019/20). CHS grant £3.70m; 32,553 hearings (2017/18). SLAB: £4,529k, 4,206 grants (2007-08).
SCRA_BUDGET, HEARINGS_2023_24 = 26_860_000, 21_613
HEARINGS_2019_20, CHILDREN_WITH_HEARINGS_2019_20 = 30_363, 13_316
CHS_GRANT, HEARINGS_2017_18 = 3_700_000, 32_553
SLAB_CHILDRENS, SLAB_GRANTS = 4_529_000, 4_206
# IFA: £820 a week (CMA 2021, FY2020); 42% of filled places (Ofsted 2019); GMCA SS2.0.1 £468
# (2013/14); PSS pay and prices, all sectors, % increases 2014/15 to 2019/20 (PSSRU 2024
# Table 12.1.2).
IFA_PRICE, LA_PLACEMENT, IFA_SHARE_PERCENT = 820, 468, 42
PSS_2014_15_TO_2019_20 = ("1.0", "1.7", "3.1", "2.8", "3.1", "3.3")
# care-journey-england's own paths and weeks: proceedings 41 weeks; adopted 60%, to placement
# 82.3333 weeks from birth; residual 7% in long-term foster care.
PROCEEDINGS_WEEKS, ADOPTED, TO_PLACEMENT, RESIDUAL = 41, D("0.6"), D("82.3333"), D("0.07")

PATHS = {"infants_on_cso_away_from_home": INFANTS}
HOME_KIN = {"home_within_two_years": HOME, "kinship_plan": KINSHIP}
ADOPTED_SCOT = {"adoption_plan": ADOPTION, "years_to_adoption_low": 2, "years_to_adoption_high": 3}
PERMANENCE_ORDER = {
    "adoption_plan": ADOPTION,
    "permanent_foster_plan": PERMANENT_FOSTER,
    "plan_not_recorded": NOT_RECORDED,
}
LGBF = {"lgbf_chn8b_gross_cost_gbp_000": CHN8B_COST, "lgbf_chn8b_children": CHN8B_CHILDREN}
PER_CHILD = {"hearings_2019_20": HEARINGS_2019_20, "children_with_hearings_2019_20": 13_316}
SCRA = {"scra_budget_gbp": SCRA_BUDGET, "hearings_2023_24": HEARINGS_2023_24, **PER_CHILD}
CHS = {"chs_grant_gbp": CHS_GRANT, "hearings_2017_18": HEARINGS_2017_18, **PER_CHILD}
IFA = {
    "ifa_price_per_week": IFA_PRICE,
    "la_foster_placement_per_week_2013_14": LA_PLACEMENT,
    "ifa_share_of_filled_places_2019_percent": IFA_SHARE_PERCENT,
}

# ------------------------------------------------------------ the arithmetic, written out

LGBF_WEEK = D(CHN8B_COST) * 1000 / 52 / CHN8B_CHILDREN  # 402.53
HEARINGS_A_YEAR = D(HEARINGS_2019_20) / CHILDREN_WITH_HEARINGS_2019_20  # 2.2802
WEEKS_BEFORE_HOME = D(MONTHS_AWAY) * 52 / 12  # 39
WEEKS_TO_ADOPTION = D(sum(YEARS_TO_ADOPTION)) / 2 * 52  # the middle of 2 to 3 years: 130
NOT_HOME = D(INFANTS - HOME) / INFANTS  # 58 / 71
TO_PERMANENCE_ORDER = D(ADOPTION + PERMANENT_FOSTER + NOT_RECORDED) / INFANTS  # 45 / 71
IN_FOSTER_CARE = D(PERMANENT_FOSTER + NOT_RECORDED) / INFANTS  # 5 / 71


def pss_2013_14_to_2019_20() -> Decimal:
    factor = D(1)
    for percent in PSS_2014_15_TO_2019_20:
        factor *= 1 + D(percent) / 100
    return factor


IFA_PREMIUM = IFA_PRICE - LA_PLACEMENT * pss_2013_14_to_2019_20()  # 277.38


@dataclass(frozen=True)
class ByHand:
    """What a derived line's figures are, and its numbers worked from them (None: not derived)."""

    figures: dict[str, int]
    amount: Decimal | None = None
    quantity: Decimal | None = None
    share: Decimal | None = None
    also: dict[str, Decimal] = field(default_factory=dict)


def scottish_lines() -> dict[str, ByHand]:
    community = {
        "looked-after-community-first-39-weeks": ByHand(
            {**LGBF, "months_away_before_going_home": MONTHS_AWAY},
            LGBF_WEEK,
            WEEKS_BEFORE_HOME,
            D(1),
        ),
        "looked-after-community-rest-of-year-1": ByHand(
            {**LGBF, "not_home_within_two_years": 58, **PATHS},
            LGBF_WEEK,
            52 - WEEKS_BEFORE_HOME,
            NOT_HOME,
        ),
        "looked-after-awaiting-adoption-year-2": ByHand(
            {**LGBF, **ADOPTED_SCOT, **PATHS}, LGBF_WEEK, D(52), D(ADOPTION) / INFANTS
        ),
        "looked-after-awaiting-adoption-year-3": ByHand(
            {**LGBF, **ADOPTED_SCOT, **PATHS},
            LGBF_WEEK,
            WEEKS_TO_ADOPTION - 2 * 52,
            D(ADOPTION) / INFANTS,
        ),
        "looked-after-permanent-foster": ByHand(
            {**LGBF, "permanent_foster_plan": 2, "plan_not_recorded": 3, **PATHS},
            LGBF_WEEK,
            D(52),
            IN_FOSTER_CARE,
        ),
    }
    social_work = {
        name.replace("looked-after-community", "social-work").replace(
            "looked-after", "social-work"
        ): ByHand(
            {key: value for key, value in hand.figures.items() if not key.startswith("lgbf")},
            None,
            hand.quantity,
            hand.share,
        )
        for name, hand in community.items()
    }
    kinship = {
        f"kinship-allowance-ages-{ages}": ByHand(
            {"kinship_plan": KINSHIP, **PATHS}, None, D(52), D(KINSHIP) / INFANTS
        )
        for ages in ("1-4", "5-15", "16-17")
    }
    return {
        **community,
        **social_work,
        **kinship,
        "prebirth-referral-and-assessment": ByHand(
            {
                "referral_ss5_0_1": 186,
                "initial_assessment_ss5_0_2": 271,
                "core_assessment_ss5_0_5": 585,
            },
            D(186 + 271 + 585),
        ),
        "exit-care-return-home-or-kin": ByHand(
            {**HOME_KIN, **PATHS}, None, None, D(HOME + KINSHIP) / INFANTS
        ),
        "exit-care-adoption": ByHand(
            {"adoption_plan": ADOPTION, **PATHS}, None, None, D(ADOPTION) / INFANTS
        ),
        "looked-after-residential": ByHand(
            {"lgbf_chn8a_gross_cost_gbp_000": CHN8A_COST, "lgbf_chn8a_children": CHN8A_CHILDREN},
            D(CHN8A_COST) * 1000 / 52 / CHN8A_CHILDREN,
        ),
        "council-legal-permanence-order": ByHand(
            {**PERMANENCE_ORDER, **PATHS}, None, None, TO_PERMANENCE_ORDER
        ),
        "reporter-scra-year-1": ByHand(
            SCRA, D(SCRA_BUDGET) / HEARINGS_2023_24, HEARINGS_A_YEAR, D(1)
        ),
        "reporter-scra-year-2": ByHand(
            {**SCRA, **PERMANENCE_ORDER, **PATHS},
            D(SCRA_BUDGET) / HEARINGS_2023_24,
            HEARINGS_A_YEAR,
            TO_PERMANENCE_ORDER,
        ),
        "hearings-panel-chs-year-1": ByHand(
            CHS, D(CHS_GRANT) / HEARINGS_2017_18, HEARINGS_A_YEAR, D(1)
        ),
        "hearings-panel-chs-year-2": ByHand(
            {**CHS, **PERMANENCE_ORDER, **PATHS},
            D(CHS_GRANT) / HEARINGS_2017_18,
            HEARINGS_A_YEAR,
            TO_PERMANENCE_ORDER,
        ),
        "childrens-legal-aid": ByHand(
            {
                "childrens_legal_assistance_gbp": SLAB_CHILDRENS,
                "childrens_legal_aid_grants": SLAB_GRANTS,
            },
            D(SLAB_CHILDRENS) / SLAB_GRANTS,
        ),
    }


def english_lines() -> dict[str, ByHand]:
    share = D(IFA_SHARE_PERCENT) / 100
    year_1 = PROCEEDINGS_WEEKS + ADOPTED * (52 - PROCEEDINGS_WEEKS) + RESIDUAL * 11
    year_2 = ADOPTED * (TO_PLACEMENT - 52) + RESIDUAL * 52
    return {
        "ifa-premium-year-1": ByHand(IFA, IFA_PREMIUM, year_1, share),
        "ifa-premium-year-2": ByHand(IFA, IFA_PREMIUM, year_2, share),
        "ifa-premium-long-term": ByHand(IFA, IFA_PREMIUM, RESIDUAL * 52, share),
    }


HAND = {SCOTLAND: scottish_lines(), ENGLAND: english_lines()}
CASES = [(table, line_id) for table, lines in HAND.items() for line_id in sorted(lines)]


def same(on_line: Decimal, by_hand: Decimal) -> bool:
    """The line's figure is the hand figure rounded to the places the line writes."""
    places = D(1).scaleb(min(on_line.as_tuple().exponent, 0))  # type: ignore[arg-type]
    return on_line == by_hand.quantize(places)


def line_of(table: str, line_id: str) -> Line:
    (found,) = [each for each in load_table(table).lines if each.id == line_id]
    return found


# ------------------------------------------------------------ the derivations


def test_every_derived_line_is_worked_here() -> None:
    for table, lines in HAND.items():
        derived = {each.id for each in load_table(table).lines if each.figures is not None}
        assert derived == set(lines), table


@pytest.mark.parametrize(("table", "line_id"), CASES, ids=[f"{t}/{i}" for t, i in CASES])
def test_a_derived_line_is_its_figures_worked_by_hand(table: str, line_id: str) -> None:
    hand = HAND[table][line_id]
    found = line_of(table, line_id)
    assert found.figures == {name: D(value) for name, value in hand.figures.items()}
    assert found.derivation is not None
    for name, on_line, by_hand in (
        ("amount_gbp", found.amount_gbp, hand.amount),
        ("quantity_per_child", found.quantity_per_child, hand.quantity),
        ("share_of_children", found.share_of_children, hand.share),
    ):
        if by_hand is not None:
            assert same(on_line, by_hand), f"{name}: {on_line} on the line, {by_hand} by hand"


def test_the_worked_figures_are_the_ones_the_derivations_print() -> None:
    """The hand arithmetic lands on the figures the derivations write in words."""
    assert round(LGBF_WEEK, 2) == D("402.53")
    assert round(D(SCRA_BUDGET) / HEARINGS_2023_24, 2) == D("1242.77")
    assert round(D(CHS_GRANT) / HEARINGS_2017_18, 2) == D("113.66")
    assert round(D(SLAB_CHILDRENS) / SLAB_GRANTS, 2) == D("1076.80")
    assert round(D(SLAB_CHILDRENS) / (SLAB_GRANTS + 4_678), 2) == D("509.79")  # with advice
    assert round(HEARINGS_A_YEAR, 4) == D("2.2802")
    assert WEEKS_BEFORE_HOME == 39
    assert WEEKS_TO_ADOPTION == 130
    assert round(LA_PLACEMENT * pss_2013_14_to_2019_20(), 2) == D("542.62")
    assert round(IFA_PREMIUM, 2) == D("277.38")
    shares = [D(n) / INFANTS for n in (HOME, ADOPTION, KINSHIP, PERMANENT_FOSTER + NOT_RECORDED)]
    assert [round(s, 4) for s in shares] == [D("0.1831"), D("0.5634"), D("0.1831"), D("0.0704")]
    assert sum(round(s, 4) for s in shares) == 1  # every infant on exactly one path


def test_the_scottish_paths_cover_every_infant_once() -> None:
    """Shares of the Scottish paths, read off the lines that carry each path, add up to 1."""
    lines = {each.id: each for each in load_table(SCOTLAND).lines}
    home = 1 - lines["looked-after-community-rest-of-year-1"].share_of_children
    adoption = lines["exit-care-adoption"].share_of_children
    kinship = lines["kinship-allowance-ages-1-4"].share_of_children
    foster = lines["looked-after-permanent-foster"].share_of_children
    assert home + adoption + kinship + foster == 1
    assert lines["council-legal-permanence-order"].share_of_children == adoption + foster


def test_the_ifa_weeks_are_the_table_s_own_foster_weeks() -> None:
    """The premium's weeks are the quantity x share of the table's foster-placement lines."""
    lines = {each.id: each for each in load_table(ENGLAND).lines}
    placements = [
        each
        for each in lines.values()
        if each.id.startswith(("foster-placement", "long-term-foster-placement"))
    ]
    for year, premium in (
        (1, "ifa-premium-year-1"),
        (2, "ifa-premium-year-2"),
        (3, "ifa-premium-long-term"),
    ):
        weeks = sum(
            (
                each.quantity_per_child * each.share_of_children
                for each in placements
                if each.first_year <= year <= each.final_year
            ),
            D(0),
        )
        assert same(lines[premium].quantity_per_child, weeks), (year, weeks)
    assert (
        lines["ifa-premium-long-term"].final_year == lines["long-term-foster-placement"].final_year
    )


# ------------------------------------------------------------ proxies and transfers


def test_every_english_figure_in_the_scottish_table_is_a_proxy_with_its_reason() -> None:
    for each in load_table(SCOTLAND).lines:
        english = "GMCA" in each.source.document
        assert (each.proxy is not None) == english, each.id
        if each.proxy is not None:
            assert each.proxy.nation == "england"
            assert "Scottish" in each.proxy.reason
            assert "found" in each.proxy.reason


def test_court_fees_are_transfers_to_hmcts() -> None:
    transfers = {
        each.id: each.transfer_to for each in load_table(ENGLAND).lines if each.transfer_to
    }
    assert transfers == {
        "court-fee-care-application": "HM Courts & Tribunals Service",
        "court-fee-placement-order": "HM Courts & Tribunals Service",
    }


@pytest.mark.parametrize("table", [SCOTLAND, ENGLAND])
def test_each_table_states_its_coverage(table: str) -> None:
    loaded = load_table(table)
    assert loaded.coverage is not None
    assert set(loaded.coverage.stages) == {each.stage for each in loaded.lines}
    assert loaded.coverage.left_out, "a journey table says what it leaves out"


# ------------------------------------------------------------ refused by tables validate

REFUSED = {
    "proxy-without-reason": "proxy-without-reason.yaml:15:5: lines.0.proxy.reason: required key "
    "is missing",
    "derived-without-derivation": "derived-without-derivation.yaml:16:7: lines.0.figures: a figure "
    "worked from other figures needs its derivation: add `derivation:` showing the arithmetic on "
    "budget_gbp, hearings",
    "scottish-table-names-hmcts": "scottish-table-names-hmcts.yaml:21:13: lines.1.agency: HM "
    "Courts & Tribunals Service serves England and Wales, not Scotland: name the Scottish body "
    "that bears this cost (a figure borrowed from England names the Scottish body too, and says "
    "so with proxy)",
    "scottish-table-names-cafcass": "scottish-table-names-cafcass.yaml:11:13: lines.0.agency: "
    "Cafcass serves England and Wales, not Scotland",
    "english-source-without-proxy": "english-source-without-proxy.yaml:13:17: "
    "lines.0.source.document: cites GMCA, an English source, in a Scottish table: mark the line "
    "`proxy: {nation: england, reason: ...}`, saying why no Scottish figure is used",
    "proxy-of-its-own-nation": "proxy-of-its-own-nation.yaml:16:15: lines.0.proxy.nation: a proxy "
    "is another nation's figure: the table is for England",
    "coverage-not-the-lines": "coverage-not-the-lines.yaml:4:11: coverage.stages: the stages "
    "listed are not the stages of the lines: lines cost accommodation, not listed; no line costs "
    "permanence, proceedings",
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_tables_validate_refuses_it_where_it_is(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID_TABLES)
    result = run("tables", "validate", f"{name}.yaml")
    assert result.exit_code == 1
    summary, problems = result.stderr.split("\n", 1)  # a failure's summary comes first
    assert summary == "1 table checked: 0 without problems, 1 with problems (below)"
    assert problems.startswith(REFUSED[name])
    assert "Traceback" not in result.stderr


def test_an_extension_cannot_add_an_english_body_to_a_scottish_table(write_yaml: WriteYaml) -> None:
    court = line(id="court", agency="Cafcass", classification="other_agency")
    path = write_yaml(
        "local.yaml", {"name": "local", "title": "Local", "extends": SCOTLAND, "add": [court]}
    )
    result = run("tables", "validate", path)
    assert result.exit_code == 1
    assert "add.0.agency: Cafcass serves England and Wales, not Scotland" in result.stderr


def test_an_extension_moving_an_english_table_to_scotland_is_told_which_line(
    write_yaml: WriteYaml,
) -> None:
    path = write_yaml(
        "moved.yaml", {"name": "moved", "title": "Moved", "extends": ENGLAND, "nation": "scotland"}
    )
    result = run("tables", "validate", path)
    assert result.exit_code == 1
    assert "nation: care-journey-england's line 'court-costs-public-law-case': HM Courts" in (
        result.stderr
    )


def test_the_shipped_tables_pass_every_rule() -> None:
    result = run("tables", "validate", UNIT_COSTS / f"{SCOTLAND}.yaml", ENGLAND)
    assert result.exit_code == 0, result.stderr
