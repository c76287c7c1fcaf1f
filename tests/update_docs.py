"""Make the documentation agree with the code after a deliberate change (read the diff first).

    python -m tests.update_docs

- rewrites the output under each ``$ pause-cost ...`` console block of README.md and docs/*.md
  with what the command prints (at 80 columns: stdout when it succeeds, stderr when it fails);
- regenerates docs/reference.md from ``pause-cost schema`` and each command's ``--help``;
- rewrites docs/economics.md's block of every shipped scenario's headline paragraph.

``tests/test_docs.py`` fails when a block and its command disagree, or when docs/reference.md is
not what this would write.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from tests.conftest import REPO, run

BLOCK = re.compile(r"(```console\n\$ (pause-cost [^\n]*)\n)(.*?)(```)", re.DOTALL)
REFERENCE = REPO / "docs" / "reference.md"

# The input files a user writes, in the order a newcomer meets them, and their outputs' schemas.
INPUT_SCHEMAS = (
    ("scenario", "Scenario file"),
    ("table", "Unit-cost table"),
    ("extension", "Table extension (`extends:` a table)"),
    ("index", "Price index"),
    ("ranges", "Ranges file (`uncertainty_files:`)"),
)
OUTPUT_SCHEMAS = (
    "estimate",
    "sensitivity",
    "breakeven",
    "simulation",
    "region",
    "national",
    "contract",
    "starters",
)


def documented_files() -> list[Path]:
    """README.md and every page of docs/, in a fixed order, but those whose console blocks
    are checked their own way: the economic case's are excerpts of what a command prints
    (tests/test_economics_doc.py), the contracts page's several commands a block, compared
    word by word (tests/test_contracts_docs.py)."""
    own = {"economics.md", "contracts.md", "business-case.md"}
    pages = [path for path in sorted((REPO / "docs").glob("*.md")) if path.name not in own]
    return [REPO / "README.md", *pages]


def real_output(command: str) -> str:
    result = run(*command.split()[1:], env={"COLUMNS": "80"})
    printed = result.stdout if result.exit_code == 0 else result.stderr
    return "\n".join(line.rstrip() for line in printed.rstrip().splitlines()) + "\n"


def _real(match: re.Match[str]) -> str:
    return match.group(1) + real_output(match.group(2)) + match.group(4)


def command_names() -> list[str]:
    """Every command, with its group: 'estimate', 'tables list', ... in the CLI's own order."""
    from pause_cost.cli import app

    names = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
    for group in app.registered_groups:
        assert group.typer_instance is not None
        names += [
            f"{group.name} {c.name or c.callback.__name__}"
            for c in group.typer_instance.registered_commands
            if c.callback
        ]
    return names


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow a $ref, and drop the null branch of an optional field."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        return {**schema["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
    options = [o for o in node.get("anyOf", []) if o.get("type") != "null"]
    if len(options) == 1:
        merged = {**node, **options[0]}
        merged.pop("anyOf")
        return _resolve(schema, merged)
    return node


def _type(schema: dict[str, Any], node: dict[str, Any]) -> str:
    node = _resolve(schema, node)
    if "enum" in node:
        return " \\| ".join(f"`{value}`" for value in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    if "anyOf" in node:
        return " or ".join(_type(schema, option) for option in node["anyOf"])
    kind = node.get("type", "any")
    if kind == "array":
        return f"list of {_type(schema, node.get('items', {}))}"
    if node.get("title") == "Source":
        return "a source (below)"
    if "title" in node and "properties" in node:
        return "mapping"
    return str(kind)


def _limits(node: dict[str, Any]) -> str:
    parts = []
    for key, word in (
        ("minimum", "from"),
        ("exclusiveMinimum", "above"),
        ("maximum", "to"),
        ("exclusiveMaximum", "below"),
    ):
        if key in node:
            parts.append(f"{word} {node[key]}")
    if "pattern" in node:
        parts.append(f"matching `{node['pattern']}`")
    return " ".join(parts)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _rows(
    schema: dict[str, Any], node: dict[str, Any], prefix: str, seen: tuple[str, ...]
) -> list[str]:
    rows = []
    required = set(node.get("required", []))
    for key, field in node.get("properties", {}).items():
        path = f"{prefix}{key}"
        resolved = _resolve(schema, field)
        description = field.get("description") or resolved.get("description", "")
        rows.append(
            f"| `{path}` | {'yes' if key in required else ''} | {_type(schema, field)} | "
            f"{_cell(_limits(resolved))} | {_cell(description)} |"
        )
        ref = field.get("$ref") or next(
            (o.get("$ref") for o in field.get("anyOf", []) if "$ref" in o), None
        )
        items = resolved.get("items", {})
        item_ref = items.get("$ref") if isinstance(items, dict) else None
        for target, sub_prefix in ((ref, f"{path}."), (item_ref, f"{path}.N.")):
            if target is None or target in seen or target.endswith("/Source"):
                continue
            child = schema["$defs"][target.rsplit("/", 1)[1]]
            if "properties" in child:
                rows += _rows(schema, child, sub_prefix, (*seen, target))
    return rows


def _schema(name: str) -> dict[str, Any]:
    result = run("schema", name)
    assert result.exit_code == 0, result.stderr
    loaded: dict[str, Any] = json.loads(result.stdout)
    return loaded


def reference() -> str:
    """docs/reference.md, as the code describes itself."""
    out = [
        "# Reference",
        "",
        "<!-- Generated by `python -m tests.update_docs` from `pause-cost schema` and each",
        "command's `--help`; tests/test_docs.py fails when it is stale. Do not edit by hand. -->",
        "",
        "Every key of every input file, with its type, limits and meaning, and every command's",
        "options. A key's path is what `--set`, `uncertainty:` entries and error messages name;",
        "`N` is a list position counted from 0. The JSON Schema itself is printed by",
        "`pause-cost schema NAME`.",
        "",
        "## Input files",
        "",
        "A *source*, wherever a key takes one, is a mapping: `document` (required), `edition`,",
        "`location` (table, page or section), `url` and `note` (for instance, that a figure is",
        "second-hand).",
        "",
    ]
    for name, title in INPUT_SCHEMAS:
        schema = _schema(name)
        out += [f"### {title}", "", f"`pause-cost schema {name}`.", ""]
        if schema.get("description"):
            out += [_cell(schema["description"]), ""]
        out += ["| key | required | type | allowed | meaning |", "|---|---|---|---|---|"]
        out += _rows(schema, schema, "", ())
        out.append("")
    out += [
        "## Outputs",
        "",
        "Each analysis's JSON, printed with `--format json`; the keys at its top level (the full",
        "schema, nested, from `pause-cost schema NAME`).",
        "",
    ]
    for name in OUTPUT_SCHEMAS:
        schema = _schema(name)
        out += [f"### `{name}`", ""]
        if schema.get("description"):
            out += [_cell(schema["description"]), ""]
        out += ["| key | type | meaning |", "|---|---|---|"]
        for key, field in schema.get("properties", {}).items():
            resolved = _resolve(schema, field)
            description = field.get("description") or resolved.get("description", "")
            out.append(f"| `{key}` | {_type(schema, field)} | {_cell(description)} |")
        out.append("")
    out += ["## Commands", ""]
    for command in command_names():
        out += [f"### `pause-cost {command}`", "", "```console", f"$ pause-cost {command} --help"]
        out += [real_output(f"pause-cost {command} --help").rstrip("\n"), "```", ""]
    return "\n".join(out).rstrip("\n") + "\n"


ECONOMICS = REPO / "docs" / "economics.md"
HEADLINES = re.compile(r"(<!-- headlines: start .*?-->\n)(.*?)(<!-- headlines: end -->)", re.DOTALL)


def headlines() -> str:
    """Each shipped scenario's headline paragraph, as its committee pack opens (the price base,
    whose view and what the tables cover are in each), one heading a scenario."""
    from pause_cost import api
    from pause_cost.render.escape import markdown
    from pause_cost.report.pack import headline

    out = [""]
    for path in sorted((REPO / "scenarios").glob("*.yaml")):
        said = headline(api.estimate(path))
        out += [f"**`{path.stem}`** (`pause-cost report scenarios/{path.name}`)", ""]
        out += [markdown(said), ""]
    return "\n".join(out)


def with_headlines(text: str) -> str:
    """The economic case's page with its headlines block rewritten."""
    return HEADLINES.sub(lambda match: match.group(1) + headlines() + match.group(3), text)


if __name__ == "__main__":
    os.chdir(REPO)
    REFERENCE.write_text(reference(), encoding="utf-8")
    ECONOMICS.write_text(with_headlines(ECONOMICS.read_text(encoding="utf-8")), encoding="utf-8")
    for path in documented_files():
        path.write_text(BLOCK.sub(_real, path.read_text(encoding="utf-8")), encoding="utf-8")
