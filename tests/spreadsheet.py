"""A real spreadsheet engine for the tests: LibreOffice's headless Calc recalculates a
workbook and saves it, so every formula's value can be read back.

LibreOffice by default may keep the cached results an xlsx file carries; the profile made
here tells it to recalculate every formula on load, always, so a value read back is Calc's
own. Each call uses a fresh profile in a temporary folder, so runs do not share state.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>
</item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop>
</item>
</oor:items>
"""


def recalculated(workbook: Path, folder: Path) -> Path:
    """The workbook recalculated and saved by LibreOffice Calc, as a new xlsx in ``folder``."""
    return recalculated_all([workbook], folder)[0]


def recalculated_all(workbooks: Sequence[Path], folder: Path) -> list[Path]:
    """Each workbook recalculated and saved by Calc, in ``folder``, by one LibreOffice.

    LibreOffice takes about a second to start and a fraction of that per workbook, so a test
    module's workbooks are converted together. Their names must differ.
    """
    assert len({workbook.name for workbook in workbooks}) == len(workbooks)
    with tempfile.TemporaryDirectory() as profile:
        user = Path(profile) / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(PROFILE, encoding="utf-8")
        out = folder / "recalculated"
        out.mkdir(exist_ok=True)
        done = subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                str(out),
                *(str(workbook) for workbook in workbooks),
            ],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        results = [out / workbook.name for workbook in workbooks]
        missing = [
            str(workbook)
            for workbook, result in zip(workbooks, results, strict=True)
            if not result.exists()
        ]
        if done.returncode != 0 or missing:
            raise RuntimeError(
                f"LibreOffice did not convert {', '.join(missing) or 'the workbooks'}: "
                f"{done.stderr or done.stdout}"
            )
        return results


def printed_pages(workbook: Path, folder: Path) -> int:
    """How many A4 pages LibreOffice prints the workbook on (every sheet, as set up)."""
    import re

    with tempfile.TemporaryDirectory() as profile:
        out = folder / "printed"
        out.mkdir(exist_ok=True)
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(workbook),
            ],
            capture_output=True,
            timeout=180,
            check=True,
        )
    data = (out / workbook.with_suffix(".pdf").name).read_bytes()
    return len(re.findall(rb"/Type\s*/Page[^s]", data))
