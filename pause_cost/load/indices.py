"""Load price indices: a published index, a splice of them, and those a table's lines name.

Each index file is read once; a reference a line writes (a shipped name or a path from the
table's own folder) must mean one file throughout, and each index must cover both the line's
price year and the year asked for: no figure is extrapolated.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pause_cost.errors import InputError, Problem
from pause_cost.load import yaml as yamlmarks
from pause_cost.load.extensions import LoadedTable
from pause_cost.load.messages import located, validate
from pause_cost.load.resolve import Cited, resolve
from pause_cost.model.tables import fee_in_force, line_ref

if TYPE_CHECKING:  # the models load only where a price year asks for an index
    from pause_cost.model.splice import Index


def load_index(name_or_path: str | Path, *, base_dir: Path | None = None) -> Index:
    """Load a price index (or a splice of them) by shipped name (``pss-all-sectors``) or path."""
    path, shown = resolve("index", str(name_or_path), base_dir or Path(), None)
    return load_index_file(path, shown, None)


def load_index_file(path: Path, shown: str, cited: Cited | None) -> Index:
    """An index file: published levels or increases, or a splice whose parts are loaded too.

    A splice's parts are found from the splice file's folder (or by shipped name); each must
    carry the years the splice gives it, and a part may not itself be a splice.
    """
    from pause_cost.model.indices import PriceIndex, span_problem

    document = yamlmarks.load(path, shown)
    if not (isinstance(document.data, dict) and "splice" in document.data):
        return validate(PriceIndex, document)
    from pause_cost.model.splice import SplicedIndex, SpliceFile

    file = validate(SpliceFile, document)
    parts: list[PriceIndex] = []
    problems: list[Problem] = []
    for number, segment in enumerate(file.splice):
        where: Cited = (
            shown,
            document.marks.locate(("splice", number, "index")),
            f"splice.{number}.index",
        )
        try:
            part_path, part_shown = resolve("index", segment.index, path.parent, where)
            part_document = yamlmarks.load(part_path, part_shown)
            if isinstance(part_document.data, dict) and "splice" in part_document.data:
                problems.append(
                    located(
                        *where,
                        f"{segment.index!r} is a splice itself; splice published indices only",
                    )
                )
                continue
            parts.append(validate(PriceIndex, part_document))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    spliced = SplicedIndex(file, tuple(parts))
    for number, (part, start, end) in enumerate(spliced.segments()):
        if not (part.covers(start) and part.covers(end)):
            where = (shown, document.marks.locate(("splice", number)), f"splice.{number}")
            problems.append(
                located(
                    *where,
                    f"{part.name} runs from {part.first_year} to {part.last_year}, so it cannot "
                    f"carry the splice from {start} to {end}",
                )
            )
    if not problems:
        problem = span_problem(spliced)
        if problem is not None:
            problems.append(located(shown, document.marks.locate(("splice",)), "splice", problem))
    if problems:
        raise InputError(problems)
    return spliced


def load_indices(
    price_year: str, tables: list[LoadedTable], *, base_dir: Path | None = None
) -> dict[str, Index]:
    """The indices that state every line of these tables in a price year.

    Raises InputError, naming each line an index cannot uprate, as :func:`load_inputs` does.
    """
    problems: list[Problem] = []
    indices = indices_for(
        price_year, tables, base_dir or Path(), ("--price-year", None, None), problems
    )
    if problems:
        raise InputError(problems)
    return indices


def indices_for(
    price_year: str,
    tables: list[LoadedTable],
    base_dir: Path,
    cited: Cited,
    problems: list[Problem],
) -> dict[str, Index]:
    """Load the indices the lines name, and check each covers its line's year and the target."""
    indices = _referenced_indices(tables, base_dir, cited, problems)
    beyond: dict[str, tuple[Index, list[str]]] = {}
    for loaded in tables:
        table = loaded.table
        for line in table.lines:
            reference = table.index_reference(line)
            where = f"{loaded.shown}: {table.name}/{line.id}"
            if line.fee_schedule is not None:
                if fee_in_force(line.fee_schedule, price_year) is None:
                    first = line.fee_schedule[0].in_force_from
                    problems.append(
                        located(
                            *cited,
                            f"{where} is a fee first in force on {first}: there is no fee for "
                            f"{price_year}; choose a later price year",
                        )
                    )
                continue  # a fee is not uprated: the fee in force in the year is used
            if line.price_year == price_year:
                continue  # already in the price year: nothing to uprate, no index needed
            if reference is None:
                problems.append(
                    located(
                        *cited,
                        f"cannot state {where} in {price_year} prices: neither the line nor its "
                        "table names a price_index",
                    )
                )
                continue
            index = indices.get(reference)
            if index is None:
                continue  # its loading problem is reported already
            if not index.covers(price_year):
                # One cause, said once below for every line it stops.
                beyond.setdefault(index.name, (index, []))[1].append(line_ref(table.name, line.id))
            elif not index.covers(line.price_year):
                problems.append(
                    located(
                        *cited,
                        f"{where} is priced in {line.price_year}, which {index.name} does not "
                        f"cover (it runs from {index.first_year} to {index.last_year}); no "
                        "figure is extrapolated: choose a covered price year or another index",
                    )
                )
    for index, refs in beyond.values():
        shown = ", ".join(refs[:MAX_LISTED])
        more = f" and {len(refs) - MAX_LISTED} more" if len(refs) > MAX_LISTED else ""
        problems.append(
            located(
                *cited,
                f"{price_year} is outside {index.name} (it runs from {index.first_year} to "
                f"{index.last_year}), so the {len(refs)} line(s) it uprates cannot be stated in "
                f"{price_year} prices ({shown}{more}); no figure is extrapolated: choose a "
                "covered price year or another index",
            )
        )
    return indices


MAX_LISTED = 5
"""Lines named in one message; the rest are counted."""


def table_indices(loaded: LoadedTable) -> dict[str, Index]:
    """Every index a loaded table names, by the reference it writes, each loaded and checked.

    For ``tables validate``: a misspelt name or a missing index file is found before a
    scenario asks for a price year. Raises InputError listing every index that fails.
    """
    problems: list[Problem] = []
    indices = _referenced_indices([loaded], Path(), (loaded.shown, None, "price_index"), problems)
    if problems:
        raise InputError(problems)
    return indices


def _referenced_indices(
    tables: list[LoadedTable],
    base_dir: Path,
    cited: Cited,
    problems: list[Problem],
) -> dict[str, Index]:
    """Each index the tables' lines name, keyed by the reference written (a name or a path).

    A path is found from the table file that wrote it, so one reference must mean one file
    throughout; outputs name an index by its own name, so two files may not share one.
    """
    indices: dict[str, Index] = {}
    files: dict[str, Path] = {}
    by_name: dict[str, str] = {}
    failed: set[str] = set()
    for loaded in tables:
        table = loaded.table
        # Each reference once per table: a table's lines mostly share one index, and resolving
        # a name lists the shipped folder (thousands of lines made thousands of listings).
        references = dict.fromkeys(table.index_reference(line) for line in table.lines)
        for reference in references:
            if reference is None or reference in failed:
                continue
            written = loaded.index_file(reference)
            try:
                if written is None:
                    path, shown = resolve("index", reference, base_dir, cited)
                else:
                    path, shown = resolve("index", str(written), Path(), cited)
            except InputError as exc:
                problems.extend(exc.problems)
                failed.add(reference)
                continue
            if reference in indices:
                if files[reference] != path.resolve():
                    problems.append(
                        located(
                            *cited,
                            f"price index {reference!r} means {files[reference]} for one table "
                            f"and {path.resolve()} for {table.name}; write one of them as "
                            "another path",
                        )
                    )
                    failed.add(reference)
                continue
            try:
                index = load_index_file(path, shown, cited)
            except InputError as exc:
                problems.extend(exc.problems)
                failed.add(reference)
                continue
            clash = by_name.setdefault(index.name, reference)
            if clash != reference:
                problems.append(
                    located(
                        *cited,
                        f"price indices {clash!r} and {reference!r} are both named "
                        f"{index.name!r}; outputs name an index by its name, so give each "
                        "index file its own name",
                    )
                )
                failed.add(reference)
                continue
            indices[reference], files[reference] = index, path.resolve()
    return indices
