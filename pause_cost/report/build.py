"""A pack in a format, as the bytes of its file."""

from __future__ import annotations

from pause_cost.report.pack import Pack


def render(pack: Pack, output_format: str) -> bytes:
    """The pack as a workbook (``xlsx``), a page (``html``) or Markdown (``markdown``)."""
    if output_format == "xlsx":
        from pause_cost.report import xlsx

        return xlsx.write(pack)
    if output_format == "html":
        from pause_cost.report.html import write as write_page

        return write_page(pack).encode("utf-8")
    from pause_cost.report import markdown

    return markdown.write(pack).encode("utf-8")
