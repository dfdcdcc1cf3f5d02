"""Step 4 of the pipeline: mark chrome lines removed, set captions aside.

Line detectors (each recognises a line by itself) run first, in one combined
scan; context detectors (each needs the lines around it) run after them, in
the order below. Every detector names what it removes; see ``docs/detectors.md``.
"""
from __future__ import annotations

from ..lines import Page
from .base import ContextDetector, LineScanner
from .captions import PhotoCaptionDetector
from .comments import CommentsDetector
from .feeds import WidgetLabelDetector, headline_list, related_feed, teasers
from .navigation import (
    BreadcrumbDetector,
    MarkerDetector,
    OriginalTitleDetector,
    ReadingEchoDetector,
    ReplacementCharDetector,
    ReadMoreDetector,
    SeparatorDetector,
)
from .notices import CopyrightNoticeDetector, PromoDetector
from .share import ShareButtonDetector
from .widgets import reaction_widget

#: Line detectors, in the order their patterns are tried on a line.
LINE_DETECTORS = (
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
CONTEXT_DETECTORS: tuple[ContextDetector, ...] = (reaction_widget, related_feed, teasers, headline_list)

_SCANNER = LineScanner(LINE_DETECTORS)


def detect_chrome(page: Page) -> None:
    """Run every detector over ``page``."""
    _SCANNER.scan(page.lines)
    for detector in CONTEXT_DETECTORS:
        detector(page.lines)
