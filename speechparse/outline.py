"""Stage: a speech's paragraphs -> preamble, section tree and closing, with numbering warnings.

Levels come from the order in which marker families appear, the way a reader nests them: a
marker of a family already open on the path is a sibling there (its run continues, or restarts
at 1 after a transition); a new family goes one level deeper, unless it conventionally outranks
the families it would sit under (`一、` after a run of `一是` at the top), in which case those
are closed first — but not a point whose run goes on after it (`再次，…（一）（二）… 最后，…`)
nor a heading with nothing under it yet, unless what comes is `一、` or above (`首先，…` in the
opening, `一、…`, and `最后，…` near the end: `一、` stays at the top). A child run may also
continue its numbering from the previous parent's run. A transition paragraph after the last
point of a run (`同志们，…我再强调三点：`) ends the runs that are over: the run after it goes
where it stands (`scope.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .facts import Facts
from .issue import Issue
from .lazy import lazy_regex
from .markers import Marker, heading_span
from .quotes import unquote
from .roles import is_title_like
from .runs import Para, attach_items, follows, promote, scan, style_neighbours, validate
from .scope import addressed, closed_depth, kept_below
from .textmap import Mapped
from .transitions import ADDRESS

CLOSING_CUE = lazy_regex(
    r"^(?:同志[们們]|各位[^，,。：:]{0,16}[，,、!！]|[总總]之|[总總]而言之|[让讓]我[们們]"
    r"|[谢謝][谢謝]|最[后後][，,]\s*(?:[让讓祝]|[预預]祝)|以上|我就[讲講][这這]些)"
)
# The issuer's name signing a document at its foot.
ISSUER = lazy_regex(
    r"^[^，,。：:；;！？]{2,30}(?:政府|办公室|辦公室|办公厅|辦公廳|委员会|委員會|党委|黨委|党组|黨組|"
    r"人大常委会|人大常委會|政协|政協|局|厅|廳|院|中心|协会|協會|公司|领导小组|領導小組|指挥部|指揮部)$"
)
MAX_DEPTH = 12
TOP_RANK = 2  # `一、` and above: never kept inside a spoken point by the two rules below
CLOSING_OTHERS_MAX = 1  # prose paragraphs with no cue a closing may hold (`总之，…` and one)
FULL_PUNCT = frozenset("（）．，：")
HALF_PUNCT = frozenset("().,:")


@dataclass(slots=True)
class Node:
    marker: Marker
    ordinal: int
    level: int
    heading: tuple[int, int]
    paras: list[Para] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    last_child: dict[str, Node] = field(default_factory=dict)  # by marker style


@dataclass(slots=True)
class Outline:
    preamble: list[Para]
    sections: list[Node]
    closing: list[Para]
    issues: list[Issue]
    markers: int = 0  # candidates for a number met (what `limits.MAX_MARKERS` counts)
    # why each transition paragraph ended the scope or not: (its source span, the reason)
    transitions: list[tuple[tuple[int, int], str]] = field(default_factory=list)


def _marker_span(para: Para, m: Marker) -> tuple[int, int]:
    return para.text.src_span(m.start, m.end)


class _Builder:
    def __init__(self, goes_on: frozenset[int] = frozenset()) -> None:
        self.goes_on = goes_on  # ids of the lead markers whose run goes on further down
        self.preamble: list[Para] = []
        self.roots: list[Node] = []
        self.last_root: dict[str, Node] = {}
        self.stack: list[Node] = []
        self.issues: list[Issue] = []
        # the last ordinal seen for a family at a depth: runs continued across parents
        self.last_at: dict[tuple[str, int], tuple[int, str]] = {}
        self.depths: dict[str, set[int]] = {}  # the depths each family stood at so far
        # a transition waiting for the next run: its span, the depth it ends the scope at, kind
        self.pending: tuple[tuple[int, int], int, str, str] | None = None
        self.transitions: list[tuple[tuple[int, int], str]] = []
        self.addressed = False  # the terms of address on a line of their own since the last run

    def add_all(self, paras: list[Para]) -> int:
        """Add the paragraphs in order, their inline runs made items; returns the candidates
        for a number met (the inline ones and the leads)."""
        carry = None
        met = 0
        stack = self.stack  # (only ever changed in place)
        for para in paras:
            if para.inline:
                carry = attach_items(para, None if para.lead else carry)
                met += len(para.inline)
            else:
                carry = None  # (what `attach_items` answers for a paragraph with no inline point)
            if para.lead is not None:
                met += 1
                self.add(para)
            elif stack:
                # most paragraphs: prose, added here with no call. The kind of transition it is
                # (`transitions.py`): its line record's (a paragraph split by `promote` has
                # none: it gets its own); most paragraphs are none
                record = para.record
                kind = (record if record is not None else Facts(para.text.text)).transition
                if kind is not None:
                    self._read_transition(para, kind)
                stack[-1].paras.append(para)
            else:
                self.preamble.append(para)
        return met

    def add(self, para: Para) -> None:
        """Add a paragraph that opens with a point (`para.lead`)."""
        m = para.lead
        assert m is not None
        if self.pending is not None:
            self._end_scope(m)
        self.addressed = False
        depth = self._place(m)
        self.depths.setdefault(m.kind, set()).add(depth)
        ordinal = self._number(para, m, depth)
        if m.weak and m.marker[-1] in "，,":
            self._issue(para, m, "marker-form", f"{m.marker} has a comma where 、 is meant")
        node = Node(m, ordinal, depth + 1, heading_span(para.text.text, m.end), [para])
        if depth >= MAX_DEPTH:
            self.issues.append(
                Issue(
                    "depth-capped",
                    f"{m.marker}: nesting deeper than "
                    f"{MAX_DEPTH} levels is kept at level {MAX_DEPTH}",
                    _marker_span(para, m),
                )
            )
            depth = MAX_DEPTH - 1
            node.level = MAX_DEPTH
            del self.stack[depth:]
        (self.stack[-1].children if self.stack else self.roots).append(node)
        (self.stack[-1].last_child if self.stack else self.last_root)[m.style] = node
        self.stack.append(node)

    def _read_transition(self, para: Para, kind: str) -> None:
        """A transition paragraph of `kind`: the depth the next run goes to at the deepest (the
        last transition before a run decides)."""
        if kind == ADDRESS:
            self.addressed = True
            return
        kind = addressed(kind, self.addressed)
        path = [node.marker for node in self.stack]
        depth, reason = closed_depth(kind, path, _bare(self.stack[-1]), self.goes_on)
        span = para.text.span
        self.pending = (span, depth, kind, reason) if depth is not None else None
        if depth is None:
            self.transitions.append((span, reason))

    def _end_scope(self, m: Marker) -> None:
        """The run after a transition goes where the transition stands."""
        assert self.pending is not None
        span, depth, kind, reason = self.pending
        self.pending = None
        if kept_below(kind, depth, self.depths.get(m.kind, ())):
            self.transitions.append((span, f"{kind}: {m.marker} stood only deeper so far"))
            return
        self.transitions.append((span, reason))
        del self.stack[depth:]

    def _place(self, m: Marker) -> int:
        """The depth (0 = top) the marker goes to; trims the stack to its parent."""
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].marker.style == m.style:
                del self.stack[i:]
                return i
        while (
            self.stack
            and self.stack[-1].marker.rank > m.rank
            and not (
                m.rank > TOP_RANK
                and (id(self.stack[-1].marker) in self.goes_on or _bare(self.stack[-1]))
            )
        ):
            self.stack.pop()
        return len(self.stack)

    def _number(self, para: Para, m: Marker, depth: int) -> int:
        key = (m.style, depth)
        previous = self.last_at.get(key)
        sibling = (self.stack[-1].last_child if self.stack else self.last_root).get(m.style)
        ordinal = m.ordinal
        if m.is_last_word:
            ordinal = (sibling.ordinal if sibling else previous[0] if previous else 0) + 1
        elif sibling is not None:
            self._check(para, m, sibling.ordinal, sibling.marker.marker)
        elif previous is not None and ordinal != 1:
            self._check(para, m, previous[0], previous[1])  # numbering across parents
        elif ordinal != 1:
            self._issue(para, m, "numbering-gap", f"{m.marker} opens a run that should start at 1")
        self.last_at[key] = (ordinal, m.marker)
        return ordinal

    def _check(self, para: Para, m: Marker, before: int, before_marker: str) -> None:
        if m.ordinal == before + 1 or m.ordinal == 1:
            widths = {_width(before_marker), _width(m.marker)}
            if m.ordinal == before + 1 and widths == {"full", "half"}:
                self._issue(
                    para,
                    m,
                    "mixed-width",
                    f"{m.marker} is written in another width than {before_marker}",
                )
            return
        if m.ordinal == before:
            self._issue(para, m, "numbering-repeat", f"{m.marker} repeats {before_marker}")
        else:
            self._issue(para, m, "numbering-gap", f"{m.marker} follows {before_marker}")

    def _issue(self, para: Para, m: Marker, code: str, message: str) -> None:
        self.issues.append(Issue(code, message, _marker_span(para, m)))


def _bare(node: Node) -> bool:
    """A heading with nothing under it yet (`再次，要突出重点` on a line of its own): what comes
    next is its content.

    >>> from .markers import lead_marker
    >>> from .runs import Para
    >>> def node(text):
    ...     m = lead_marker(text)
    ...     return Node(m, 1, 1, heading_span(text, m.end), [Para(Mapped.verbatim(text, 0), m)])
    >>> _bare(node("再次，要突出重点。")), _bare(node("三是乡村面貌改善。新建公路120公里。"))
    (True, False)
    """
    if len(node.paras) != 1:
        return False
    text = node.paras[0].text.text
    return len(text.rstrip("。．.：: \t\u3000")) <= node.heading[1]


def _width(marker: str) -> str:
    """`full` or `half` by the punctuation of a marker (`（一）` vs `(一)`), `` if it has none."""
    if not FULL_PUNCT.isdisjoint(marker):
        return "full"
    return "" if HALF_PUNCT.isdisjoint(marker) else "half"


def _split_closing(roots: list[Node], preamble: list[Para]) -> list[Para]:
    """Paragraphs after the last section that address the audience again close the speech: from
    the first such paragraph that at most one other paragraph of prose follows (`同志们，…` in the
    middle of the last section, with its points after it, is still that section's). A speech
    with no sections (a welcome address) closes the same way after its opening paragraphs."""
    if roots:
        last = roots[-1]
        while last.children:
            last = last.children[-1]
        body = last.paras
    else:
        body = preamble
    start = None
    prose_after = 0  # paragraphs of prose with no cue after the one looked at (from the end)
    for i in range(len(body) - 1, 0, -1):
        text = body[i].text.text
        if CLOSING_CUE.match(text):
            if prose_after <= CLOSING_OTHERS_MAX:
                start = i  # the earliest cue seen so far that few enough follow
        elif not is_title_like(text):  # (a page's next headlines are no such paragraph)
            prose_after += 1
            if prose_after > CLOSING_OTHERS_MAX:
                break
    if start is None:
        # a document signed at its foot (`某市人民政府办公室`, its date): the signature closes it
        start = len(body)
        while start > 1 and ISSUER.search(body[start - 1].text.text):
            start -= 1
        if start == len(body):
            return []
    closing = body[start:]
    del body[start:]
    return closing


def _runs_going_on(paras: list[Para]) -> frozenset[int]:
    """The lead markers whose run goes on at the next lead of their style (`再次` … `最后`): a
    family that outranks theirs and comes between them is inside them, not above them."""
    leads = [p.lead for p in paras if p.lead is not None]
    around = style_neighbours(leads)
    return frozenset(
        id(m) for m in leads if (after := around[id(m)][1]) is not None and follows(m, after)
    )


def _closing_point(roots: list[Node]) -> list[Para]:
    """A last point `最后，祝大家新年快乐！` that ends a run of points is the closing's wish, not
    a point: taken out of the tree (with nothing under it) and returned."""
    siblings = roots
    while siblings and siblings[-1].children:
        siblings = siblings[-1].children
    if not siblings:
        return []
    last = siblings[-1]
    if not last.marker.is_last_word or not CLOSING_CUE.match(last.paras[0].text.text):
        return []
    siblings.pop()
    last.paras[0].lead = None
    return last.paras


def build(
    texts: list[Mapped], most: int | None = None, records: Sequence[Facts] = ()
) -> Outline:
    """The outline of one speech's body paragraphs (`limits.Exceeded` past `most` markers;
    `records`: their line records, if made)."""
    paras = promote(scan(texts, most, records))
    validate(paras)
    unquote(paras)  # a numbered list quoted again inside a later point is its text
    builder = _Builder(_runs_going_on(paras))
    met = builder.add_all(paras)
    wish = _closing_point(builder.roots)
    met -= bool(wish)  # (the wish's lead was taken off: it is no longer a lead)
    closing = _split_closing(builder.roots, builder.preamble) + wish
    return Outline(
        builder.preamble, builder.roots, closing, builder.issues, met, builder.transitions
    )
