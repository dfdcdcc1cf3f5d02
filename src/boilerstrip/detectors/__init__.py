"""Step 4 of the pipeline: the first pass. Each line is classified on its own
or with its neighbours: chrome is removed with the detector's name, captions
are set aside.

1. ``site_rules``  phrases a rule set gives for the page's host;
2. line detectors (each recognises a line by itself), in one combined scan;
3. context detectors (each needs the lines around it), in the order below.

Every detector names what it removes; see ``docs/detectors.md``. The
detectors of a :class:`~boilerstrip.rules.RuleSet` (its phrases added, the
ones it switches off left out) are compiled once per rule set.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from ..lines import TEXT, Line, Page
from ..text import cued_lines
from .base import ContextDetector, LineDetector, LineScanner, words
from .captions import PhotoCaptionDetector
from .comments import CommentsDetector
from .feeds import HEADLINE_LIST, RELATED_FEED, TEASER, FeedHeadings, headline_list, related_feed, teasers
from .navigation import (
    BreadcrumbDetector,
    MarkerDetector,
    OriginalTitleDetector,
    ReadingEchoDetector,
    ReadMoreDetector,
    ReplacementCharDetector,
    SeparatorDetector,
)
from .notices import CopyrightNoticeDetector, PromoDetector
from .share import ShareButtonDetector
from .threads import NAME as REPLIES
from .threads import replies
from .widgets import ReactionWidget, WidgetLabelDetector

if TYPE_CHECKING:
    from ..rules import RuleSet

#: Line detectors, in the order their patterns are tried on a line.
LINE_DETECTORS: tuple[type[LineDetector], ...] = (
    ReadingEchoDetector,
    OriginalTitleDetector,
    BreadcrumbDetector,
    ShareButtonDetector,
    ReadMoreDetector,
    SeparatorDetector,
    MarkerDetector,
    ReplacementCharDetector,
    CopyrightNoticeDetector,
    PromoDetector,
    CommentsDetector,
    WidgetLabelDetector,
    PhotoCaptionDetector,
)
#: Context detectors, in the order they run.
CONTEXT_DETECTORS = (ReactionWidget.name, RELATED_FEED, TEASER, HEADLINE_LIST, REPLIES)
SITE_RULES = "site_rules"
#: Detectors a rule set can give more phrases (``[chrome]`` in a rules file).
EXTENSIBLE = tuple(d.name for d in LINE_DETECTORS) + (ReactionWidget.name, RELATED_FEED)
#: Detector names a rule set can switch off.
SWITCHABLE = tuple(d.name for d in LINE_DETECTORS) + CONTEXT_DETECTORS + (SITE_RULES,)


@dataclass(frozen=True)
class Detectors:
    """The detectors of one rule set, compiled."""

    scanner: LineScanner
    context: tuple[ContextDetector, ...]
    feed_headings: FeedHeadings


@functools.lru_cache(maxsize=16)
def compiled(rules: RuleSet) -> Detectors:
    """The detectors of ``rules``, compiled once (rule sets are hashable)."""
    on = [d for d in LINE_DETECTORS if rules.is_on(d.name)]
    scanner = LineScanner(on, {d.name: rules.phrases(d.name) for d in on})
    headings = FeedHeadings(rules.phrases(RELATED_FEED))
    context = {
        ReactionWidget.name: ReactionWidget(rules.phrases(ReactionWidget.name)),
        RELATED_FEED: functools.partial(related_feed, headings=headings),
        TEASER: teasers,
        HEADLINE_LIST: headline_list,
        REPLIES: replies,
    }
    return Detectors(scanner, tuple(context[name] for name in CONTEXT_DETECTORS if rules.is_on(name)), headings)


def detect_chrome(page: Page, rules: RuleSet, url: str | None = None) -> Page:
    """``page`` with every detector's lines removed or set aside."""
    detectors = compiled(rules)
    lines: Sequence[Line] = page.lines
    if rules.is_on(SITE_RULES):
        lines = site_chrome(lines, rules.site_phrases(url))
    lines = detectors.scanner.scan(lines)
    for detector in detectors.context:
        lines = detector(lines)
    return page.with_lines(lines)


def site_chrome(lines: Sequence[Line], phrases: tuple[str, ...]) -> Sequence[Line]:
    """Lines holding a phrase the rule set gives for this page's site.

    A site's own chrome, e.g. for ``news.example.com`` the phrase
    ``扫码关注我们`` removes ``扫码关注我们，获取更多本地资讯``.
    """
    if not phrases:
        return lines
    cue = _site_cue(phrases)
    hits = cued_lines(lines, cue)
    if not hits:
        return lines
    out = list(lines)
    for i in hits:
        if out[i].role == TEXT:
            out[i] = out[i].removed(SITE_RULES)
    return out


@functools.lru_cache(maxsize=64)
def _site_cue(phrases: tuple[str, ...]) -> re.Pattern:
    return re.compile(words(*phrases), re.IGNORECASE)
