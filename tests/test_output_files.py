"""Output files are never overwritten without --force and never left half-written; the product
reaches stdout or fails with one line; the format follows the output file's extension.

Each class of break a hostile-input campaign found has its tests here. Where the behaviour is a
real process's (racing runs, signals, a closed or full stdout, stdout's encoding), the tests run
``python -m pause_cost`` in a subprocess, with a timeout.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from pause_cost.exit_codes import ExitCode
from pause_cost.output import write_atomic
from tests.conftest import REPO, ROTHERHAM, run
from tests.ranged import write_ranged

TIMEOUT = 60
"""Seconds any one subprocess may take; an estimate takes well under one."""

IMMEDIATE_TOTAL = "1,292,599"
"""Rotherham's immediate total cost avoidance, in whole pounds."""


def pause_cost(*args: str | Path, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a separate process, as a shell would."""
    return subprocess.run(
        [sys.executable, "-m", "pause_cost", *(str(arg) for arg in args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        timeout=TIMEOUT,
        **kwargs,
    )


def run_patched(script: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a process that first runs ``script`` (to patch ``os`` or close stdout)."""
    program = textwrap.dedent(script) + textwrap.dedent(
        """
        import sys
        sys.argv = ["pause-cost", *sys.argv[1:]]
        from pause_cost.__main__ import main
        main()
        """
    )
    return subprocess.run(
        [sys.executable, "-c", program, *(str(arg) for arg in args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
        timeout=TIMEOUT,
    )


def leftovers(directory: Path) -> list[str]:
    """Temporary files left in a directory."""
    return sorted(path.name for path in directory.iterdir() if path.name.endswith(".part"))


def estimate_json() -> dict[str, Any]:
    """What `pause-cost estimate rotherham -f json` writes, as data."""
    loaded: dict[str, Any] = json.loads(run("estimate", ROTHERHAM, "-f", "json").stdout)
    return loaded


# 1. Concurrent runs: the no-clobber check is atomic with the file's appearance.


@pytest.mark.slow
def test_of_ten_concurrent_runs_exactly_one_writes(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    command = [sys.executable, "-m", "pause_cost", "estimate", str(ROTHERHAM)]
    processes = [
        subprocess.Popen(
            [*command, "-o", str(target)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for _ in range(10)
    ]
    results = []
    for process in processes:
        _, error = process.communicate(timeout=TIMEOUT)
        results.append((process.returncode, error))
    codes = sorted(code for code, _ in results)
    assert codes == [0] + [1] * 9
    refusals = [error for code, error in results if code == 1]
    assert set(refusals) == {f"{target}: already exists; use --force to overwrite it\n"}
    assert json.loads(target.read_text(encoding="utf-8")) == estimate_json()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.json"]


def test_without_hard_links_a_placeholder_keeps_the_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file system with no hard links (link() fails with EPERM): the name is claimed with an
    O_EXCL placeholder instead; the file is written whole, and an existing one still refused."""

    def no_links(*_: Any, **__: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "out.json"
    assert run("estimate", ROTHERHAM, "-o", target).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == estimate_json()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.json"]

    again = run("estimate", ROTHERHAM, "-o", target)
    assert again.exit_code == ExitCode.INVALID_INPUT
    assert again.stderr == f"{target}: already exists; use --force to overwrite it\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.json"]


def test_without_hard_links_a_name_taken_in_the_meantime_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The placeholder is created with O_EXCL: a file that appeared after the first check (here,
    just as link() is tried) is neither replaced nor removed."""
    target = tmp_path / "out.json"

    def another_run_wins(*_: Any, **__: Any) -> None:
        target.write_text("the other run's\n", encoding="utf-8")
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", another_run_wins)
    result = run("estimate", ROTHERHAM, "-o", target)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stderr == f"{target}: already exists; use --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == "the other run's\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.json"]


# 2. A dangling symbolic link is something at the path.


@pytest.mark.parametrize(
    "command",
    [("estimate", str(ROTHERHAM), "-o"), ("init",)],
    ids=["estimate", "init"],
)
def test_a_dangling_symlink_is_not_replaced_without_force(
    command: tuple[str, ...], tmp_path: Path
) -> None:
    target = tmp_path / "out.yaml"
    nowhere = tmp_path / "nowhere"
    target.symlink_to(nowhere)
    result = run(*command, target)
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stderr == f"{target}: already exists; use --force to overwrite it\n"
    assert target.is_symlink()
    assert os.readlink(target) == str(nowhere)
    assert not nowhere.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.yaml"]


def test_force_replaces_a_dangling_symlink_itself(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    nowhere = tmp_path / "nowhere"
    target.symlink_to(nowhere)
    assert run("estimate", ROTHERHAM, "-o", target, "--force").exit_code == 0
    assert not target.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8")) == estimate_json()
    assert not nowhere.exists()


# 3. Only a regular file (or a link, itself) is ever replaced.


def test_a_fifo_is_refused_even_with_force(tmp_path: Path) -> None:
    target = tmp_path / "out"
    os.mkfifo(target)
    result = run("estimate", ROTHERHAM, "-o", target, "--force")
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stderr == (
        f"{target}: is a FIFO, not a regular file; give a file name for the output\n"
    )
    assert stat.S_ISFIFO(os.lstat(target).st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]


def test_dev_null_is_refused_even_with_force() -> None:
    """As root, replacing /dev/null with a regular file would break the whole machine."""
    before = os.stat("/dev/null")
    assert stat.S_ISCHR(before.st_mode)
    try:
        result = run("estimate", ROTHERHAM, "-o", "/dev/null", "--force")
        assert result.exit_code == ExitCode.INVALID_INPUT
        assert result.stderr == (
            "/dev/null: is a character device, not a regular file; give a file name for the "
            "output\n"
        )
        after = os.stat("/dev/null")
        assert stat.S_ISCHR(after.st_mode)
        assert after.st_rdev == before.st_rdev
        assert leftovers(Path("/dev")) == []
    finally:
        if not stat.S_ISCHR(os.lstat("/dev/null").st_mode) and os.geteuid() == 0:
            # Only if the code under test broke it: put /dev/null back for everything else.
            os.unlink("/dev/null")
            os.mknod("/dev/null", 0o666 | stat.S_IFCHR, before.st_rdev)
            os.chmod("/dev/null", 0o666)


def test_a_symlink_to_a_fifo_is_refused_even_with_force(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    target = tmp_path / "out.json"
    target.symlink_to(fifo)
    result = run("estimate", ROTHERHAM, "-o", target, "--force")
    assert result.exit_code == ExitCode.INVALID_INPUT
    assert result.stderr == (
        f"{target}: is a symbolic link to a FIFO, not a regular file; give a file name for "
        "the output\n"
    )
    assert target.is_symlink()


def test_force_replaces_a_symlink_to_a_file_and_leaves_that_file_alone(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("keep me\n", encoding="utf-8")
    target = tmp_path / "out.json"
    target.symlink_to(elsewhere)

    refused = run("estimate", ROTHERHAM, "-o", target)
    assert refused.exit_code == ExitCode.INVALID_INPUT
    assert refused.stderr == f"{target}: already exists; use --force to overwrite it\n"

    assert run("estimate", ROTHERHAM, "-o", target, "--force").exit_code == 0
    assert not target.is_symlink()
    assert stat.S_ISREG(os.lstat(target).st_mode)
    assert json.loads(target.read_text(encoding="utf-8")) == estimate_json()
    assert elsewhere.read_text(encoding="utf-8") == "keep me\n"


# 4. SIGTERM and SIGHUP clean up as Ctrl-C does.

SIGNAL_AT_FSYNC = """
import os, signal
def fsync(descriptor):
    os.kill(os.getpid(), signal.{name})
os.fsync = fsync
"""


@pytest.mark.slow
@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_signal_while_writing_leaves_the_old_file_and_no_temporary(
    name: str, code: int, tmp_path: Path
) -> None:
    target = tmp_path / "out.json"
    target.write_text("old\n", encoding="utf-8")
    result = run_patched(
        SIGNAL_AT_FSYNC.format(name=name),
        *("estimate", ROTHERHAM, "-o", target, "--force"),
    )
    assert result.returncode == code == 128 + getattr(signal, name)
    assert result.stderr == "terminated; nothing was written.\n"
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.json"]


@pytest.mark.slow
def test_a_signal_while_publishing_is_delivered_once_the_file_is_whole(tmp_path: Path) -> None:
    """SIGTERM in the instant the finished file is being linked into place: the file is put
    there whole and the temporary removed, then the signal takes its ordinary course."""
    target = tmp_path / "out.json"
    result = run_patched(
        """
        import os, signal
        real_link = os.link
        def link(source, destination):
            os.kill(os.getpid(), signal.SIGTERM)
            real_link(source, destination)
        os.link = link
        """,
        *("estimate", ROTHERHAM, "-o", target),
    )
    assert result.returncode == -signal.SIGTERM
    assert json.loads(target.read_text(encoding="utf-8")) == estimate_json()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.json"]


def test_the_signal_handlers_are_restored_after_a_write(tmp_path: Path) -> None:
    before = (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP))
    write_atomic(tmp_path / "out.txt", b"text\n", force=False)
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGHUP)) == before
    assert (tmp_path / "out.txt").read_bytes() == b"text\n"


# 5. Any valid file name works: the temporary name is short.


def test_a_250_character_file_name_works(tmp_path: Path) -> None:
    target = tmp_path / ("r" * 245 + ".json")
    assert len(target.name) == 250
    result = run("estimate", ROTHERHAM, "-o", target)
    assert result.exit_code == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8")) == estimate_json()
    assert sorted(path.name for path in tmp_path.iterdir()) == [target.name]


def test_the_temporary_file_has_a_short_name_beside_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def note(descriptor: int) -> None:
        seen.extend(path.name for path in tmp_path.iterdir())

    monkeypatch.setattr(os, "fsync", note)
    write_atomic(tmp_path / ("x" * 255), b"data\n", force=False)
    (temporary,) = seen
    assert temporary.startswith(".pause-cost-")
    assert temporary.endswith(".part")
    assert len(temporary) == 25


# 6. A stdout that cannot take the product: one line, exit 1, for every command.


@pytest.fixture(scope="module")
def ranged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """See :func:`tests.ranged.write_ranged`: net = 9 (a + 300) - 10,000."""
    return write_ranged(tmp_path_factory.mktemp("ranged"))


RANGED = "RANGED"
"""Stands for the `ranged` scenario's path in the command lines below."""

PRINTING = {
    "estimate": ["estimate", ROTHERHAM],
    "compare": ["compare", "rotherham-2020-published", "care-journey-england"],
    "tables list": ["tables", "list"],
    "tables show": ["tables", "show", "care-journey-england"],
    "tables validate": ["tables", "validate", "care-journey-england"],
    "schema": ["schema", "estimate"],
    "sensitivity": ["sensitivity", RANGED],
    "sensitivity --grid": [
        *("sensitivity", RANGED, "--grid", "t/a.amount_gbp=500:1500:500"),
        *("--grid", "cohort.women_open=5:15:5"),
    ],
    "breakeven": ["breakeven", RANGED],
    "simulate": ["simulate", RANGED, "--draws", "100"],
    "report": ["report", ROTHERHAM, "-f", "markdown"],
}
"""Every command that prints a product on stdout, with arguments that make it print one."""


def printing(name: str, ranged: Path) -> list[str]:
    return [str(ranged) if word == RANGED else str(word) for word in PRINTING[name]]


def run_with_stdout(arguments: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pause_cost", *arguments],
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        cwd=REPO,
        timeout=TIMEOUT,
        **kwargs,
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PRINTING))
def test_a_full_stdout_is_one_line_and_exit_1(name: str, ranged: Path) -> None:
    with open("/dev/full", "w") as full:
        completed = run_with_stdout(printing(name, ranged), stdout=full)
    assert completed.returncode == ExitCode.INVALID_INPUT
    assert completed.stderr == "cannot write to standard output: No space left on device\n"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PRINTING))
def test_a_stdout_closed_from_the_start_is_one_line_and_exit_1(name: str, ranged: Path) -> None:
    """`pause-cost ... >&-`: Python starts with no sys.stdout at all."""
    completed = run_with_stdout(printing(name, ranged), preexec_fn=lambda: os.close(1))
    assert completed.returncode == ExitCode.INVALID_INPUT
    assert completed.stderr == "cannot write to standard output: it is closed\n"


@pytest.mark.slow
@pytest.mark.parametrize("output_format", ["json", "table"])
def test_a_stdout_closed_while_running_is_one_line_and_exit_1(output_format: str) -> None:
    """`os.close(1)` after Python started: sys.stdout is there, but writing to it fails."""
    result = run_patched("import os\nos.close(1)\n", "estimate", ROTHERHAM, "-f", output_format)
    assert result.returncode == ExitCode.INVALID_INPUT
    expected = "cannot write to standard output: it is closed"
    assert result.stderr.splitlines() == [
        json.dumps([{"file": None, "line": None, "column": None, "key": None, "message": expected}])
        if output_format == "json"
        else expected
    ]


@pytest.mark.slow
def test_with_json_asked_a_full_stdout_is_one_line_of_json() -> None:
    with open("/dev/full", "w") as full:
        completed = run_with_stdout(["estimate", str(ROTHERHAM), "-f", "json"], stdout=full)
    assert completed.returncode == ExitCode.INVALID_INPUT
    (only,) = completed.stderr.splitlines()
    assert json.loads(only) == [
        {
            "file": None,
            "line": None,
            "column": None,
            "key": None,
            "message": "cannot write to standard output: No space left on device",
        }
    ]


@pytest.mark.slow
@pytest.mark.parametrize("closed", [False, True], ids=["full", "closed"])
def test_the_commands_that_print_nothing_on_stdout_do_not_need_it(
    closed: bool, tmp_path: Path
) -> None:
    """`init` and a product written with -o put nothing on stdout: a full or closed one is no
    matter to them."""
    target = tmp_path / "out.json"
    for arguments in (
        ["init", str(tmp_path / "s.yaml")],
        ["estimate", str(ROTHERHAM), "-o", str(target)],
    ):
        with open("/dev/full", "w") as full:
            completed = run_with_stdout(
                arguments,
                **({"preexec_fn": lambda: os.close(1)} if closed else {"stdout": full}),
            )
        assert completed.returncode == 0, completed.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["avoided_births"]["counted"] == 15


@pytest.mark.slow
@pytest.mark.parametrize("closed", [False, True], ids=["full", "closed"])
def test_the_version_on_a_stdout_that_cannot_take_it_is_one_line_and_exit_1(closed: bool) -> None:
    with open("/dev/full", "w") as full:
        completed = run_with_stdout(
            ["--version"], **({"preexec_fn": lambda: os.close(1)} if closed else {"stdout": full})
        )
    assert completed.returncode == ExitCode.INVALID_INPUT
    reason = "it is closed" if closed else "No space left on device"
    assert completed.stderr == f"cannot write to standard output: {reason}\n"


# 7. A stdout that cannot show '£'.


def plain_environment(**settings: str) -> dict[str, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("LC_", "PYTHONIO", "PYTHONUTF8")) and key != "LANG"
    }
    return {**environment, **settings}


@pytest.mark.slow
@pytest.mark.parametrize(
    "settings",
    [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "PYTHONUTF8": "0"}],
    ids=["PYTHONIOENCODING=ascii", "LC_ALL=C"],
)
def test_a_stdout_that_cannot_show_the_pound_sign_shows_gbp(settings: dict[str, str]) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "pause_cost", "estimate", str(ROTHERHAM)],
        capture_output=True,
        check=False,
        cwd=REPO,
        timeout=TIMEOUT,
        env=plain_environment(**settings),
    )
    assert completed.returncode == 0
    assert completed.stderr.decode("ascii") == (
        "stdout cannot show the pound sign (encoding ascii); amounts are shown as GBP\n"
    )
    shown = completed.stdout.decode("ascii")
    assert f"GBP {IMMEDIATE_TOTAL}" in shown
    assert "GBP 2,088,480" in shown
    # Laid out with 'GBP ' from the start: the columns still line up under their heading.
    lines = shown.splitlines()
    heading = next(line for line in lines if line.startswith("Period "))
    row = next(line for line in lines if line.startswith("Immediate (year 1)"))
    assert len(row.rstrip()) == len(heading.rstrip())
    assert row.rstrip().endswith(f"GBP {IMMEDIATE_TOTAL}")


@pytest.mark.slow
def test_a_utf8_stdout_still_shows_the_pound_sign() -> None:
    completed = pause_cost("estimate", ROTHERHAM, env=plain_environment(PYTHONIOENCODING="utf-8"))
    assert completed.returncode == 0
    assert completed.stderr == ""
    assert f"£{IMMEDIATE_TOTAL}" in completed.stdout
    assert "GBP" not in completed.stdout


# 8. The format follows the output file's extension.


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("out.json", '{\n  "schema_version"'),
        ("out.csv", "section,item,period,classification,value,unit\n"),
        ("out.md", "## Rotherham Pause Practice"),
        ("out.txt", "Rotherham Pause Practice"),
        ("out.report", "Rotherham Pause Practice"),
        ("OUT.JSON", '{\n  "schema_version"'),
    ],
)
def test_without_format_the_extension_names_it(name: str, starts: str, tmp_path: Path) -> None:
    target = tmp_path / name
    result = run("estimate", ROTHERHAM, "-o", target)
    assert result.exit_code == 0
    assert result.stderr == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8").startswith(starts)


def test_the_file_from_the_extension_is_what_the_format_writes(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    assert run("estimate", ROTHERHAM, "-o", target).exit_code == 0
    assert target.read_text(encoding="utf-8") == run("estimate", ROTHERHAM, "-f", "markdown").stdout
    as_json = tmp_path / "out.json"
    assert run("estimate", ROTHERHAM, "-o", as_json).exit_code == 0
    assert json.loads(as_json.read_text(encoding="utf-8")) == estimate_json()


@pytest.mark.parametrize(
    ("given", "name", "implied"),
    [("csv", "out.json", "json"), ("table", "out.md", "markdown"), ("markdown", "out.csv", "csv")],
)
def test_a_format_the_extension_contradicts_is_a_usage_error(
    given: str, name: str, implied: str, tmp_path: Path
) -> None:
    target = tmp_path / name
    result = run("estimate", ROTHERHAM, "-f", given, "-o", target)
    assert result.exit_code == ExitCode.USAGE
    suffix = target.suffix
    assert result.stderr == (
        f"--format {given} contradicts the output file {target} (a {suffix} file is "
        f"{implied}); drop --format or change the file name\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("given", "name"), [("json", "out.json"), ("markdown", "notes.txt")])
def test_a_format_the_extension_allows_is_written(given: str, name: str, tmp_path: Path) -> None:
    target = tmp_path / name
    assert run("estimate", ROTHERHAM, "-f", given, "-o", target).exit_code == 0
    written = target.read_text(encoding="utf-8")
    assert written == run("estimate", ROTHERHAM, "-f", given).stdout


def test_without_output_the_default_is_still_the_table() -> None:
    result = run("estimate", ROTHERHAM)
    assert result.exit_code == 0
    assert result.stdout.startswith("Rotherham Pause Practice")
    assert f"£{IMMEDIATE_TOTAL}" in result.stdout
    listed = run("tables", "list")
    assert listed.exit_code == 0
    assert listed.stdout.startswith("Shipped unit-cost tables")
