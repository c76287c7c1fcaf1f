"""A region's pack: a summary section (one row a council, the region's total, each council's
flags), then one section per council holding its estimate's document, as Markdown or as one
printable page on which each council starts a new printed page. It lays out results and
computes nothing."""

from __future__ import annotations

from dataclasses import dataclass

from pause_cost.render import markdown
from pause_cost.render.cells import shown
from pause_cost.render.document import Money
from pause_cost.render.estimate import estimate_document
from pause_cost.render.region import region_document
from pause_cost.report.html import Part, page
from pause_cost.report.view import page_items
from pause_cost.results.estimate import Estimate
from pause_cost.results.region import RegionResult
from pause_cost.results.workbook import Layout


@dataclass(frozen=True)
class RegionPack:
    """The region's results and each council's estimate, in the region file's order."""

    region: RegionResult
    estimates: tuple[Estimate, ...]
    layouts: tuple[Layout, ...] = ()
    """Each council's compiled case as its workbook sheets write it (the workbook needs them)."""


def _headline(region: RegionResult) -> str:
    return (
        f"{len(region.councils)} councils; the region's horizon cost avoidance: "
        f"{shown(Money(region.horizon_total_gbp))}."
    )


def _heading(name: str, result: Estimate) -> str:
    return f"{name} ({result.scenario.name})"


def write_markdown(pack: RegionPack) -> str:
    """The summary (the region's document), then each council's estimate under its name."""
    parts = [markdown.write(region_document(pack.region)).rstrip("\n")]
    for council, result in zip(pack.region.councils, pack.estimates, strict=True):
        written = markdown.write(estimate_document(result)).rstrip("\n").split("\n")
        body = "\n".join(f"#{line}" if line.startswith("#") else line for line in written)
        parts.append(f"## {_heading(council.name, result)}\n\n{body}")
    return "\n\n".join(parts) + "\n"


def write_html(pack: RegionPack) -> str:
    """One page: the summary opens it; each council's section starts a new printed page."""
    summary = region_document(pack.region)
    parts = [Part("summary", "The region", tuple(page_items(summary)), flags=summary.flags)]
    for number, (council, result) in enumerate(
        zip(pack.region.councils, pack.estimates, strict=True), start=1
    ):
        document = estimate_document(result)
        parts.append(
            Part(
                f"council-{number}",
                _heading(council.name, result),
                tuple(page_items(document)),
                flags=document.flags,
                new_page=True,
            )
        )
    return page(
        parts,
        title=pack.region.title,
        council=summary.subtitle or pack.region.name,
        date=None,
        headline=_headline(pack.region),
    )
