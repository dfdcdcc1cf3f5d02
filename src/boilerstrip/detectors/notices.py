"""Copyright notices, disclaimers, licence and ICP lines."""
from __future__ import annotations

from ..vocab import both_scripts, pattern_both_scripts
from .base import LineDetector, cue_words, words

NOTICE_OPENINGS = words(*both_scripts(
    "版权声明", "版權聲明", "免责声明", "免責聲明", "特别声明", "特別聲明", "声明：", "声明:", "郑重声明",
    "版权所有", "版權所有", "Copyright", "copyright", "©", "(c)", "本网站", "本站", "凡本网注明", "凡注明",
    "凡来源", "本文为", "本文系", "本文来源于", "原创稿件", "转载请注明", "未经授权", "未经许可", "未經授權",
    "违者", "違者", "网络文化经营许可证", "互联网新闻信息服务许可证", "信息网络传播视听节目许可证",
    "增值电信业务经营许可证", "违法和不良信息举报", "不良信息举报", "举报电话", "举报邮箱",
))
DISCLAIMERS = both_scripts(
    "如有侵权", "侵权请联系", "请联系删除", "联系我们删除", "不代表本站观点", "不代表本网观点",
    "不代表本平台观点", "不代表本网站观点", "不构成投资建议", "据此操作，风险自担", "风险自担",
    "版权归原作者所有", "版权归作者所有", "图片来自网络", "图片来源于网络", "仅供参考", "与本站立场无关",
    "本网转载", "转载目的在于传递更多信息", "ICP备", "ICP证", "公网安备", "京ICP", "粤ICP", "沪ICP",
)
DISCLAIMER_PHRASES = words(*DISCLAIMERS)


class CopyrightNoticeDetector(LineDetector):
    """Copyright and licence notices, and disclaimers inside or below the article.

    Removes ``版權聲明:凡注明“來源:中國西藏網”或“中國西藏網文”的所有作品,版權歸…``
    and ``图片来自网络，如有侵权，请联系删除``.
    """

    name = "copyright_notice"
    max_length = 400
    pattern = r"[\[【(（]?" + NOTICE_OPENINGS + r".{0,390}"
    # The scan is case-insensitive: ``ICP`` in any case holds ``CP`` in one
    # of four (C and P have no other case forms).
    cue = cue_words(*DISCLAIMERS) + "|CP|Cp|cP|cp"
    contains = r".{0,120}?" + DISCLAIMER_PHRASES + r".{0,120}"


class PromoDetector(LineDetector):
    """A promotion with a call to action: vote, download, click through.

    Removes ``点击进入“文艺星青年”>>``,
    ``安装新浪财经客户端第一时间接收最全面的市场资讯→【下载地址】`` and a teaser
    ending ``【点击投票】``.
    """

    name = "promo"
    max_length = 300
    pattern = r"(?:点击进入|点击查看|点击阅读|点击下载|点击关注|点此|戳这里).{0,60}(?:>>|》》|>)"
    cue = r"【(?:点击|點擊|立即|马上|馬上|免费|免費)|\[(?:点击|點擊|立即|马上|馬上|免费|免費)|下载|下載|安装|安裝|回复【|回覆【|【在看】|菜单栏|菜單欄"
    contains = pattern_both_scripts(
        # A WeChat account's menu: ``1、回复【公租房】查看最新消息``,
        # ``点击菜单栏【便民服务】解锁更多服务！``, ``点【在看】试试``.
        r"(?:\d{1,2}\s*[、.．]\s*)?回复【[^】]{1,12}】[^。]{0,24}[。！!]?"
        r"|[^。]{0,12}(?:菜单栏|【在看】)[^。]{0,30}"
        r"|.{0,280}?[【\[](?:点击|立即|马上|免费)[^】\]]{1,8}[】\]].{0,30}"
        r"|.{0,280}?(?:→|>>|》》)\s*[【\[](?:下载地址|点击下载|立即下载)[】\]]"
        r"|[^。！？!?]{0,60}(?:下载|安装)[^\s。！？!?]{0,12}(?:客户端|APP|App)[^\s。！？!?]{0,30}"
    )
