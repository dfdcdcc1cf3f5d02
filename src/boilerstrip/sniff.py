"""Is a text markup or plain text? (Which way step 2 goes.)"""
from __future__ import annotations

import re

_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_TAG = re.compile(r"</?(?:p|div|br|span|a|table|td|tr|li|ul|h[1-6]|img|section|article)\b", re.I)


def is_markup(text: str) -> bool:
    """True when ``text`` is an HTML document or fragment rather than text."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_TAG.findall(head)) >= 5
