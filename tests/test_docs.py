"""The README and docs/ show real commands with their real output, document every command, and
build into a site; docs/reference.md is what the code says of itself today."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pause_cost.exit_codes import ExitCode
from tests.conftest import REPO, run
from tests.update_docs import BLOCK, REFERENCE, command_names, documented_files, reference

README = (REPO / "README.md").read_text(encoding="utf-8")
DOCS = REPO / "docs"


def _blocks() -> list[tuple[str, str, str]]:
    """(file, command, shown output) for every `$ pause-cost ...` console block."""
    found = []
    for path in documented_files():
        for match in BLOCK.finditer(path.read_text(encoding="utf-8")):
            found.append((path.relative_to(REPO).as_posix(), match.group(2), match.group(3)))
    return found


CONSOLE_BLOCKS = _blocks()


def stripped(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines()) + "\n"


def test_the_docs_show_the_commands_users_run_first() -> None:
    shown = {(file, command) for file, command, _ in CONSOLE_BLOCKS}
    assert ("README.md", "pause-cost estimate scenarios/rotherham-2020.yaml") in shown
    assert ("README.md", "pause-cost estimate tests/data/invalid/several-mistakes.yaml") in shown
    assert {file for file, _ in shown} >= {"README.md", "docs/tutorial.md", "docs/reference.md"}


@pytest.mark.parametrize(
    ("file", "command", "output"), CONSOLE_BLOCKS, ids=[f"{f}: {c}" for f, c, _ in CONSOLE_BLOCKS]
)
def test_console_blocks_show_real_output(
    file: str, command: str, output: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a page shows under `$ pause-cost ...` is what that command prints (at 80 columns):
    its stdout when it succeeds, its stderr when it does not (`python -m tests.update_docs`
    rewrites them after a deliberate change)."""
    monkeypatch.chdir(REPO)
    result = run(*command.split()[1:], env={"COLUMNS": "80"})
    printed = result.stdout if result.exit_code == 0 else result.stderr
    assert stripped(printed) == output, f"{file}: {command}"


def test_the_reference_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/reference.md is what `python -m tests.update_docs` writes from the schemas and
    `--help` of today's code."""
    monkeypatch.chdir(REPO)
    assert REFERENCE.read_text(encoding="utf-8") == reference()


def test_the_readme_is_short_with_a_contents_list() -> None:
    assert len(README.splitlines()) <= 300
    contents = README.split("## Contents", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^- \[.+?\]\(#([\w-]+)\)", contents, re.MULTILINE)
    headings = [
        re.sub(r"\s+", "-", re.sub(r"[^\w\s-]", "", h.lower()))
        for h in re.findall(r"^## (.+)$", README, re.MULTILINE)
        if h != "Contents"
    ]
    assert listed == headings


def test_every_docs_page_is_in_the_site_and_linked_from_the_readme() -> None:
    """A page added to docs/ must be added to mkdocs.yml's nav (and the README's table of pages),
    and the nav names no page that is missing."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    in_nav = {next(iter(entry.values())) for entry in config["nav"]}
    pages = {path.name for path in DOCS.glob("*.md")}
    assert in_nav == pages, "add each page of docs/ to mkdocs.yml's nav"
    for page in pages - {"index.md"}:
        assert f"](docs/{page})" in README, f"link docs/{page} from the README's Documentation"


def test_relative_links_in_the_readme_resolve() -> None:
    for target in re.findall(r"\]\((?!https?:|#)([^)#]+)", README):
        assert (REPO / target).exists(), target


def test_readme_exit_code_table_matches_the_code() -> None:
    section = README.split("## Exit codes", 1)[1]
    documented = {int(code) for code in re.findall(r"^\| (\d+) \|", section, re.MULTILINE)}
    assert documented == {int(code) for code in ExitCode}


def test_readme_quick_start_is_two_marked_commands() -> None:
    for marker in ("install", "test"):
        assert f"<!-- quickstart:{marker} -->\n```bash\n" in README
    assert (
        "pause-cost estimate scenarios/rotherham-2020.yaml"
        in README.split("<!-- quickstart:install -->")[1].split("```")[1]
    )


@pytest.mark.parametrize("command", sorted(command_names()))
def test_every_command_is_documented_and_has_help(command: str) -> None:
    assert f"`pause-cost {command}" in README
    assert f"### `pause-cost {command}`" in REFERENCE.read_text(encoding="utf-8")
    result = run(*command.split(), "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: pause-cost {command}")
    assert len(result.stdout.splitlines()) > 3


def test_the_docs_state_every_import_contract_ci_holds() -> None:
    """docs/development.md's layout section names each contract of pyproject.toml, no more and no
    fewer."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = [contract["name"] for contract in config["tool"]["importlinter"]["contracts"]]
    page = (DOCS / "development.md").read_text(encoding="utf-8")
    block = page.split("<!-- import-contracts -->")[1].split("<!-- /import-contracts -->")[0]
    assert re.findall(r"^- \*\*(.+?)\*\*", block, re.MULTILINE) == contracts
    layers = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    named = [
        name.strip(" ()").removeprefix("pause_cost.")
        for layer in layers["layers"]
        for name in layer.split(":")
    ]
    assert re.findall(r"`(\w+)`", block) == named


@pytest.mark.slow
def test_the_site_builds_with_warnings_as_errors(tmp_path: Path) -> None:
    """`mkdocs build --strict`: a broken link or anchor between pages fails (mkdocs.yml's
    validation settings make each a warning)."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "reference" / "index.html").exists()
