"""Comment sections: their headings, counters, input boxes and login prompts."""
from __future__ import annotations

from ..vocab import pattern_both_scripts
from .base import BULLET, LineDetector

#: Headings of a comment box (also widget labels when alone on a line).
COMMENT_HEADING_WORDS = ("热门评论", "最新评论", "网友评论", "我要评论", "发表评论", "评论", "跟帖", "热门跟帖", "文章评论")
COMMENT_MARKS = pattern_both_scripts(
    r"\d+\s*[条件篇则]评论|\d+\s*人参与|网友评论|评论\s*[（(]\s*\d+\s*[)）]|最热评论|最新评论|热门评论|精彩评论|全部评论"
    r"|发表评论|我要评论|写评论|写跟帖|我要跟帖|热门跟帖|跟帖评论|查看(?:全部|更多|剩下\s*\d+\s*条)评论|还可输入\s*\d+\s*字"
    r"|已输入\s*\d+\s*字|用户自律公约|文明上网|理性发言|评论区|登录后(?:参与)?评论|暂无评论|正文已结束"
    r"|回复线索|回复列表|全部回复|网友回复|最新回复|查看回复|发表回复|快速回复|我要回复|回复本帖"
    r"|跟贴|欢迎你发表观点|欢迎您发表观点"
)


class CommentsDetector(LineDetector):
    """A line of a comment section: a heading, a counter, the input box.

    Removes ``0条评论|0人参与网友评论``, ``写评论已有0条评论跟帖用户自律公约``,
    ``查看剩下100条评论``, ``正文已结束，您可以按alt+4进行评论``.
    """

    name = "comments"
    max_length = 60
    # Every comment mark holds one of these words.
    cue = r"评论|評論|人参与|人參與|跟帖|跟贴|跟貼|输入|輸入|用户自律公约|用戶自律公約|文明上网|文明上網|理性发言|理性發言|正文已结束|正文已結束|回复|回覆|發表觀點|发表观点|留言"
    contains = BULLET + r".{0,24}?(?:" + COMMENT_MARKS + r").{0,30}"
