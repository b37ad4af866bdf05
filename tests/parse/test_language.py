"""Language detection: deterministic, and None when there is too little text to tell."""

import pytest

import cleanscrape
from cleanscrape.parse.language import detect_language, page_language, script_languages

FRENCH = "Le gouvernement a annoncé mercredi une nouvelle réforme des retraites, qui sera débattue au printemps."
GERMAN = "Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Energiepolitik beschlossen, sagte ein Sprecher."
ENGLISH = "The government announced a new pension reform on Wednesday, which parliament will debate in the spring."


@pytest.mark.parametrize("text, code", [(FRENCH, "fr"), (GERMAN, "de"), (ENGLISH, "en")])
def test_a_sentence_gets_its_language_code(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize("text", ["", "   \n\n ", "Hello there", "12345 67890 12345 67890 12345 67890 12345", "— … ! ? 2025-03-20"])
def test_empty_short_or_letterless_text_gives_none(text):
    assert detect_language(text) is None


def test_the_same_text_gives_the_same_answer_every_time():
    mixed = "Le gouvernement hat am Mittwoch announced una reforma, sagte ein Sprecher, a dit le ministre."
    assert len({detect_language(mixed) for _ in range(20)}) == 1


def test_only_the_sample_is_read():
    assert detect_language(GERMAN + " " + FRENCH * 10, sample_chars=len(GERMAN)) == "de"
    assert detect_language(ENGLISH, sample_chars=10) is None


def test_the_sample_comes_from_the_wordiest_lines():
    # A rule of box-drawing characters and a short English heading come first; the sample skips them.
    text = "━" * 400 + "\nLatest news\n" + FRENCH + "\n" + FRENCH
    assert detect_language(text, sample_chars=150) == "fr"


# An encyclopedia page as a text dump: furniture, the entry's paragraphs, a footer. One random walk
# of langdetect (seed 0) over its kept text settled on Korean, and `languages=["zh"]` rejected it.
ENCYCLOPEDIA_PAGE = """首页 秒懂百科 特色百科 知识专题 加入百科 百科团队
登录 注册
西湖（浙江省杭州市西湖）_百度百科
编辑 锁定 讨论 上传视频
西湖
唐朝时期，白居易任杭州刺史，主持修筑白堤，蓄水灌田，并写下了许多赞美西湖的诗篇。
西湖龙井茶产于西湖周围的群山之中，以色绿、香郁、味甘、形美四绝著称于世。
西湖三面环山，面积约六点三九平方千米，东西宽约二点八千米，南北长约三点二千米。
西湖地处中国东南丘陵边缘和中亚热带北缘，气候温和，四季分明，雨量充沛。
清朝康熙皇帝和乾隆皇帝多次南巡杭州，为西湖十景题写了景名，并修建了行宫。
词条图册 更多图册
参考资料
©2024 Baidu 使用百度前必读 | 百科协议 | 隐私政策
"""
JAPANESE = "先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで20代の男性が逮捕されたというニュースを耳にしました。"
KOREAN = "주말 밤 9시 MBC와 SBS는 막장극의 대결로 붙는 경우가 흔하다. 현재 MBC는 이유리 주연의 드라마로 승부를 보고 있다."


def test_a_chinese_page_is_chinese_and_passes_a_chinese_filter():
    page = cleanscrape.clean(ENCYCLOPEDIA_PAGE, content_type="text", options={"languages": ["zh"]})
    assert "白居易任杭州刺史" in page.text
    assert "百科协议" not in page.text
    assert page.language == "zh"
    assert page.filtered is None


@pytest.mark.parametrize("text, code", [(JAPANESE, "ja"), (KOREAN, "ko")])
def test_han_with_kana_is_japanese_and_with_hangul_korean(text, code):
    assert detect_language(text) == code
    assert script_languages(text) == {code}


def test_a_declared_language_gives_way_to_the_script_of_the_text():
    chinese = "\n".join(ENCYCLOPEDIA_PAGE.splitlines()[5:10])
    assert page_language(chinese, declared="en") == "zh"  # a template's lang="en" over a Chinese article
    assert page_language(chinese, declared="zh-Hans") == "zh"
    assert page_language(ENGLISH, declared="en-GB") == "en"
    assert page_language(ENGLISH, declared="ru") == "en"
    # A language langdetect does not know, in the script of the text: the page's word stands.
    assert page_language(ENGLISH, declared="eu") == "eu"
    assert page_language(ENGLISH, declared="tlh") == "en"  # not a two-letter code: detected


def test_text_in_no_one_script_is_held_to_none():
    half_and_half = FRENCH + " Правительство объявило в среду о новой пенсионной реформе."
    assert script_languages(half_and_half) is None
    assert script_languages("") is None
    assert script_languages(FRENCH) is not None and "fr" in script_languages(FRENCH)
