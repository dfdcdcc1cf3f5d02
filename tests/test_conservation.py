"""Nothing is lost, nothing is invented: property tests over the seeds,
pages derived from them, and random text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boilerstrip import clean_article, clean_articles

from .conftest import SEED_NAMES, seed_text
from .conservation import assert_conserved, cleaned_and_conserved

SEED_LINES = [line for name in SEED_NAMES for line in seed_text(name).splitlines()]
CHROME_WORDS = [
    "来源:", "来源：", "责编:", "[ 责编:邢彬 ]", "记者", "(chǎn)", "產", "• 开心", "0", "推荐阅读", "相关阅读",
    "2024-12-04 09:15", "正在阅读:", "首页> 新闻 > 正文", "[詳細]", "- ", "摄", "图片由", "提供", "讯(", ")",
    "(文/记者 杨帆 卢志民)", "。", ",", "，", "?!", "_", "\ufffd", "阅读剩余全文(", "加载更多", "版權聲明:",
]
settings.register_profile("ci", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci")


def test_every_seed_is_conserved():
    for name in SEED_NAMES:
        text = seed_text(name)
        assert_conserved(text, clean_articles(text))


@given(st.lists(st.sampled_from(SEED_LINES), max_size=60))
@settings(max_examples=150)
def test_pages_made_of_seed_lines(lines):
    text = "\n".join(lines)
    assert_conserved(text, clean_articles(text))


@given(st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=30), st.data())
@settings(max_examples=100)
def test_seed_lines_cut_and_glued(lines, data):
    text = "\n".join(lines)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)])]
    mangled = data.draw(st.sampled_from(["\n", "", "\n\n", " "])).join(pieces)
    assert_conserved(mangled, clean_articles(mangled))


@given(st.lists(st.one_of(st.sampled_from(CHROME_WORDS), st.text(max_size=12), st.just("\n")), max_size=80))
@settings(max_examples=200)
def test_random_text_never_raises_and_is_conserved(parts):
    text = "".join(parts)
    articles = cleaned_and_conserved(text)
    # The lead article is the first of them, or an empty one that says why.
    lead = clean_article(text)
    assert lead == articles[0] if articles else (not lead.body and lead.warnings)
