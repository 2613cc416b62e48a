"""CPU instructions per pass over the fixtures, counted by valgrind (callgrind): a measure of the
parser's work that does not vary from run to run, for comparing commits on a noisy machine.

    python3 bench/instructions.py            # this checkout
    python3 bench/instructions.py --src DIR  # another checkout (a git worktree, say)
    python3 bench/instructions.py --corpus ../shared/corpus  # its text files instead

It runs Python under callgrind twice, parsing every fixture 1 and 3 times, and reports half the
difference (so interpreter start-up, imports and the first use of a pattern compiled on first
use, `speechparse/lazy.py`, are left out). Takes about a minute (the corpus: five). With
`--corpus`, the texts are its text files (.txt .md .gb18030 .big5), decoded by the checkout's
`decode`, through `parse_text`, as `bench/compare.py` times them. PYTHONHASHSEED is fixed, so
that a count comes out the same from run to run.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSES = 2  # counted: the passes of the second run beyond the first's one
SCRIPT = """
import sys
sys.path.insert(0, {src!r})
from pathlib import Path
import speechparse
from speechparse.decode import decode
if {corpus!r}:
    paths = [p for p in sorted(Path({corpus!r}).iterdir()) if p.suffix in {suffixes!r}]
    texts = [decode(p.read_bytes()).text for p in paths]
else:
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path({fixtures!r}).glob("*/*.txt"))]
for _ in range({passes}):
    for text in texts:
        speechparse.parse_text(text)
"""


SUFFIXES = (".txt", ".md", ".gb18030", ".big5")  # the text files of a corpus


def instructions(src: Path, passes: int, corpus: Path | None = None) -> int:
    code = SCRIPT.format(
        src=str(src),
        fixtures=str(ROOT / "fixtures"),
        corpus=str(corpus) if corpus else "",
        suffixes=SUFFIXES,
        passes=passes,
    )
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    run = subprocess.run(
        [*valgrind, sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"refs:\s+([\d,]+)", run.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{run.stderr}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--src", type=Path, default=ROOT, help="the checkout to measure")
    ap.add_argument("--corpus", type=Path, help="a folder of real texts instead of the fixtures")
    a = ap.parse_args()
    src, corpus = a.src.resolve(), a.corpus.resolve() if a.corpus else None
    per_pass = (instructions(src, 1 + PASSES, corpus) - instructions(src, 1, corpus)) / PASSES
    if corpus is not None:
        files = [p for p in corpus.iterdir() if p.suffix in SUFFIXES]
        what = f"the {len(files)} text files of {corpus}"
    else:
        files = list((ROOT / "fixtures").glob("*/*.txt"))
        what = "the fixtures"
    size = sum(p.stat().st_size for p in files)
    print(
        f"{src}: {per_pass / 1e6:.0f} M instructions per pass over {what} "
        f"({size / 1e3:.0f} KB): {per_pass / size:.0f} per byte"
    )


if __name__ == "__main__":
    main()
