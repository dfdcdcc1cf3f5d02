"""What counts as a sentence end and as prose."""
import pytest

from boilerstrip.text import ends_sentence, is_prose


@pytest.mark.parametrize(
    "text, ends",
    [
        ("西藏自治区副主席张永泽、任维出席会议。", True),
        ("“这完全是‘收割韭菜’行为”。", True),
        ("中国人习以为常的地方 为何老外却说“了不得”？", True),
        ("The strike paralysed transport in Paris on Monday.", True),
        ("重庆将进", False),
        ("更多...", False),
        ("news.163.com.", False),
    ],
)
def test_sentence_ends(text, ends):
    assert ends_sentence(text) is ends


def test_a_menu_line_is_no_prose():
    assert not is_prose("新闻 体育 财经 娱乐 科技")
