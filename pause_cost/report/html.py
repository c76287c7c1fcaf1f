"""The pack as one printable page: a self-contained HTML5 document with inline SVG charts.

The page lays out what the pack holds and computes nothing: the tables are the render
documents' (``estimate_document`` and the uncertainty documents, the blocks a Markdown report
shows, made into :mod:`.view`'s blocks), and each chart (:mod:`.charts`, one module each) draws
figures the results carry, with its data as a table beneath it.

Same inputs, same bytes: no timestamp unless ``--date`` gives one, and the charts' SVG is made
deterministic (:mod:`.svg`). No script, font, image or link leaves the page; every text field
passes through Jinja2's autoescape, and the SVG, the only markup not escaped, carries no text
at all, which :func:`~pause_cost.report.svg.check_svg` checks again here.

Jinja2 (with MarkupSafe) and matplotlib are imported only inside the functions that use them,
so no other command loads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from pause_cost.render.contracts import contract_document
from pause_cost.render.estimate import estimate_document
from pause_cost.render.options import acceptability_document, options_document
from pause_cost.render.simulation import simulation_document
from pause_cost.render.uncertainty import (
    breakeven_document,
    tornado_document,
)
from pause_cost.report.business_page import business_case_parts
from pause_cost.report.charts.acceptability import acceptability_chart
from pause_cost.report.charts.cash import cash_chart
from pause_cost.report.charts.funders import funders_chart
from pause_cost.report.charts.histogram import histogram_chart
from pause_cost.report.charts.stage import stage_chart
from pause_cost.report.charts.tornado import tornado_chart
from pause_cost.report.pack import Pack, headline
from pause_cost.report.svg import check_svg, drawing
from pause_cost.report.view import Chart, Item, page_items
from pause_cost.visible import visible

TEMPLATE = "templates/page.html.j2"


@dataclass(frozen=True)
class Part:
    """A major section: the first opens the page, each other starts a printed page."""

    key: str
    heading: str
    items: tuple[Item, ...]
    flags: tuple[str, ...] = field(default=())


def _parts(pack: Pack) -> list[Part]:
    estimate = pack.estimate
    document = estimate_document(estimate)
    parts = [
        Part("estimate", "The estimate", tuple(page_items(document)), flags=document.flags),
    ]
    with drawing():
        charts = [
            chart
            for chart in (stage_chart(estimate), cash_chart(estimate), funders_chart(estimate))
            if chart is not None
        ]
        if charts:
            parts.append(Part("charts", "The estimate in charts", tuple(charts)))
        if pack.tornado is not None:
            document = tornado_document(pack.tornado)
            drawn = tornado_chart(pack.tornado, document)
            parts.append(Part("sensitivity", document.title, tuple(page_items(document, drawn))))
        if pack.breakeven is not None:
            document = breakeven_document(pack.breakeven)
            parts.append(Part("break-even", document.title, tuple(page_items(document))))
        if pack.simulation is not None:
            document = simulation_document(pack.simulation)
            drawn = histogram_chart(pack.simulation, document)
            parts.append(Part("monte-carlo", document.title, tuple(page_items(document, drawn))))
        if pack.options is not None:
            document = options_document(pack.options)
            parts.append(Part("options", document.title, tuple(page_items(document))))
        if pack.acceptability is not None:
            document = acceptability_document(pack.acceptability)
            drawn = acceptability_chart(pack.acceptability, document)
            parts.append(Part("acceptability", document.title, tuple(page_items(document, drawn))))
    if pack.contract is not None:
        document = contract_document(pack.contract)
        parts.append(
            Part("contract", document.title, tuple(page_items(document)), flags=document.flags)
        )
    return business_case_parts(pack, parts)


def write(pack: Pack) -> str:
    """The page: the same pack gives the same text."""
    return page(
        _parts(pack),
        title=pack.title,
        council=pack.estimate.scenario.council,
        date=pack.date,
        headline=headline(pack.estimate, pack.simulation),
    )


def page(parts: list[Part], *, title: str, council: str, date: str | None, headline: str) -> str:
    """The parts as one page, the first opening it and each other starting a printed page."""
    import jinja2
    from markupsafe import Markup

    for part in parts:
        for item in part.items:
            if isinstance(item, Chart):
                check_svg(item.svg)

    def finalize(value: object) -> object:
        """Every field shown as written, a character that acts or hides as its code (as every
        medium shows it); then Jinja2 escapes it. The SVG alone is markup, checked above."""
        return value if isinstance(value, Markup) else visible(str(value), newlines=False)

    environment = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        finalize=finalize,
        loader=jinja2.PackageLoader("pause_cost.report"),
    )
    environment.filters["svg"] = Markup
    source = resources.files("pause_cost.report").joinpath(TEMPLATE).read_text(encoding="utf-8")
    template = environment.from_string(source)
    return template.render(title=title, council=council, date=date, headline=headline, parts=parts)
