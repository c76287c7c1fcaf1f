"""What-ifs on a scenario's inputs: addressing them, drawing them, and judging the outcomes."""
