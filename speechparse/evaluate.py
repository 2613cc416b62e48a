"""Compare a parse with an annotated outline: section and item F1, parent accuracy, titles.

A section or item is identified by (family, ordinal, key): the family and number of its marker
and the first six Han characters or digits of its heading, pinyin annotations ignored. Gold
headings may be shortened, so a key matches when it starts with the gold key.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .clean import PINYIN
from .lazy import lazy_regex
from .markers import lead_marker
from .model import Document
from .outline_format import OutlineDoc, OutlineNode, read, write

KEY_LEN = 6
HAN_OR_DIGIT = lazy_regex(r"[\p{Han}0-9]")


def key_of(text: str) -> str:
    """Han characters and digits of a text, pinyin removed, full width folded.

    >>> key_of("深入協(xié)商議政,促進")
    '深入協商議政促進'
    """
    return "".join(HAN_OR_DIGIT.findall(unicodedata.normalize("NFKC", PINYIN.sub("", text))))


@dataclass
class _Entry:
    family: str
    ordinal: int | None
    key: str
    label: str
    parent: _Entry | None = None
    match: _Entry | None = None


def _entry(node: OutlineNode, parent: _Entry | None) -> _Entry:
    m = None
    for text in (node.marker + node.heading, f"{node.marker} {node.heading}", node.marker):
        m = lead_marker(text)  # `第一条 为了…`, `一 加强学习` need their space
        if m is not None:
            break
    family = node.kind or (m.kind if m is not None else "other")  # a pinned family first
    ordinal = m.ordinal if m is not None and not m.is_last_word else None
    rest = text[m.end :] if m is not None else node.heading
    return _Entry(family, ordinal, key_of(rest), f"{node.marker} {node.heading}", parent)


def _flatten(
    nodes: list[OutlineNode], parent: _Entry | None, out: list[_Entry], items: list[_Entry]
) -> None:
    for node in nodes:
        entry = _entry(node, parent)
        out.append(entry)
        items.extend(_entry(i, entry) for i in node.items)
        _flatten(node.children, entry, out, items)


def _same(gold: _Entry, pred: _Entry) -> bool:
    if gold.family != pred.family:
        return False
    if gold.ordinal is not None and pred.ordinal is not None and gold.ordinal != pred.ordinal:
        return False
    n = min(KEY_LEN, len(gold.key))
    return pred.key[:n] == gold.key[:n]


def _match(gold: list[_Entry], pred: list[_Entry]) -> int:
    """Greedy in document order; returns the number of matched gold entries."""
    used = [False] * len(pred)
    hits = start = 0
    for g in gold:
        for j in [*range(start, len(pred)), *range(0, start)]:
            if not used[j] and _same(g, pred[j]):
                used[j] = True
                g.match, pred[j].match = pred[j], g
                hits += 1
                start = j + 1
                break
    return hits


@dataclass
class Score:
    docs: int = 0
    speeches_ok: int = 0
    titles_gold: int = 0
    titles_ok: int = 0
    sec_gold: int = 0
    sec_pred: int = 0
    sec_hit: int = 0
    parent_ok: int = 0
    item_gold: int = 0
    item_pred: int = 0
    item_hit: int = 0
    meta_gold: int = 0
    meta_ok: int = 0
    differences: list[str] = field(default_factory=list)

    @staticmethod
    def _f1(hit: int, gold: int, pred: int) -> float:
        if gold == 0 and pred == 0:
            return 1.0
        p = hit / pred if pred else 0.0
        r = hit / gold if gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> dict[str, float]:
        return {
            "section_f1": round(self._f1(self.sec_hit, self.sec_gold, self.sec_pred), 4),
            "parent_acc": round(self.parent_ok / self.sec_gold, 4) if self.sec_gold else 1.0,
            "item_f1": round(self._f1(self.item_hit, self.item_gold, self.item_pred), 4),
            "speeches": round(self.speeches_ok / self.docs, 4) if self.docs else 1.0,
            "titles": round(self.titles_ok / self.titles_gold, 4) if self.titles_gold else 1.0,
            "meta": round(self.meta_ok / self.meta_gold, 4) if self.meta_gold else 1.0,
        }


def compare(
    gold: OutlineDoc, pred: OutlineDoc, score: Score | None = None, name: str = ""
) -> Score:
    """Add the comparison of one document to `score` (a new one if not given)."""
    score = score or Score()
    score.docs += 1
    score.speeches_ok += len(gold.speeches) == len(pred.speeches)
    for i, gs in enumerate(gold.speeches):
        if gs.title is None:
            continue
        score.titles_gold += 1
        got = pred.speeches[i].title if i < len(pred.speeches) else None
        if i < len(pred.speeches) and key_of(got or "") == key_of(gs.title):
            score.titles_ok += 1
        else:
            score.differences.append(f"{name}: title #{i + 1}: want {gs.title!r}, got {got!r}")
    _compare_meta(gold, pred, score, name)
    gsec: list[_Entry] = []
    psec: list[_Entry] = []
    for n, gs in enumerate(gold.speeches):
        g_items: list[_Entry] = [_entry(i, None) for i in gs.items]
        p_items: list[_Entry] = []
        _flatten(gs.sections, None, gsec, g_items)
        if n < len(pred.speeches):
            ps = pred.speeches[n]
            p_items = [_entry(i, None) for i in ps.items]
            _flatten(ps.sections, None, psec, p_items)
        score.item_gold += len(g_items)
        score.item_pred += len(p_items)
        score.item_hit += _match(g_items, p_items)
        score.differences += [f"{name}: missed item {g.label}" for g in g_items if g.match is None]
        score.differences += [f"{name}: extra item {p.label}" for p in p_items if p.match is None]
    for ps in pred.speeches[len(gold.speeches) :]:
        extra: list[_Entry] = [_entry(i, None) for i in ps.items]
        _flatten(ps.sections, None, psec, extra)
        score.item_pred += len(extra)
    score.sec_gold += len(gsec)
    score.sec_pred += len(psec)
    score.sec_hit += _match(gsec, psec)
    for g in gsec:
        if g.match is None:
            score.differences.append(f"{name}: missed section {g.label}")
        elif (g.parent is None and g.match.parent is None) or (
            g.parent is not None and g.parent.match is not None and g.parent.match is g.match.parent
        ):
            score.parent_ok += 1
        else:
            want = g.parent.label if g.parent else "(top level)"
            got_parent = g.match.parent.label if g.match.parent else "(top level)"
            score.differences.append(f"{name}: {g.label} hangs under {got_parent}, want {want}")
    score.differences += [f"{name}: extra section {p.label}" for p in psec if p.match is None]
    return score


def _compare_meta(gold: OutlineDoc, pred: OutlineDoc, score: Score, name: str) -> None:
    """Metadata lines of the gold outline (a gold file states only what is sure)."""
    pairs: list[tuple[str, str, str | None]] = [
        (f"document {k}", v, pred.meta.get(k)) for k, v in gold.meta.items()
    ]
    for i, gs in enumerate(gold.speeches):
        found = pred.speeches[i].meta if i < len(pred.speeches) else {}
        pairs += [(f"speech #{i + 1} {k}", v, found.get(k)) for k, v in gs.meta.items()]
    for label, want, got in pairs:
        score.meta_gold += 1
        if label.endswith("published"):
            ok = got is not None and got[:10] == want[:10]
        else:
            # an empty value in the gold says the text states none: nothing must be found
            ok = key_of(got or "") == key_of(want) and (
                bool(key_of(want)) or (got or "").strip() == want.strip()
            )
        score.meta_ok += ok
        if not ok:
            score.differences.append(f"{name}: {label}: want {want!r}, got {got!r}")


def compare_document(
    gold_text: str, doc: Document, score: Score | None = None, name: str = ""
) -> Score:
    """Compare a parsed document with the text of its annotated outline."""
    return compare(read(gold_text, name or "<gold>"), read(write(doc, kinds=True)), score, name)


@dataclass
class DirScore:
    score: Score
    rows: list[tuple[str, dict[str, float]]]  # per document
    missing: list[str]  # gold files with no text, or texts that failed to parse


def evaluate_dirs(gold_dir: Path, text_dir: Path, encoding: str | None = None) -> DirScore:
    """Parse `TEXT_DIR/NAME.*` for every `GOLD_DIR/NAME.outline` and compare."""
    from .errors import SpeechparseError
    from .pipeline import parse_file

    total = Score()
    result = DirScore(total, [], [])
    for gold_path in sorted(gold_dir.glob("*.outline")):
        name = gold_path.stem
        texts = sorted(p for p in text_dir.glob(f"{name}.*") if p.suffix != ".outline")
        if not texts:
            result.missing.append(f"{name}: no text named {name}.* in {text_dir}")
            continue
        gold = _read_gold(gold_path)
        try:
            doc = parse_file(texts[0], encoding=encoding)
        except SpeechparseError as exc:
            result.missing.append(str(exc))
            doc = None
        one = Score()
        if doc is not None:
            compare_document(gold, doc, one, name)
        else:
            compare(read(gold, name), OutlineDoc(), one, name)
        for key, value in vars(one).items():
            if key == "differences":
                total.differences.extend(value)
            else:
                setattr(total, key, getattr(total, key) + value)
        result.rows.append((name, one.figures()))
    return result


def _read_gold(path: Path) -> str:
    """An annotated outline's text (UTF-8); `InputError` naming it when it cannot be read."""
    from .errors import InputError

    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        problem = f"is not UTF-8 (byte 0x{exc.object[exc.start]:02x} at {exc.start})"
        raise InputError(str(path), problem) from None
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from None
