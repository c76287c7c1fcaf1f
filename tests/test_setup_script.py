"""The README's test command installs what the tests drive: scripts/test.sh, run with stand-ins
for apt-get, sudo and python on a PATH that has neither LibreOffice nor Chromium, asks apt-get for
exactly the missing Debian packages and then runs pytest with the arguments it was given."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import REPO

SCRIPT = REPO / "scripts" / "test.sh"


def _stub(directory: Path, name: str, body: str) -> None:
    path = directory / name
    path.write_text(f"#!/bin/bash\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def _run(tmp_path: Path, present: tuple[str, ...], apt: bool = True) -> tuple[int, list[str], str]:
    """Run the script on a PATH of stand-ins only; what each stand-in was asked, in order."""
    log = tmp_path / "calls.log"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    record = f'echo "${{0##*/}} $*" >> {log}'
    if apt:
        _stub(bin_dir, "apt-get", record)
    _stub(bin_dir, "sudo", f'{record}\nexec "$@"')
    _stub(bin_dir, "python", record)
    (bin_dir / "env").symlink_to("/usr/bin/env")
    for program in present:
        _stub(bin_dir, program, "exit 0")
    result = subprocess.run(
        ["/bin/bash", str(SCRIPT), "-q", "tests/test_docs.py"],
        env={"PATH": str(bin_dir), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    calls = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return (
        result.returncode,
        [c.removeprefix("sudo env DEBIAN_FRONTEND=noninteractive ") for c in calls],
        result.stderr,
    )


def _apt_calls(calls: list[str]) -> list[str]:
    return [call for call in calls if call.startswith("apt-get")]


def test_both_missing_are_installed_then_pytest_runs(tmp_path: Path) -> None:
    code, calls, _ = _run(tmp_path, present=())
    assert code == 0
    assert _apt_calls(calls) == [
        "apt-get update -qq",
        "apt-get install -y -qq libreoffice-calc-nogui chromium",
    ]
    assert calls[-1] == "python -m pytest -q tests/test_docs.py"


def test_only_the_missing_one_is_installed(tmp_path: Path) -> None:
    code, calls, _ = _run(tmp_path, present=("soffice",))
    assert code == 0
    assert _apt_calls(calls)[-1] == "apt-get install -y -qq chromium"


def test_nothing_is_installed_when_both_are_present(tmp_path: Path) -> None:
    code, calls, _ = _run(tmp_path, present=("soffice", "chromium"))
    assert code == 0
    assert calls == ["python -m pytest -q tests/test_docs.py"]


def test_no_apt_get_says_what_to_install(tmp_path: Path) -> None:
    code, calls, stderr = _run(tmp_path, present=("chromium",), apt=False)
    assert code == 1
    assert "libreoffice-calc-nogui" in stderr
    assert calls == []


def test_the_readme_test_command_calls_the_script() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = readme.split("<!-- quickstart:test -->\n```bash\n")[1].split("\n```")[0]
    assert command.endswith("scripts/test.sh")
    assert os.access(SCRIPT, os.X_OK)
