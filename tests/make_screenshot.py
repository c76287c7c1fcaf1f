"""Make docs/report-page.png: the committee page of rotherham-2020-calendar at A4 width.

    python -m tests.make_screenshot [--height PIXELS] [--output PATH]

The page is the one ``pause-cost report scenarios/rotherham-2020-calendar.yaml -o pack.html``
writes; the screenshot is the whole page (or its first PIXELS CSS pixels), taken by headless
Chromium over its DevTools pipe (tests/browser.py).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from pause_cost.api import pack as build_pack
from pause_cost.report import html
from tests.browser import A4_WIDTH_PX, CHROMIUM, Browser

REPO = Path(__file__).resolve().parent.parent
SCENARIO = REPO / "scenarios" / "rotherham-2020-calendar.yaml"
OUTPUT = REPO / "docs" / "report-page.png"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--height",
        type=int,
        default=None,
        help="CSS pixels from the top (default: the whole page).",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    executable = Path(os.environ.get("PAUSE_COST_CHROMIUM", str(CHROMIUM)))
    with tempfile.TemporaryDirectory(prefix="pause-cost-page-") as folder:
        page_file = Path(folder) / "pack.html"
        page_file.write_text(html.write(build_pack(SCENARIO)), encoding="utf-8")
        with Browser(executable) as browser:
            page = browser.new_page()
            page.goto(page_file.as_uri())
            height = page.content_height()
            if arguments.height is not None:
                height = min(height, arguments.height)
            png = page.screenshot({"x": 0, "y": 0, "width": A4_WIDTH_PX, "height": height})
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    arguments.output.write_bytes(png)
    print(f"wrote {arguments.output} ({A4_WIDTH_PX} x {height:.0f} CSS px)")


if __name__ == "__main__":
    main()
