"""Regression guard: every shipped scenario, comparison, seeded analysis and listing prints the
pinned bytes (JSON for each; text, Markdown and CSV for one estimate and one comparison).

This guards a refactor only: it proves that a change altered no output; it is not evidence
that the figures are right (``test_rotherham.py`` and the hand-worked engine tests are). After
a deliberate change, rewrite the pins with ``python -m tests.pinned_cases`` and say why in the
commit.
"""

from __future__ import annotations

import pytest

from tests.pinned_cases import PINNED, cases, produce

CASES = cases()


@pytest.mark.parametrize("file", sorted(CASES))
def test_output_is_byte_identical_to_the_pin(file: str) -> None:
    expected = (PINNED / file).read_text(encoding="utf-8")
    assert produce(CASES[file]) == expected


def test_every_pin_has_a_command() -> None:
    assert sorted(path.name for path in PINNED.iterdir()) == sorted(CASES)
