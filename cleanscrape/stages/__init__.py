"""Stages: small pure functions that read a Document and return Labels.

`base` holds what they share (the Stage contract, the reason vocabulary, line scans); each other
module is one stage, except `header_block`, the article-header reading two stages share. A stage
imports from `base` and `header_block`, never from another stage. The ordered registry is
`cleanscrape.pipeline.STAGES`.
"""

from cleanscrape.stages.base import REASONS, Stage, any_word, candidate_lines, line_rule, lines_matching

__all__ = ["REASONS", "Stage", "any_word", "candidate_lines", "line_rule", "lines_matching"]
