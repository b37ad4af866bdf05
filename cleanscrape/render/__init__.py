"""Renderers of a cleaned Page for people and other tools: Markdown, and the HTML explain report."""

from cleanscrape.render.markdown import markdown
from cleanscrape.render.report import report

__all__ = ["markdown", "report"]
