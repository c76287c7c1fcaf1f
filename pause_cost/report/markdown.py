"""The pack as Markdown: the committee section as ``estimate -f markdown`` gives it, with the
paragraph a councillor reads first under its heading, then each analysis that was run and the
outcomes contract where the scenario has one."""

from __future__ import annotations

from dataclasses import replace

from pause_cost.render import markdown
from pause_cost.render.contracts import contract_document
from pause_cost.render.document import CAVEAT, Document, Paragraph
from pause_cost.render.escape import markdown as escaped
from pause_cost.render.estimate import estimate_document
from pause_cost.render.options import acceptability_document, options_document
from pause_cost.render.simulation import simulation_document
from pause_cost.render.uncertainty import (
    breakeven_document,
    tornado_document,
)
from pause_cost.report.pack import Pack, headline


def write(pack: Pack) -> str:
    document = estimate_document(pack.estimate)
    section = markdown.write(document).rstrip("\n")
    heading, _, rest = section.partition("\n\n")
    subtitle, _, body = rest.partition("\n\n")
    opening = [heading, subtitle]
    if pack.date is not None:
        opening.append(escaped(pack.date))
    opening.append(escaped(headline(pack.estimate, pack.simulation, pack.tornado)))
    parts = ["\n\n".join([*opening, body])]
    said = {flag.lower() for flag in document.flags}
    for analysis in (
        tornado_document(pack.tornado) if pack.tornado else None,
        breakeven_document(pack.breakeven) if pack.breakeven else None,
        simulation_document(pack.simulation) if pack.simulation else None,
        options_document(pack.options) if pack.options else None,
        acceptability_document(pack.acceptability) if pack.acceptability else None,
        contract_document(pack.contract) if pack.contract else None,
    ):
        if analysis is not None:
            parts.append(markdown.write(_unsaid(analysis, said)).rstrip("\n"))
    return "\n\n".join(parts) + "\n"


def _unsaid(document: Document, said: set[str]) -> Document:
    """The document less each caveat the pack has said already (an analysis repeats its
    inputs' caveats); what it says is added to ``said``."""
    sections = []
    for section in document.sections:
        blocks = []
        for block in section.blocks:
            if isinstance(block, Paragraph) and block.text.startswith(CAVEAT):
                caveat = block.text.removeprefix(CAVEAT).lower()
                if caveat in said:
                    continue
                said.add(caveat)
            blocks.append(block)
        sections.append(replace(section, blocks=tuple(blocks)))
    flags = tuple(flag for flag in document.flags if flag.lower() not in said)
    said.update(flag.lower() for flag in flags)
    return replace(document, sections=tuple(sections), flags=flags)
