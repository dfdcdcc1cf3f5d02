"""Step 6 of the pipeline: source, date, editor and authors.

Evidence comes from two places, each found by its own module and weighed in
one place:

* ``text_fields``  what the article's lines say: metadata lines, bylines,
                   trailing credits, dateline leads (:func:`find_line_fields`
                   marks those lines; it is the step the pipeline runs);
* ``html_fields``  what the HTML page says: the byline block under the
                   title, ``<meta>``, JSON-LD, classed elements;
* ``resolve``      each field from the most trusted evidence that passes the
                   field's validators (``validators``).
"""
from .dates import parse_date
from .html_fields import html_evidence, html_title
from .resolve import Evidence, line_evidence, resolve
from .text_fields import byline, dateline, find_line_fields, metadata_line

__all__ = [
    "Evidence", "byline", "dateline", "find_line_fields", "html_evidence", "html_title",
    "line_evidence", "metadata_line", "parse_date", "resolve",
]
