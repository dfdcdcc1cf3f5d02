"""HTML as text: parsing without network, and the visible text one block a line.

Only the markup side of step 2: :func:`parse_html` (markup -> lxml tree),
:func:`element_text` (an element's visible text, one block element a line,
as a text scraper would print it) and the fallbacks for pages too large or
too deep for a tree. Choosing the article is ``extract``'s work.
"""
from __future__ import annotations

import functools
import html as html_lib
import html.entities
import re

from lxml import etree, html
from lxml.html import defs

from .text import fold_spaces, text_lines

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details div dl dt figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot "
    "title tr ul caption center".split()
)
# Table cells stay on their row's line, separated by a space.
_CELL_TAGS = frozenset(("td", "th"))
_SKIP_TAGS = frozenset("script style noscript template svg iframe object embed head select textarea button".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

#: libxml2 stops nesting at this depth without huge-tree mode.
MAX_DEPTH = 255

#: A text node longer than this is cut (libxml2 without huge-tree mode stops
#: at a text node over 10 MB, and drops the rest of the page).
MAX_TEXT_NODE_CHARS = 1_000_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# ---------------------------------------------------------------- 1. parsing

def _parser() -> html.HTMLParser:
    # A fresh parser per call: lxml parsers are not thread-safe to share.
    parser = html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
        huge_tree=False, recover=True, default_doctype=False,
    )
    parser.set_element_class_lookup(_ELEMENT_CLASSES)
    return parser


#: Every element an ``HtmlElement`` (``text_content``, ``drop_tree``, what
#: readability and trafilatura call), chosen inside lxml: ``lxml.html``'s own
#: lookup calls back into Python for every element object made (a tenth of
#: HTML mode's time), only to give form controls their own classes, which
#: nothing here uses.
_ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction, entity=html.HtmlEntity
)


def prepare_markup(markup: str, max_chars: int) -> tuple[str, list[str]]:
    """Control characters out (libxml2 refuses them), markup characters lost
    to invalid bytes read back, text nodes too long for libxml2 cut, and markup over
    ``max_chars`` trimmed (scripts, styles, comments and inline data first,
    then the tail), each with a warning."""
    warnings: list[str] = []
    if _CONTROL.search(markup):
        markup = _CONTROL.sub("", markup)
    if "\ufffd" in markup:
        markup = mend_broken_markup(markup, warnings)
    markup = trim_attributes(markup, warnings)
    size = len(markup)
    if size > max_chars:
        markup = strip_bulky(markup)
        if len(markup) < size:
            warnings.append(f"page is {size:,} characters; scripts, styles and inline data were skipped")
    if len(markup) > MAX_TEXT_NODE_CHARS:
        markup = cut_text_nodes(markup, warnings)
    if len(markup) > max_chars:
        markup = markup[:max_chars]
        warnings.append(f"page is {size:,} characters; only the first {max_chars:,} were read")
    return markup, warnings


#: Most attributes an element keeps: libxml2 checks each new attribute
#: against all the earlier ones, so thousands on one element cost
#: quadratic time (and no page shows them).
MAX_ATTRIBUTES = 256
#: Longest attribute an element keeps (an inline data URI, a hostile value).
MAX_ATTRIBUTE_CHARS = 100_000
#: A start tag this long may hold more than MAX_ATTRIBUTES attributes. The
#: look-ahead (a letter and 4,000 characters that are not ``<>``) holds
#: exactly where the rest matches, and reads an ordinary tag once where the
#: rest would read it again for each shorter name.
_LONG_TAG = re.compile(r"<(?=[A-Za-z][^<>]{4000})([A-Za-z][A-Za-z0-9:_-]{0,30})([^<>]{4000,})")
_ATTRIBUTE = re.compile(r"""\s*[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""")


def trim_attributes(markup: str, warnings: list[str], most: int = MAX_ATTRIBUTES) -> str:
    """Start tags keep their first ``most`` attributes (closed or not) and
    none longer than :data:`MAX_ATTRIBUTE_CHARS` (libxml2 stops at a value
    over 10 MB), with a warning. Linear: only tags over 4,000
    characters are looked at, each once."""
    trimmed = []

    def trim(match: re.Match) -> str:
        attributes = _ATTRIBUTE.findall(match.group(2))
        kept = [a for a in attributes[:most] if len(a) <= MAX_ATTRIBUTE_CHARS]
        if len(kept) == len(attributes):
            return match.group(0)
        trimmed.append(len(attributes) - len(kept))
        return f"<{match.group(1)}{''.join(kept)}"

    if len(markup) > 4000:
        markup = _LONG_TAG.sub(trim, markup)
    for count in trimmed:
        warnings.append(f"{count:,} attributes of an element were dropped (too many or too long to parse)")
    return markup


#: HTML element names (lxml's list, and the newer ones it lacks): a tag
#: broken by an invalid byte is read as one of these, and text holding
#: enough of them is markup (``sniff``).
HTML_ELEMENTS = frozenset(defs.tags) | frozenset(
    "main template picture dialog slot data frame noframes nobr xmp listing plaintext bgsound noembed".split()
)


def _by_length(names) -> dict[int, tuple[str, ...]]:
    table: dict[int, tuple[str, ...]] = {}
    for name in sorted(names):
        table[len(name)] = table.get(len(name), ()) + (name,)
    return table


def _fitting(table: dict[int, tuple[str, ...]], head: str, tail: str) -> list[str]:
    """The names of ``table`` that are ``head``, one character, ``tail``."""
    return [name for name in table.get(len(head) + 1 + len(tail), ()) if name.startswith(head) and name.endswith(tail)]


_ELEMENTS_BY_LENGTH = _by_length(HTML_ELEMENTS)

_ATTR_NAME = r"[A-Za-z_:@][-A-Za-z0-9_:.@]*"
_ATTR_VALUE = r"""(?:"[^"]*"|'[^']*'|[^\s"'<>`\ufffd]+)"""
_ATTRS = rf"(?:\s+{_ATTR_NAME}(?:\s*=\s*{_ATTR_VALUE})?)*"
#: A tag up to a token's end (the invalid byte comes next).
_TAG_SO_FAR = re.compile(rf"<(/?)[A-Za-z][A-Za-z0-9]*{_ATTRS}\s*/?")
#: A tag up to inside a quoted value (no quote, no angle bracket yet).
_TAG_IN_VALUE = re.compile(rf"""<[A-Za-z][A-Za-z0-9]*{_ATTRS}\s+{_ATTR_NAME}\s*=\s*(["'])(?:(?!\1)[^<>])*""")
#: A tag name so far, and the rest of it.
_NAME_SO_FAR = re.compile(r"</?[A-Za-z0-9]*")
_NAME_REST = re.compile(r"[A-Za-z0-9]*(?=[\s/>])")
_ATTRIBUTE_NEXT = re.compile(rf"{_ATTR_NAME}(?:\s*=|[\s/>])")
_EQUALS_NEXT = re.compile(r"\s*=")
#: What ends an unquoted value.
_VALUE_BREAK_NEXT = re.compile(r"[\s<>]")
#: A tag so far that ends inside an unquoted value (``href=a.asp?id``).
_IN_UNQUOTED = re.compile(r"""=\s*[^\s"'<>`\ufffd]+$""")
_VALUE_END_NEXT = re.compile(rf"\s*/?>|\s+{_ATTR_NAME}\s*=")
_START_TAG_NEXT = re.compile(rf"([A-Za-z][A-Za-z0-9]*){_ATTRS}\s*/?>")
_END_TAG_NEXT = re.compile(r"/([A-Za-z][A-Za-z0-9]*)\s*>")
#: How far back the start of a tag is looked for (a tag this long is rare).
_TAG_REACH = 4000
#: Broken bytes looked at on a page at most (a page of mojibake is not
#: markup): linear, about a millisecond a thousand.
MAX_MENDED = 10_000


def _name_letter(so_far: str, rest: str, markup: str, at: int) -> str | None:
    """The one letter that makes ``so_far`` + letter + ``rest`` an element
    name (``<\ufffdeta`` is ``<meta``); of several (``<t\ufffd>``: td, th,
    tr, tt), the element whose end tag comes unmatched first after it (the
    one this tag opened), or for an end tag (``</\ufffd>``) the element
    left open last before it. None if there is none or no telling."""
    head = so_far.lower()
    names = _fitting(_ELEMENTS_BY_LENGTH, head, rest.lower())
    if len(names) > 1:
        closing = markup[at - len(so_far) - 1 : at - len(so_far)] == "/"
        names = _unmatched(names, markup, at if closing else at + 1 + len(rest), ahead=not closing)
    return names[0][len(head)] if len(names) == 1 else None


#: How far an unmatched tag of a broken name is looked for.
_CLOSE_REACH = 20_000
_ANY_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[\s>/]")


def _unmatched(names: list[str], markup: str, at: int, *, ahead: bool) -> list[str]:
    """Of ``names``, the one whose tag nearest ``at`` is unmatched: ahead,
    the end tag that closes an element opened before ``at``
    (``<t\ufffd><td>1</td></tr>``: tr); behind, the start tag of an element
    still open at ``at`` (``<a href="x">\u96c5 5:13</\ufffd>``: a)."""
    window = markup[at : at + _CLOSE_REACH] if ahead else markup[max(0, at - _CLOSE_REACH) : at]
    tags = list(_ANY_TAG_NAME.finditer(window))
    depth = dict.fromkeys(names, 0)
    for tag in tags if ahead else reversed(tags):
        name = tag.group(2).lower()
        if name in depth:
            # Ahead an end tag opens a level up, behind a start tag does.
            depth[name] += 1 if bool(tag.group(1)) == ahead else -1
            if depth[name] > 0:
                return [name]
    return []


#: A lone U+FFFD with only white space around it up to the tags on either
#: side (``\t\ufffd\t\t</tr>``): a broken space, which left in a table
#: would be text that the parser moves out of it.
_SPACE_AROUND = re.compile(r"[ \t\r\n\f]*")


def _between_tags(markup: str, at: int) -> bool:
    before = markup[max(0, at - 200) : at]
    after = markup[at + 1 : at + 201]
    lead = len(before) - len(before.rstrip(" \t\r\n\f"))
    trail = _SPACE_AROUND.match(after).end()
    return (
        (lead > 0 or trail > 0)
        and before[: len(before) - lead].endswith(">")
        and after[trail : trail + 1] == "<"
    )


def _markup_char(markup: str, at: int) -> str | None:
    """The markup character an invalid byte at ``at`` (one U+FFFD) most
    plausibly was, read from the tag around it, or None (text, or not sure).

    In a tag: the ``/`` of an end tag (``<\ufffdtitle>``), a letter of the
    element's name (``</scr\ufffdpt>``), the space before an attribute
    (``<span\ufffdclass="x">``), the ``=`` before a value
    (``<td background\ufffd"/a.gif">``), the quote that closes a value
    (``title="\u7f16\u8f91\ufffd>``) or the tag's ``>`` (``<br\ufffd\n
    \u4e8c\u3001``). In text: the ``<`` of a well-formed tag of a known
    element (``\ufffd/div>``, ``\ufffda href="/">``)."""
    comment = _comment_char(markup, at)
    if comment:
        return comment
    if _between_tags(markup, at):
        return " "
    lt = markup.rfind("<", max(0, at - _TAG_REACH), at)
    gt = markup.rfind(">", max(0, at - _TAG_REACH), at)
    after = markup[at + 1 : at + 1 + _TAG_REACH]
    if lt <= gt:
        entity = _entity_char(markup, at)
        if entity:
            return entity
        end = _END_TAG_NEXT.match(after)
        start = end or _START_TAG_NEXT.match(after)
        return "<" if start and start.group(1).lower() in HTML_ELEMENTS else None
    so_far = markup[lt:at]
    if _NAME_SO_FAR.fullmatch(so_far):
        rest = _NAME_REST.match(after)
        if rest and so_far == "<" and rest.group(0).lower() in HTML_ELEMENTS:
            return "/"
        letter = rest and _name_letter(so_far.lstrip("</"), rest.group(0), markup, at)
        if letter:
            return letter
    tag = _TAG_SO_FAR.fullmatch(so_far)
    if tag:
        if tag.group(1):
            return " " if after.lstrip()[:1] == ">" else ">"
        last = so_far[-1]
        if _EQUALS_NEXT.match(after):
            return None  # a character of an attribute's name
        if _IN_UNQUOTED.search(so_far[-300:]) and (not _VALUE_BREAK_NEXT.match(after) or _VALUE_END_NEXT.match(after)):
            return None  # a character of an unquoted value (``src=a.gi\ufffd alt=""``)
        if after[:1] in "\"'":
            return "=" if last.isalnum() else None
        if _ATTRIBUTE_NEXT.match(after):
            return None if last.isspace() else " "
        if after[:1].isspace() and _ATTRIBUTE_NEXT.match(after.lstrip()):
            return " "  # white space before an attribute (``<a\ufffd href=``), not the tag's end
        return " " if after.lstrip()[:1] == ">" else ">"
    value = _TAG_IN_VALUE.fullmatch(so_far)
    if value and _VALUE_END_NEXT.match(after):
        quote = value.group(1)
        closes = after.find(quote)
        if closes < 0 or -1 < after.find("<") < closes:
            return quote
    return None


#: Character references by length (``nbsp``, ``quot``, ``middot``...).
_ENTITIES = html_lib.entities.name2codepoint
_ENTITIES_BY_LENGTH = _by_length(_ENTITIES)
_ENTITY_HEAD = re.compile(r"&([A-Za-z][A-Za-z0-9]{0,7})?$")
_ENTITY_TAIL = re.compile(r"([A-Za-z0-9]{0,8});")
_ENTITY_NEXT = re.compile(r"([A-Za-z][A-Za-z0-9]{1,7});")


def _entity_char(markup: str, at: int) -> str | None:
    """The character of a character reference an invalid byte took:
    ``&nb\ufffdp;`` (the one name that fits), ``&nbsp\ufffd`` (``;``),
    ``\ufffdnbsp;`` (``&``)."""
    head = _ENTITY_HEAD.search(markup, max(0, at - 9), at)
    if head:
        so_far = head.group(1) or ""
        tail = _ENTITY_TAIL.match(markup, at + 1)
        if not tail:
            return ";" if so_far in _ENTITIES else None
        found = {name[len(so_far)] for name in _fitting(_ENTITIES_BY_LENGTH, so_far, tail.group(1))}
        return found.pop() if len(found) == 1 else None
    following = _ENTITY_NEXT.match(markup, at + 1)
    return "&" if following and following.group(1) in _ENTITIES else None


#: How far back an open comment is looked for.
_COMMENT_REACH = 20_000


def _comment_char(markup: str, at: int) -> str | None:
    """The character of a comment's ``<!--`` or ``-->`` an invalid byte
    took (``<!-- begin \ufffd->`` would hide the rest of the page)."""
    before, after = markup[max(0, at - 3) : at], markup[at + 1 : at + 4]
    if before.endswith("<!-"):
        return "-"
    if before.endswith("<") and after.startswith("--"):
        return "!"
    if after.startswith("!--") and not before.endswith("<"):
        return "<"
    if after.startswith("->") or (before.endswith("-") and after.startswith(">")):
        closing = "-"
    elif before.endswith("--") and (after[:1].isspace() or after[:1] == "<"):
        closing = ">"
    else:
        return None
    reach = max(0, at - _COMMENT_REACH)
    return closing if markup.rfind("<!--", reach, at) > markup.rfind("-->", reach, at) else None


#: One broken byte (a run of U+FFFD is a broken character of the text).
_LONE_FFFD = re.compile("(?<!\ufffd)\ufffd(?!\ufffd)")


def mend_broken_markup(markup: str, warnings: list[str]) -> str:
    """Markup characters lost to invalid bytes read back from the tags
    around them, so that one broken byte does not take a tag (or the page
    after it) with it: ``<br\ufffd`` ends its tag, ``</scr\ufffdpt>`` ends
    the script, ``\ufffd/div>`` is an end tag. Only a lone U+FFFD (one
    broken byte) where markup is plain is read back; the visible text is
    untouched; a warning counts them."""
    pieces: list[str] = []
    mended: list[str] = []
    done = 0
    for seen, hit in enumerate(_LONE_FFFD.finditer(markup)):
        if seen >= MAX_MENDED:
            break
        char = _markup_char(markup, hit.start())
        if char is not None:
            pieces += (markup[done : hit.start()], char)
            done = hit.end()
            mended.append(char)
    if not mended:
        return markup
    pieces.append(markup[done:])
    warnings.append(f"{len(mended)} markup character(s) lost to invalid bytes read from the tags around them")
    return "".join(pieces)


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


def cut_text_nodes(markup: str, warnings: list[str], limit: int = MAX_TEXT_NODE_CHARS) -> str:
    """Every text node cut to ``limit`` characters (a script or style
    dropped), so that libxml2 reads the page to its end; one warning for
    each cut. Linear."""
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


def nests_at_least(root, levels: int) -> bool:
    """True when some element lies ``levels`` deep (``root`` is level 1):
    one XPath of ``levels - 1`` child steps, walked by libxml2 (each element
    once, no Python object per node)."""
    return bool(_depth_probe(levels)(root))


@functools.lru_cache(maxsize=4)
def _depth_probe(levels: int) -> etree.XPath:
    return etree.XPath("boolean(" + "/".join(["*"] * (levels - 1)) + ")")


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
    ``<br>`` break lines, and ``<pre>`` keeps its own breaks. libxml2 walks
    the tree (``iterwalk``); a skipped element's subtree is not entered.
    """
    chunks: list[str] = []
    append = chunks.append
    # For each open element: whether the text around it is inside <pre>,
    # and its tag (None when skipped: only its tail is read).
    open_elements: list[tuple[bool, str | None]] = []
    pre = False
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            tag = node.tag
            if tag.__class__ is not str or tag in _SKIP_TAGS or (skip_hidden and tag != "html" and _hidden(node)):
                walker.skip_subtree()
                open_elements.append((pre, None))
                continue
            open_elements.append((pre, tag))
            if tag in _BLOCK_TAGS:
                append("\n")
            if tag in _PRE_TAGS:
                pre = True
            if node.text:
                append(_fold(node.text, pre))
            continue
        pre, tag = open_elements.pop()
        if tag in _BLOCK_TAGS:
            append("\n")
        elif tag in _CELL_TAGS:
            append(" ")
        # The tail belongs to the parent's context.
        if node is not element and node.tail:
            append(_fold(node.tail, pre))
    return "".join(chunks)


_PRE_TAGS = frozenset(("pre", "listing", "plaintext", "xmp"))
_NEWLINES = re.compile(r"[\r\n]+")


def _fold(text: str, pre: bool) -> str:
    """Raw line breaks in text are spaces outside ``<pre>``."""
    return text if pre or "\n" not in text and "\r" not in text else _NEWLINES.sub(" ", text)


def html_to_text(markup: str, max_chars: int = 8_000_000) -> str:
    """All visible text of ``markup``, one block element a line (the
    ``<title>`` first)."""
    markup, _ = prepare_markup(markup, max_chars)
    root = parse_html(markup)
    if root is None:
        return ""
    return page_text(root)


def page_text(root) -> str:
    """All visible text of the parsed page, one block a line (the
    ``<title>`` first)."""
    title = root.findtext(".//title") or ""
    body = root.find("body")
    if body is None:
        body = root
    head = [fold_spaces(title)] if title.strip() else []
    return "\n".join(head + text_lines(element_text(body)))



_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:%s)\b[^>]*>" % "|".join(sorted(_BLOCK_TAGS | _CELL_TAGS)), re.I)
_ANY_TAG = re.compile(r"<[^>]*>")


def flat_text(markup: str) -> str:
    """The text of markup too deep for a tree: tags stripped by pattern,
    block tags as line breaks, HTML character references resolved."""
    markup = strip_bulky(markup)
    markup = _BLOCK_TAG.sub("\n", markup)
    return "\n".join(text_lines(html_lib.unescape(_ANY_TAG.sub("", markup))))


