"""Domain rules and records: plain Python, no Qt, no SQL."""
