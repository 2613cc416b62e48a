"""This checkout against another commit, side by side on real texts.

    python3 bench/compare.py REF [--corpus ../shared/corpus] [--samples ../shared/seeds]
                                 [--stress bench/corpus] [--rounds 5]

REF (a commit, branch or tag) is checked out in a git worktree under /tmp
(/tmp/speechparse-ref-SHA, made if absent). Each round starts one process per checkout (and one
for arborparser, when it is importable), in turn and in an order that rotates from round to
round, so that a slow spell of the machine falls on every side; each process imports its
checkout's speechparse (its own folder first on sys.path), parses every file once untimed (so
that no first use of a pattern or cache falls in the timing), then times each file once with
`time.perf_counter` and returns the per-file seconds as JSON.

The files are read and decoded once, here, with this checkout's decoder, and every side gets
the same texts: text files (.txt .md .gb18030 .big5) are timed through `parse_text`; web pages
(.html .htm) through `parse_bytes` on the page's bytes (reading the page included), as a group
of their own. A file's time is its best over the rounds; for each group and side the report
gives the median over the files, in ms, and MB/s: the UTF-8 size of the decoded texts over the
sum of the files' times. The speed-up is REF's median over ours. The stress corpus made by
`bench/make_corpus.py` is a group of its own, with `--stress DIR`.

arborparser (PyPI; not a dependency of speechparse), when importable, is timed on the same
text files with its Chinese chapter preset (`CHINESE_CHAPTER_PATTERN_BUILDER`: `第X章`, `一节`…)
parsing each text to a chain and building its tree: a heading matcher, with no paragraphs,
items, speeches or output models, as the baseline of what such a scan costs.
"""

from __future__ import annotations

import argparse
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = (".txt", ".md", ".gb18030", ".big5")
PAGE_SUFFIXES = (".html", ".htm")
ARBOR = "arborparser"

CHILD = r"""
import json, pickle, sys, time
root, data, mode = sys.argv[1:4]
sys.path.insert(0, root)
with open(data, "rb") as fh:
    files = pickle.load(fh)
if mode == "arborparser":
    from arborparser import CHINESE_CHAPTER_PATTERN_BUILDER, ChainParser, TreeBuilder
    from arborparser import AutoPruneStrategy
    parser = ChainParser([CHINESE_CHAPTER_PATTERN_BUILDER.build()])
    builder = TreeBuilder(strategy=AutoPruneStrategy())
    where = sys.modules["arborparser"].__file__

    def one(name, kind, payload):
        builder.build_tree(parser.parse_to_chain(payload))
else:
    import speechparse
    where = speechparse.__file__

    def one(name, kind, payload):
        if kind == "text":
            speechparse.parse_text(payload)
        else:
            speechparse.parse_bytes(payload, path=name)

failed = set()
for n, (name, kind, payload) in enumerate(files):  # once untimed
    try:
        one(name, kind, payload)
    except Exception:
        failed.add(n)
times = []
for n, (name, kind, payload) in enumerate(files):
    if n in failed:
        times.append(None)
        continue
    start = time.perf_counter()
    one(name, kind, payload)
    times.append(time.perf_counter() - start)
print(json.dumps({"module": where, "times": times}))
"""


@dataclass(frozen=True)
class File:
    group: str
    name: str
    kind: str  # "text": parse_text on `payload`, a str; "page": parse_bytes on it, bytes
    payload: str | bytes
    size: int  # UTF-8 bytes of the decoded text


@dataclass(frozen=True)
class Stats:
    files: int
    mb: float
    median_ms: float
    mb_per_s: float


def best_of(rounds: list[list[float | None]]) -> list[float | None]:
    """Each file's best time over the rounds (None: it failed in a round).

    >>> best_of([[0.3, 0.2, None], [0.1, 0.4, 0.5]])
    [0.1, 0.2, None]
    """
    return [
        None if None in times else min(t for t in times if t is not None)
        for times in zip(*rounds, strict=True)
    ]


def stats(times: list[float], sizes: list[int]) -> Stats:
    """The median of the files' times (ms), and MB (10^6 bytes) over the sum of the times."""
    mb = sum(sizes) / 1e6
    return Stats(len(times), mb, statistics.median(times) * 1000, mb / sum(times))


def report(
    groups: dict[str, dict[str, Stats]], ref: str, arbor: dict[str, Stats] | None = None
) -> str:
    """The table: for each group, each side's median ms and MB/s, and REF's median over ours;
    then arborparser's, with how many times its median ours is."""
    head = (
        f"{'group':22} {'files':>5} {'MB':>6}  {'ours ms':>8} {'MB/s':>6}  "
        f"{ref[:10] + ' ms':>13} {'MB/s':>6}  {'speed-up':>8}"
    )
    lines = [head]
    for group, sides in groups.items():
        ours, theirs = sides["ours"], sides["ref"]
        lines.append(
            f"{group:22} {ours.files:5d} {ours.mb:6.2f}  {ours.median_ms:8.2f} "
            f"{ours.mb_per_s:6.2f}  {theirs.median_ms:13.2f} {theirs.mb_per_s:6.2f}  "
            f"{theirs.median_ms / ours.median_ms:7.2f}x"
        )
    if arbor:
        lines.append("")
        lines.append(
            "arborparser 0.1.x, Chinese chapter preset (text to chain to tree), same texts:"
        )
        for group, theirs in arbor.items():
            ours = groups[group]["ours"]
            lines.append(
                f"{group:22} {theirs.files:5d} {theirs.mb:6.2f}  median {theirs.median_ms:.3f} ms, "
                f"{theirs.mb_per_s:.1f} MB/s; speechparse's median is "
                f"{ours.median_ms / theirs.median_ms:.1f}x its"
            )
    return "\n".join(lines)


def git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True
    ).stdout.strip()


def checkout(ref: str) -> tuple[str, Path]:
    """REF's commit, and a worktree of it (made under /tmp if absent)."""
    found = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if found.returncode != 0:
        raise SystemExit(f"compare.py: unknown ref {ref!r}: not a commit of the repository {ROOT}")
    sha = found.stdout.strip()
    tree = Path(tempfile.gettempdir()) / f"speechparse-ref-{sha[:12]}"
    if not tree.exists():
        git("worktree", "add", "--detach", str(tree), sha)
    elif git("rev-parse", "HEAD", cwd=tree) != sha:
        raise SystemExit(f"compare.py: {tree} exists but is not a checkout of {sha}")
    return sha, tree


def load(group: str, folder: Path) -> list[File]:
    """The folder's text files and pages (recursively), decoded with this checkout's decoder."""
    sys.path.insert(0, str(ROOT))
    from speechparse.decode import decode

    files = []
    for path in sorted(folder.rglob("*")):
        suffix = path.suffix.lower()
        if not path.is_file() or suffix not in TEXT_SUFFIXES + PAGE_SUFFIXES:
            continue
        data = path.read_bytes()
        text = decode(data, str(path)).text
        size = len(text.encode("utf-8", "surrogatepass"))
        if suffix in TEXT_SUFFIXES:
            files.append(File(group, str(path), "text", text, size))
        else:
            files.append(File(f"{group} pages", str(path), "page", data, size))
    return files


def run_side(mode: str, tree: Path, data: Path) -> tuple[str, list[float | None]]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(tree), str(data), mode],
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = json.loads(out)
    return found["module"], found["times"]


def arbor_available() -> bool:
    return (
        subprocess.run([sys.executable, "-c", f"import {ARBOR}"], capture_output=True).returncode
        == 0
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("ref", help="the commit to compare with (a sha, branch or tag)")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--samples", type=Path, default=ROOT.parent / "shared" / "seeds")
    ap.add_argument("--stress", type=Path, help="the corpus bench/make_corpus.py made, apart")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--no-arborparser", action="store_true")
    a = ap.parse_args()
    sha, ref_tree = checkout(a.ref)
    files = load("corpus", a.corpus) + load("samples", a.samples)
    if a.stress:
        files += load("stress", a.stress)
    sides = {"ours": ("speechparse", ROOT), "ref": ("speechparse", ref_tree)}
    if not a.no_arborparser and arbor_available():
        sides[ARBOR] = (ARBOR, ROOT)
    head = git("rev-parse", "--short", "HEAD") + (
        " + changes" if git("status", "--porcelain") else ""
    )
    print(f"ours: {ROOT} ({head}); ref: {ref_tree} ({sha[:10]})")
    with tempfile.TemporaryDirectory() as tmp:
        arbor_files = [f for f in files if f.kind == "text"]
        chosen = {side: files if side != ARBOR else arbor_files for side in sides}
        inputs = {}
        for side, picked in chosen.items():
            inputs[side] = Path(tmp) / f"{side}.pickle"
            with inputs[side].open("wb") as fh:
                pickle.dump([(f.name, f.kind, f.payload) for f in picked], fh)
        rounds: dict[str, list[list[float | None]]] = {side: [] for side in sides}
        order = list(sides)
        for n in range(a.rounds):
            turn = order[n % len(order) :] + order[: n % len(order)]
            for side in turn:
                mode, tree = sides[side]
                module, times = run_side(mode, tree, inputs[side])
                if mode == "speechparse" and not Path(module).is_relative_to(tree):
                    raise SystemExit(f"compare.py: the {side} process imported {module}")
                rounds[side].append(times)
    best = {side: best_of(rounds[side]) for side in sides}
    failed = {
        f.name
        for side in ("ours", "ref")
        for f, t in zip(files, best[side], strict=True)
        if t is None
    }
    for name in sorted(failed):
        print(f"left out (failed on one side): {name}")
    groups: dict[str, dict[str, Stats]] = {}
    for group in dict.fromkeys(f.group for f in files):
        picked = [n for n, f in enumerate(files) if f.group == group and f.name not in failed]
        sizes = [files[n].size for n in picked]
        groups[group] = {
            side: stats([t for n in picked if (t := best[side][n]) is not None], sizes)
            for side in ("ours", "ref")
        }
    arbor = None
    if ARBOR in sides:
        arbor = {}
        for group in dict.fromkeys(f.group for f in arbor_files):
            picked = [n for n, f in enumerate(arbor_files) if f.group == group]
            times = [best[ARBOR][n] for n in picked]
            if None not in times:
                arbor[group] = stats(
                    [t for t in times if t is not None], [arbor_files[n].size for n in picked]
                )
    print(
        f"best of {a.rounds} rounds a file; text files through parse_text, pages through "
        "parse_bytes; MB: UTF-8 of the decoded text"
    )
    print(report(groups, sha, arbor))


if __name__ == "__main__":
    main()
