"""The committee page (``pause-cost report SCENARIO -o pack.html``): the same bytes for the same
inputs, self-contained and strictly valid HTML, every headline and line figure the engine's
(read from ``estimate -f json``, never from the page), scenario text shown as text, and in a
real browser: silent, offline, charts drawn, printable on A4.

The browser is Chromium, driven over its DevTools pipe (``tests/browser.py``); these tests do
not skip without it: CI installs it.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import html5lib
import pytest
import yaml
from PIL import Image

from pause_cost.report.charts.stage import STAGES
from tests.browser import A4_PRINTED_WIDTH_PX, A4_WIDTH_PX, Browser
from tests.conftest import REPO, SCENARIOS, dump_yaml, quoted_by_hand, run

CALENDAR = SCENARIOS / "rotherham-2020-calendar.yaml"
JOINT = SCENARIOS / "rotherham-2021-joint-funding.yaml"
UNCERTAIN = SCENARIOS / "rotherham-2020-uncertain.yaml"
BOTTOM_UP = SCENARIOS / "rotherham-2020-bottom-up.yaml"
CONTRACT = SCENARIOS / "plymouth-2019-outcomes-contract.yaml"
ANALYSES = ("--sensitivity", "--simulate", "2000", "--seed", "7")

EVERY_ANALYSIS = (
    *ANALYSES,
    *("--acceptability", "200000:800000:7", "--return", "2"),
    *("--option", str(CALENDAR)),
)
"""Every analysis `pause-cost report` can carry for rotherham-2020-uncertain (see --help): the
tornado and break-even, the Monte Carlo, the options appraisal and the acceptability curve."""

CASES: dict[str, tuple[Path, tuple[str, ...]]] = {
    "calendar": (CALENDAR, ()),
    "joint": (JOINT, ()),
    "uncertain": (UNCERTAIN, ANALYSES),
    "every-analysis": (UNCERTAIN, EVERY_ANALYSIS),
    "contract": (CONTRACT, ()),
}
PRINTED_CAP = 12
"""A4 pages at most for one council with every analysis (issue 21)."""

HOSTILE_TITLE = "<script>alert(1)</script> $x^2$ & \" ' title"
HOSTILE_COUNCIL = "Council of <script>alert(1)</script> $x^2$ & \" '"
HOSTILE_NOTES = "Notes <script>alert(1)</script> with $x^2$ and & \" '"
# Not valid mathtext: matplotlib raises on it if it reads a label as mathtext.
HOSTILE_FUNDER = "<script>alert(1)</script> $x^2$ $\\frac$ & \" '"

CHROMIUM = Path(os.environ.get("PAUSE_COST_CHROMIUM", "/usr/bin/chromium"))
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")
SVG = "{http://www.w3.org/2000/svg}svg"


def pounds(value: Decimal) -> str:
    """A figure as the page shows it: rounded half up to the pound, '£1,234,567'."""
    whole = value.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{'-' if whole < 0 else ''}£{abs(whole):,}"


def report(scenario: Path, output: Path, *options: str) -> bytes:
    result = run("report", scenario, "-o", output, *options)
    assert result.exit_code == 0, result.stderr
    return output.read_bytes()


def engine(scenario: Path) -> dict[str, Any]:
    """The estimate as the engine publishes it, numbers as the decimals JSON writes."""
    result = run("estimate", scenario, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout, parse_float=Decimal, parse_int=Decimal)
    return data


def parse(page: bytes) -> Element:
    """The page parsed strictly: any HTML parse error fails."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    root: Element = parser.parse(page)
    return root


def text_of(element: Element) -> str:
    return "".join(element.itertext())


def by_id(root: Element, key: str) -> Element:
    found = root.find(f".//*[@id='{key}']")
    assert found is not None, f"no element #{key}"
    return found


def table_rows(element: Element) -> list[list[str]]:
    """The body rows of the first table in an element, as the text of each cell."""
    body = element.find(".//table/tbody")
    assert body is not None
    return [[" ".join(text_of(cell).split()) for cell in row] for row in body.findall("tr")]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    made = {}
    for name, (scenario, options) in CASES.items():
        made[name] = folder / f"{name}.html"
        report(scenario, made[name], *options)
    return made


@pytest.mark.parametrize("name", CASES)
def test_the_same_inputs_give_the_same_bytes(
    name: str, pages: dict[str, Path], tmp_path: Path
) -> None:
    scenario, options = CASES[name]
    assert report(scenario, tmp_path / "again.html", *options) == pages[name].read_bytes()


@pytest.mark.slow
def test_another_process_gives_the_same_bytes(pages: dict[str, Path], tmp_path: Path) -> None:
    """Nothing on the page depends on the process: not its hash seed, not the time."""
    output = tmp_path / "elsewhere.html"
    subprocess.run(
        [sys.executable, "-m", "pause_cost", "report", str(CALENDAR), "-o", str(output)],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert output.read_bytes() == pages["calendar"].read_bytes()


@pytest.mark.parametrize("name", CASES)
def test_the_page_is_self_contained_and_parses_strictly(name: str, pages: dict[str, Path]) -> None:
    page = pages[name].read_bytes()
    text = page.decode("utf-8")
    assert text.startswith("<!DOCTYPE html>\n")
    assert "<script" not in text.lower()
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", text, re.I)
    assert not re.search(r"<(?:link|img|iframe|object|embed|base)\b|@import|@font-face", text, re.I)
    # Every url() in the page points inside it (the charts' clip paths and hatches).
    assert set(re.findall(r"url\(\s*(.)", text)) <= {"#"}
    root = parse(page)
    assert root.get("lang") == "en-GB"
    assert root.find("head/meta[@charset='utf-8']") is not None
    # No timestamp unless --date gives one.
    assert root.find(".//time") is None


def test_a_date_is_printed_only_where_given(tmp_path: Path) -> None:
    page = report(CALENDAR, tmp_path / "dated.html", "--date", "2026-03-31")
    time = parse(page).find(".//time")
    assert time is not None
    assert time.get("datetime") == "2026-03-31"


@pytest.mark.parametrize("name", CASES)
def test_every_headline_and_line_figure_is_the_engines(name: str, pages: dict[str, Path]) -> None:
    data = engine(CASES[name][0])
    root = parse(pages[name].read_bytes())
    body = root.find("body")
    assert body is not None
    shown = " ".join(text_of(body).split())
    horizon = data["horizon"]
    expected = [pounds(horizon[key]) for key in ("total_gbp", "cashable_gbp", "internal_gbp")]
    programme = data["programme"]
    if programme["net_gbp"] is not None:
        expected.append(pounds(programme["net_gbp"]))
    economics = data["economics"]
    if economics["appraisal"] is not None:
        expected.append(pounds(economics["appraisal"]["npv_gbp"]))
    if economics["calendar"] is not None:
        payback = economics["calendar"]["payback_financial_year"]
        assert payback is not None
        expected.append(f"paying back in {payback}")
        expected.append(f"{payback} (payback)")
    elif programme["payback_year"] is not None:
        expected.append(f"year {programme['payback_year']}")
    expected += [pounds(line["horizon_gbp"]) for line in data["lines"]]
    missing = [figure for figure in expected if figure not in shown]
    assert not missing
    # The headline names the same figures, rounded as a reader quotes them, in one paragraph a
    # councillor reads first, with the price base it is in.
    headline = root.find(".//p[@class='headline']")
    assert headline is not None
    for key in ("total_gbp", "cashable_gbp", "internal_gbp"):
        assert quoted_by_hand(horizon[key]) in text_of(headline)
    assert "Prices: " in text_of(headline)


@pytest.mark.parametrize("scenario", [CALENDAR, BOTTOM_UP])
def test_the_stage_chart_shows_the_estimates_stages(scenario: Path, tmp_path: Path) -> None:
    """The chart draws the estimate's own roll-up by stage (``by_stage``, held to its lines in
    ``test_rollups.py``), in the same order, with other agencies' column only where there are
    any."""
    data = engine(scenario)
    others = any(line["classification"] == "other_agency" for line in data["lines"])
    expected = []
    for stage in data["by_stage"]:
        row = [STAGES[stage["stage"]]]
        row += [pounds(stage[name]) for name in ("cashable_gbp", "internal_gbp", "total_gbp")]
        if others:
            row.append(pounds(stage["other_agencies_gbp"]))
        expected.append(row)
    root = parse(report(scenario, tmp_path / "page.html"))
    figure = by_id(root, "chart-stage")
    assert table_rows(figure) == expected


def test_the_cash_flow_and_funders_charts_carry_the_engines_figures(
    pages: dict[str, Path],
) -> None:
    data = engine(JOINT)
    root = parse(pages["joint"].read_bytes())
    payback = data["economics"]["calendar"]["payback_financial_year"]
    cash = [
        [
            year["financial_year"] + (" (payback)" if year["financial_year"] == payback else ""),
            pounds(year["total_gbp"]),
            pounds(year["programme_cost_gbp"]),
            pounds(year["cumulative_net_gbp"]),
        ]
        for year in data["economics"]["calendar"]["years"]
    ]
    assert table_rows(by_id(root, "chart-cash")) == cash
    funders = [
        [
            funder["name"],
            f"{funder['share_of_programme_cost']:f}",
            pounds(funder["cost_gbp"]),
            pounds(funder["savings_gbp"]),
            pounds(funder["net_gbp"]),
        ]
        for funder in data["economics"]["funders"]["positions"]
    ]
    assert table_rows(by_id(root, "chart-funders")) == funders


def test_each_chart_is_a_titled_described_figure_with_its_data(pages: dict[str, Path]) -> None:
    root = parse(pages["uncertain"].read_bytes())
    figures = root.findall(".//figure")
    assert [figure.get("id") for figure in figures] == [
        "chart-stage",
        "chart-cash",
        "chart-tornado",
        "chart-histogram",
    ]
    for figure in figures:
        key = figure.get("id")
        svg = figure.find(SVG)
        assert svg is not None
        assert svg.get("role") == "img"
        assert svg.get("aria-labelledby") == f"{key}-title"
        assert text_of(by_id(figure, f"{key}-title")).strip()
        description = text_of(by_id(figure, f"{key}-desc"))
        assert 0 < description.count(". ") + 1 <= 2
        # The data sits right beneath the chart, in the same figure.
        children = [child.tag for child in figure]
        assert children[-2:] == [SVG, "table"]
        assert figure.find("table/thead/tr/th[@scope='col']") is not None


def _hostile_copy(source: Path, folder: Path, **changes: Any) -> Path:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data.update(changes)
    path = folder / source.name
    path.write_text(dump_yaml(data), encoding="utf-8")
    return path


def test_scenario_text_is_shown_as_text(tmp_path: Path) -> None:
    scenario = _hostile_copy(
        CALENDAR, tmp_path, title=HOSTILE_TITLE, council=HOSTILE_COUNCIL, notes=HOSTILE_NOTES
    )
    page = report(scenario, tmp_path / "page.html")
    text = page.decode("utf-8")
    assert "<script" not in text.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    root = parse(page)
    title = root.find("head/title")
    assert title is not None
    assert text_of(title) == HOSTILE_TITLE
    assert text_of(by_id(root, "title")) == HOSTILE_TITLE
    council = root.find(".//p[@class='council']")
    assert council is not None
    assert text_of(council) == HOSTILE_COUNCIL
    paragraphs = [text_of(p) for p in root.iter("p")]
    assert f"Notes: {HOSTILE_NOTES}" in paragraphs


def test_funders_names_reach_the_chart_as_text_not_mathtext(tmp_path: Path) -> None:
    data = yaml.safe_load(JOINT.read_text(encoding="utf-8"))
    funders = data["funders"]
    funders[0]["name"] = HOSTILE_FUNDER
    funders[1]["name"] = "NHS $y$ fund"
    scenario = _hostile_copy(JOINT, tmp_path, funders=funders)
    # matplotlib would fail on '$\frac$' were a label read as mathtext.
    page = report(scenario, tmp_path / "page.html")
    assert "<script" not in page.decode("utf-8").lower()
    root = parse(page)
    names = [row[0] for row in table_rows(by_id(root, "chart-funders"))]
    assert names == [HOSTILE_FUNDER, "NHS $y$ fund"]


def test_characters_that_act_or_hide_are_shown_as_codes(tmp_path: Path) -> None:
    page = report(REPO / "tests" / "data" / "hostile" / "escapes.yaml", tmp_path / "page.html")
    text = page.decode("utf-8")
    acting = [c for c in text if c not in "\n\t" and unicodedata.category(c) in ("Cc", "Cf")]
    assert not acting
    root = parse(page)
    assert text_of(by_id(root, "title")) == (
        "Costed\\x1b[2J\\x1b]0;pwned\\x07 \\u202eevil # A forged heading <script>alert(1)</script>"
    )


# In a real browser.


MID_TOKEN_BREAKS = r"""
(() => {
  // Every line break inside the page's text, found by measuring where each character is laid:
  // a character that starts a new line (its box lower than the character before it, in the
  // same block) must follow a space or a <wbr>, never another character of the same token.
  const found = [];
  const blocks = document.querySelectorAll('h1, h2, h3, p, li, caption, th, td');
  for (const block of blocks) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    let before = null;
    let opening = false;
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.tagName === 'WBR') opening = true;
        continue;
      }
      for (let index = 0; index < node.data.length; index++) {
        const character = node.data[index];
        text += character;
        if (/\s/.test(character)) { opening = true; continue; }
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const box = range.getBoundingClientRect();
        if (box.height === 0) continue;
        if (before !== null && !opening && box.top >= before.bottom - 1) {
          found.push(text.slice(-24) + ' | in <' + block.tagName.toLowerCase() + '>');
        }
        before = box;
        opening = false;
      }
    }
  }
  return found;
})()
"""
"""Each place a line breaks inside a token (a run of characters with no space between), as
the text up to it; a break is allowed only at a space, or at a ``<wbr>`` the page set in a
long identifier (after a '/' or '.' of a path or an address)."""

OVERFLOW = (
    "Array.from(document.querySelectorAll('body *'))"
    ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)"
    ".map(e => e.tagName + ': ' + (e.textContent || '').slice(0, 40))"
)
"""Every element reaching past the page's right edge (a token too wide for its column)."""

WIDTHS = {"A4": A4_WIDTH_PX, "1280 px": 1280, "printed": A4_PRINTED_WIDTH_PX}


@dataclass
class Browsed:
    url: str
    console: list[str]
    requests: list[str]
    screenshot: bytes
    charts: dict[str, bytes]
    pdf: bytes
    breaks: dict[str, list[str]]
    overflow: dict[str, list[str]]


@pytest.fixture(scope="module")
def browsed(pages: dict[str, Path]) -> dict[str, Browsed]:
    """Each page opened once, at A4 width: what it logged and fetched, a screenshot of its
    first 1600 pixels and of each chart, and the page printed to PDF."""
    assert CHROMIUM.is_file(), f"Chromium is needed at {CHROMIUM} (CI installs it)"
    results = {}
    with Browser(CHROMIUM) as browser:
        for name, path in pages.items():
            page = browser.new_page()
            page.goto(path.as_uri())
            boxes = page.evaluate(
                "Array.from(document.querySelectorAll('figure')).map(figure => {"
                " const box = figure.querySelector('svg').getBoundingClientRect();"
                " return [figure.id, box.x + window.scrollX, box.y + window.scrollY,"
                " box.width, box.height]; })"
            )
            height = min(page.content_height(), 1600)
            breaks: dict[str, list[str]] = {}
            overflow: dict[str, list[str]] = {}
            screenshot = page.screenshot({"x": 0, "y": 0, "width": A4_WIDTH_PX, "height": height})
            for label, width in WIDTHS.items():
                page.media("print" if label == "printed" else "")
                page.resize(width)
                breaks[label] = page.evaluate(MID_TOKEN_BREAKS)
                overflow[label] = page.evaluate(OVERFLOW)
            page.media("")
            page.resize(A4_WIDTH_PX)
            results[name] = Browsed(
                url=path.as_uri(),
                console=page.console,
                requests=page.requests,
                screenshot=screenshot,
                charts={
                    key: page.screenshot({"x": x, "y": y, "width": width, "height": tall})
                    for key, x, y, width, tall in boxes
                },
                pdf=page.pdf(),
                breaks=breaks,
                overflow=overflow,
            )
    return results


def _figures(page: Path) -> list[str]:
    return [str(figure.get("id")) for figure in parse(page.read_bytes()).iter("figure")]


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
def test_in_a_browser_the_page_is_silent_and_fetches_nothing(
    name: str, browsed: dict[str, Browsed]
) -> None:
    seen = browsed[name]
    assert seen.console == []
    assert seen.requests == [seen.url]


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
def test_in_a_browser_every_chart_is_drawn(
    name: str, pages: dict[str, Path], browsed: dict[str, Browsed]
) -> None:
    seen = browsed[name]
    shot = Image.open(io.BytesIO(seen.screenshot))
    assert shot.width == A4_WIDTH_PX
    assert list(seen.charts) == _figures(pages[name])
    assert seen.charts
    for key, png in seen.charts.items():
        image = Image.open(io.BytesIO(png)).convert("RGB")
        total = image.width * image.height
        colours = image.getcolors(maxcolors=total)
        assert colours is not None
        white = sum(count for count, colour in colours if colour == (255, 255, 255))
        assert total - white > 0.01 * total, key
        assert len(colours) >= 3, key


def test_the_charts_follow_the_pack(pages: dict[str, Path]) -> None:
    """A chart for each part the pack has, none for a part it lacks."""
    assert _figures(pages["calendar"]) == ["chart-stage", "chart-cash"]
    assert _figures(pages["joint"]) == ["chart-stage", "chart-cash", "chart-funders"]


def _sections(page: Path) -> list[Element]:
    body = parse(page.read_bytes()).find("body")
    assert body is not None
    return [child for child in body if child.tag == "section"]


def test_the_page_reads_headline_key_figures_charts_cash_flow_uncertainty_then_appendix(
    pages: dict[str, Path],
) -> None:
    sections = _sections(pages["every-analysis"])
    assert [section.get("id") for section in sections] == [
        "summary",
        "charts",
        "cash-flow",
        "business-case",
        "sensitivity",
        "break-even",
        "monte-carlo",
        "options",
        "acceptability",
        "appendix",
    ]
    summary = sections[0]
    opening = [child.tag for child in summary][:2]
    assert opening == ["header", "h2"]  # the headline, then the key figures
    assert [text_of(c) for c in summary.iter("caption")] == [
        "Inputs",
        "Cost avoidance, by year after each avoided birth",
        "Programme cost",
    ]
    appendix = sections[-1]
    captions = [text_of(caption) for caption in appendix.iter("caption")]
    assert captions[-1] == "Lines"
    assert [text_of(h3) for h3 in appendix.iter("h3")] == ["Sources", "Assumptions"]
    # The summary ends where the charts begin, on a new printed page; the appendix starts one.
    starting = [s.get("id") for s in sections if "new-page" in s.get("class", "").split()]
    assert starting == ["charts", "appendix"]


@pytest.mark.parametrize("name", CASES)
def test_each_caveat_is_said_once(name: str, pages: dict[str, Path]) -> None:
    """What to read before quoting is said once, on the summary: the estimate's flags and every
    analysis's caveats together, none repeated and none left in an analysis's section."""
    sections = _sections(pages[name])
    said = [" ".join(text_of(item).split()) for item in sections[0].iterfind(".//section/ul/li")]
    assert said
    assert len(said) == len(set(said))
    data = engine(CASES[name][0])
    for flag in data["flags"]:
        assert " ".join(flag["message"].split()) in said
    paragraphs = [text_of(p) for section in sections for p in section.iter("p")]
    assert not [p for p in paragraphs if p.startswith("Read before quoting")]
    headings = [text_of(h3) for section in sections for h3 in section.iter("h3")]
    assert headings.count("Read before quoting") == 1


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
def test_printed_on_a4_the_summary_fills_the_first_two_pages_and_the_rest_follows(
    name: str, pages: dict[str, Path], browsed: dict[str, Browsed]
) -> None:
    """Read from the PDF Chromium prints: the headline and key figures on pages 1-2, the charts
    opening page 3 (or 2, where the summary is short), and the whole at most 12 A4 pages."""
    import pypdfium2

    document = pypdfium2.PdfDocument(browsed[name].pdf)
    texts = [page.get_textpage().get_text_range() for page in document]
    assert 1 < len(texts) <= PRINTED_CAP
    assert len(texts) == len(PDF_PAGE.findall(browsed[name].pdf))
    title = " ".join(text_of(by_id(parse(pages[name].read_bytes()), "title")).split())
    assert " ".join(texts[0].split()).startswith(title)
    assert "Key figures" in texts[0]
    charts = next(
        index for index, text in enumerate(texts) if text.startswith("The estimate in charts")
    )
    assert charts in (1, 2)
    summary = "".join(texts[:charts])
    assert "Read before quoting" in summary
    width, height = document[0].get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (210, 297)


@pytest.mark.slow
@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("width", WIDTHS)
def test_no_line_breaks_inside_a_token(name: str, width: str, browsed: dict[str, Browsed]) -> None:
    """Measured in the browser (each character's box), at A4 width, at 1280 px and laid out for
    print: every line breaks at a space, never inside '2020/21', a figure or a word, and nothing
    reaches past the page's edge."""
    assert browsed[name].breaks[width] == []
    assert browsed[name].overflow[width] == []


@pytest.mark.slow
def test_the_browser_is_ended_when_the_client_closes() -> None:
    with Browser(CHROMIUM) as browser:
        process = browser.process
        assert process.poll() is None
    assert process.poll() is not None


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_text_and_chart_outlines_meet_wcag_aa_contrast(tmp_path: Path) -> None:
    """Measured, not assumed: every text colour on every background the page declares is at
    least 4.5:1 (AA for text); the charts draw every bar and line edge in the text ink, so
    each series is told apart by outline and hatching at that contrast, not by hue alone."""
    import re

    from pause_cost.report import svg

    page = tmp_path / "pack.html"
    assert run("report", SCENARIOS / "rotherham-2021-joint-funding.yaml", "-o", page).exit_code == 0
    text = page.read_text(encoding="utf-8")
    style = text[text.index("<style") : text.index("</style>")]
    colours = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})", style))
    backgrounds = set(re.findall(r"background(?:-color)?:\s*(#[0-9a-fA-F]{6})", style))
    assert colours
    assert backgrounds
    for colour in colours:
        for background in backgrounds:
            assert _contrast(colour, background) >= 4.5, (colour, background)
    assert _contrast(svg.INK, "#ffffff") >= 4.5
    assert svg.INK.lower() in text.lower()  # the charts' outlines and labels use it


@pytest.mark.slow
def test_the_measure_finds_a_break_inside_a_token(tmp_path: Path) -> None:
    """The measure itself, on a page made to break words: it names the break in '2020/21' and
    in a long word, and none where the same text breaks at spaces or at a <wbr>."""
    page_file = tmp_path / "broken.html"
    page_file.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>t</title></head>"
        "<body><p style='width: 3em; word-break: break-all'>2020/21 Rotherham</p>"
        "<p style='width: 3em'>one two three</p>"
        "<p style='width: 3em'>path/<wbr>to/<wbr>file</p></body></html>",
        encoding="utf-8",
    )
    with Browser(CHROMIUM) as browser:
        page = browser.new_page()
        page.goto(page_file.as_uri())
        found = page.evaluate(MID_TOKEN_BREAKS)
    assert found
    assert all(text.endswith("| in <p>") for text in found)
    assert all("two" not in text and "to/" not in text for text in found)
