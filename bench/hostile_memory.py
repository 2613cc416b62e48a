"""Peak memory of the costliest inputs of a size: one numbering marker a line (16 MB of them once
took 6.9 GB), a line break a `<br>`, paragraphs run together on one line, a whole text on one
line, inline items in one paragraph, short plain lines, and the costliest text the limits let
through (the most lines, as many of them numbered as allowed).

    python3 bench/hostile_memory.py                 # each shape at 64 MB, each in a new process
    python3 bench/hostile_memory.py --scale 64      # at 1/64: 1 MB inputs, limits / 64

Each shape is written to a file, then read, parsed and rendered to JSON by another process, as
a batch's worker does. Printed: the
shape, what became of it (parsed or the refusal), the peak RSS above the process's own after a
warm-up parse, in MB. With `--scale K` the input and the limits (`speechparse.limits`) are K
times smaller, so the figures are about K times smaller too: tests/test_limits.py runs it so.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import speechparse
from speechparse import limits
from speechparse.errors import InputError
from speechparse.pipeline import parsed_file

MB = 1_000_000
CN = "一二三四五六七八九"


def _repeat(unit: Callable[[int], str], size: int, head: str = "", tail: str = "") -> str:
    """`unit(0) unit(1) …` to about `size` bytes (units repeat with a period of 9)."""
    period = "".join(unit(i) for i in range(9))
    return head + period * (size // len(period.encode())) + tail


SHAPES: dict[str, Callable[[int], str]] = {
    "marker-lines": lambda size: _repeat(lambda i: "一、\n", size),
    "numbered-lines": lambda size: _repeat(lambda i: f"{i + 1}.甲\n", size),
    "tag-lines": lambda size: _repeat(lambda i: "<br>", size),
    "folded": lambda size: _repeat(lambda i: "　　甲乙。", size, "标题"),
    "collapsed": lambda size: _repeat(lambda i: f"{CN[i]}、甲。", size, "关于工作的讲话同志们："),
    "inline-items": lambda size: _repeat(lambda i: f"({i + 1})甲；", size, "要求：", "。"),
    "plain-lines": lambda size: _repeat(lambda i: "正文。\n", size),
    "within-limits": lambda size: _within_limits(),
}


def _within_limits() -> str:
    """The most lines the limit allows, as many of them numbered points as the limit allows."""
    points = limits.MAX_MARKERS - 1
    plain = limits.MAX_LINES - points - 2
    return "".join(f"{n % 99 + 1}.第{n}点\n" for n in range(points)) + "正文。\n" * plain


def peak_kb() -> int:
    """This process's peak RSS in KB: VmHWM on Linux (ru_maxrss keeps a parent's peak across
    fork and exec, which would hide a child's own)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(status.split("VmHWM:")[1].split()[0])


def measure(files: dict[str, Path]) -> None:
    """Parse each file in turn, printing the peak above this process's after a warm-up."""
    speechparse.parse_text("标题\n同志们：\n一、甲\n正文。\n二、乙\n正文。\n")
    base = peak_kb()
    for name, path in files.items():
        try:
            parsed = parsed_file(path, max_bytes=None)  # as a batch's worker parses and renders
            outcome = f"parsed, {len(parsed.json()) / MB:.0f} MB of JSON"
            del parsed
        except InputError as exc:
            outcome = exc.problem.split(" the most")[0]
        print(f"{name:15} {outcome:40} {(peak_kb() - base) / 1000:8.0f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=64.0, help="input size at scale 1")
    parser.add_argument("--scale", type=int, default=1, help="divide input and limits by this")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated")
    parser.add_argument(
        "--one-process", action="store_true", help="all shapes in one process (peaks add up)"
    )
    parser.add_argument("files", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    limits.MAX_LINES //= args.scale
    limits.MAX_MARKERS //= args.scale
    if args.files:  # the measuring process
        measure({Path(f).stem: Path(f) for f in args.files})
        return
    size = int(args.mb * MB / args.scale)
    print(f"{'shape':15} {'outcome':40} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for name in args.shapes.split(","):
            files.append(Path(folder) / f"{name}.txt")
            files[-1].write_text(SHAPES[name](size), encoding="utf-8")
        batches = [files] if args.one_process else [[f] for f in files]
        for batch in batches:
            run = [sys.executable, __file__, "--scale", str(args.scale), *map(str, batch)]
            out = subprocess.run(run, capture_output=True, text=True, check=True).stdout
            print(out, end="", flush=True)


if __name__ == "__main__":
    main()
