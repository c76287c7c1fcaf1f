"""``python -m pause_cost``: the same CLI as ``pause-cost``."""

from pause_cost.cli import app

app(prog_name="pause-cost")
