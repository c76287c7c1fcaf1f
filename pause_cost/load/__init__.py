"""The only code that touches input files: resolving, reading YAML, merging, locating errors."""
