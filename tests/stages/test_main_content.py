"""The main-content stage: the densest run of prose is the article; menus and footers around it go."""

import dataclasses

from helpers import doc_from_lines, labels_of

from cleanscrape.model import Block, Evidence, PageType
from cleanscrape.settings import Settings
from cleanscrape.stages import main_content

STAGE = main_content.STAGE
MENU = ["• Home", "• World", "• Business", "• Sport", "• Culture", "• Travel"]
TITLE = "Council extends tram line north"
BODY = [
    "The city council voted on Tuesday to extend the tram line to the northern suburbs by 2028, after two years of debate.",
    "Construction is expected to start next spring, and the council said fares would not rise for at least three years.",
    "What the plan includes",
    "Nine new stops, a depot and a park-and-ride site near the motorway are part of the plan approved on Tuesday.",
]
FOOTER = ["About us", "Contact", "Careers", "Advertise with us", "Privacy"]


def test_menus_and_footer_around_the_article_are_boilerplate_and_the_title_stays():
    lines = [*MENU, TITLE, "20 March 2025", *BODY, *FOOTER]
    labels = labels_of(STAGE, lines)
    assert labels == {n: "boilerplate" for n in [1, 2, 3, 4, 5, 6, 13, 14, 15, 16, 17]}


def test_a_subheading_inside_the_article_survives():
    labels = labels_of(STAGE, [*MENU, *BODY, *FOOTER])
    assert 9 not in labels  # "What the plan includes"


def test_a_comment_section_after_the_article_is_comments():
    comment = "I have waited twenty years for this tram and I will believe it when I see the first one arrive."
    lines = [*BODY, "12 Comments", "jbaxt says:", comment, "averagejoe says:", comment + " Really."]
    labels = labels_of(STAGE, lines)
    assert labels == {5: "comments", 6: "comments", 7: "comments", 8: "comments", 9: "comments"}


def test_a_comments_link_above_the_article_does_not_cut_it():
    labels = labels_of(STAGE, ["Comments", *BODY])
    assert labels == {1: "boilerplate"}


def test_a_page_without_a_run_of_prose_is_left_alone():
    assert labels_of(STAGE, [*MENU, "Contact us", *FOOTER]) == {}


def test_text_an_html_extractor_isolated_loses_only_lines_the_dom_places_in_boilerplate():
    doc = doc_from_lines([*BODY, "Follow our coverage"])
    evidence = (Evidence(),) * len(BODY) + (Evidence(boilerplate=True),)
    doc = dataclasses.replace(doc, main_content_found=True, evidence=evidence)
    assert labels_of(STAGE, doc) == {5: "boilerplate"}


COMMENT = "I have waited twenty years for this tram and I will believe it when I see the first one arrive."


def extracted(lines: list[str], evidence: list[Evidence], page_type: PageType = PageType.ARTICLE):
    doc = doc_from_lines(lines)
    return dataclasses.replace(doc, main_content_found=True, evidence=tuple(evidence), page_type=page_type)


def test_an_extracted_comment_after_the_article_is_comments():
    doc = extracted([*BODY, COMMENT], [Evidence()] * len(BODY) + [Evidence(comment=True)])
    assert labels_of(STAGE, doc) == {5: "comments"}


def test_comment_regions_holding_most_of_the_extracted_text_are_the_content():
    posts = [COMMENT, "Same here, and the bus that replaced the old line takes twice as long as it used to."]
    doc = extracted(["Tram thread", *posts], [Evidence()] + [Evidence(comment=True)] * len(posts))
    assert labels_of(STAGE, doc) == {}


def test_an_article_in_an_aside_is_content_but_a_menu_alone_is_not():
    in_aside = extracted(["Home", *BODY], [Evidence(boilerplate=True)] * (len(BODY) + 1))
    assert labels_of(STAGE, in_aside) == {}
    with_menu = extracted([*MENU, *BODY], [Evidence(boilerplate=True)] * len(MENU) + [Evidence()] * len(BODY))
    assert labels_of(STAGE, with_menu) == {n: "boilerplate" for n in range(1, 7)}
    menu_only = extracted(MENU, [Evidence(boilerplate=True)] * len(MENU))
    assert labels_of(STAGE, menu_only) == {n: "boilerplate" for n in range(1, 7)}


def test_a_forum_page_keeps_its_comment_regions():
    evidence = [Evidence()] * len(BODY) + [Evidence(comment=True), Evidence(boilerplate=True)]
    doc = extracted([*BODY, COMMENT, "Follow our coverage"], evidence, PageType.FORUM)
    assert labels_of(STAGE, doc) == {6: "boilerplate"}


def test_a_quotation_a_post_sets_in_an_aside_stays_on_a_forum_page_only():
    quoted = "Has anyone checked whether the new timetable still runs after midnight on weekends?"
    quote_in_aside = Evidence(boilerplate=True, block=Block.QUOTE)
    lines = [COMMENT, quoted, "It does, until half past one.", "Follow our coverage"]
    evidence = [Evidence(), quote_in_aside, Evidence(), Evidence(boilerplate=True)]
    assert labels_of(STAGE, extracted(lines, evidence, PageType.FORUM)) == {4: "boilerplate"}
    # On an article a pull quote or a quoted sidebar in an <aside> is furniture as before.
    assert labels_of(STAGE, extracted(lines, evidence)) == {2: "boilerplate", 4: "boilerplate"}


def test_densest_run_finds_the_maximum_sum_run():
    assert main_content.densest_run([-5, 10, -3, 20, -50, 8]) == (1, 4, 27.0)
    assert main_content.densest_run([-1, -2]) == (0, 0, 0.0)


TEASERS = [
    "Bridge repairs to close the ring road for a month, the city said on Monday after an inspection found cracked bearings.",
    "Two schools will merge next year as pupil numbers fall, the education board said in a statement on Friday evening.",
    "A new library opens in the old post office on Saturday, with a reading room, a cafe and a children's floor upstairs.",
]


def test_a_block_of_teasers_printed_twice_does_not_pull_the_run_over_the_page():
    # A slider printed twice (above and below the article): its paragraphs earn nothing, so the
    # run does not stretch from the article across the footer to reach the second copy.
    lines = [*BODY, *FOOTER, *MENU, *TEASERS, *FOOTER, *TEASERS]
    labels = labels_of(STAGE, lines)
    assert not any(number in labels for number in range(1, 5))  # the article stays
    assert all(labels.get(number) == "boilerplate" for number in range(5, len(lines) + 1))


TAG_CLOUD = (
    "trams buses cycling parking council budget housing planning schools libraries parks recycling "
    "elections roadworks festivals markets museums theatre swimming football weather traffic trains "
    "bridges airport hospitals police fire rescue tourism jobs business"
)


def test_a_tag_cloud_as_long_as_the_article_does_not_win_the_run():
    # Thirty words without stop words: a tag list, not a paragraph, however long.
    lines = [*MENU, TAG_CLOUD, TAG_CLOUD.replace("trams", "tramways"), *FOOTER, *BODY]
    labels = labels_of(STAGE, lines)
    assert labels == {n: "boilerplate" for n in range(1, 14)}  # the article (lines 14-17) stays


def test_a_page_in_a_language_without_a_stop_word_list_keeps_its_paragraphs():
    # Hungarian shares only the odd short word with the lists: relative to the page, its
    # paragraphs are not word lists.
    body = [
        "A városi tanács kedden megszavazta, hogy a villamosvonalat 2028-ig meghosszabbítják az északi külvárosokig, két év vita után.",
        "Az építkezés jövő tavasszal kezdődhet, és a tanács szerint a jegyárak legalább három évig nem emelkednek a városban.",
        "Kilenc új megálló, egy kocsiszín és egy parkoló épül az autópálya közelében, amelyet kedden hagytak jóvá a képviselők.",
    ]
    doc = doc_from_lines([*MENU, *body, *FOOTER])
    scores = main_content.line_scores(doc, doc.lines, Settings())
    assert all(score > 0 for score in scores[6:9])
    labels = labels_of(STAGE, doc)
    assert not any(number in labels for number in (7, 8, 9))  # the article stays
    assert all(labels.get(number) == "boilerplate" for number in range(10, 15))  # the footer goes


def test_a_paragraph_printed_once_keeps_its_weight():
    doc = doc_from_lines([*TEASERS, BODY[0], TEASERS[0]])
    scores = main_content.line_scores(doc, doc.lines, Settings())
    assert scores[1] > 0 and scores[3] > 0  # printed once: prose
    assert scores[0] == 0.0 and scores[4] == 0.0  # printed twice: neutral


def test_more_comment_section_headers_cut_the_comments():
    comment = "I have waited twenty years for this tram and I will believe it when I see the first one arrive."
    for header in ["[ 167 comments ]", "Top Rated Comments", "You must be logged in to post a comment.",
                   "Lascia un commento", "Commenti (12)", "Deixe um comentário", "Kommentar verfassen",
                   "Hinterlasse einen Kommentar", "Les commentaires sont fermés.",
                   "Du musst angemeldet sein, um einen Kommentar abzugeben."]:
        labels = labels_of(STAGE, [*BODY, header, "jbaxt", comment])
        assert labels == {5: "comments", 6: "comments", 7: "comments"}, header


def test_an_article_sentence_about_comments_is_not_a_comment_header():
    assert not main_content.is_comments_header("A spokeswoman for the council declined to comment.")
    assert not main_content.is_comments_header("Most comments at the meeting were in favour of the plan.")
    assert not main_content.is_comments_header("Der Sprecher wollte den Vorfall nicht kommentieren.")
    assert not main_content.is_comments_header("Le maire n'a pas souhaité publier de commentaire sur le projet.")
    labels = labels_of(STAGE, [*BODY[:2], "A spokeswoman for the council declined to comment.", *BODY[2:]])
    assert labels == {}


CONSENT = [
    "We use technologies such as cookies to store and access device information, so that we can show you "
    "personalised content and measure how our website is used by every visitor who comes to it.",
    "Functional",
    "The technical storage or access is strictly necessary for the legitimate purpose of enabling the use of a "
    "specific service explicitly requested by the subscriber or user, or for the sole purpose of carrying out "
    "the transmission of a communication over an electronic communications network.",
    "Statistics",
    "The technical storage or access that is used exclusively for statistical purposes, and for anonymous "
    "statistical purposes only, without a subpoena, voluntary compliance or additional records from a third party, "
    "information stored or retrieved for this purpose alone cannot usually be used to identify you at all.",
]


def test_a_cookie_consent_dialog_longer_than_the_article_is_not_the_article():
    labels = labels_of(STAGE, [*MENU, *BODY, *FOOTER, *MENU, *CONSENT])  # the dialog closes the page
    assert all(labels.get(n) is None for n in range(7, 11))
    assert all(labels.get(n) == "boilerplate" for n in range(22, 27))


def test_a_cookie_notice_printed_above_the_page_does_not_take_the_article_with_it():
    notice = CONSENT[0]
    labels = labels_of(STAGE, [notice, *MENU, *BODY, *FOOTER])
    assert labels.get(1) == "boilerplate"
    assert all(labels.get(n) is None for n in range(8, 12))


def test_an_article_about_baking_cookies_is_an_article():
    body = ["These cookies keep for a week in a tin, and the dough freezes well for a month if you wrap it tightly.",
            *BODY[1:]]
    labels = labels_of(STAGE, [*MENU, *body, *FOOTER])
    assert all(labels.get(n) is None for n in range(7, 11))


def test_a_paragraph_ending_in_a_colon_that_opens_the_article_stays():
    opening = "Two years ago the council rejected the same plan, and the mayor explained the decision then in these words:"
    labels = labels_of(STAGE, [*MENU, TITLE, "Categories:", opening, '"We cannot pay for it."', *BODY, *FOOTER])
    assert 9 not in labels and 10 not in labels
    assert labels.get(8) == "boilerplate"  # a label ending in a colon is no sentence


def test_introduces_text_needs_a_sentence_of_words():
    assert main_content.introduces_text("The minister told reporters on Tuesday:", Settings())
    assert not main_content.introduces_text("Share this story:", Settings())


def test_comment_signatures_in_the_blogs_language_start_the_comments():
    comment = "Ich habe zwanzig Jahre auf diese Bahn gewartet und glaube es erst, wenn die erste Bahn wirklich ankommt."
    lines = [*BODY, "Eras sagt:", comment, "Marie sagt:", comment + " Wirklich."]
    assert labels_of(STAGE, lines) == {5: "comments", 6: "comments", 7: "comments", 8: "comments"}


def test_a_comment_thread_longer_than_the_post_above_it_is_not_the_article():
    comment = ("I have waited twenty years for this tram and I will believe it when I see the first one arrive at "
               "the station near my house, and not a day before that, whatever the council says this week.")
    thread = ["jbaxt says:", "Great news!", "averagejoe says:", "About time.",
              "mk:", comment, "tramfan:", comment + " Really.", "ann:", comment + " Twice."]
    labels = labels_of(STAGE, [*MENU, *BODY, *FOOTER, *thread])
    assert all(labels.get(n) is None for n in range(7, 11))
    assert all(labels.get(n) == "comments" for n in range(16, 26))


LONG_BODY = [
    "The regional water board approved on Monday a plan to replace the ageing pipes under the old town, a project that engineers have been asking for since the floods of 2019.",
    "Work will begin in the eastern districts in April, where the mains date from before the war and burst several times last winter, leaving thousands of homes without water for days.",
    "The board said residents would be warned a week before any street is closed, and that temporary supply points would be set up at schools and community centres along the route.",
    "Critics on the council argued that the cost, estimated at forty million euros, should have been shared with the neighbouring towns that draw water from the same reservoir.",
    "The chair of the board replied that the other towns had already paid for their own repairs, and that further delay would only make the work more expensive for everyone.",
]
AUTHOR_BIO = (
    "Anna Meyer covers local politics, transport and the environment for the paper, and has reported from the region"
    " for twelve years; before that she worked in radio."
)


def test_a_lone_paragraph_after_the_share_buttons_is_not_the_article():
    # Tail cut (tail_gap_lines, tail_max_share): an author bio set off by furniture goes.
    lines = [*LONG_BODY, "Share", "Tweet", "Email", AUTHOR_BIO, *FOOTER]
    labels = labels_of(STAGE, lines)
    assert labels[len(LONG_BODY) + 4] == "boilerplate"
    assert all(n not in labels for n in range(1, len(LONG_BODY) + 1))


def test_a_short_pitch_two_lines_below_the_article_is_not_the_article():
    # Two furniture lines set off a tail under tail_share_per_gap_line of the article's prose.
    pitch = "Get our weekly briefing on local politics, sent free to your inbox early every Friday morning."
    labels = labels_of(STAGE, [*LONG_BODY, "Share", "Email", pitch, *FOOTER])
    assert labels[len(LONG_BODY) + 3] == "boilerplate"
    assert all(n not in labels for n in range(1, len(LONG_BODY) + 1))


def test_paragraphs_after_a_short_list_or_a_subheading_stay_in_the_article():
    closing = [
        "Residents can comment on the timetable at the town hall until the end of the month.",
        "The board will publish the final schedule, street by street, once the consultation has closed.",
    ]
    after_list = [*LONG_BODY, "Key dates", "• March: consultation", "• June: vote", *closing, *FOOTER]
    labels = labels_of(STAGE, after_list)
    assert all(n not in labels for n in range(1, len(LONG_BODY) + 6))
    # Two lines above a paragraph longer than tail_share_per_gap_line of the article: its own.
    after_heading = [*LONG_BODY, "What happens next", "Photo: Water board", AUTHOR_BIO, *FOOTER]
    assert len(LONG_BODY) + 3 not in labels_of(STAGE, after_heading)


def test_a_table_the_last_paragraph_introduces_belongs_to_the_article_and_furniture_after_it_does_not():
    intro = "After the last race of the season, the final standings of the drivers were as follows:"
    rows = ["1 Anna Berg 5040 points", "2 Luis Prado 5035 points", "3 Kim Sato 5033 points"]
    lines = [*MENU, *LONG_BODY, intro, *rows, "Sponsored Links", "More for you", *FOOTER]
    labels = labels_of(STAGE, lines)
    first_row = len(MENU) + len(LONG_BODY) + 2
    assert all(n not in labels for n in range(first_row, first_row + len(rows)))
    assert labels[first_row + len(rows)] == "boilerplate"  # "Sponsored Links": not an item of the list


def test_an_image_placeholder_of_a_text_browser_goes_and_does_not_cut_the_article():
    # w3m prints a picture as its file name in brackets; a bracketed form button has spaces.
    lines = [*MENU, LONG_BODY[0], "[IMG_2041]", "[photo-credit]", "[banner_ad]", LONG_BODY[1], "[Send message]"]
    labels = labels_of(STAGE, lines)
    assert labels[8] == labels[9] == labels[10] == "boilerplate"
    assert 7 not in labels and 11 not in labels  # the paragraphs on both sides of the picture
    assert not main_content.is_image_placeholder("[Send message]")
