"""A nation's pack: the national table with each figure's kind, the routes, the ranges and the
drivers (the nation's document), then every source in full, as Markdown or as one printable
page on which the sources start a new printed page. It lays out results and computes nothing:
the headline reads the figures the result carries."""

from __future__ import annotations

from pause_cost.render import markdown
from pause_cost.render.cells import shown
from pause_cost.render.document import Count, Document, Money, Notes, Section
from pause_cost.render.national import national_document
from pause_cost.report.html import Part, page
from pause_cost.report.view import page_items
from pause_cost.results.national import NationalResult


def _figure(result: NationalResult, name: str) -> Money | Count | None:
    for row in result.rows:
        if row.figure == name:
            return Money(row.value) if row.unit.startswith("GBP") else Count(row.value, 1)
    return None


def headline(result: NationalResult) -> str:
    """What a reader quotes first: the area route, its cost and net, and their range."""
    infants = _figure(result, "area_route_infants_per_year")
    if infants is None:
        return (
            f"{result.title}: the published figures do not allow the nation's case to be "
            "built; what is missing is listed below."
        )
    text = f"The area route gives {shown(infants)} fewer infants entering care a year"
    if result.reproduces_published is not None:
        published = _figure(result, "published_national_reduction_per_year")
        text += (
            f" ({'reproducing' if result.reproduces_published else 'not reproducing'} the "
            f"published {shown(published) if published is not None else 'figure'})"
        )
    avoidance = _figure(result, "area_route_avoidance_per_year_gbp")
    cost = _figure(result, "national_programme_cost_per_year_gbp")
    net = _figure(result, "area_route_net_per_year_gbp")
    if avoidance is not None and cost is not None and net is not None:
        text += (
            f": {shown(avoidance)} of cost avoided a year against a derived programme cost of "
            f"{shown(cost)}, {shown(net)} net a year"
        )
    simulation = result.simulation
    if simulation is not None:
        spread = simulation.net_per_year
        text += (
            f" (P5 {shown(Money(spread.p5_gbp))} to P95 {shown(Money(spread.p95_gbp))}, "
            f"{simulation.draws:,} draws, seed {simulation.seed})"
        )
    return text + ". Every derived or judged figure is marked; read the sources before quoting."


def sources_document(result: NationalResult) -> Document:
    """Every figure's source in full (document, edition, location, address, note), and each
    derived figure's derivation, numbered in the national table's order."""
    texts = []
    for row in result.rows:
        if row.source is not None:
            source = row.source
            text = f"{row.figure} ({row.kind}): {source.cite()}"
            if source.url:
                text += f" <{source.url}>"
            for label, words in (("", source.note), ("Derivation: ", row.derivation)):
                if words:
                    text = f"{text.rstrip('.')}. {label}{words}"
        else:
            text = f"{row.figure} (derived here): {row.derivation or 'no derivation given'}"
        texts.append(text)
    return Document(
        title="Sources",
        sections=(Section((Notes("S", "Each figure's source in full", tuple(texts)),)),),
    )


def write_markdown(result: NationalResult) -> str:
    """The headline, the nation's document, then its sources."""
    main = markdown.write(national_document(result)).rstrip("\n")
    title, _, rest = main.partition("\n")
    sources = markdown.write(sources_document(result)).rstrip("\n")
    body = "\n".join(f"#{line}" if line.startswith("#") else line for line in sources.split("\n"))
    return f"{title}\n\n{headline(result)}\n{rest}\n\n{body}\n"


def write_html(result: NationalResult) -> str:
    """One page: the nation's case opens it; the sources start a new printed page."""
    document = national_document(result)
    parts = [
        Part("nation", "The nation's case", tuple(page_items(document)), flags=document.flags),
        Part("sources", "Sources", tuple(page_items(sources_document(result))), new_page=True),
    ]
    return page(
        parts,
        title=result.title,
        council=f"nation: {result.nation}",
        date=None,
        headline=headline(result),
    )
