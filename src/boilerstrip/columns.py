"""Step 3b (text only): the columns a text dump laid beside the article.

A text browser renders a page laid out in table columns side by side, each
padded to its column, so a sidebar's links interleave with the article's
lines (w3m; the columns start at display columns 0 and 108):

    ，1976年加入中国共产党，历任黑龙江省勃利县农机修造厂技术科长、…          联合体
    限责任公司党总支书记、总经理、总工程师等职务，2001年起任现职。…
    会优秀工作者、省优秀青年企业家、青年科技新星、优秀质量管理者、…          人事任免

When enough rows of the page break at the same display columns and one of
the columns holds the prose, every piece that lies in another column of a
row between the first and the last such row is cut (``side_column``): a
row made of other columns only is removed whole, a row that also holds the
article keeps the article's piece. Rows wider than a column (a heading over
the whole page) are left as they are, and so is any page where no column
clearly holds the prose (a table of figures inside an article).
"""
from __future__ import annotations

import re
from collections import Counter

from .lines import BLANK, Line, Page, cells, has_cells
from .options import Options
from .text import display_width

#: The detector name of the pieces cut.
SIDE_COLUMN = "side_column"

# Punctuation of running text, counted per column to find the article's.
_PROSE_MARKS = re.compile("[，。；！？、]")


def cut_side_columns(page: Page, options: Options) -> Page:
    """``page`` with the pieces of its side columns cut (see the module)."""
    # Rows of several cells (most pages have too few to be laid out so).
    split = [(number, raw) for number, raw in page.spaced if has_cells(raw)]
    if len(split) < options.column_rows:
        return page
    rows = {number: cells(raw) for number, raw in split}
    bounds = _boundaries(rows, options.column_rows)
    if not bounds:
        return page
    indented = {number: len(raw) - len(raw.lstrip()) for number, raw in page.spaced if number not in rows}
    # line number -> its cells (display column, end column, text) still in
    # the article: the rows of several cells now, the others when asked.
    layout = {number: list(row) for number, row in rows.items()}
    first_number = page.lines[0].number

    def row_of(number: int) -> list | None:
        """The line's cells: kept in ``layout`` only once a cut changes them."""
        row = layout.get(number)
        if row is None:
            line = page.lines[number - first_number]
            if line.role == BLANK:
                return None
            start = indented.get(number, 0)
            row = [(start, start + display_width(line.text), line.text)]
        return row

    cut: dict[int, list[str]] = {}
    for bound in bounds:
        _split_at(bound, layout, row_of, cut, options)
    if not cut:
        return page
    out = []
    for line in page.lines:
        pieces = cut.get(line.number)
        if not pieces:
            out.append(line)
            continue
        kept = " ".join(text for _, _, text in layout[line.number])
        if kept:
            cuts = line.cuts + tuple((piece, SIDE_COLUMN) for piece in pieces)
            out.append(Line(line.number, kept, line.role, line.detector, cuts, line.joins_previous, line.fields))
        else:
            out.append(line.removed(SIDE_COLUMN))
    return page.with_lines(out)


def _boundaries(rows: dict, least: int) -> list[int]:
    """The display columns at which at least ``least`` rows start a cell
    after another cell (a column start), neighbours within two merged; the
    most used first."""
    starts = Counter(cell[0] for row in rows.values() for cell in row[1:])
    bounds: list[tuple[int, int]] = []
    for column, count in sorted(starts.items()):
        near = sum(starts[c] for c in range(column - 2, column + 3))
        if count >= least // 2 and near >= least and (not bounds or column - bounds[-1][1] > 2):
            bounds.append((near, column))
    return [column for _, column in sorted(bounds, key=lambda b: -b[0])[:_MOST_BOUNDS]]


# A page is laid out in a few columns; more starts are a table's.
_MOST_BOUNDS = 4


def _split_at(bound: int, layout: dict, row_of, cut: dict, options: Options) -> None:
    """Cut the cells on the side of the column start ``bound`` that is not
    the article's, from the rows between the first and the last row that
    has cells on both sides (``layout`` and ``cut`` are this step's own;
    ``row_of(number)`` is a line's cells)."""
    split = sorted(number for number, row in layout.items() if len(row) > 1 and _sides(row, bound) not in (None, 0, len(row)))
    if len(split) < options.column_rows:
        return
    first, last = split[0], split[-1]
    sides: dict[int, list[bool]] = {}  # line number -> each cell right of bound?
    prose = [0, 0]
    pieces = [[], []]
    for number in range(first, last + 1):
        row = row_of(number)
        if row is None or _sides(row, bound) is None:
            continue  # blank, or a cell across the column start: a row the layout does not split
        sides[number] = right = [start >= bound - 1 for start, _, _ in row]
        for (_, _, text), side in zip(row, right):
            prose[side] += len(_PROSE_MARKS.findall(text))
            pieces[side].append(len(text))
    main = 1 if prose[1] > prose[0] else 0
    lengths = sorted(pieces[main])
    if prose[main] < options.column_prose or prose[main] < 2 * prose[1 - main] or lengths[len(lengths) // 2] < options.column_piece:
        return  # no column clearly holds the prose
    for number, right in sides.items():
        if any(side != main for side in right):
            row = row_of(number)
            cut.setdefault(number, []).extend(text for (_, _, text), side in zip(row, right) if side != main)
            layout[number] = [cell for cell, side in zip(row, right) if side == main]


def _sides(row, bound: int) -> int | None:
    """How many cells of ``row`` lie right of the column start ``bound``;
    None when a cell runs across it."""
    right = 0
    for start, end, _ in row:
        if start < bound - 1 < end - 1:
            return None
        right += start >= bound - 1
    return right
