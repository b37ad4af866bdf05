"""The CLI's Markdown output, `explain` command, `--config` file and -v/-q."""

import json
import pathlib

import pytest
from conftest import ROOT

from cleanscrape.cli.main import main

PAGES_DIR = pathlib.Path(__file__).resolve().parent / "pages"
GOLDEN_DIR = pathlib.Path(__file__).resolve().parent / "golden"
SEED = ROOT / "seeds" / "001_aa0fc5fdb0ed2bfe.txt"
ARTICLE = ("Council extends tram line north\n\n"
           "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028.\n\n"
           "Share\n\nSponsored by Tram Fans of the North, the people who love trams.\n")


def run(capsys, *argv):
    status = main([*map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def write_config(tmp_path, text: str) -> pathlib.Path:
    path = tmp_path / "cleanscrape.toml"
    path.write_text(text, encoding="utf-8")
    return path


def removed(out: str) -> dict[str, str]:
    return {removal["text"]: removal["reason"] for removal in json.loads(out)["removed"]}


def test_format_markdown_prints_the_page_as_markdown(capsys):
    page = PAGES_DIR / "tram_article.html"
    status, out, err = run(capsys, "clean", "--format", "markdown", page)
    assert (status, err) == (0, "")
    assert out == (GOLDEN_DIR / "tram_article.html.md").read_text(encoding="utf-8")


def test_explain_writes_a_self_contained_html_report(capsys, tmp_path):
    report = tmp_path / "report.html"
    status, out, err = run(capsys, "explain", SEED, "-o", report)
    assert (status, out, err) == (0, "", "")
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'title="related-headlines"' in html


def test_explain_without_output_prints_the_report(capsys, article):
    status, out, _ = run(capsys, "explain", article, "--drop-phrase", "sponsored by")
    assert status == 0 and out.startswith("<!DOCTYPE html>") and 'title="user-drop"' in out


def test_explain_of_a_missing_file_is_exit_2_with_one_line(capsys, tmp_path):
    status, out, err = run(capsys, "explain", tmp_path / "nope.html")
    assert (status, out) == (2, "") and err.count("\n") == 1 and "nope.html" in err


def test_a_config_file_sets_rules_and_stage_thresholds(capsys, tmp_path, article):
    config = write_config(tmp_path, 'drop_phrases = ["sponsored by"]\n\n[chrome]\nmax_tiny_line_chars = 1\n')
    status, out, err = run(capsys, "-vv", "clean", "--config", config, article)
    assert status == 0
    assert removed(out)["Sponsored by Tram Fans of the North, the people who love trams."] == "user-drop"
    assert "\nchrome.max_tiny_line_chars = 1 (default 4)\n" in err


def test_flags_on_the_command_line_win_over_the_config_file(capsys, tmp_path, article):
    config = write_config(tmp_path, 'drop_phrases = ["council"]\ndisabled_stages = ["chrome"]\n')
    status, out, _ = run(capsys, "clean", "--config", config, "--drop-phrase", "sponsored by", article)
    assert status == 0
    reasons = removed(out)
    assert reasons["Sponsored by Tram Fans of the North, the people who love trams."] == "user-drop"
    assert not any("council voted" in text for text in reasons)  # the file's phrase was replaced
    assert "chrome" not in reasons.values()  # the file's other settings stay


@pytest.mark.parametrize(("text", "message"), [
    ("drop_phrase = ['x']\n", "unknown option(s): drop_phrase"),
    ("[main_content]\nmin_region = 3\n", "unknown main_content threshold(s): min_region"),
    ("drop_patterns = ['(']\n", "invalid pattern"),
    ("drop_phrases = [\n", "not TOML"),
])
def test_a_bad_config_file_is_a_one_line_usage_error(capsys, tmp_path, article, text, message):
    config = write_config(tmp_path, text)
    with pytest.raises(SystemExit) as exit_info:
        main(["clean", "--config", str(config), str(article)])
    _, err = capsys.readouterr()
    assert exit_info.value.code == 2
    error_line = err.strip().splitlines()[-1]
    assert error_line.startswith("cleanscrape: error: --config ") and message in error_line


def test_a_missing_config_file_is_a_usage_error(capsys, tmp_path, article):
    with pytest.raises(SystemExit) as exit_info:
        main(["clean", "--config", str(tmp_path / "none.toml"), str(article)])
    assert exit_info.value.code == 2 and "No such file" in capsys.readouterr().err


def test_verbose_says_what_was_done_and_quiet_keeps_errors_only(capsys, tmp_path, article):
    status, _, err = run(capsys, "-v", "clean", article)
    assert status == 0 and err == f"cleanscrape: {article}: article, 2 of 4 lines kept, 2 removals\n"
    status, _, err = run(capsys, "-vv", "clean", article)
    assert "cleanscrape: settings:\ndisabled_stages = []" in err
    status, _, err = run(capsys, "-q", "clean", article, tmp_path / "nope.txt")
    assert status == 2 and err.startswith(f"cleanscrape: {tmp_path / 'nope.txt'}: ") and err.count("\n") == 1
    status, _, err = run(capsys, "clean", article)
    assert (status, err) == (0, "")
