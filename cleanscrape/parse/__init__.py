"""Parsers for what a reader sees: dates, people, datelines, language. They never guess."""
