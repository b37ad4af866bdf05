"""Typed facts: every kind a stage emits is consumed by assemble, so no line cut from the text as
metadata loses what it said; the page's kinds and roles print as their plain values."""

import dataclasses
import json

import pytest
from conftest import ROOT
from helpers import doc_from_lines

from cleanscrape.assemble.build import CONSUMED_FACTS, build_article, build_page
from cleanscrape.assemble.segment import Segment
from cleanscrape.model import Article, ArticleRole, Evidence, Fact, FactKind, Label, Page, PageKind, PageMeta, Verdict
from cleanscrape.pipeline import STAGES, apply_labels
from cleanscrape.settings import Settings

P1 = "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028."
P2 = "Construction is expected to start next spring, and the council said fares would not rise."


def test_assemble_consumes_every_kind_of_fact():
    assert set(FactKind) == CONSUMED_FACTS


@pytest.mark.parametrize("stage", STAGES, ids=lambda stage: stage.name)
def test_every_fact_a_stage_declares_has_a_consumer(stage):
    assert set(stage.facts) <= CONSUMED_FACTS


def _pages_with_every_fact():
    """The seeds, and a page whose article header the DOM marked (the only source of a standfirst)."""
    docs = [doc_from_lines(seed.read_text(encoding="utf-8").splitlines()) for seed in sorted((ROOT / "seeds").glob("*.txt"))]
    standfirst = "The vote ends ten years of debate. Here is what the new line means for the suburbs."
    header, body = Evidence(article_header=True), Evidence()
    docs.append(dataclasses.replace(
        doc_from_lines(["Trams head north at last", standfirst, P1, P2]),
        main_content_found=True, page_meta=PageMeta(title="Trams head north"), evidence=(header, header, body, body),
    ))
    return docs


def test_stages_emit_only_the_kinds_of_fact_they_declare():
    emitted: set[FactKind] = set()
    for doc in _pages_with_every_fact():
        for stage in STAGES:
            labels = list(stage.label(doc, Settings()))
            kinds = {fact.kind for label in labels for fact in label.facts}
            assert kinds <= set(stage.facts), stage.name
            emitted |= kinds
            doc = apply_labels(doc, labels)
    # Pages that exercise most kinds, so the check above means something.
    assert emitted >= {FactKind.TITLE, FactKind.STANDFIRST, FactKind.AUTHOR, FactKind.EDITOR, FactKind.CAPTION, FactKind.SECTION}


@pytest.mark.parametrize("kind", list(FactKind))
def test_each_kind_of_fact_changes_the_page_assemble_builds(kind):
    doc = doc_from_lines(["A line read as metadata", P1, P2])
    plain = apply_labels(doc, [Label(0, Verdict.DROP, "metadata")])
    with_fact = apply_labels(doc, [Label(0, Verdict.DROP, "metadata", facts=(Fact(kind, "2025-03-20"),))])
    assert build_page(with_fact, Settings()) != build_page(plain, Settings())


def test_a_standfirst_goes_to_its_article_and_the_text_keeps_only_the_body():
    doc = doc_from_lines(["The summary under the headline, in one sentence of some length.", P1, P2])
    doc = apply_labels(doc, [Label(0, Verdict.DROP, "metadata", facts=(Fact(FactKind.STANDFIRST, doc.lines[0].text),))])
    article = build_article(doc, Segment(0, 3))
    assert article.standfirst == doc.lines[0].text
    assert article.text == f"{P1}\n\n{P2}"
    assert list(article.to_dict())[:4] == ["role", "title", "standfirst", "text"]


def test_authors_are_each_named_once_in_page_order():
    doc = doc_from_lines(["By Ana Vidal and Tom Field", P1, "(Reporting by Tom Field; editing by Ruth Kang)"])
    doc = apply_labels(doc, [
        Label(0, Verdict.DROP, "metadata", facts=(Fact(FactKind.AUTHOR, "Ana Vidal"), Fact(FactKind.AUTHOR, "Tom Field"))),
        Label(2, Verdict.DROP, "credit", facts=(Fact(FactKind.AUTHOR, "Tom Field"), Fact(FactKind.EDITOR, "Ruth Kang"))),
    ])
    article = build_article(doc, Segment(0, 3))
    assert (article.authors, article.editors) == (["Ana Vidal", "Tom Field"], ["Ruth Kang"])


@pytest.mark.parametrize("member", [*PageKind, *ArticleRole, *FactKind])
def test_kinds_and_roles_are_their_plain_values_to_json_str_and_format(member):
    assert json.dumps(member) == json.dumps(member.value)
    assert str(member) == f"{member}" == member.value == member


def test_to_dict_holds_plain_strings_for_kind_and_role():
    page = Page(kind=PageKind.LISTING, articles=[Article(text="x", role=ArticleRole.ITEM)])
    data = page.to_dict()
    assert type(data["kind"]) is str and type(data["articles"][0]["role"]) is str
    assert json.dumps(data).startswith('{"source": null, "kind": "listing"')
