"""Room for every name: actors moved until no label covers another label or actor, and no
tie runs through another actor's label or mark.

A force layout places actors as points; the page then writes each actor's name
under its mark, 15 px high and as wide as the text. This module knows those
boxes as vis-network draws them (text measured with the font's own advance
widths, the label's offset below the mark) and the ties' shapes (the page's
curves for parallel ties), and moves actors, as little as it can, until

- no two actors' boxes (mark and label) overlap,
- no tie passes through the mark or the label of an actor it does not join.

A tie may still leave its own actor through that actor's name: keeping every
tie out of the cone below its actor flattens the whole graph into a line, so
the page instead draws names on a backdrop the tie passes behind, and
:func:`clashes` counts these apart (``own``).

Each round clears every clash it finds by the smallest move that does it
(Gauss-Seidel: each move sees the ones before); when rounds stop helping, the
free actors are spread a little, which in the end clears any clash not held by
pinned actors. Once clear, the whole is drawn in again while a few rounds keep
it clear, so the graph stays as compact as its names allow.
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

LABEL_PX = 15
"""Actor labels' font size on the page, in canvas units (vis-network's ``nodes.font.size``)."""
LABEL_BELOW = 0.5 * LABEL_PX + 4
"""Gap between a mark's edge and its label's top: vis-network sets a 'hanging' label half
its size plus 4 below the mark."""
PAD = 4.0
"""Clearance kept around every label box: the text's halo (1.5 px) and some air."""
MARK_PAD = 2.0
"""Clearance kept around every mark, so that no tie grazes an actor it does not join."""
CURVE_STEPS = 12
"""Straight pieces a curved tie is checked as."""
TIE_SHARE = 0.3
"""Of a move clearing a tie from an actor, the part the tie's ends take."""
INSIDE_SHAPES = frozenset({"ellipse"})
"""Shapes that hold their label inside (vis-network sizes them to the text)."""


def actor_size(rank: float) -> float:
    """An actor's mark radius on the page, from its influence rank (0..1)."""
    return round(12 + 22 * rank, 1)


@lru_cache(maxsize=1)
def _font() -> Any:
    """DejaVu Sans, as matplotlib ships it: the face Chromium draws ``sans-serif`` with on
    Linux, and wider than Arial or Helvetica, so a name that fits here fits there."""
    from PIL import ImageFont

    spec = importlib.util.find_spec("matplotlib")  # its data, without importing it
    folders = spec.submodule_search_locations if spec else None
    for folder in folders or ():
        path = Path(folder) / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        if path.is_file():
            return ImageFont.truetype(str(path), LABEL_PX)
    return None  # pragma: no cover - matplotlib is a dependency


LONGEST = 120
"""Characters of a name given room: a longer one (a pasted paragraph, a megabyte) would
push every other actor off the page."""


def text_width(text: str) -> float:
    """Width of ``text`` (its first :data:`LONGEST` characters) at the page's label size,
    in canvas units."""
    text = text[:LONGEST]
    font = _font()
    if font is None:  # pragma: no cover
        return 0.62 * LABEL_PX * len(text)
    return float(font.getlength(text))


@dataclass(frozen=True)
class Footprint:
    """An actor's mark and label boxes, relative to its centre: (left, top, right, bottom)."""

    mark: tuple[float, float, float, float]
    label: tuple[float, float, float, float] | None  # None: the label is the mark (ellipse)


def footprint(name: str, shape: str, size: float) -> Footprint:
    """Where vis-network draws an actor's mark and its name, around its centre (y down)."""
    width = text_width(name) if name else 0.0
    if shape in INSIDE_SHAPES:
        half = (width + LABEL_PX) / 2
        return Footprint((-half - PAD, -LABEL_PX - PAD, half + PAD, LABEL_PX + PAD), None)
    mark = (-size - MARK_PAD, -size - MARK_PAD, size + MARK_PAD, size + MARK_PAD)
    if not name:
        return Footprint(mark, None)
    top = size + LABEL_BELOW
    return Footprint(mark, (-width / 2 - PAD, top - PAD, width / 2 + PAD, top + LABEL_PX + PAD))


@dataclass(frozen=True)
class Tie:
    """A tie as the page draws it: from, to, and its curve (0 straight; else roundness with
    the sign of its turn, clockwise positive)."""

    source: int
    target: int
    bend: float = 0.0


CURVE = {"first": 0.15, "step": 0.15}
"""Roundness of parallel ties on the page: the second of a pair curves by ``first``, and each
further pair of them by ``step`` more (the page receives this as data)."""


def page_curve(nth: int) -> float:
    """The page's curve for the ``nth`` tie of a pair (0: straight; then either side)."""
    if not nth:
        return 0.0
    return (CURVE["first"] + CURVE["step"] * (nth // 2)) * (1 if nth % 2 else -1)


def _polylines(points: Any, ties: Sequence[Tie]) -> tuple[Any, Any]:
    """Every tie as straight pieces (x1, y1, x2, y2) and the tie each piece belongs to.

    Curves follow vis-network 9.1's ``curvedCW``/``curvedCCW``: a quadratic Bézier
    through a point turned off the chord by the roundness.
    """
    import numpy as np

    ends = np.array([(t.source, t.target) for t in ties], dtype=int).reshape(-1, 2)
    bend = np.array([t.bend for t in ties], dtype=float)
    start, end = points[ends[:, 0]], points[ends[:, 1]]
    straight = np.nonzero(bend == 0)[0]
    curved = np.nonzero(bend != 0)[0]
    r = np.abs(bend[curved])
    a, b = start[curved], end[curved]
    dx, dy = b[:, 0] - a[:, 0], a[:, 1] - b[:, 1]
    length = np.hypot(dx, dy)
    turn = np.where(bend[curved] > 0, 0.5 * r + 0.5, -0.5 * r + 0.5)
    angle = (np.arctan2(dy, dx) + turn * np.pi) % (2 * np.pi)
    reach = (0.5 * r + 0.5) * length
    via = np.stack([a[:, 0] + reach * np.sin(angle), a[:, 1] + reach * np.cos(angle)], axis=1)
    t = np.linspace(0.0, 1.0, CURVE_STEPS + 1)[None, :, None]
    curve = (1 - t) ** 2 * a[:, None] + 2 * t * (1 - t) * via[:, None] + t**2 * b[:, None]
    pieces = np.concatenate(
        [
            np.concatenate([start[straight], end[straight]], axis=1),
            np.concatenate([curve[:, :-1], curve[:, 1:]], axis=2).reshape(-1, 4),
        ]
    )
    owner = np.concatenate([straight, np.repeat(curved, CURVE_STEPS)])
    order = np.argsort(owner, kind="stable")
    return pieces[order], owner[order]


def _crossing(pieces: Any, boxes: Any) -> tuple[Any, Any]:
    """(box, piece) index pairs where the piece passes through the box: pairs whose
    bounds meet, then Liang-Barsky on those."""
    import numpy as np

    low_x = np.minimum(pieces[:, 0], pieces[:, 2])
    high_x = np.maximum(pieces[:, 0], pieces[:, 2])
    low_y = np.minimum(pieces[:, 1], pieces[:, 3])
    high_y = np.maximum(pieces[:, 1], pieces[:, 3])
    box, piece = np.nonzero(
        (boxes[:, None, 0] < high_x[None])
        & (low_x[None] < boxes[:, None, 2])
        & (boxes[:, None, 1] < high_y[None])
        & (low_y[None] < boxes[:, None, 3])
    )
    x1, y1, x2, y2 = pieces[piece].T
    left, top, right, bottom = boxes[box].T
    dx, dy = x2 - x1, y2 - y1
    low, high = np.zeros(len(box)), np.ones(len(box))
    inside = np.ones(len(box), dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-dx, x1 - left), (dx, right - x1), (-dy, y1 - top), (dy, bottom - y1)):
            flat = p == 0
            inside &= ~(flat & (q < 0))
            ratio = np.where(flat, 0.0, q / np.where(flat, 1.0, p))
            low = np.where(~flat & (p < 0), np.maximum(low, ratio), low)
            high = np.where(~flat & (p > 0), np.minimum(high, ratio), high)
    keep = inside & (low < high)
    return box[keep], piece[keep]


@dataclass(frozen=True)
class Clashes:
    """What still reads badly: label or mark boxes overlapping, ties through marks or labels."""

    overlaps: list[tuple[int, int]]
    crossings: list[tuple[int, int]]  # (tie, actor): the tie runs through the actor's label/mark
    own: list[tuple[int, int]]  # (tie, actor): a tie through its own actor's label

    @property
    def total(self) -> int:
        return len(self.overlaps) + len(self.crossings) + len(self.own)


class _Scene:
    """Boxes and tie pieces of one arrangement, and the clashes among them."""

    def __init__(
        self, points: Any, prints: Sequence[Footprint], ties: Sequence[Tie], slack: float = 0.0
    ) -> None:
        import numpy as np

        boxes, owners, is_label = [], [], []
        for i, fp in enumerate(prints):
            for box, label in ((fp.mark, fp.label is None), (fp.label, True)):
                if box is None:
                    continue
                boxes.append(box)
                owners.append(i)
                is_label.append(label)
        self.rel = np.array(boxes, dtype=float).reshape(-1, 4) + [slack, slack, -slack, -slack]
        self.owner = np.array(owners, dtype=int)
        self.is_label = np.array(is_label, dtype=bool)
        self.inside = np.array([fp.label is None for fp in prints], dtype=bool)
        self.boxes_of = [np.nonzero(self.owner == i)[0] for i in range(len(prints))]
        self.ties = ties
        self.ends = np.array([(t.source, t.target) for t in ties], dtype=int).reshape(-1, 2)
        self.update(points)

    def update(self, points: Any) -> None:
        import numpy as np

        self.points = points
        self.boxes = self.rel + np.concatenate([points, points], axis=1)[self.owner]
        self.pieces, self.piece_tie = _polylines(points, self.ties)

    def overlaps(self) -> Any:
        """Pairs (box, box) of different actors that overlap, as index arrays."""
        import numpy as np

        b = self.boxes
        hit = (
            (b[:, None, 0] < b[None, :, 2])
            & (b[None, :, 0] < b[:, None, 2])
            & (b[:, None, 1] < b[None, :, 3])
            & (b[None, :, 1] < b[:, None, 3])
        )
        hit &= self.owner[:, None] < self.owner[None, :]
        return np.nonzero(hit)

    def crossings(self, own: bool = True) -> tuple[Any, Any]:
        """(box, piece) pairs where a tie runs through a box it may not cross.

        A tie may cross its own actors' marks (it starts inside them) and an ellipse's
        label (the label is the mark); every other crossing counts, a tie through its
        own actors' labels only when ``own``.
        """
        import numpy as np

        if not len(self.pieces):
            return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
        box, piece = _crossing(self.pieces, self.boxes)
        ends = self.ends[self.piece_tie[piece]]
        owner = self.owner[box]
        ends_at = (owner == ends[:, 0]) | (owner == ends[:, 1])
        # a tie starts inside its own actors' marks, and an ellipse's label is its mark
        keep = ~(ends_at & (~self.is_label[box] | self.inside[owner]))
        if not own:
            keep &= ~ends_at
        return box[keep], piece[keep]

    def clashes(self) -> Clashes:
        left, right = self.overlaps()
        pairs = sorted(
            {(int(self.owner[i]), int(self.owner[j])) for i, j in zip(left, right, strict=True)}
        )
        crossing, own = set(), set()
        for box, piece in zip(*self.crossings(), strict=True):
            tie, actor = int(self.piece_tie[piece]), int(self.owner[box])
            (own if actor in self.ends[tie] else crossing).add((tie, actor))
        return Clashes(pairs, sorted(crossing), sorted(own))


def clashes(
    points: Sequence[tuple[float, float]], prints: Sequence[Footprint], ties: Sequence[Tie]
) -> Clashes:
    """The overlaps and crossings of an arrangement, as the page would draw it.

    Boxes count a pixel inside their clearance, so that positions rounded to a tenth
    count as placed.
    """
    import numpy as np

    points = np.array(points, dtype=float).reshape(-1, 2)
    return _Scene(points, prints, ties, slack=1.0).clashes()


def make_room(
    points: Sequence[tuple[float, float]],
    prints: Sequence[Footprint],
    ties: Sequence[Tie],
    pinned: Sequence[bool],
    rounds: int = 300,
) -> tuple[list[tuple[float, float]], Clashes]:
    """Actors moved until nothing clashes (or ``rounds`` run out), and what still clashes.

    Each round finds every clash and clears them one after another, each by the
    smallest move (Gauss-Seidel: a move sees the moves before it); when rounds stop
    helping, the free actors are spread 5%. Once clear, the whole is drawn in again
    by steps while a few rounds still clear it, so that the picture stays as compact
    as its labels allow. Deterministic: the same input gives the same output.
    """
    import numpy as np

    start = np.array(points, dtype=float).reshape(-1, 2)
    scene = _Scene(start.copy(), prints, ties)
    free = ~np.array(pinned, dtype=bool)
    if not free.any() or not len(start):
        return [tuple(p) for p in start.tolist()], scene.clashes()  # type: ignore[misc]
    best, total = _settle(scene, free, rounds, spread=True)
    for _ in range(COMPACT_STEPS if total == 0 else 0):
        centre = best[free].mean(axis=0)
        tighter = best.copy()
        tighter[free] = centre + (tighter[free] - centre) * COMPACT_BY
        scene.update(tighter)
        found, left = _settle(scene, free, COMPACT_ROUNDS, spread=False)
        if left:
            break
        best = found
    scene.update(best)
    return [tuple(p) for p in best.tolist()], scene.clashes()  # type: ignore[misc]


COMPACT_STEPS = 12
COMPACT_BY = 0.95
COMPACT_ROUNDS = 40


def _settle(scene: _Scene, free: Any, rounds: int, spread: bool) -> tuple[Any, int]:
    """Rounds of clearing clashes; the arrangement with the fewest found, and their count."""
    best, best_total, stuck, total, grown = scene.points.copy(), None, 0, 0, 1.0
    for round_ in range(rounds):
        points = scene.points.copy()
        total = _push_apart(scene, free, points) + _push_off_ties(scene, free, points)
        if best_total is None or total < best_total:
            best, best_total, stuck = scene.points.copy(), total, 0
        else:
            stuck += 1
        if total == 0:
            break
        # local moves are fighting: give everyone a little more room, sooner as rounds run out
        patience = SPREAD_AFTER if round_ < rounds // 2 else SPREAD_AFTER // 4
        if spread and stuck >= patience and grown < MOST_SPREAD:
            centre = points[free].mean(axis=0)
            points[free] = centre + (points[free] - centre) * 1.05
            stuck, best_total, grown = 0, None, grown * 1.05
        scene.update(points)
    if total:  # the last round may have cleared what the best one counted
        scene.update(best)
        left = scene.clashes()
        total = len(left.overlaps) + len(left.crossings)
    return best, total


SPREAD_AFTER = 40
"""Rounds without progress before the free actors are spread 5% apart."""
MOST_SPREAD = 1.6
"""How far spreading may grow a graph: a dense one (Les Misérables: 254 ties among 77
names) would need to grow without end to clear every tie off every name; it keeps the
few crossings left instead (counted by :func:`clashes`)."""


def _split(free: Any, a: int, b: int) -> tuple[float, float]:
    """How much of a separating move each side takes: half each, all of it when the other is
    pinned, none when both are."""
    fa, fb = float(free[a]), float(free[b])
    both = fa + fb
    return (fa / both, fb / both) if both else (0.0, 0.0)


def _push_apart(scene: _Scene, free: Any, points: Any) -> int:
    """Overlapping boxes: separate them along the axis where they overlap least."""
    left, right = scene.overlaps()
    rel, owner = scene.rel, scene.owner
    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        oa, ob = int(owner[i]), int(owner[j])
        a = rel[i] + [*points[oa], *points[oa]]
        b = rel[j] + [*points[ob], *points[ob]]
        over_x = min(a[2] - b[0], b[2] - a[0])
        over_y = min(a[3] - b[1], b[3] - a[1])
        if over_x <= 0 or over_y <= 0:
            continue  # cleared by an earlier move this round
        share_a, share_b = _split(free, oa, ob)
        if over_x <= over_y:
            side = 1.0 if (b[0] + b[2]) >= (a[0] + a[2]) else -1.0
            points[oa, 0] -= side * (over_x + 0.5) * share_a
            points[ob, 0] += side * (over_x + 0.5) * share_b
        else:
            side = 1.0 if (b[1] + b[3]) >= (a[1] + a[3]) else -1.0
            points[oa, 1] -= side * (over_y + 0.5) * share_a
            points[ob, 1] += side * (over_y + 0.5) * share_b
    return len(left)


def _push_off_ties(scene: _Scene, free: Any, points: Any) -> int:
    """Ties through other actors: move the actor off the tie, and the tie a little the
    other way (all of it when the actor is pinned). Plain floats: numpy costs more than
    it saves on four corners at a time."""
    boxes, pieces = scene.crossings(own=False)
    seen: set[tuple[int, int]] = set()
    rel, piece_tie, ends_of = scene.rel.tolist(), scene.piece_tie.tolist(), scene.ends.tolist()
    old, where_piece = scene.points.tolist(), scene.pieces.tolist()
    for box, piece in zip(boxes.tolist(), pieces.tolist(), strict=True):
        a, b = ends_of[piece_tie[piece]]
        actor = int(scene.owner[box])
        # an actor's mark and label leave a tie together, to the same side
        if (actor, piece) in seen:
            continue
        seen.add((actor, piece))
        # the piece where it stands now: carried along by its ends' moves this round
        pa, pb = points[a].tolist(), points[b].tolist()
        carry_x = (pa[0] - old[a][0] + pb[0] - old[b][0]) / 2
        carry_y = (pa[1] - old[a][1] + pb[1] - old[b][1]) / 2
        x1, y1, x2, y2 = where_piece[piece]
        x1, y1, x2, y2 = x1 + carry_x, y1 + carry_y, x2 + carry_x, y2 + carry_y
        nx, ny = y1 - y2, x2 - x1
        norm = math.hypot(nx, ny) or 1e-9
        nx, ny = nx / norm, ny / norm
        cx, cy = points[actor].tolist()
        reach = [
            (cx + left_right - x1) * nx + (cy + top_bottom - y1) * ny
            for n in scene.boxes_of[actor].tolist()
            for left_right in (rel[n][0], rel[n][2])
            for top_bottom in (rel[n][1], rel[n][3])
        ]
        low, high = min(reach), max(reach)
        if low >= 0 or high <= 0:
            continue
        by = -low + 0.5 if -low < high else -high - 0.5
        ends = [end for end in (a, b) if free[end]]
        box_part = (1.0 - TIE_SHARE if ends else 1.0) if free[actor] else 0.0
        points[actor] += (nx * by * box_part, ny * by * box_part)
        for end in ends:
            points[end] -= (nx * by * (1.0 - box_part), ny * by * (1.0 - box_part))
    return len(boxes)
