"""The benchmark scorer must reproduce upstream evaluate.py exactly, or our figures are not
comparable with the published ones; these pin each rule on inputs small enough to do by hand."""

import json
import sys
import types

import pytest

from benchmarks.quality import (
    Match,
    aggregate,
    c4_line_filter,
    main,
    match_page,
    page_f1,
    shingles,
    tokenize,
)


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


# --------------------------------------------------------------------------- command line


def test_missing_data_dir_is_one_line_and_exit_2(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere"), "--mode", "text", "--baselines-only"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "nowhere" in error


def test_data_dir_without_ground_truth_is_exit_2(tmp_path, capsys):
    assert main([str(tmp_path), "--mode", "html", "--baselines-only"]) == 2
    assert "ground-truth.json" in capsys.readouterr().err


@pytest.fixture
def tiny_data_dir(tmp_path):
    truth = {"p1": {"articleBody": "The council voted on Tuesday to build it.", "url": "https://example.org/1"}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    dumps = tmp_path / "text" / "w3m"
    dumps.mkdir(parents=True)
    (dumps / "p1.txt").write_text("Home | News\nThe council voted on Tuesday to build it.\nShare this\n")
    return tmp_path


def test_text_mode_gives_the_cleaner_only_the_dump(tiny_data_dir, tmp_path, monkeypatch, capsys):
    calls = []

    def clean(data, *, content_type=None, source=None, options=None):
        calls.append((data, content_type, source, options))
        return types.SimpleNamespace(text=data.splitlines()[1])

    monkeypatch.setitem(sys.modules, "fake_cleaner", types.SimpleNamespace(clean=clean))
    dump_dir = tmp_path / "out"
    argv = [str(tiny_data_dir), "--mode", "text", "--renderer", "w3m", "--cleaner", "fake_cleaner:clean",
            "--show-worst", "1", "--dump-dir", str(dump_dir)]
    assert main(argv) == 0

    dump = (tiny_data_dir / "text" / "w3m" / "p1.txt").read_text()
    assert set(calls) == {(dump, "text", None, None)}  # warm-up + timed call, no url or truth
    rows = {tuple(line.split()[:3]) for line in capsys.readouterr().out.splitlines()}
    assert ("cleanscrape", "w3m", "1.000") in rows
    assert ("c4-lines", "w3m", "1.000") in rows
    assert ("raw", "w3m", "1.000") not in rows
    assert (dump_dir / "w3m" / "p1.txt").read_text() == "The council voted on Tuesday to build it."
