"""Step 2 of the pipeline (HTML input only): the main content as text lines.

One block element a line (paragraphs, headings, list items, table rows,
``<br>``), so the later steps see the same line structure a text scraper
would give. Scripts, styles, comments and hidden elements are dropped.

:func:`extract_main` is a cascade, each stage a named function:

1. ``parse_html``     markup -> lxml tree, without network, entity expansion
                      or huge-tree mode; oversized input is trimmed first.
2. ``page_lines``     the whole page, one block a line (the skeleton).
3. ``_candidates``    the main content according to trafilatura and to
                      readability-lxml, each as lines.
4. ``_choose``        the candidates are mapped onto the skeleton and scored
                      by prose density; the better one is kept and the
                      other's lines inside its span are merged in. When both
                      are empty the whole page is the fallback.
5. ``_headline``      the title line (``<h1>`` / og:title) and the byline and
                      date lines near it go in front when the candidate
                      dropped them, so the text pipeline finds them.

Nothing is rewritten: every line is text of the page, whitespace folded.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from lxml import etree, html

from .lines import is_prose
from .sniff import is_markup

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details div dl dt figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot "
    "title tr ul caption center".split()
)
# Table cells stay on their row's line, separated by a space.
_CELL_TAGS = frozenset(("td", "th"))
_SKIP_TAGS = frozenset("script style noscript template svg iframe object embed head select textarea button".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

#: Markup larger than this is trimmed (the tail) before parsing, with a warning.
MAX_MARKUP_CHARS = 8_000_000
#: Above this size the candidate extractors are skipped (too slow); the
#: whole page's text is used, with a warning. Scripts, styles, comments and
#: inline data go first.
MAX_EXTRACTOR_CHARS = 3_000_000
#: A text node longer than this is cut (libxml2 without huge-tree mode stops
#: at a text node over 10 MB, and drops the rest of the page).
MAX_TEXT_NODE_CHARS = 1_000_000
#: libxml2 stops nesting at this depth without huge-tree mode.
MAX_DEPTH = 255

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


#: The markup test moved to :mod:`boilerstrip.sniff`; this name stays for callers.
looks_like_html = is_markup


# ---------------------------------------------------------------- 1. parsing

def _parser() -> html.HTMLParser:
    # A fresh parser per call: lxml parsers are not thread-safe to share.
    return html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
        huge_tree=False, recover=True, default_doctype=False,
    )


def prepare_markup(markup: str) -> tuple[str, list[str]]:
    """Control characters out (libxml2 refuses them), text nodes too long
    for libxml2 cut, and oversized markup trimmed, each with a warning."""
    warnings: list[str] = []
    if _CONTROL.search(markup):
        markup = _CONTROL.sub("", markup)
    if "\ufffd" in markup:
        markup = _mend_end_tags(markup, warnings)
    size = len(markup)
    if size > MAX_EXTRACTOR_CHARS:
        markup = strip_bulky(markup)
        if len(markup) < size:
            warnings.append(f"page is {size:,} characters; scripts, styles and inline data were skipped")
    if len(markup) > MAX_TEXT_NODE_CHARS:
        markup = _cut_text_nodes(markup, warnings)
    if len(markup) > MAX_MARKUP_CHARS:
        markup = markup[:MAX_MARKUP_CHARS]
        warnings.append(f"page is {size:,} characters; only the first {MAX_MARKUP_CHARS:,} were read")
    return markup, warnings


#: Elements whose text runs to their end tag: a broken end tag (one character
#: of it lost to U+FFFD, an invalid byte) would make them swallow the rest of
#: the page.
_RAW_TEXT_NAMES = ("script", "style", "iframe", "textarea", "title", "noscript", "xmp", "noembed", "noframes")
_BROKEN_END_TAGS = {
    tag[:k] + "\ufffd" + tag[k + 1 :]: tag
    for name in _RAW_TEXT_NAMES
    for tag in (f"</{name}>",)
    for k in range(len(tag))
}
#: The shapes of an end tag with one character lost (looked up in the table).
_BROKEN_END_TAG = re.compile(
    r"\ufffd/[a-z]{4,8}>|<\ufffd[a-z]{4,8}>|</(?=[a-z]{0,7}\ufffd)[a-z\ufffd]{4,8}>|</[a-z]{4,8}\ufffd", re.I
)


#: Any end tag whose ``>`` was lost (it would take the next tag with it).
_BROKEN_CLOSE = re.compile(r"</([A-Za-z][A-Za-z0-9]{0,9})\ufffd>?")


def _mend_end_tags(markup: str, warnings: list[str]) -> str:
    """End tags with one character lost to U+FFFD (an invalid byte) read as
    end tags, with a warning: those of script, style, iframe... (which would
    swallow the rest of the page), and any whose ``>`` was lost (which would
    take the next tag with it). The visible text is untouched."""
    mended: list[str] = []

    def mend(match: re.Match) -> str:
        tag = _BROKEN_END_TAGS.get(match.group(0).lower())
        if tag is None:
            return match.group(0)
        mended.append(tag)
        return tag

    markup = _BROKEN_END_TAG.sub(mend, markup)

    def close(match: re.Match) -> str:
        mended.append(f"</{match.group(1).lower()}>")
        return f"</{match.group(1)}>"

    markup = _BROKEN_CLOSE.sub(close, markup)
    if mended:
        warnings.append(f"{len(mended)} end tag(s) broken by invalid bytes read as {', '.join(sorted(set(mended)))}")
    return markup


_BULKY_OPEN = re.compile(r"<(script|style|svg)\b|<!--|\b(?:src|href)\s*=\s*[\"']data:", re.I)
#: Inline ``data:`` URIs at least this long are bulky.
MIN_BULKY_DATA = 200


def strip_bulky(markup: str) -> str:
    """Scripts, styles, comments, SVG and long inline ``data:`` URIs
    replaced by a space, in one linear pass (an element without its end tag
    stays; once an end tag is missing it is not looked for again)."""
    out: list[str] = []
    pos = done = 0
    missing: set[str] = set()
    while True:
        found = _BULKY_OPEN.search(markup, pos)
        if found is None:
            break
        start, name = found.start(), (found.group(1) or "").lower()
        end = -1
        if name and name not in missing:
            close = _closer(name).search(markup, found.end())
            end = close.end() if close else -1
            if close is None:
                missing.add(name)
        elif found.group(0) == "<!--" and "--" not in missing:
            end = markup.find("-->", found.end())
            end = end + 3 if end >= 0 else -1
            if end < 0:
                missing.add("--")
        elif not name and found.group(0) != "<!--" and '"' not in missing:
            quote = _QUOTE.search(markup, found.end())
            if quote is None:
                missing.add('"')
            elif quote.start() - found.end() >= MIN_BULKY_DATA:
                end = quote.end()
        if end < 0:
            pos = found.end()
            continue
        out.append(markup[done:start])
        out.append(" ")
        pos = done = end
    out.append(markup[done:])
    return "".join(out)


_QUOTE = re.compile("[\"']")
#: Elements whose content libxml2 reads as one text node, tags and all.
_RAW_TEXT = re.compile(r"<(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript)\b[^<>]{0,2000}>", re.I)
_INVISIBLE_RAW_TEXT = frozenset(("script", "style"))
#: A run of text: anything but a ``<`` that opens a tag, comment or declaration.
_TEXT_RUN = re.compile(r"(?:[^<]|<(?![A-Za-z/!?]))+")
_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*")


@functools.lru_cache(maxsize=None)
def _closer(name: str) -> re.Pattern:
    return re.compile(rf"</{name}\s*>", re.I)


def _cut_text_nodes(markup: str, warnings: list[str]) -> str:
    """Every text node cut to :data:`MAX_TEXT_NODE_CHARS` (a script or
    style dropped), so that libxml2 reads the page to its end; one warning
    for each cut. Linear."""
    limit = MAX_TEXT_NODE_CHARS
    out: list[str] = []
    done = pos = 0
    missing: set[str] = set()
    while True:
        found = _RAW_TEXT.search(markup, pos)
        if found is None:
            break
        name = found.group(1).lower()
        close = None if name in missing else _closer(name).search(markup, found.end())
        if close is None:
            missing.add(name)
        stop = close.start() if close else len(markup)
        pos = close.end() if close else len(markup)
        size = stop - found.end()
        if size > limit:
            keep = 0 if name in _INVISIBLE_RAW_TEXT else limit
            out.append(markup[done : found.end() + keep])
            done = stop
            warnings.append(_cut_warning(name, size, keep))
    out.append(markup[done:])
    markup = "".join(out)
    out, done = [], 0
    for run in _TEXT_RUN.finditer(markup):
        start = run.start()
        if run.end() - start <= limit:
            continue
        # A run starts inside the tag that opens it (``p class=x>…``).
        tag = _TAG_NAME.match(markup, start) if start and markup[start - 1] == "<" else None
        if tag:
            start = markup.find(">", start, start + 2000) + 1 or start
        if run.end() - start > limit:
            out.append(markup[done : start + limit])
            done = run.end()
            warnings.append(_cut_warning(tag.group(0).lower() if tag else "", run.end() - start, limit))
    out.append(markup[done:])
    return "".join(out)


def _cut_warning(name: str, size: int, keep: int) -> str:
    where = f" in <{name}>" if name else ""
    if keep:
        return f"a text of {size:,} characters{where} was cut to its first {keep:,}"
    return f"a <{name}> of {size:,} characters was skipped"


def parse_html(markup: str):
    """The document's root element, or None when nothing could be parsed.

    No network access, no DTD loading, no entity expansion beyond the HTML
    ones, no huge-tree mode (libxml2 caps depth and text-node size).
    """
    data = markup.encode("utf-8", "replace")
    if not data.strip():
        return None
    try:
        return html.document_fromstring(data, parser=_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def tree_depth(root) -> int:
    """How deep the tree nests (iterative: any depth)."""
    deepest, stack = 0, [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > deepest:
            deepest = depth
        stack.extend((child, depth + 1) for child in node)
    return deepest


# ---------------------------------------------------------------- 2. lines

def _hidden(element) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def element_text(element, *, skip_hidden: bool = True) -> str:
    """The text of ``element``, one block a line (iterative: any depth).

    A line break in the markup's text is white space, as in a browser
    (``责任编辑：\n尹世杰`` is one line on screen); only block elements and
    ``<br>`` break lines, and ``<pre>`` keeps its own breaks.
    """
    chunks: list[str] = []
    # Stack of (element, entering, inside <pre>); on leaving we add the
    # closing break and tail.
    stack: list[tuple[object, bool, bool]] = [(element, True, False)]
    while stack:
        node, entering, pre = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if not entering:
            if tag in _BLOCK_TAGS:
                chunks.append("\n")
            elif tag in _CELL_TAGS:
                chunks.append(" ")
            if node is not element and node.tail:
                chunks.append(_fold(node.tail, pre))
            continue
        if tag in _SKIP_TAGS or not tag or (skip_hidden and tag != "html" and _hidden(node)):
            if node is not element and node.tail:
                chunks.append(_fold(node.tail, pre))
            continue
        if tag in _BLOCK_TAGS:
            chunks.append("\n")
        inner = pre or tag in _PRE_TAGS
        if node.text:
            chunks.append(_fold(node.text, inner))
        # The tail belongs to the parent's context.
        stack.append((node, False, pre))
        for child in reversed(node):
            stack.append((child, True, inner))
    return "".join(chunks)


_PRE_TAGS = frozenset(("pre", "listing", "plaintext", "xmp"))
_NEWLINES = re.compile(r"[\r\n]+")


def _fold(text: str, pre: bool) -> str:
    """Raw line breaks in text are spaces outside ``<pre>``."""
    return text if pre or "\n" not in text and "\r" not in text else _NEWLINES.sub(" ", text)


def text_lines(text: str) -> list[str]:
    """Non-empty lines of ``text``, whitespace folded."""
    out = []
    for raw in text.splitlines():
        folded = " ".join(raw.split())
        if folded:
            out.append(folded)
    return out


def html_to_text(markup: str) -> str:
    """All visible text of ``markup``, one block element a line (the
    ``<title>`` first)."""
    markup, _ = prepare_markup(markup)
    root = parse_html(markup)
    if root is None:
        return ""
    return _page_text(root)


def _page_text(root) -> str:
    title = root.findtext(".//title") or ""
    body = root.find("body")
    if body is None:
        body = root
    head = [" ".join(title.split())] if title.strip() else []
    return "\n".join(head + text_lines(element_text(body)))


# ---------------------------------------------------------------- the cascade

@dataclass
class Extraction:
    """What :func:`extract_main` found: the text for the line pipeline, the
    parsed tree (for :mod:`~boilerstrip.html_metadata`) and warnings."""

    text: str
    root: object = None
    method: str = "none"
    warnings: list[str] = field(default_factory=list)
    #: Fallback metadata from the HTML (:func:`~boilerstrip.html_metadata.html_metadata`).
    meta: dict = field(default_factory=dict)


def extract_main(markup: str) -> Extraction:
    """The main content of the page ``markup`` as text, one block a line."""
    markup, warnings = prepare_markup(markup)
    root = parse_html(markup)
    if root is None:
        return Extraction("", None, "none", warnings + ["HTML could not be parsed: nothing to clean"])
    if tree_depth(root) >= MAX_DEPTH - 2:
        warnings.append(f"page nests elements deeper than {MAX_DEPTH} levels; read as flat text")
        return Extraction(flat_text(markup), root, "flat", warnings, _meta(root))
    body = root.find("body")
    skeleton = text_lines(element_text(body if body is not None else root))
    if len(markup) > MAX_EXTRACTOR_CHARS:
        warnings.append("page too large for content extraction; whole-page text used")
        return Extraction(_page_text(root), root, "page", warnings)
    meta = _meta(root, skeleton)
    candidates = _candidates(markup, skeleton)
    chosen, method = _choose(skeleton, candidates, _lead(skeleton, meta.get("title")))
    slides = _script_slides(root, [skeleton[i] for i in chosen], skeleton)
    if slides:
        title = meta.get("title")
        lines = ([title] if title else []) + [line for text in slides for line in text_lines(text)]
        return Extraction("\n".join(lines), root, "script-slides", warnings, meta)
    if not chosen:
        warnings.append("no main content found; whole-page text used")
        return Extraction(_page_text(root), root, "page", warnings, meta)
    lines = _headline(skeleton, chosen, meta.get("title"))
    return Extraction("\n".join(lines), root, method, warnings, meta)


def _lead(skeleton: list[str], title: str | None) -> int | None:
    """Index of the first paragraph of running text under the page's title
    line (within :data:`LEAD_WINDOW` lines), or None."""
    if not title:
        return None
    target = _squeeze(title)
    for k, line in enumerate(skeleton):
        if _squeeze(line) == target:
            for j in range(k + 1, min(k + 1 + LEAD_WINDOW, len(skeleton))):
                if len(skeleton[j]) >= LEAD_MIN and _CLAUSE.search(skeleton[j]):
                    return j
            return None
    return None


#: How far under the title the lead paragraph may start, and how long it
#: is at least (shorter lines are breadcrumbs, kickers and captions).
LEAD_WINDOW = 12
LEAD_MIN = 50
#: Punctuation between clauses: running text has it, a breadcrumb
#: (``Mensagens » Autoestima » Só quem se Ama…``) does not.
_CLAUSE = re.compile(r"[，,。；;！!？?：:]|\.\s")


def _meta(root, skeleton: list[str] | None = None) -> dict:
    from .html_metadata import html_metadata  # local: html_metadata imports this module

    return html_metadata(root, skeleton)


_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:%s)\b[^>]*>" % "|".join(sorted(_BLOCK_TAGS | _CELL_TAGS)), re.I)
_ANY_TAG = re.compile(r"<[^>]*>")


def flat_text(markup: str) -> str:
    """The text of markup too deep for a tree: tags stripped by pattern,
    block tags as line breaks, HTML character references resolved."""
    import html as html_lib

    markup = strip_bulky(markup)
    markup = _BLOCK_TAG.sub("\n", markup)
    return "\n".join(text_lines(html_lib.unescape(_ANY_TAG.sub("", markup))))


# ---------------------------------------------------------------- 3. candidates

def _squeeze(text: str) -> str:
    return "".join(text.split())


def _trafilatura_lines(markup: str) -> list[str]:
    import trafilatura

    try:
        text = trafilatura.extract(
            markup, fast=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - a peer's failure must not stop us
        return []
    return text_lines(text or "")


def _readability_lines(markup: str) -> list[str]:
    try:
        summary = _readability_document(markup).summary(html_partial=True)
    except Exception:  # noqa: BLE001 - a peer's failure must not stop us
        return []
    root = parse_html("<html><body>" + summary + "</body></html>")
    return [] if root is None else text_lines(element_text(root))


def _readability_document(markup: str):
    """readability-lxml's ``Document``, parsing without its link rewriting
    (:func:`_text_document_class`)."""
    return _text_document_class()(markup)


@functools.lru_cache(maxsize=1)
def _text_document_class():
    """readability-lxml's ``Document`` with a parse that skips link rewriting.

    readability cleans every parse with a ``Cleaner(javascript=True)``, which
    rewrites every link of the page to drop ``javascript:`` URLs: a quarter
    of its time, for nothing we read (we take text only). The subclass
    parses the same way with a cleaner that leaves links and ``on*``
    attributes alone; its summaries were identical on all 203 benchmark
    pages. If readability's internals differ, the stock ``Document`` is used.
    """
    from readability import Document

    try:
        from readability.htmls import build_doc
        from readability.readability import REGEXES
    except ImportError:  # pragma: no cover - another readability version
        return Document
    try:
        from lxml.html.clean import Cleaner
    except ImportError:
        from lxml_html_clean import Cleaner

    cleaner = Cleaner(
        scripts=True, javascript=False, comments=True, style=True, links=True, meta=False,
        add_nofollow=False, page_structure=False, processing_instructions=True, embedded=False,
        frames=False, forms=False, annoying_tags=False, remove_tags=None, remove_unknown_tags=False,
        safe_attrs_only=False,
    )

    class TextDocument(Document):
        def _parse(self, input):  # noqa: A002 - readability's signature
            doc, self.encoding = build_doc(input)
            for element in doc.xpath("//*[@hidden]"):
                element.drop_tree()
            for element in doc.xpath("//*[@style]"):
                if REGEXES["displayNoneRe"].search(element.get("style")):
                    element.drop_tree()
            return cleaner.clean_html(doc)

    return TextDocument


def _candidates(markup: str, skeleton: list[str]) -> dict[str, set[int]]:
    """Each extractor's output as the set of skeleton line indexes it covers."""
    return {
        "trafilatura": _locate(skeleton, _trafilatura_lines(markup)),
        "readability": _locate(skeleton, _readability_lines(markup)),
    }


def _locate(skeleton: list[str], lines: list[str]) -> set[int]:
    """Skeleton lines covered by ``lines``, found in order in the page text
    (whitespace ignored, so merged or split lines still match)."""
    if not lines:
        return set()
    starts, parts, pos = [], [], 0
    for line in skeleton:
        starts.append(pos)
        squeezed = _squeeze(line)
        parts.append(squeezed)
        pos += len(squeezed)
    page = "".join(parts)
    covered: set[int] = set()
    cursor = 0
    import bisect

    for line in lines:
        needle = _squeeze(line)
        if len(needle) < 2:
            continue
        found = page.find(needle, cursor)
        if found < 0:
            found = page.find(needle)
            if found < 0:
                continue
        else:
            cursor = found + len(needle)
        first = bisect.bisect_right(starts, found) - 1
        last = bisect.bisect_right(starts, found + len(needle) - 1) - 1
        covered.update(range(first, last + 1))
    return covered


_JSON_STRING_ARRAY = re.compile(r'\[\s*"(?:[^"\\]|\\.)*"(?:\s*,\s*"(?:[^"\\]|\\.)*")+\s*\]')
#: Visible main content shorter than this may be the first slide of a gallery.
SLIDES_BELOW = 400


def _script_slides(root, visible: list[str], page: list[str]) -> list[str]:
    """The texts of a script-driven slideshow (photo gallery) when the page
    shows only the first slide's text.

    Gallery pages print slide 1 and keep every slide's text in an inline
    script as a JSON array of strings; when one string of such an array is a
    prose line shown on the page, the array (in order) is the article.
    """
    import json

    if sum(len(line) for line in visible if is_prose(line)) >= SLIDES_BELOW:
        return []
    # A slide's text may share its line with the slide counter (``1/10 …``).
    shown = "\n".join(_squeeze(line) for line in page if len(line) >= 20 and is_prose(line))
    if not shown:
        return []
    best: list[str] = []
    for script in root.iter("script"):
        code = script.text or ""
        if len(code) < 100:
            continue
        # Data embedded as a string inside a string: unescape one level.
        for layer in (code, code.replace('\\"', '"').replace('\\\\', '\\').replace('\\"', '"')):
            for match in _JSON_STRING_ARRAY.finditer(layer):
                try:
                    items = json.loads(match.group(0))
                except ValueError:
                    continue
                texts = [" ".join(item.split()) for item in items if isinstance(item, str)]
                if len(texts) >= 2 and any(len(t) >= 20 and _squeeze(t) in shown for t in texts) and sum(map(len, texts)) > sum(map(len, best)):
                    best = [t for t in texts if t]
    prose = sum(len(t) for t in best)
    return best if prose > SLIDES_BELOW else []


# ---------------------------------------------------------------- 4. choosing

def _prose_weight(line: str) -> float:
    """Positive for running text (long, sentence punctuation), negative for
    short unpunctuated lines (links, buttons, labels)."""
    if is_prose(line):
        return len(line)
    return -min(len(line), 30) * 0.5


def _choose(skeleton: list[str], candidates: dict[str, set[int]], lead: int | None = None) -> tuple[list[int], str]:
    """The article's lines from the two candidates.

    When they agree on the article's running text (the *core*: the lines
    both took carry at least :data:`CORE_SHARE` of the better candidate's
    prose weight), the lines only one of them took are settled one by one
    (:func:`_settle`). When they share nothing,
    the one that holds the first running text under the page's title
    (``lead``) wins, else the one with more
    prose (:func:`_prose_weight`); the other's lines inside its span are
    merged in.
    """
    named = {name: lines for name, lines in candidates.items() if lines}
    if not named:
        return [], "none"
    if len(named) == 2:
        first, second = named.values()
        core = first & second
        weight = {name: _weight(skeleton, lines) for name, lines in named.items()}
        if core and _weight(skeleton, core) >= CORE_SHARE * max(weight.values()):
            return sorted(_settle(skeleton, core, first ^ second, named.get("readability", set()))), "consensus"
    scored = sorted(
        ((_follows(lines, lead), _weight(skeleton, lines), name, lines) for name, lines in named.items()),
        reverse=True,
    )
    _, _, name, chosen = scored[0]
    chosen = set(chosen)
    first, last = min(chosen), max(chosen)
    for _, _, _, other in scored[1:]:
        chosen.update(i for i in other if first <= i <= last)
    return sorted(chosen), name


def _weight(skeleton: list[str], lines: set[int]) -> float:
    return sum(_prose_weight(skeleton[i]) for i in lines)


#: Share of the better candidate's prose weight the agreed lines must carry
#: to be the article (two extractors agreeing on a "related" box is no
#: article).
CORE_SHARE = 0.5


def _settle(skeleton: list[str], core: set[int], disputed: set[int], readability: set[int]) -> set[int]:
    """The core and the disputed lines that belong with it.

    * inside the core's span, a disputed line is kept unless the page shows
      its text more than once and never in the core (a caption repeated as
      image alt text and figcaption, a credit under every photo of a
      gallery; a summary point that repeats a sentence of the body stays);
    * outside the span, only readability's running text is kept (it takes
      a lead paragraph or a closing one that trafilatura cut); trafilatura's
      lines beyond the core are teasers of other articles, "about the
      company" boxes and copyright notes.

    Measured on the English benchmark, disputed lines outside the core
    taken by trafilatura alone belong to the article 9 times in 570;
    readability's prose there 84 times in 120; repeated prose inside the
    core 3 times in 52.
    """
    counts: dict[str, int] = {}
    for line in skeleton:
        key = _squeeze(line)
        counts[key] = counts.get(key, 0) + 1
    agreed = {_squeeze(skeleton[i]) for i in core}
    low, high = min(core), max(core)
    keep = set(core)
    for i in disputed:
        line = skeleton[i]
        key = _squeeze(line)
        if counts[key] > 1 and key not in agreed:
            continue
        if low <= i <= high or (i in readability and is_prose(line)):
            keep.add(i)
    return keep


def _follows(lines: set[int], lead: int | None) -> bool:
    """True when the candidate holds the first running text under the
    page's title (where an article starts); a candidate without it is a
    list of other articles elsewhere on the page."""
    return lead is not None and lead in lines


# ---------------------------------------------------------------- 5. headline

def _headline(skeleton: list[str], chosen: list[int], title: str | None) -> list[str]:
    """The chosen lines, with the title line and the metadata lines of the
    byline block in front when the extractor dropped them."""
    from .metadata import byline, metadata_line

    if not title:
        return [skeleton[i] for i in chosen]
    target = _squeeze(title)
    # The title goes in front, once: copies of it inside the block go.
    chosen = [i for i in chosen if _squeeze(skeleton[i]) != target]
    if not chosen:
        return [title]
    lines = [skeleton[i] for i in chosen]
    at = None
    for k, line in enumerate(skeleton[: chosen[0] + 1]):
        squeezed = _squeeze(line)
        if squeezed == target or (target in squeezed and len(squeezed) <= len(target) + 12):
            at = k
    # A ``（原标题：…）`` line quotes the title; it is not the headline.
    head_present = any(target in _squeeze(line) and not _ORIGINAL_TITLE.search(line) for line in lines[:3])
    front: list[str] = [] if head_present else [title]
    if at is not None:
        taken = set(chosen)
        for k in range(at + 1, min(at + 1 + HEADLINE_WINDOW, chosen[0])):
            line = skeleton[k]
            if k not in taken and len(line) <= 80 and (metadata_line(line) or byline(line)):
                front.append(line)
    return front + lines


#: How many lines after the title the byline block may reach.
HEADLINE_WINDOW = 12
_ORIGINAL_TITLE = re.compile(r"原标题|原標題|原题|原題")
