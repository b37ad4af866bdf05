"""Large-page benchmark (not a test): what a page near the size limits costs, in CPU seconds and memory.

    python -m benchmarks.large_pages [--sizes 1,2,5] [--kinds article,table,cards,scripted] [--limits]

Builds realistic large HTML pages of each kind at each size (in MiB) and cleans each one in a
fresh process, with the limits lifted, printing the CPU time (user + system, which other jobs on
the machine inflate much less than wall time) and the peak resident memory of that process:

- article: one long article, <h2> sections of a few paragraphs each (a long report, a book chapter);
- table: one huge data table, rows of six cells (a statistics page, a price list);
- cards: many repeated linked cards, each an image, a headline link and a teaser (an archive page);
- long_cards: the same with a paragraph's teaser, so that the page reaches max_html_elements and
  the size limit together;
- scripted: an ordinary article whose bytes are mostly inline script and JSON state (a modern
  news site's page), the common way a real page grows large.

With `--limits` each page is also checked against the default limits, and the line says which
one refuses it, so the figures show what the defaults let through. `cleanscrape/limits.py` and
the README quote the measured worst case.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

_TEXT = ("the council said on tuesday that its plan for the northern district would bring new homes schools "
         "and a tram line to residents who have waited years for better transport while critics argued that "
         "costs had doubled since the first estimate and the work would disrupt traffic for months")
_WORDS = tuple(_TEXT.split())
MIB = 1 << 20


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng, rng.randint(12, 28)) for _ in range(rng.randint(2, 5)))


def _page(title: str, body: str, head: str = "") -> str:
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | City News</title>"
            f"{head}</head><body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/local\">Local</a></li></ul>"
            f"</nav><main>{body}</main><footer><p>City News, 1 Harbour Street</p></footer></body></html>")


def article(size: int, rng: random.Random) -> str:
    parts, total, section = ["<article><h1>A long report on the northern district</h1>"], 0, 0
    while total < size:
        section += 1
        parts.append(f"<h2>Part {section}: what the council decided</h2>")
        for _ in range(rng.randint(3, 6)):
            parts.append(f"<p>{_paragraph(rng)}</p>")
            total += len(parts[-1])
    return _page("A long report", "".join(parts) + "</article>")


def table(size: int, rng: random.Random) -> str:
    rows, total, number = ["<h1>Bus punctuality by stop</h1><table><thead><tr><th>Stop</th><th>Line</th>"
                           "<th>Scheduled</th><th>Actual</th><th>Delay</th><th>Note</th></tr></thead><tbody>"], 0, 0
    while total < size:
        number += 1
        note = _sentence(rng, rng.randint(4, 14))
        rows.append(f"<tr><td>Stop {number} {rng.choice(_WORDS)}</td><td>{rng.randint(1, 99)}</td>"
                    f"<td>08:{number % 60:02d}</td><td>08:{(number + 3) % 60:02d}</td>"
                    f"<td>{rng.randint(0, 9)} min</td><td>{note}</td></tr>")
        total += len(rows[-1])
    return _page("Bus punctuality", "".join(rows) + "</tbody></table>")


def cards(size: int, rng: random.Random, teaser_words: tuple[int, int] = (15, 30)) -> str:
    items, total, number = ["<h1>Archive: local news</h1>"], 0, 0
    while total < size:
        number += 1
        headline = _sentence(rng, rng.randint(6, 11)).rstrip(".")
        items.append(f"<div class=\"card\"><a href=\"/news/{number}\"><img src=\"/img/{number}.jpg\" alt=\"\">"
                     f"<h3>{headline}</h3></a><p class=\"teaser\">{_sentence(rng, rng.randint(*teaser_words))}</p>"
                     f"<span class=\"date\">12 March 2025</span></div>")
        total += len(items[-1])
    return _page("Archive", "".join(items))


def long_cards(size: int, rng: random.Random) -> str:
    """Cards with teasers of a paragraph: at 10 MiB about as many elements as max_html_elements
    allows, so the page is at two limits at once."""
    return cards(size, rng, teaser_words=(60, 90))


def scripted(size: int, rng: random.Random) -> str:
    body = "<article><h1>Council approves the tram line</h1>" + "".join(
        f"<p>{_paragraph(rng)}</p>" for _ in range(20)) + "</article>"
    state, total = [], 0
    while total < size:
        state.append({"id": len(state), "headline": _sentence(rng, 8), "teaser": _sentence(rng, 25),
                      "tags": [rng.choice(_WORDS) for _ in range(5)]})
        total += 200
    head = f"<script id=\"__NEXT_DATA__\" type=\"application/json\">{json.dumps({'props': state})}</script>"
    return _page("Council approves the tram line", body, head)


KINDS = {"article": article, "table": table, "cards": cards, "long_cards": long_cards, "scripted": scripted}


def _measure(kind: str, mib: float, check_limits: bool) -> dict[str, object]:
    """In this (fresh) process: build the page, clean it with the limits lifted, report the costs."""
    import cleanscrape
    from cleanscrape import limits
    from cleanscrape.errors import InputTooLarge
    from cleanscrape.settings import DEFAULT_SETTINGS, Settings

    html = KINDS[kind](int(mib * MIB), random.Random(7))
    refused = None
    if check_limits:
        try:
            limits.check_input_size(html.encode(), DEFAULT_SETTINGS)
            limits.check_html(html, DEFAULT_SETTINGS)
        except InputTooLarge as error:
            refused = error.limit
    cleanscrape.clean("<p>warm-up: imports and language profiles.</p>", content_type="html")
    lifted = Settings(max_input_bytes=None, max_lines=None, max_line_chars=None, max_html_depth=None,
                      max_html_elements=None)
    before = resource.getrusage(resource.RUSAGE_SELF)
    wall = time.perf_counter()
    page = cleanscrape.clean(html, content_type="html", options=lifted)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    doc_limits = None
    if check_limits and refused is None:
        from cleanscrape.frontends.html.extract import document_from_html

        try:
            limits.check_document(document_from_html(html, None), DEFAULT_SETTINGS)
        except InputTooLarge as error:
            doc_limits = error.limit
    return {"kind": kind, "mib": round(len(html.encode()) / MIB, 2), "elements": html.count("<") - html.count("</"),
            "cpu_s": round(cpu, 1), "wall_s": round(wall, 1), "peak_mb": after.ru_maxrss // 1024,
            "words_kept": len(page.text.split()), "refused_by": refused or doc_limits}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,2,5", help="page sizes in MiB, comma-separated")
    parser.add_argument("--kinds", default=",".join(KINDS), help="page kinds, comma-separated")
    parser.add_argument("--limits", action="store_true", help="say which default limit refuses each page")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "MIB"), help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(_measure(args.one[0], float(args.one[1]), args.limits)))
        return 0
    print(f"{'kind':9} {'MiB':>6} {'elements':>9} {'CPU s':>6} {'wall s':>7} {'peak MB':>8} {'words':>8}  refused by")
    for kind in args.kinds.split(","):
        for size in args.sizes.split(","):
            command = [sys.executable, "-m", "benchmarks.large_pages", "--one", kind, size]
            result = subprocess.run(command + (["--limits"] if args.limits else []), capture_output=True, text=True)
            if result.returncode != 0:
                print(f"{kind:9} {size:>6}  failed: {result.stderr.strip().splitlines()[-1:]}")
                continue
            row = json.loads(result.stdout)
            print(f"{row['kind']:9} {row['mib']:>6} {row['elements']:>9} {row['cpu_s']:>6} {row['wall_s']:>7} "
                  f"{row['peak_mb']:>8} {row['words_kept']:>8}  {row['refused_by'] or '-'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
