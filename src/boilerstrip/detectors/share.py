"""Share prompts and share-button rows."""
from __future__ import annotations

from ..vocab import both_scripts, pattern_both_scripts
from .base import BULLET, LineDetector, words

SHARE_TARGETS = words(*both_scripts(
    "微信好友", "朋友圈", "微信朋友圈", "微信", "微博", "新浪微博", "腾讯微博", "QQ空间", "QQ好友", "QQ",
    "易信", "豆瓣", "人人网", "百度贴吧", "Facebook", "Twitter", "LinkedIn", "WhatsApp", "Line", "Telegram",
    "复制链接", "复制网址", "二维码",
))
SHARE_PROMPTS = words(*both_scripts(
    "点击右上角微信好友", "点击右上角", "请使用浏览器分享功能进行分享", "分享至好友和朋友圈", "分享到朋友圈",
    "用微信扫码二维码", "用微信扫描二维码", "微信扫一扫", "扫一扫", "扫码", "扫描二维码", "Scan me!",
    "分享到", "分享至", "分享给", "分享", "一键分享", "转发", "收藏", "打印", "关闭", "关闭窗口",
    "打印本页", "关闭本页", "返回顶部", "回到顶部", "纠错", "我要纠错", "【纠错】", "举报", "缩小字体", "放大字体",
    "腾讯QQ", "我要反馈", "收藏本文", "不感兴趣", "已收藏", "加入收藏", "发送给朋友", "推荐给朋友", "打印本文",
    "打印此文", "返回页首", "关闭此页", "加入好友", "加入粉丝团", "按赞加入粉丝团", "追踪我们",
))
# A portal's app opening its tool row (``新浪财经APP 缩小字体放大字体收藏微博微信分享``);
# alone on a line an app name is left to the other detectors.
APP_NAME = r"[\u4e00-\u9fff]{2,6}(?:APP|App)"


class ShareButtonDetector(LineDetector):
    """Share prompts, share targets and the page-tool row beside them.

    Removes ``点击右上角微信好友``, ``朋友圈``, ``请使用浏览器分享功能进行分享``,
    ``分享到：``, ``• 微信``, ``用微信扫码二维码``, ``T + -`` (font size).
    """

    name = "share_buttons"
    max_length = 60
    # A row of share targets has many readings (微信朋友圈 = 微信 + 朋友圈), so
    # a long line that fails would take exponential time: lines longer than
    # ``max_length`` are not tried (no later detector takes a share row).
    pattern = (
        r"(?=.{0,60}\Z)" + BULLET + r"(?:" + SHARE_PROMPTS + r"|" + SHARE_TARGETS
        + r"|" + APP_NAME + r"\s*(?=" + SHARE_PROMPTS + r"|" + SHARE_TARGETS + r"))"
        r"(?:\s*[：:>]?\s*(?:" + SHARE_TARGETS + r"|[、,，/|\s]|" + SHARE_PROMPTS + r")*)?"
        r"(?:\s*[：:…\.>》]*)?"
        + r"|" + pattern_both_scripts(
            r"扫一扫[^。！？]{0,30}|(?:微信)?扫(?:描|码)[^。！？]{0,24}(?:分享|关注|阅读|下载|打开|解锁|获取|了解|查看|加入|领取)[^。！？]{0,12}"
        )
        # A row of bracketed tools: ``【评论】【推荐】【大 中 小】【打印】【关闭】``.
        + r"|(?:【[^【】]{1,8}】\s*){3,}"
        r"|T\s*\+\s*-|(?:字号|字號)\s*[：:]?\s*(?:[大中小+\-]\s*){0,3}|[大中小]\s*[中小]\s*[小]?|A\+?\s*A-?"
    )
