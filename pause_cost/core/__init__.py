"""The pure calculation: compile a scenario into a plan, evaluate it, flag what to read first."""
