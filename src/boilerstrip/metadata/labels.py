"""The labels of metadata, one vocabulary per field: what precedes a value
on a page (``来源：``, ``责任编辑：``, ``记者``), and what separates names.
Each holds the simplified and the traditional (Taiwan, Hong Kong) spellings."""
from __future__ import annotations

import re

SOURCE_LABELS = (
    r"(?:本文来源|本文來源|来源于|來源於|文章来源|文章來源|新闻来源|新聞來源|信息来源|信息來源|稿件来源|稿件來源"
    r"|转载自|轉載自|来源|來源|稿源|出处|出處|来自|來自)"
)
EDITOR_LABELS = r"(?:责任编辑|責任編輯|本文编辑|本文編輯|值班编辑|值班編輯|责编|責編|编辑|編輯)"
AUTHOR_LABELS = (
    r"(?:原创|原創|作者|撰文|撰稿人|撰稿|执笔人|執筆人|执笔|執筆|采写|採寫|记者|記者|文字|(?<![\u4e00-\u9fff])文|通讯员|通訊員"
    r"|发帖人|發帖人|发表人|發表人|发布者|發布者|發佈者)"
)
OTHER_LABELS = (
    r"(?:资料来源|資料來源|图片来源|圖片來源|审核|審核|审校|審校|校对|校對|监制|監製|終審|终审|二审|一审|初审|核稿"
    r"|制作|製作|策划|策劃|统筹|統籌|设计|設計|视频|視頻|影音|摄影|攝影|(?<![\u4e00-\u9fff])[图圖]|主编|主編|原标题|原標題|翻译|翻譯|美编|美編)"
)
DATE_LABELS = (
    r"(?:最后更新|最後更新|更新于|更新於|发布时间|發佈時間|發布時間|发表时间|發表時間|更新时间|更新時間|发布日期|發布日期|發佈日期"
    r"|发表日期|發表日期|更新日期|刊登日期|出版日期|出版时间|出版時間|上稿时间|上稿時間|发表于|發表於|发布于|發布於|發佈於"
    r"|釋出時間|釋出日期|釋出於|时间|時間|日期|发布|發布|發佈|釋出)"
)

#: What separates names in a byline: spaces, 、, commas, slashes, ``&``.
NAME_SEPARATORS = re.compile(r"[\s、,，/／╱&＆]+")
