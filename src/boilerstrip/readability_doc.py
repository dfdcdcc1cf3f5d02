"""readability-lxml's ``Document`` reading our parse of the page, with the
same summary as the stock class, at a fraction of its cost.

readability is HTML mode's largest part (it runs on every page); where its
methods spend their time on work whose answer is known more cheaply, this
subclass gives the same answer the cheap way:

* the page is parsed once, by us (comments and processing instructions
  dropped, which its cleaner drops anyway), and readability gets a copy of
  the tree for each of its passes (it prunes what it reads);
* its cleaner leaves links alone (we take text only);
* a text's cleaned length is counted, not made, and remembered by text;
* three methods (``remove_unlikely_candidates``,
  ``transform_misused_divs_into_paragraphs``, ``score_paragraphs``) are
  readability 0.9's own code, adapted where noted, and used only while the
  installed readability's method is the one they were adapted from (its
  source's SHA-256, :data:`_ADAPTED`); otherwise readability's is used.

The summaries are identical to the stock class's on the 272 pages of both
corpora and the English benchmark (``tests/test_html_robustness.py`` checks
the dev pages and pages made for each override).

The three methods are adapted from readability-lxml 0.9 (python-readability,
https://github.com/buriy/python-readability, by Yuri Baburov and
contributors, after Arc90's Readability), under the Apache License 2.0: a
copy is in ``LICENSES/Apache-2.0.txt``; each method's docstring says what
was changed.
"""
from __future__ import annotations

import copy
import functools
import hashlib
import inspect
import re

#: A run of two or more white-space characters, matched whole from its
#: first character (a pattern that opens with ``\s`` lets the engine skip
#: ahead to white space).
_RUN = re.compile(r"\s(?<!\s\s)\s+")
#: readability's last step, ``\t|[ \t]{2,}`` -> a space (a tab is taken
#: alone first, so a run of spaces and tabs opens with a space).
_BLANKS = re.compile(r"\t| [ \t]+")


def cleaned_length(text: str) -> int:
    r"""``len(readability.readability.clean(text))``, counted without making
    the cleaned text.

    ``clean`` makes a run of 255 white-space characters or more 255 spaces,
    a run with a newline a newline, then a tab or a run of spaces and tabs
    (``\t|[ \t]{2,}``) a space, and strips the ends. So the ends go; inside,
    a run of one character keeps its length, a run of 255 or more or with a
    newline becomes one character, and another run is what the last step
    makes of it.
    """
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    length = max(end - start, 0)
    for match in _RUN.finditer(text, start, end):
        run = match.group()
        kept = 1 if len(run) >= 255 or "\n" in run else len(_BLANKS.sub(" ", run))
        length -= len(run) - kept
    return length


#: The methods adapted here, by the SHA-256 (first 16 hex digits) of the
#: readability source they were adapted from.
_ADAPTED = {
    "remove_unlikely_candidates": "ad62d2637793aee7",
    "transform_misused_divs_into_paragraphs": "a28437d3bf4acf2c",
    "score_paragraphs": "51bca0db1f57b233",
}


def adapted_methods(document_class) -> list[str]:
    """The methods of ``document_class`` (readability's ``Document``) whose
    source is the one adapted here."""
    names = []
    for name, digest in _ADAPTED.items():
        try:
            source = inspect.getsource(getattr(document_class, name))
        except (AttributeError, OSError, TypeError):
            continue
        if hashlib.sha256(source.encode()).hexdigest()[:16] == digest:
            names.append(name)
    return names


def holding_blocks(root, block_tag) -> set:
    """The elements under ``root`` (``root`` too) that have an element
    whose tag ``block_tag`` matches (readability's ``divToPElementsRe`` on
    ``"<" + tag``) among their descendants.

    readability asks this of every ``<div>`` by serialising its children
    and searching the markup for a block tag's start (``<p``, ``<div``,
    ``<img`` ...); text and attribute values are escaped in the markup, so
    a match is exactly a descendant element whose tag starts so. Here each
    matching element marks its ancestors, up to the first one already
    marked: one walk of the tree.
    """
    holding: set = set()
    matches: dict = {}
    for node in root.iter():
        tag = node.tag
        found = matches.get(tag)
        if found is None:
            found = matches[tag] = isinstance(tag, str) and block_tag.match("<" + tag) is not None
        if found:
            parent = node.getparent()
            while parent is not None and parent not in holding:
                holding.add(parent)
                parent = parent.getparent()
    return holding


@functools.lru_cache(maxsize=1)
def text_document_class():
    """The ``Document`` subclass the module describes: readability's own
    methods where the adapted ones were adapted from another source, the
    stock ``Document`` (on a copy of the tree) if readability's internals
    differ."""
    from readability import Document

    try:
        from lxml.html import fragment_fromstring
        from readability.readability import REGEXES
    except ImportError:  # pragma: no cover - another readability version

        class CopyingDocument(Document):
            def _parse(self, input):  # noqa: A002 - readability's signature
                return super()._parse(copy.deepcopy(input))

        return CopyingDocument
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
    unlikely, maybe = REGEXES["unlikelyCandidatesRe"], REGEXES["okMaybeItsACandidateRe"]
    block_tag = REGEXES["divToPElementsRe"]
    display_none = REGEXES["displayNoneRe"]

    class TextDocument(Document):
        def _parse(self, input):  # noqa: A002 - readability's signature
            doc = copy.deepcopy(input)
            self.encoding = "utf-8"
            for element in doc.xpath("//*[@hidden]"):
                element.drop_tree()
            for element in doc.xpath("//*[@style]"):
                if display_none.search(element.get("style")):
                    element.drop_tree()
            cleaner(doc)
            self._lengths = {}
            return doc

        def get_link_density(self, elem):
            link_length = 0
            for link in elem.iterdescendants("a"):
                link_length += self._text_length(link)
            return float(link_length) / max(self._text_length(elem), 1)

        def _text_length(self, elem) -> int:
            """readability's ``text_length``, remembered by text."""
            return self._length_of(elem.text_content() or "")

        def _length_of(self, text: str) -> int:
            length = self._lengths.get(text)
            if length is None:
                length = self._lengths[text] = cleaned_length(text)
            return length

        # The adapted methods (a readability whose source differs keeps its own).

        def remove_unlikely_candidates(self):
            """readability's, over the elements that have a class or an id
            attribute (for the others its test string is one space, which
            it skips), found by libxml2 instead of a Python loop over every
            element; without its debug log line."""
            for elem in self.html.xpath(".//*[@class or @id]"):
                s = "{} {}".format(elem.get("class", ""), elem.get("id", ""))
                if len(s) < 2:
                    continue
                if (
                    unlikely.search(s)
                    and (not maybe.search(s))
                    and elem.tag not in ["html", "body"]
                    and not elem.xpath("ancestor-or-self::pre | ancestor-or-self::code")
                    and not elem.xpath(
                        "descendant-or-self::main | descendant-or-self::article | "
                        "descendant-or-self::math"
                    )
                ):
                    elem.drop_tree()

        def transform_misused_divs_into_paragraphs(self):
            """readability's; whether an element holds a block element
            (asked of every ``<div>``, then of the inline children it
            gathers into paragraphs) is looked up in :func:`holding_blocks`,
            made once, instead of serialising the element's subtree and
            searching the markup. Neither pass changes the answer for an
            element asked later: the first renames ``<div>`` to ``<p>``
            (both block tags), the second changes only the children of the
            ``<div>`` it is at, and every element it asks of lies under a
            ``<div>`` not yet visited."""
            inline_tags = {
                "a", "b", "cite", "code", "em", "font", "i", "small", "span",
                "strong", "sub", "sup", "u",
            }
            holding = holding_blocks(self.html, block_tag)
            for elem in self.tags(self.html, "div"):
                # transform <div>s that do not contain other block elements into <p>s
                if elem not in holding:
                    elem.tag = "p"

            for elem in self.tags(self.html, "div"):
                children = list(elem)
                paragraph = None
                if elem.text and elem.text.strip():
                    p = fragment_fromstring("<p/>")
                    p.text = elem.text
                    elem.text = None
                    elem.insert(0, p)
                    paragraph = p

                for child in children:
                    if child.tag == "br":
                        paragraph = None
                        continue
                    # No inline tag is a block tag, so the child's markup
                    # matches where its descendants hold one.
                    if child.tag not in inline_tags or child in holding:
                        paragraph = None
                        continue
                    if paragraph is None:
                        paragraph = fragment_fromstring("<p/>")
                        child.addprevious(paragraph)
                    paragraph.append(child)

                for pos, child in reversed(list(enumerate(elem))):
                    if child.tail and child.tail.strip():
                        p = fragment_fromstring("<p/>")
                        p.text = child.tail
                        child.tail = None
                        elem.insert(pos + 1, p)
                    if child.tag == "br":
                        child.drop_tree()

        def score_paragraphs(self):
            """readability's; a paragraph's cleaned text is measured by
            :meth:`_length_of` (counted and remembered) and its commas
            counted in the text as it is (cleaning changes white space
            only); without its debug log line (which described every
            candidate even with logging off)."""
            MIN_LEN = self.min_text_length
            candidates = {}
            ordered = []
            for elem in self.tags(self._html(), "p", "pre", "td", "blockquote"):
                parent_node = elem.getparent()
                if parent_node is None:
                    continue
                grand_parent_node = parent_node.getparent()

                inner_text = elem.text_content() or ""
                inner_text_len = self._length_of(inner_text)

                # If this paragraph is less than 25 characters
                # don't even count it.
                if inner_text_len < MIN_LEN:
                    continue

                if parent_node not in candidates:
                    candidates[parent_node] = self.score_node(parent_node)
                    ordered.append(parent_node)

                if grand_parent_node is not None and grand_parent_node not in candidates:
                    candidates[grand_parent_node] = self.score_node(grand_parent_node)
                    ordered.append(grand_parent_node)

                content_score = 1
                content_score += inner_text.count(",") + 1
                content_score += min((inner_text_len / 100), 3)

                candidates[parent_node]["content_score"] += content_score
                if grand_parent_node is not None:
                    candidates[grand_parent_node]["content_score"] += content_score / 2.0

            # Scale the final candidates score based on link density. Good content
            # should have a relatively small link density (5% or less) and be
            # mostly unaffected by this operation.
            for elem in ordered:
                candidate = candidates[elem]
                ld = self.get_link_density(elem)
                candidate["content_score"] *= 1 - ld

            return candidates

    for name in set(_ADAPTED) - set(adapted_methods(Document)):
        delattr(TextDocument, name)
    return TextDocument
