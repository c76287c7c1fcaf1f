"""Make the committee page's screenshots in docs/: the page on screen, and its first two printed
pages.

    python -m tests.make_screenshot [--height PIXELS] [--folder PATH]

The page is the one
``pause-cost report scenarios/rotherham-2020-uncertain.yaml -o pack.html --sensitivity
--simulate 2000 --seed 7 --acceptability 200000:800000:7 --return 2 --option
scenarios/rotherham-2020-calendar.yaml`` writes: every analysis the report can carry. Headless
Chromium (over its DevTools pipe, tests/browser.py) opens it at A4 width and takes
``report-page.png`` (its first PIXELS CSS pixels, 2400 unless given; 0 for the whole page);
then prints it to PDF on A4, as a reader's browser would, and pdfium draws the first two
printed pages, ``report-printed-1.png`` and ``report-printed-2.png`` (the two-page summary).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.browser import A4_WIDTH_PX, CHROMIUM, Browser

REPO = Path(__file__).resolve().parent.parent
SCENARIO = REPO / "scenarios" / "rotherham-2020-uncertain.yaml"
OPTION = REPO / "scenarios" / "rotherham-2020-calendar.yaml"
FOLDER = REPO / "docs"
PAGE = "report-page.png"
PRINTED = ("report-printed-1.png", "report-printed-2.png")
SCALE = 96 / 72
"""pdfium draws at 72 dots an inch at scale 1: this gives the screen's 96 (794 px across A4)."""


ANALYSES = (
    *("--sensitivity", "--simulate", "2000", "--seed", "7"),
    *("--acceptability", "200000:800000:7", "--return", "2", "--option", str(OPTION)),
)


def write_page(target: Path) -> None:
    """The page, with every analysis, written by `pause-cost report` itself."""
    subprocess.run(
        [sys.executable, "-m", "pause_cost", "report", str(SCENARIO), "-o", str(target), *ANALYSES],
        check=True,
        cwd=REPO,
        capture_output=True,
    )


def main() -> None:
    import pypdfium2

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--height",
        type=int,
        default=2400,
        help="CSS pixels of the page from the top (0: the whole page).",
    )
    parser.add_argument("--folder", type=Path, default=FOLDER)
    arguments = parser.parse_args()
    executable = Path(os.environ.get("PAUSE_COST_CHROMIUM", str(CHROMIUM)))
    with tempfile.TemporaryDirectory(prefix="pause-cost-page-") as folder:
        page_file = Path(folder) / "pack.html"
        write_page(page_file)
        with Browser(executable) as browser:
            page = browser.new_page()
            page.goto(page_file.as_uri())
            height = page.content_height()
            if arguments.height:
                height = min(height, arguments.height)
            png = page.screenshot({"x": 0, "y": 0, "width": A4_WIDTH_PX, "height": height})
            pdf = page.pdf()
    arguments.folder.mkdir(parents=True, exist_ok=True)
    (arguments.folder / PAGE).write_bytes(png)
    print(f"wrote {arguments.folder / PAGE} ({A4_WIDTH_PX} x {height:.0f} CSS px)")
    document = pypdfium2.PdfDocument(pdf)
    print(f"the page prints on {len(document)} A4 pages")
    for index, name in enumerate(PRINTED):
        image = document[index].render(scale=SCALE).to_pil().convert("RGB")
        target = arguments.folder / name
        image.save(target, format="PNG", optimize=True)
        print(f"wrote {target} (printed page {index + 1}, {image.width} x {image.height} px)")


if __name__ == "__main__":
    main()
