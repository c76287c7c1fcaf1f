"""Turn result models into text for terminals, scripts and reports; nothing is computed here."""
