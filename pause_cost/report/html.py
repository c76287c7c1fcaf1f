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

from dataclasses import dataclass, field, replace
from importlib import resources

from pause_cost.render.contracts import contract_document
from pause_cost.render.document import CAVEAT
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
from pause_cost.report.tokens import unbroken
from pause_cost.report.view import Chart, HtmlNotes, HtmlParagraph, HtmlTable, Item, page_items
from pause_cost.visible import visible

TEMPLATE = "templates/page.html.j2"


@dataclass(frozen=True)
class Part:
    """A section of the page, under its own heading.

    ``new_page``: it starts a printed page (the summary's first two pages end where the first
    such part begins). ``partial``: the template under ``templates/`` that lays the part out
    beneath its heading, given the part as ``part``; ``part.html.j2`` lays out its items as
    tables, paragraphs, notes and charts, and another partial may call the page's macros
    (``blocks``, ``table``, ``chart``) for its own items."""

    key: str
    heading: str
    items: tuple[Item, ...]
    flags: tuple[str, ...] = field(default=())
    new_page: bool = False
    partial: str = "part.html.j2"


KEY_TABLES = ("Inputs", "Cost avoidance", "Programme cost")
"""The estimate's tables that are its key figures, on the summary; the economic case's follow
under the cash flow, and the published check, the lines and their notes in the appendix."""
APPENDIX_TABLES = ("Against the published", "Lines")


def _estimate_parts(items: list[Item]) -> tuple[list[Item], list[Item], list[Item]]:
    """The estimate's blocks as key figures, cash flow and appendix, each in its order."""
    key: list[Item] = []
    cash: list[Item] = []
    appendix: list[Item] = []
    into = key
    for item in items:
        if isinstance(item, HtmlTable) and into is not appendix:
            if item.caption.startswith(APPENDIX_TABLES):
                into = appendix
            elif not item.caption.startswith(KEY_TABLES):
                into = cash
        elif isinstance(item, HtmlNotes):
            into = appendix
        into.append(item)
    return key, cash, appendix


def _heading(title: str, scenario: str) -> str:
    """An analysis's heading without the file's name (the page is the scenario's)."""
    return title.replace(f" of {scenario}:", ":").replace(f" of {scenario}", "")


def _caveats(parts: list[Part], flags: tuple[str, ...]) -> tuple[list[Part], tuple[str, ...]]:
    """Every 'read before quoting' the page's parts say, once: taken out of the parts (an
    analysis repeats its inputs' caveats) and given together, in order of first saying."""
    said = list(flags)
    kept = []
    for part in parts:
        items = []
        for item in part.items:
            if isinstance(item, HtmlParagraph) and item.text.startswith(CAVEAT):
                text = item.text.removeprefix(CAVEAT)
                said.append(text[:1].upper() + text[1:])
            else:
                items.append(item)
        said += part.flags
        kept.append(replace(part, items=tuple(items), flags=()))
    return kept, tuple(dict.fromkeys(said))


def _parts(pack: Pack) -> list[Part]:
    """Headline and key figures, charts, cash flow, uncertainty, then the appendix."""
    estimate = pack.estimate
    scenario = estimate.scenario.name
    document = estimate_document(estimate)
    key, cash, appendix = _estimate_parts(page_items(document))
    parts = [Part("summary", "Key figures", tuple(key), flags=document.flags)]
    analyses: list[Part] = []
    with drawing():
        charts = [
            chart
            for chart in (stage_chart(estimate), cash_chart(estimate), funders_chart(estimate))
            if chart is not None
        ]
        if charts:
            parts.append(Part("charts", "The estimate in charts", tuple(charts)))
        if cash:
            parts.append(Part("cash-flow", "Cash flow and the economic case", tuple(cash)))
        if pack.tornado is not None:
            document = tornado_document(pack.tornado)
            drawn = tornado_chart(pack.tornado, document)
            analyses.append(
                Part(
                    "sensitivity",
                    _heading(document.title, scenario),
                    tuple(page_items(document, drawn)),
                )
            )
        if pack.breakeven is not None:
            document = breakeven_document(pack.breakeven)
            analyses.append(
                Part("break-even", _heading(document.title, scenario), tuple(page_items(document)))
            )
        if pack.simulation is not None:
            document = simulation_document(pack.simulation)
            drawn = histogram_chart(pack.simulation, document)
            analyses.append(
                Part(
                    "monte-carlo",
                    _heading(document.title, scenario),
                    tuple(page_items(document, drawn)),
                )
            )
        if pack.options is not None:
            document = options_document(pack.options)
            analyses.append(Part("options", document.title, tuple(page_items(document))))
        if pack.acceptability is not None:
            document = acceptability_document(pack.acceptability)
            drawn = acceptability_chart(pack.acceptability, document)
            analyses.append(
                Part(
                    "acceptability",
                    _heading(document.title, scenario),
                    tuple(page_items(document, drawn)),
                )
            )
    if pack.contract is not None:
        document = contract_document(pack.contract)
        analyses.append(
            Part("contract", document.title, tuple(page_items(document)), flags=document.flags)
        )
    parts = business_case_parts(pack, parts)
    parts += analyses
    parts.append(
        Part("appendix", "Appendix: the lines, their sources and assumptions", tuple(appendix))
    )
    parts, caveats = _caveats(parts, ())
    parts[0] = replace(parts[0], flags=caveats)
    # The summary (headline, key figures and what to read before quoting them) prints on the
    # first pages; the rest (charts, cash flow, uncertainty) follows from a new page, and the
    # appendix starts one of its own.
    starts = {parts[1].key if len(parts) > 1 else "", "appendix"}
    return [
        replace(part, new_page=part.key in starts and index > 0) for index, part in enumerate(parts)
    ]


def write(pack: Pack) -> str:
    """The page: the same pack gives the same text."""
    return page(
        _parts(pack),
        title=pack.title,
        council=pack.estimate.scenario.council,
        date=pack.date,
        headline=headline(pack.estimate, pack.simulation, pack.tornado),
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
    )
    environment.filters["svg"] = Markup
    environment.filters["words"] = lambda text: Markup(unbroken(str(text)))
    folder = resources.files("pause_cost.report").joinpath("templates")
    environment.loader = jinja2.FunctionLoader(
        lambda name: folder.joinpath(name).read_text(encoding="utf-8")
    )
    template = environment.get_template(TEMPLATE.removeprefix("templates/"))
    return template.render(title=title, council=council, date=date, headline=headline, parts=parts)
