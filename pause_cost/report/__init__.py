"""The committee pack: a workbook with live formulas, a printable page with charts, Markdown."""
