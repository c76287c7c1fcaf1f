"""libyaml's fast path and the pure-Python loader read every text alike, errors included.

`load` parses with libyaml's C parser where PyYAML has it, and leaves any text with a problem
(or any text libyaml reads otherwise) to the pure-Python loader. These tests hold the two paths
to the same data, the same marks and the same problems, word for word.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yaml._yaml import CParser
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pause_cost.errors import InputError
from pause_cost.load import libyaml
from pause_cost.load import loader as pure_path
from pause_cost.load import yaml as yamlmarks
from tests.conftest import REPO, UNIT_COSTS

SHOWN = "doc.yaml"


def _outcome(path: Path, *, fast: bool) -> tuple[tuple[Any, ...], Any]:
    """What loading a file comes to (data and marks, the problems, or the exception raised),
    compared as text, and the data itself."""
    try:
        document = yamlmarks.load(path, SHOWN, fast=fast)
    except InputError as exc:
        return ("problems", exc.problems), None
    except Exception as exc:  # the pure loader's own crashes must be the same on both paths
        return ("raised", type(exc).__name__, str(exc)), None
    # `repr` tells 1 from 1.0 and True and shows the key order; `==` on the data, the values.
    marks = document.marks
    keys = {loc: (mark.line, mark.column) for loc, mark in marks.keys.items()}
    values = {loc: (mark.line, mark.column) for loc, mark in marks.values.items()}
    return ("loaded", repr(document.data), keys, values), document.data


def assert_same_outcome(path: Path) -> tuple[Any, ...]:
    """Load a file on both paths and check they agree; what it came to, for more checks."""
    pure, data_pure = _outcome(path, fast=False)
    fast, data_fast = _outcome(path, fast=True)
    assert fast == pure
    assert data_fast == data_pure or "nan" in pure[1].lower()  # NaN is never equal to itself
    return pure


def _repository_yaml() -> Iterator[Path]:
    seen: set[Path] = set()
    for path in sorted(REPO.rglob("*.yaml")):
        hidden = any(part.startswith(".") for part in path.relative_to(REPO).parts)
        if not hidden and path.resolve() not in seen:
            seen.add(path.resolve())
            yield path


REPOSITORY_YAML = list(_repository_yaml())


def test_the_repository_has_yaml_files_of_every_kind() -> None:
    folders = {path.relative_to(REPO).parts[0] for path in REPOSITORY_YAML}
    assert {"scenarios", "unit_costs", "price_indices", "tests", "pause_cost"} <= folders
    assert len(REPOSITORY_YAML) >= 60


@pytest.mark.parametrize(
    "path", REPOSITORY_YAML, ids=[str(path.relative_to(REPO)) for path in REPOSITORY_YAML]
)
def test_every_yaml_file_in_the_repository_loads_alike_on_both_paths(path: Path) -> None:
    assert_same_outcome(path)


def _tree(node: Node) -> tuple[Any, ...]:
    """A node as plain values: kind, tag, style, marks (line, column, index) and contents.

    A collection's flow style is compared as flow or not: libyaml calls a sequence written
    level with its key (``key:`` then ``- item``) block (False) where the pure parser leaves it
    unset (None), and nothing reads more of it than whether it is flow.
    """
    start, end = node.start_mark, node.end_mark
    marks = (start.line, start.column, start.index, end.line, end.column, end.index)
    if isinstance(node, ScalarNode):
        return ("scalar", node.tag, node.style, marks, node.value)
    flow = bool(node.flow_style)
    if isinstance(node, MappingNode):
        items = [(_tree(key), _tree(value)) for key, value in node.value]
        return ("mapping", node.tag, flow, marks, items)
    assert isinstance(node, SequenceNode)
    return ("sequence", node.tag, flow, marks, [_tree(item) for item in node.value])


def test_valid_files_compose_to_the_same_nodes_on_both_paths() -> None:
    # Same nodes, so any constructor registered on `Loader` builds the same data from them.
    assert libyaml.FastLoader is not None
    compared = 0
    for path in REPOSITORY_YAML:
        try:
            yamlmarks.load(path, SHOWN, fast=False)
        except InputError:
            continue
        text = yamlmarks.read_text(path, SHOWN)
        pure = pure_path.Loader(text, SHOWN).get_single_node()
        fast = libyaml.FastLoader(text, SHOWN).get_single_node()
        assert pure is not None
        assert fast is not None
        assert _tree(fast) == _tree(pure), path
        compared += 1
    assert compared >= 15


# Texts libyaml reads otherwise than the pure loader: each must reach the pure loader.
LIBYAML_DIFFERS = {
    "tab in a flow mapping": "{\t}\n",
    "tab after a quoted value": "''\t\n",
    "tab after a key": "a:\t1\n",
    "'?' in a flow scalar": "[tru?e]\n",
    "'?' starting a flow scalar": "[-?3]\n",
    "empty value in a flow mapping": "{k y: }\n",
    "empty value in a flow pair": "[a: ]\n",
    "empty value on the next line": "{a:\n}\n",
    "empty value tagged '!'": "a: !\n",
    "comment against a block header": "a: |# c\n  x\n",
    "comment against a directive": "%YAML 1.2#\n---\na: 1\n",
    "byte-order mark starting a line": "a: 1\n\ufeffb: 2\n",
    "NEL line break": "a: x\x85y\nb: 1\n",
    "LS line break": "a: x\u2028b: 1\n",
    "empty value at an end with no line break": "?",
    "empty explicit value with no line break": "? a",
}


@pytest.mark.parametrize("text", LIBYAML_DIFFERS.values(), ids=LIBYAML_DIFFERS.keys())
def test_text_libyaml_reads_otherwise_goes_to_the_pure_loader(text: str, tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    assert libyaml.load_fast(path, SHOWN, yamlmarks.read_text(path, SHOWN)) is None
    assert_same_outcome(path)


def test_columns_count_characters_on_both_paths(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text(
        "price: £5 é\nnested:\n  £é: [£, {ü: 1}]\n  \U0001f600 é: x\nlist:\n- é: £\n",
        encoding="utf-8",
    )
    assert assert_same_outcome(path)[0] == "loaded"
    marks = yamlmarks.load(path, SHOWN).marks
    assert marks.locate(("price",)) == yamlmarks.Position(1, 8)
    assert marks.locate(("nested", "£é", 1, "ü")) == yamlmarks.Position(3, 15)
    assert marks.locate(("nested", "\U0001f600 é")) == yamlmarks.Position(4, 8)
    assert marks.locate(("list", 0, "é")) == yamlmarks.Position(6, 6)


def test_libyaml_is_present() -> None:
    # PyYAML's wheels bundle libyaml; without it every load would take the slow path unseen.
    assert yaml.__with_libyaml__
    assert libyaml.FastLoader is not None


def test_the_fast_loader_is_libyaml_with_our_composer_resolver_and_constructor() -> None:
    loader = libyaml.FastLoader
    assert loader is not None
    assert issubclass(loader, CParser)
    assert issubclass(loader, pure_path.Loader)
    # The Python composer, not CParser's C one, so `Loader.compose_node` sees every node...
    assert loader.get_single_node is yaml.composer.Composer.get_single_node
    # ...reading libyaml's events, and resolving and constructing by `Loader`'s tables.
    assert loader.__mro__.index(CParser) < loader.__mro__.index(yaml.parser.Parser)
    assert loader.yaml_implicit_resolvers is pure_path.Loader.yaml_implicit_resolvers
    assert loader.yaml_constructors is pure_path.Loader.yaml_constructors


def test_the_fast_loader_leaves_anchors_and_aliases_to_the_pure_one(tmp_path: Path) -> None:
    """The fast composer looks at each event once and reports nothing itself: an anchor or an
    alias sends the text to the pure loader, whose messages and positions are the ones shown."""
    assert libyaml.FastLoader is not None
    loader = libyaml.FastLoader("a: &x 1\nb: *y\n", SHOWN)
    with pytest.raises(libyaml._NotFast):
        loader.get_single_node()
    path = tmp_path / "anchors.yaml"
    path.write_text("a: &x 1\nb: *y\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        yamlmarks.load(path, SHOWN)
    assert [(problem.line, problem.column) for problem in refused.value.problems] == [
        (1, 4),
        (2, 4),
    ]


def test_a_valid_file_never_reaches_the_pure_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the pure-Python loader was used")

    monkeypatch.setattr(pure_path, "load_pure", refuse)
    for method in ["check_event", "peek_event", "get_event"]:
        monkeypatch.setattr(yaml.parser.Parser, method, refuse)
    for method in ["check_token", "peek_token", "get_token"]:
        monkeypatch.setattr(yaml.scanner.Scanner, method, refuse)
    document = yamlmarks.load(UNIT_COSTS / "care-journey-england.yaml")
    assert document.data["lines"]
    assert document.marks.values


def test_fast_false_takes_the_pure_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("libyaml was used")

    monkeypatch.setattr(libyaml, "load_fast", refuse)
    assert yamlmarks.load(UNIT_COSTS / "care-journey-england.yaml", fast=False).data["lines"]


# Random small documents, as `yaml.safe_dump` writes them, then damaged by one slip.
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["no", "on", "012", "1:30", "1_000", "2024-01-01", "1e3", "£5", "a: b"])
    | st.text(st.characters(codec="utf-8"), max_size=8)
)
KEYS = st.text(st.characters(codec="utf-8"), max_size=6) | st.integers(0, 9) | st.none()
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)
SLIPS = [*"&*!:\t'\"[]{}#-?|>,% \n", "£", "é", "\u2028", "\ufeff", "0", "."]


@st.composite
def documents(draw: st.DrawFn) -> str:
    text = yaml.safe_dump(
        draw(DATA),
        sort_keys=False,
        allow_unicode=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, True, None])),
    )
    slip = draw(st.sampled_from(["none", "delete", "insert", "duplicate"]))
    at = draw(st.integers(0, max(0, len(text) - 1)))
    if slip == "delete":
        text = text[:at] + text[at + 1 :]
    elif slip == "insert":
        text = text[:at] + draw(st.sampled_from(SLIPS)) + text[at:]
    elif slip == "duplicate":
        text = text[: at + 1] + text[at:]
    return text


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("yaml-loaders") / "doc.yaml"


@settings(
    max_examples=300,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(documents())
def test_random_documents_load_alike_on_both_paths(scratch: Path, text: str) -> None:
    scratch.write_text(text, encoding="utf-8")
    assert_same_outcome(scratch)
