"""Every choice the pipeline makes, in one frozen object.

An :class:`Options` is built once (by the caller, or by the command line from
its flags) and handed to every step and to every batch worker; nothing is
read from module globals or the working directory.

>>> from boilerstrip import Options, clean_article
>>> article = clean_article("<p>正文。</p>", options=Options(keep_removed=False))
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    """What to run and what to return. Picklable: batch workers get a copy."""

    #: HTML input: find the main content with the HTML candidates (step 2).
    #: Off: the whole page's visible text goes to the line pipeline.
    extract_html: bool = True
    #: Text input: find the article's region in the whole page (step 4b).
    find_region: bool = True
    #: Fill ``Article.removed`` (every removed piece with its detector).
    #: Off: ``removed`` is empty, which saves three quarters of the JSON.
    keep_removed: bool = True
    #: Return image captions in ``Article.captions``. Off: captions are
    #: removed pieces of the ``photo_caption`` detector instead.
    keep_captions: bool = True
