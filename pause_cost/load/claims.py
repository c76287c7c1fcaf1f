"""Published claims the estimate cannot meet on their terms, each refused where it is written."""

from __future__ import annotations

from pathlib import Path

from pause_cost.errors import InputError, Problem
from pause_cost.load import yaml as yamlmarks
from pause_cost.load.messages import located
from pause_cost.load.scenarios import scenario_document
from pause_cost.model.scenario import Scenario


def check_claims(scenario: Scenario, document: yamlmarks.Document) -> list[Problem]:
    """Years within horizon_years; a financial-year window only on a calendar (whose span the
    estimate checks, as only it lays the years out)."""
    claims = scenario.published.claims if scenario.published is not None else None
    problems: list[Problem] = []
    for index, claim in enumerate(claims or []):
        at = ("published", "claims", index)
        if claim.years is not None and claim.years > scenario.horizon_years:
            problems.append(
                located(
                    document.display_path,
                    document.marks.locate((*at, "years")),
                    f"published.claims.{index}.years",
                    f"{claim.years} years is beyond horizon_years ({scenario.horizon_years}); "
                    f"allowed: 1 to {scenario.horizon_years}",
                )
            )
        if claim.first_financial_year is not None and not scenario.on_calendar():
            problems.append(
                located(
                    document.display_path,
                    document.marks.locate((*at, "first_financial_year")),
                    f"published.claims.{index}.first_financial_year",
                    "a financial-year window needs a calendar: give the cohort a start month "
                    "(or a practice), or give the claim years after each birth",
                )
            )
    return problems


def claims_located(error: InputError, path: Path) -> InputError:
    """The estimate's refusal of a claim (a window outside the calendar, named by key), placed
    at the key in the scenario file; other problems as they were."""
    document = scenario_document(path, str(path))
    problems = []
    for problem in error.problems:
        key = problem.key or ""
        if problem.line is None and key.startswith("published.claims."):
            parts = tuple(int(part) if part.isdigit() else part for part in key.split("."))
            problem = located(str(path), document.marks.locate(parts), key, problem.message)
        problems.append(problem)
    return InputError(problems)
