"""The memo for pure functions of one line's text, which several stages ask of the same lines."""

from __future__ import annotations

import functools

# Each answer is computed once per line. A bounded memo of a pure function of the text changes no
# result, whatever was cleaned before. Sized for many ordinary pages; a giant page just misses and
# computes, in linear time.
MEMO_LINES = 1 << 15
per_line = functools.lru_cache(maxsize=MEMO_LINES)
