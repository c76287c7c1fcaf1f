"""Unit-cost tables as listings: what is shipped, and every line of one table with its source."""

from __future__ import annotations

import csv
import io
import json

from pause_cost.model.tables import UnitCostTable

LINE_COLUMNS = (
    "id",
    "item",
    "stage",
    "classification",
    "agency",
    "amount_gbp",
    "unit",
    "quantity_per_child",
    "share_of_children",
    "first_year",
    "last_year",
    "price_year",
    "price_index",
    "source",
    "url",
    "derivation",
    "assumption",
)


def line_rows(table: UnitCostTable) -> list[dict[str, object]]:
    """Each line flattened: its source cited on one line, its index resolved from the table."""
    return [
        {
            "id": line.id,
            "item": line.item,
            "stage": line.stage,
            "classification": line.classification,
            "agency": line.agency,
            "amount_gbp": line.amount_gbp,
            "unit": line.unit,
            "quantity_per_child": line.quantity_per_child,
            "share_of_children": line.share_of_children,
            "first_year": line.first_year,
            "last_year": line.final_year,
            "price_year": line.price_year,
            "price_index": table.index_reference(line),
            "source": line.source.cite(),
            "url": line.source.url,
            "derivation": line.derivation,
            "assumption": line.assumption,
        }
        for line in table.lines
    ]


def summary(table: UnitCostTable) -> dict[str, object]:
    return {
        "name": table.name,
        "title": table.title,
        "lines": len(table.lines),
        "price_years": table.price_years,
        "price_index": table.price_index,
        "extends": table.extends,
    }


def render_list(tables: list[UnitCostTable], output_format: str) -> str:
    """The listing as 'json' or 'csv' text."""
    return list_json(tables) if output_format == "json" else list_csv(tables)


def render_table(table: UnitCostTable, output_format: str) -> str:
    """Every line of one table as 'json' or 'csv' text."""
    return show_json(table) if output_format == "json" else show_csv(table)


def list_json(tables: list[UnitCostTable]) -> str:
    return json.dumps([summary(table) for table in tables], indent=2, ensure_ascii=False) + "\n"


def list_csv(tables: list[UnitCostTable]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("name", "title", "lines", "price_years", "price_index", "extends"))
    for table in tables:
        price_years = " ".join(table.price_years)
        writer.writerow(
            (
                table.name,
                table.title,
                len(table.lines),
                price_years,
                table.price_index or "",
                table.extends or "",
            )
        )
    return buffer.getvalue()


def show_json(table: UnitCostTable) -> str:
    return json.dumps(table.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def show_csv(table: UnitCostTable) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=LINE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in line_rows(table):
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return buffer.getvalue()
