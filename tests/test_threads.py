"""Threads: a blog post's comments, a forum's replies, a month's archive of
posts, a reply index. The article is the first post; the rest is removed as
``replies``. Lines from real dumps."""
import json

from boilerstrip import clean_article
from boilerstrip.detectors.threads import replies
from boilerstrip.lines import split_lines
from boilerstrip.text import squeeze

from .conftest import FIXTURES

POST = "很高兴入住博客堂，以后会在这里写一些关于软件开发的文章，也欢迎大家来交流。"


def _kept(text: str) -> list[str]:
    return [line.text for line in replies(split_lines(text).lines) if line.role == "text"]


def test_comments_after_a_post_are_replies():
    comments = "\n".join(
        f"# re: 很高兴入住博客堂 2004-12-27 {12 + k}:46 user{k}\n欢迎欢迎，期待你的好文章，我会常来看的。" for k in range(4)
    )
    assert _kept(f"{POST}\n发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)\n{comments}") == [
        POST, "发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)"
    ]


def test_post_footers_close_each_post():
    posts = "\n".join(
        f"第{k}个帖子的正文，说的是另一件事情，很长的一段话，足够像一段正文，后面还有一句话把它说完，再加一句让它更像一个帖子的正文。\n〓网易娱乐明星话题发布时间 2005/03/1{k} 01:08:28 by user{k}〓"
        for k in range(4)
    )
    kept = _kept(posts)
    assert kept == [
        "第0个帖子的正文，说的是另一件事情，很长的一段话，足够像一段正文，后面还有一句话把它说完，再加一句让它更像一个帖子的正文。",
        "〓网易娱乐明星话题发布时间 2005/03/10 01:08:28 by user0〓",
    ]


def test_a_reply_index_goes_and_the_post_stays():
    index = "\n".join(f"+ [0.gif] 回帖标题第{k}个，说得很对。【网友{k}】08-11 17:{10 + k} {k}0字 [12{k}/0]" for k in range(5))
    assert _kept(f"{POST}\n{index}") == [POST]


def test_a_paragraph_printed_three_times_is_no_thread():
    line = "2018年，自治区出台《若干措施》，从2019年1月1日到2021年12月31日，加大减税力度，降低涉企收费。"
    assert _kept(f"{line}\n{POST}\n{line}\n{line}") == [line, POST, line, line]


def test_a_forum_thread_gives_its_first_post():
    gold = json.loads((FIXTURES / "thirdparty" / "ia_d519ec93" / "gold.json").read_text(encoding="utf-8"))
    text = (FIXTURES / "thirdparty" / "ia_d519ec93" / "w3m.txt").read_text(encoding="utf-8")
    body = squeeze(clean_article(text).body)
    # The poster's name under the title stays glued to the post in this dump.
    assert body.endswith(squeeze(gold["body"])) and len(body) <= len(squeeze(gold["body"])) + 10


def test_a_forum_post_above_its_reply_index():
    """A one-paragraph post, then ``| 回复线索：`` and the thread's index
    (``一把辛酸泪啊。【皮皮说话】08-11 17:15 80字 [176/0]``): the post alone."""
    gold = json.loads((FIXTURES / "thirdparty" / "ia_a6e8b739" / "gold.json").read_text(encoding="utf-8"))
    text = (FIXTURES / "thirdparty" / "ia_a6e8b739" / "lynx.txt").read_text(encoding="utf-8")
    body = clean_article(text).body
    assert body.startswith(gold["body"]) and "【皮皮说话】" not in body


def test_frames_that_count_comments_are_footers_even_with_a_sidebar_below():
    # A blog's month page: each post ends with its attribution and comment
    # count; the blog's sidebar (prose too) follows the last post.
    post = "湘菜粤菜兵分两路，新鲜的是，湘菜浓妆淡抹，粤菜却是明艳照人。虽然湖南人喜欢吃辣，但碍于广东的炎热气候，不得不多吃清淡的菜肴。"
    footers = [
        "由海姑娘张贴 @ 2005-06-14 03:25:55 (370) 共 11 篇评论 发表评论 >>>",
        "由海姑娘张贴 @ 2005-06-13 15:00:14 (697) 共 29 篇评论 发表评论 >>>",
        "由海姑娘张贴 @ 2005-06-11 14:05:50 (924) 共 17 篇评论 发表评论 >>>",
    ]
    sidebar = "我是海那边的姑娘，在墨尔本住了好几年了，喜欢写写画画，也喜欢和朋友们一起聊天。"
    text = "\n".join([post, footers[0], "澳坛真的累了，我真的累了，当斑竹半年来，没有功劳也有苦劳，而一切都怪我太认真。", footers[1],
                     "祝冬日帅哥生日快乐，愿你天天开心，事事如意，工作顺利，身体健康，永远年轻。", footers[2], sidebar])
    assert _kept(text) == [post, footers[0]]
