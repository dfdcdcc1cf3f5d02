"""Image captions and photo credits: set aside into ``captions``, not removed."""
from __future__ import annotations

from ..lines import CAPTION
from ..vocab import both_scripts, pattern_both_scripts
from .base import LineDetector, words

CAPTION_OPENINGS = words(*both_scripts(
    "图片由", "图片来源", "圖片來源", "图片来自", "图源", "图/", "图／", "图：", "图:", "圖：", "圖:",
    "图为", "圖為", "资料图", "资料图片", "資料圖", "配图", "网络配图", "图文无关", "视频截图", "截图",
    "▲", "△", "↑", "上图", "下图", "左图", "右图", "组图", "题图", "摄影：", "摄影:",
))


class PhotoCaptionDetector(LineDetector):
    """A caption line: ends with a photographer's credit, or opens like a caption.

    Takes ``7月10日,西部(重庆)科学城…正式并网。重庆日报首席记者龙帆摄\\视觉重庆``,
    ``资料图``, ``▲2019年10月15日，沈阳，在八一公园晨练的老年人。（视觉中国）``.
    """

    name = "photo_caption"
    role = CAPTION
    max_length = 260
    pattern = CAPTION_OPENINGS + r".{0,250}"
    # 摄 / 供图 / 记者 X 图 somewhere, or a closing bracket at the end.
    cue = r"摄|攝|供图|供圖|截图|截圖|记者|通讯员|\)$|）$"
    contains = pattern_both_scripts(
        r".{0,220}?[^\s拍航实摄攝]\s?(?:摄|攝|摄影|攝影)(?:\s*[\\/／|]\s*\S{1,10})?\s*[)）]?"
        r"|.{0,200}?(?:^|[。！？\s])[(（]?(?:记者|通讯员|图|圖)?\s*[^\s。，,]{1,12}\s*(?:供图|供圖|截图|截圖)[)）]?"
        r"|.{0,200}?(?:记者|摄影|通讯员)\s*[\u4e00-\u9fff]{2,4}(?:\s*[、，]\s*[\u4e00-\u9fff]{2,4})*\s*[/／]?\s*(?:图|圖)"
        r"|.{2,200}[(（](?:视频截图|资料图|资料图片|网络截图|截图|图片来源[^()（）]{0,20}|视觉中国|IC photo|新华社发|受访者供图|受访者提供|图源[^()（）]{0,20})[)）]"
    )
