"""docs/economics.md gives every shipped scenario's headline paragraph as the engine writes it,
each naming its price base, whose costs it counts and what its tables cover."""

from __future__ import annotations

from tests.conftest import REPO
from tests.update_docs import ECONOMICS, HEADLINES, with_headlines


def test_the_headlines_block_is_current() -> None:
    """`python -m tests.update_docs` rewrites it; run it after a change that moves a figure."""
    text = ECONOMICS.read_text(encoding="utf-8")
    assert HEADLINES.search(text) is not None
    assert with_headlines(text) == text


def test_every_shipped_scenario_has_its_headline_with_price_base_perspective_coverage() -> None:
    match = HEADLINES.search(ECONOMICS.read_text(encoding="utf-8"))
    assert match is not None
    block = match.group(2)
    for path in sorted((REPO / "scenarios").glob("*.yaml")):
        start = block.index(f"**`{path.stem}`**")
        paragraph = block[start:].split("\n\n")[1]
        assert "Prices: " in paragraph, path.stem
        assert "These figures count the council's own costs" in paragraph, path.stem
        assert "counting " in paragraph, path.stem
        assert "child's journey" in paragraph, path.stem
