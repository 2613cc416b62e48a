"""CPU instructions per pass over the fixtures, counted by valgrind (callgrind): a measure of the
parser's work that does not vary from run to run, for comparing commits on a noisy machine.

    python3 bench/instructions.py            # this checkout
    python3 bench/instructions.py --src DIR  # another checkout (a git worktree, say)

It runs Python under callgrind twice, parsing every fixture 1 and 3 times, and reports half the
difference (so interpreter start-up, imports and the first use of a pattern compiled on first
use, `speechparse/lazy.py`, are left out). Takes about a minute.
"""

from __future__ import annotations

import argparse
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
texts = [p.read_text(encoding="utf-8") for p in sorted(Path({fixtures!r}).glob("*/*.txt"))]
for _ in range({passes}):
    for text in texts:
        speechparse.parse_text(text)
"""


def instructions(src: Path, passes: int) -> int:
    code = SCRIPT.format(src=str(src), fixtures=str(ROOT / "fixtures"), passes=passes)
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    run = subprocess.run(
        [*valgrind, sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"refs:\s+([\d,]+)", run.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{run.stderr}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--src", type=Path, default=ROOT, help="the checkout to measure")
    a = ap.parse_args()
    per_pass = (instructions(a.src, 1 + PASSES) - instructions(a.src, 1)) / PASSES
    size = sum(p.stat().st_size for p in (ROOT / "fixtures").glob("*/*.txt"))
    print(
        f"{a.src}: {per_pass / 1e6:.0f} M instructions per pass over the fixtures "
        f"({size / 1e3:.0f} KB): {per_pass / size:.0f} per byte"
    )


if __name__ == "__main__":
    main()
