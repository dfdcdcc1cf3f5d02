"""The labels of metadata, one vocabulary per field: what precedes a value
on a page (``来源：``, ``责任编辑：``, ``记者``), and what separates names."""
from __future__ import annotations

import re

SOURCE_LABELS = r"(?:本文来源|来源于|來源於|文章来源|新闻来源|信息来源|稿件来源|来源|來源|稿源|出处|出處)"
EDITOR_LABELS = r"(?:责任编辑|責任編輯|本文编辑|值班编辑|责编|責編|编辑|編輯)"
AUTHOR_LABELS = r"(?:原创|作者|撰文|执笔|執筆|采写|採寫|记者|記者|文|通讯员|通訊員)"
OTHER_LABELS = r"(?:资料来源|图片来源|审核|審核|审校|校对|校對|监制|終審|终审|二审|一审|初审|制作|策划|统筹|设计|视频|摄影|图|主编|原标题|原標題)"
DATE_LABELS = r"(?:最后更新|更新于|发布时间|發佈時間|發布時間|发表时间|更新时间|发布日期|时间|時間|日期|发布|發佈)"

#: What separates names in a byline: spaces, 、, commas, slashes, ``&``.
NAME_SEPARATORS = re.compile(r"[\s、,，/／&＆]+")
