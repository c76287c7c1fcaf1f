"""What the programme costs set against what it avoids."""
