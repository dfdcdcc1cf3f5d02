"""Every choice the pipeline makes, in one frozen object.

An :class:`Options` is built once (by the caller, or by the command line from
its flags) and handed to every step and to every batch worker; nothing is
read from module globals or the working directory.

>>> from boilerstrip import Options, RuleSet, clean_article
>>> options = Options(keep_removed=False, rules=RuleSet.default())
>>> clean_article("<p>正文。</p>", options=options).removed
()

The thresholds are grouped by the step that reads them; each says what it
bounds. They were set on the development pages; change them to study a
step, not to fit a site (a site's chrome belongs in a rules file).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

from .rules import RuleSet


@dataclass(frozen=True)
class Options:
    """What to run, with which rules and thresholds, and what to return.
    Frozen and picklable: batch workers get the caller's copy."""

    # ------------------------------------------------------------ steps
    #: HTML input: find the main content with the HTML candidates (step 2).
    #: Off: the whole page's visible text goes to the line pipeline.
    extract_html: bool = True
    #: Find the article's region among the page's lines (step 4b) when the
    #: HTML step has not already found it.
    find_region: bool = True
    #: The detectors' rules: built-in phrases, a rules file's additions,
    #: site phrases, detectors switched off.
    rules: RuleSet = field(default_factory=RuleSet.default)

    # ------------------------------------------------------------ output
    #: Fill ``Article.removed`` (every removed piece with its detector).
    #: Off: ``removed`` is empty, which saves three quarters of the JSON.
    keep_removed: bool = True
    #: Return image captions in ``Article.captions``. Off: captions are
    #: removed pieces of the ``photo_caption`` detector instead.
    keep_captions: bool = True
    #: Keep the page after every step in ``Result.stages`` (``--explain``
    #: does). Off, a step's page is dropped once the next step has run.
    keep_stages: bool = False

    #: A text longer than this (characters) is cleaned a block at a time,
    #: each ending at a blank line: memory stays bounded however long the
    #: input (a dump of many pages); an article never spans two blocks.
    block_chars: int = 1_000_000

    # ------------------------------------------------------------ 2. extract (HTML)
    #: Markup longer than this (characters) is trimmed before parsing.
    max_markup_chars: int = 8_000_000
    #: Above this size the HTML candidates are skipped (too slow).
    max_extractor_chars: int = 3_000_000
    #: Share of the better candidate's prose the lines both candidates took
    #: must carry to be the article (agreeing on a "related" box is no article).
    core_share: float = 0.5
    #: On a Chinese page whose lead paragraph readability's block misses,
    #: ask resiliparse before trafilatura: where the two agree, trafilatura
    #: (the larger part of HTML mode's time) is not run. resiliparse comes
    #: with the ``fast`` extra (``pip install 'boilerstrip[fast]'``; it has
    #: no wheels for some platforms). Off, or not installed, trafilatura is
    #: asked there: the same body F1 on our corpora, HTML mode 1.3x slower
    #: (20.9 G instructions a pass over our 91 pages against 16.0 G;
    #: docs/speed.md). Off, the output does not depend on what is
    #: installed.
    ask_resiliparse: bool = True
    #: How far under the title (lines) the lead paragraph may start.
    lead_window: int = 12
    #: How long the lead paragraph is at least (shorter: breadcrumbs, kickers).
    lead_min: int = 50
    #: How many lines under the title the byline block may reach.
    byline_window: int = 12
    #: Visible content shorter than this (characters of prose) may be the
    #: first slide of a gallery whose slides are in a script.
    slides_below: int = 400
    #: How many elements after the title's element the byline block spans.
    near_title: int = 120
    #: How long a badge before the title may be (原创, 独家, 视频).
    title_badge: int = 4

    # ------------------------------------------------------------ 4b. region
    #: Score of a short line that is not prose (a link, a menu item).
    short_penalty: int = 20
    #: Score of a line a detector removed.
    chrome_penalty: int = 8
    #: Score of a feed heading (推荐阅读): articles rarely go on after one.
    feed_heading_penalty: int = 250
    #: Score of a comment-section line: one ends the article outright.
    comments_penalty: int = 1_000_000
    #: How far above the body the headline may stand (lines, blanks included).
    header_reach: int = 40
    #: How many lines at the top of the best run may still be header.
    header_lines: int = 6
    #: Prose (characters) above an editor's line for it to close the article.
    article_min: int = 200
    #: Most headline lines a page may open with (an e-paper kicker, headlines).
    headline_block_max: int = 40
    #: How many kept lines above the date line (or the body) the title may be.
    title_reach: int = 4
    #: How far below the body metadata lines are still read.
    footer_reach: int = 12
    #: A date line opens the article when its body starts within this many lines.
    anchor_reach: int = 30
    #: The least an anchored run must score to be taken over the page's best run.
    anchored_min: int = 60
    #: Text dumps (step 3b): how many rows must start a cell at the same
    #: display column for it to be a column of the page's layout.
    column_rows: int = 8
    #: How many marks of running text (，。；！？、) the article's column
    #: holds at least (and twice any other column's).
    column_prose: int = 10
    #: How long (characters) the article column's pieces are, the median.
    column_piece: int = 12

    def __post_init__(self) -> None:
        """A value of the wrong type or out of range is an error here, not a
        silent wrong answer later (``ask_resiliparse="no"`` would be true,
        ``block_chars=0`` would give empty bodies)."""
        for option in fields(self):
            value = getattr(self, option.name)
            if option.type == "bool":
                if not isinstance(value, bool):
                    raise TypeError(f"Options.{option.name} must be True or False, not {value!r}")
            elif option.type == "int":
                if not isinstance(value, int) or isinstance(value, bool):
                    raise TypeError(f"Options.{option.name} must be an int, not {value!r}")
                least = 1 if option.name in _AT_LEAST_ONE else 0
                if value < least:
                    raise ValueError(f"Options.{option.name} must be {least} or more, not {value!r}")
            elif option.type == "float":
                if not isinstance(value, (int, float)) or isinstance(value, bool):
                    raise TypeError(f"Options.{option.name} must be a number, not {value!r}")
                if not 0.0 <= value <= 1.0:
                    raise ValueError(f"Options.{option.name} is a share: from 0 to 1, not {value!r}")
            elif not isinstance(value, RuleSet):
                raise TypeError(f"Options.{option.name} must be a RuleSet (RuleSet.from_file(...)), not {value!r}")


#: Sizes that cannot be 0 (the text would be cut to nothing).
_AT_LEAST_ONE = frozenset({"block_chars", "max_markup_chars"})


#: The options of a call that gives none.
DEFAULT = Options()


def given(options: object) -> Options:
    """``options`` as a call got them: :data:`DEFAULT` for None, a
    ``TypeError`` naming anything that is no :class:`Options`."""
    if options is None:
        return DEFAULT
    if not isinstance(options, Options):
        raise TypeError(f"options must be an Options or None, not {type(options).__name__}")
    return options
