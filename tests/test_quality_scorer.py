"""The benchmark scorers must reproduce each benchmark's own evaluation exactly, or our figures
are not comparable with the published ones; these pin each rule on inputs small enough to do by
hand. The command-line tests build a tiny benchmark directory of their own: no benchmark data,
no network."""

import gzip
import json
import sys
import types

import pytest

from benchmarks.quality import (
    FRONT_END,
    OTHER_ARTICLE,
    RAISED,
    LostUnit,
    RemovedLine,
    SystemOutput,
    c4_line_filter,
    group_losses,
    lost_units,
    main,
    read_cached,
    removal_holding,
    trafilatura_calls_shared,
    write_cached,
)
from benchmarks.scorers import (
    SHINGLE_SCORER,
    SNIPPET_SCORER,
    WORD_SCORER,
    Match,
    Score,
    SnippetCount,
    Snippets,
    aggregate,
    count_snippets,
    match_page,
    match_words,
    mean_words,
    page_f1,
    sentences,
    shingles,
    sum_snippets,
    tokenize,
    word_tokens,
)

# --------------------------------------------------------------------------- shingles (shub)


def test_tokens_are_word_runs_with_case_and_unicode_kept():
    assert tokenize("Hello, WORLD! it's café-crème") == ["Hello", "WORLD", "it", "s", "café", "crème"]
    assert tokenize(None) == []


def test_shingles_count_repeated_4grams():
    assert shingles("a b c d a b c d") == {
        ("a", "b", "c", "d"): 2,
        ("b", "c", "d", "a"): 1,
        ("c", "d", "a", "b"): 1,
        ("d", "a", "b", "c"): 1,
    }


def test_text_shorter_than_a_shingle_is_one_short_shingle():
    assert shingles("Hello world") == {("Hello", "world"): 1}
    assert shingles("  ,; ") == {}


def test_worked_example_exact_precision_and_recall():
    # truth shingles: abcd, bcde; prediction: bcde, cdef, defg -> TP 1, FP 2, FN 1 (of 4).
    match = match_page("a b c d e", "b c d e f g")
    assert match == Match(tp=0.25, fp=0.5, fn=0.25)
    assert match.precision == pytest.approx(1 / 3)
    assert match.recall == pytest.approx(1 / 2)


def test_repeated_shingles_beyond_the_truth_count_are_false_positives():
    match = match_page("a b c d", "a b c d a b c d")
    assert match.precision == pytest.approx(1 / 5)
    assert match.recall == 1.0


def test_identical_text_scores_one_and_punctuation_is_ignored():
    text = "The quick brown fox jumps over the lazy dog."
    assert aggregate([match_page(text, text)]).f1 == 1.0
    assert aggregate([match_page(text, "The quick, brown fox -- jumps over the lazy dog")]).f1 == 1.0


def test_case_differences_do_not_match():
    # Upstream's re.IGNORECASE has no effect on \w: nothing is lower-cased.
    assert match_page("The Cat sat down", "the cat sat down").precision == 0.0


def test_shingles_score_a_wrong_output_low():
    truth = "The council voted on Tuesday to build the new bridge across the river."
    menu = "Home News Sport Weather Contact us Subscribe to our newsletter"
    assert aggregate([match_page(truth, menu)]).f1 == 0.0
    # The right words in another order share few 4-grams.
    shuffled = "the river across the new bridge to build Tuesday on voted council The"
    assert aggregate([match_page(truth, shuffled)]).f1 < 0.2


def test_f1_is_taken_from_averaged_precision_and_recall():
    pages = [match_page("a b c d e", "b c d e f g"), match_page("a b c d", "a b c d")]
    score = aggregate(pages)
    assert score.precision == pytest.approx((1 / 3 + 1) / 2)
    assert score.recall == pytest.approx((1 / 2 + 1) / 2)
    assert score.f1 == pytest.approx(12 / 17)  # not the mean of page F1s, which is 0.7


def test_empty_prediction_costs_recall_but_is_left_out_of_precision():
    empty = match_page("a b c d e", "")
    assert (empty.precision, empty.recall) == (None, 0.0)
    score = aggregate([empty, match_page("w x y z", "w x y z")])
    assert (score.precision, score.recall) == (1.0, 0.5)
    assert page_f1(empty) == 0.0


def test_empty_truth_and_prediction_is_left_out_of_both_averages():
    score = aggregate([match_page("", ""), match_page("a b c d e", "b c d e f g")])
    assert score.precision == pytest.approx(1 / 3)
    assert score.recall == pytest.approx(1 / 2)


# --------------------------------------------------------------------------- snippets (traf-dev)


def test_snippets_match_with_whitespace_collapsed_and_case_kept():
    truth = Snippets(wanted=("The council  voted\non Tuesday", "It will cost"), unwanted=("Share this",))
    output = "The council voted on\t Tuesday.\n\nit will cost a lot.\nShare   this article"
    # "It will cost" is not found: the match is case-sensitive, as trafilatura's own.
    assert count_snippets(truth, output) == SnippetCount(tp=1, fp=1, fn=1, tn=0)


def test_snippets_are_summed_over_the_set_before_the_ratios():
    counts = [SnippetCount(tp=3, fp=1, fn=0, tn=1), SnippetCount(tp=0, fp=0, fn=2, tn=2)]
    score = sum_snippets(counts)
    assert score.precision == pytest.approx(3 / 4)
    assert score.recall == pytest.approx(3 / 5)
    assert score.f1 == pytest.approx(6 / 9)  # 2TP / (2TP + FP + FN)


def test_snippets_score_a_wrong_output_low():
    truth = Snippets(wanted=("The council voted on Tuesday", "the bridge"), unwanted=("Home | News", "Share this"))
    assert sum_snippets([count_snippets(truth, "Home | News | Sport\nShare this")]) == Score(0.0, 0.0, 0.0)
    assert count_snippets(truth, "") == SnippetCount(tp=0, fp=0, fn=2, tn=2)


# --------------------------------------------------------------------------- words (wcxb-dev, readability)


def test_word_tokens_are_lower_cased_word_runs():
    assert word_tokens("The CAT's café, 2025!") == ["the", "cat", "s", "café", "2025"]


def test_words_are_a_bag_not_a_sequence():
    score = match_words("a b b c", "b a a")  # overlap: a once, b once -> 2
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 4)
    assert score.f1 == pytest.approx(4 / 7)
    assert match_words("The cat sat.", "sat cat THE").f1 == 1.0  # order and case do not count


def test_words_empty_truth_and_empty_prediction_conventions():
    assert match_words("", "") == Score(1.0, 1.0, 1.0)
    assert match_words("  ...", "anything at all") == Score(0.0, 0.0, 0.0)
    assert match_words("some truth", "") == Score(0.0, 0.0, 0.0)


def test_words_f1_is_the_mean_of_page_f1s():
    pages = [match_words("a b c d", "a b c d"), match_words("a b c d", "a")]
    score = mean_words(pages)
    assert score.precision == pytest.approx(1.0)
    assert score.recall == pytest.approx((1 + 1 / 4) / 2)
    assert score.f1 == pytest.approx((1 + 0.4) / 2)  # not the F1 of the means (0.769)


def test_words_score_a_wrong_output_low():
    truth = "The council voted on Tuesday to build the new bridge across the river."
    assert match_words(truth, "Home News Sport Weather Contact us Subscribe").f1 == 0.0
    boilerplate_heavy = truth + " " + " ".join(["Subscribe to our newsletter for offers"] * 10)
    assert match_words(truth, boilerplate_heavy).precision < 0.2


# --------------------------------------------------------------------------- losses


def test_sentences_cut_lines_after_sentence_ends():
    assert sentences("First one. Second one!\n\n  Third, no end\n...") == ["First one.", "Second one!", "Third, no end"]


def test_a_removal_holds_a_unit_it_contains_or_a_long_enough_part_of_it():
    key = WORD_SCORER.unit_key
    unit = key("The council voted on Tuesday to build it")
    paragraph = RemovedLine("boilerplate", "Yes. The council voted on Tuesday to build it. More.")
    fragment = RemovedLine("caption", "voted on Tuesday")
    chance = RemovedLine("chrome", "Tuesday")
    assert removal_holding(unit, [(line, key(line.text)) for line in (chance, paragraph)]) is paragraph
    assert removal_holding(unit, [(line, key(line.text)) for line in (chance, fragment)]) is fragment
    assert removal_holding(unit, [(chance, key(chance.text))]) is None  # one word of eight: chance
    heading = RemovedLine("related-headlines", "The council")
    assert removal_holding(unit, [(heading, key(heading.text))]) is heading  # glued to its paragraph


def test_lost_truth_is_grouped_by_the_stage_and_reason_that_dropped_it():
    truth = "Kept sentence here. Dropped as a caption here. Missing from both here. In the second article here."
    reference = truth
    cleaned = SystemOutput(
        text="Kept sentence here.",
        milliseconds=1.0,
        removed=(RemovedLine("caption", "Dropped as a caption here.", stage="caption"),),
        all_articles="Kept sentence here.\n\nIn the second article here.",
    )
    lost = lost_units(WORD_SCORER, truth, reference, cleaned, {}, ("wcxb-dev", "0001"))
    assert [(loss.group, loss.unit) for loss in lost] == [
        ("caption", "Dropped as a caption here."),  # stage and reason the same: said once
        (FRONT_END, "Missing from both here."),
        (OTHER_ARTICLE, "In the second article here."),
    ]


def test_only_truth_the_reference_keeps_counts_as_lost():
    truth = Snippets(wanted=("alpha beta", "gamma delta"), unwanted=())
    cleaned = SystemOutput("", 1.0, removed=(RemovedLine("chrome", "alpha beta"),))
    lost = lost_units(SNIPPET_SCORER, truth, "alpha  beta", cleaned, {"chrome": "chrome-stage"}, ("traf-dev", "0002"))
    assert [(loss.group, loss.unit, loss.logged_as) for loss in lost] == [
        ("chrome-stage: chrome", "alpha beta", "alpha beta")]


def test_a_page_that_raised_loses_everything_to_the_exception():
    cleaned = SystemOutput("", 1.0, error="ValueError: boom")
    text = "One sentence. Two sentence."
    lost = lost_units(SHINGLE_SCORER, text, text, cleaned, {}, ("shub", "x"))
    assert {loss.group for loss in lost} == {RAISED} and len(lost) == 2


def test_loss_groups_are_ranked_by_words_lost():
    losses = [
        LostUnit("shub", "a", "chrome", "one two", 2),
        LostUnit("shub", "b", "caption", "one two three four five", 5),
        LostUnit("traf-dev", "c", "chrome", "x y z w", 4),
    ]
    groups = group_losses(losses)
    assert [(g.group, g.units, g.words, g.pages) for g in groups] == [("chrome", 2, 6, 2), ("caption", 1, 5, 1)]
    assert groups[0].by_set == {"shub": 1, "traf-dev": 1}
    assert [e["page"] for e in groups[0].examples] == ["traf-dev/c", "shub/a"]  # biggest first


# --------------------------------------------------------------------------- baselines and caches


def test_c4_filter_keeps_terminated_lines_of_three_or_more_words():
    dump = "\n".join([
        "Home | News | Sport",  # no terminal punctuation
        "Read more.",  # too few words
        "  The council voted on Tuesday.  ",  # kept, surrounding space ignored
        'He said "we will build it."',  # ends in an ASCII quote
        "\u201cWe will build it,\u201d he said, \u201cno matter what.\u201d",  # typographic closing quote
        "Is this the end?",
        "Share this article",
    ])
    assert c4_line_filter(dump).splitlines() == [
        "  The council voted on Tuesday.  ",
        'He said "we will build it."',
        "\u201cWe will build it,\u201d he said, \u201cno matter what.\u201d",
        "Is this the end?",
    ]


def test_cached_output_is_used_only_for_the_same_page_bytes(tmp_path):
    path = tmp_path / "set" / "p1.json"
    write_cached(path, "abc", SystemOutput("text", 12.5, None))
    assert read_cached(path, "abc") == SystemOutput("text", 12.5, None, cached=True)
    assert read_cached(path, "other") is None
    assert read_cached(tmp_path / "missing.json", "abc") is None


def test_shared_trafilatura_calls_run_once_an_argument_and_are_undone(monkeypatch):
    import trafilatura

    calls = []
    monkeypatch.setattr(trafilatura, "extract", lambda html, **options: calls.append(html) or f"out:{html}")
    with trafilatura_calls_shared():
        assert trafilatura.extract("<p>a</p>", fast=True) == "out:<p>a</p>"
        assert trafilatura.extract("<p>a</p>", fast=True) == "out:<p>a</p>"
        trafilatura.extract("<p>a</p>", fast=False)
    trafilatura.extract("<p>a</p>", fast=True)
    assert len(calls) == 3  # once for each options inside, and again outside


# --------------------------------------------------------------------------- command line

TRUTH = "The council voted on Tuesday to build it."


@pytest.fixture
def tiny_bench(tmp_path):
    """shub, traf-dev and wcxb-dev with one or two pages each, in the benchmarks' layouts."""
    bench = tmp_path / "bench"
    html = f"<html><body><nav>Home | News</nav><article><p>{TRUTH}</p></article></body></html>"
    dump = f"Home | News\n{TRUTH}\nShare | this\n"
    for name, ids in (("shub", ["p1"]), ("traf-dev", ["0001"]), ("wcxb-dev", ["0001", "0002"])):
        for page_id in ids:
            (bench / name / "html").mkdir(parents=True, exist_ok=True)
            (bench / name / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(html.encode()))
            if name != "wcxb-dev":
                (bench / name / "text" / "w3m").mkdir(parents=True, exist_ok=True)
                (bench / name / "text" / "w3m" / f"{page_id}.txt").write_text(dump)
    (bench / "shub" / "ground-truth.json").write_text(json.dumps({"p1": {"articleBody": TRUTH, "url": "u"}}))
    (bench / "traf-dev" / "evaldata.json").write_text(json.dumps(
        {"https://example.org/1": {"id": "0001", "with": ["voted on Tuesday"], "without": ["Home | News"]}}))
    wcxb = [{"id": "0001", "page_type": "article", "main_content": TRUTH},
            {"id": "0002", "page_type": "forum", "main_content": "Nothing of this page is kept."}]
    (bench / "wcxb-dev" / "ground-truth.jsonl.gz").write_bytes(gzip.compress("\n".join(map(json.dumps, wcxb)).encode()))
    return bench


@pytest.fixture
def fake_cleaner(monkeypatch):
    """A cleaner with one stage, "menu", which drops lines holding '|' and logs them; it raises
    on input holding 'RAISE'. Only in-process (--workers 1) runs can see it."""
    calls = []

    def clean(data, *, content_type=None, source=None, options=None):
        text = data.decode() if isinstance(data, bytes) else data
        calls.append((content_type, options))
        if "RAISE" in text:
            raise ValueError("told to")
        if content_type == "html":
            text = text.replace("<", "\n<").replace(">", ">\n")
        lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("<")]
        menu_on = "menu" not in ((options or {}).get("disabled_stages") or [])
        kept = [line for line in lines if not (menu_on and "|" in line)]
        removed = [{"line": 1, "text": line, "reason": "chrome"} for line in lines if line not in kept]
        page_text = "\n\n".join(kept)
        return types.SimpleNamespace(text=page_text, to_dict=lambda: {
            "text": page_text, "articles": [{"text": page_text}], "removed": removed})

    monkeypatch.setitem(sys.modules, "fake_cleaner", types.SimpleNamespace(clean=clean, STAGE_NAMES=("menu",)))
    return calls


def run(argv, tiny_bench, tmp_path):
    return main(["--bench", str(tiny_bench), "--workers", "1", "--cleaner", "fake_cleaner:clean",
                 "--cache-dir", str(tmp_path / "cache"), *argv])


def test_missing_bench_dir_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["--bench", str(tmp_path / "nowhere")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "nowhere" in error


def test_unknown_set_and_set_without_dumps_are_exit_2(tiny_bench, tmp_path, fake_cleaner, capsys):
    assert run(["--sets", "shub,nosuch"], tiny_bench, tmp_path) == 2
    assert "nosuch" in capsys.readouterr().err
    assert run(["--mode", "text", "--sets", "wcxb-dev"], tiny_bench, tmp_path) == 2
    assert "no text dumps" in capsys.readouterr().err


def table_rows(out):
    return [line.split() for line in out.splitlines()]


def test_text_mode_scores_cleanscrape_beside_the_baselines(tiny_bench, tmp_path, fake_cleaner, capsys):
    out_json = tmp_path / "run.json"
    assert run(["--mode", "text", "--json", str(out_json), "--ablate", "--losses"], tiny_bench, tmp_path) == 0
    out = capsys.readouterr().out
    assert table_rows(out)[2][:8] == ["shub", "w3m", "1", "cleanscrape", "1.000", "1.000", "1.000", "0"]
    figures = json.loads(out_json.read_text())
    by_system = {(r["set_name"], r["system"]): r for r in figures["results"]}
    assert set(figures["sets"]) == {"shub", "traf-dev"}  # the sets with text dumps
    assert by_system[("traf-dev", "cleanscrape")]["f1"] == 1.0
    assert by_system[("traf-dev", "raw")]["precision"] == 0.5  # the menu's `without` snippet is in the dump
    assert by_system[("shub", "c4-lines")]["f1"] == 1.0
    ablation = {(r["set_name"], r["system"]): r for r in figures["ablation"]}
    assert ablation[("traf-dev", "-menu")]["f1"] == pytest.approx(2 / 3)  # the menu is back: one FP
    assert ablation[("traf-dev", "-menu")]["disabled"] == ["menu"]
    assert ("text", {"disabled_stages": ["menu"]}) in fake_cleaner
    assert figures["losses"] == []  # nothing true was dropped


def test_html_mode_caches_trafilatura_and_lists_exceptions_and_empty_pages(tiny_bench, tmp_path, fake_cleaner, capsys):
    # A page cleanscrape fails on, where trafilatura alone finds plenty.
    long_truth = " ".join(["The council voted on Tuesday to build it."] * 10)
    page = f"<html><body><article><p>{long_truth}</p><p>RAISE</p></article></body></html>"
    (tiny_bench / "wcxb-dev" / "html" / "0002.html.gz").write_bytes(gzip.compress(page.encode()))
    out_json = tmp_path / "run.json"
    assert run(["--sets", "shub,wcxb-dev", "--json", str(out_json), "--losses", "5"], tiny_bench, tmp_path) == 0
    out = capsys.readouterr().out
    figures = json.loads(out_json.read_text())
    by_system = {(r["set_name"], r["system"]): r for r in figures["results"]}
    assert by_system[("shub", "cleanscrape")]["f1"] == 1.0
    assert by_system[("wcxb-dev", "cleanscrape")]["exceptions"] == {"0002": "ValueError: told to"}
    assert by_system[("wcxb-dev", "cleanscrape")]["by_page_type"]["forum"]["f1"] == 0.0
    assert by_system[("wcxb-dev", "trafilatura")]["exceptions"] == {}
    assert [(e["set_name"], e["page_id"]) for e in figures["empty"]] == [("wcxb-dev", "0002")]
    assert "exceptions: cleanscrape on wcxb-dev/html: 1 pages" in out
    assert list((tmp_path / "cache").glob("trafilatura-*/wcxb-dev/0002.json"))

    assert run(["--sets", "shub,wcxb-dev", "--json", str(out_json)], tiny_bench, tmp_path) == 0
    rerun = {(r["set_name"], r["system"]): r for r in json.loads(out_json.read_text())["results"]}
    assert rerun[("wcxb-dev", "trafilatura")]["timed_in_earlier_run"] is True
    assert rerun[("wcxb-dev", "trafilatura")]["f1"] == by_system[("wcxb-dev", "trafilatura")]["f1"]
