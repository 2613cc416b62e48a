"""Generate a benchmark corpus from the fixtures: varied, and as large as asked (default 50 MB).

Each file is one fixture or two joined, optionally hard-wrapped at a random width, converted to
Traditional script (if opencc is installed), with CRLF line ends, and saved in UTF-8, GB18030 or
UTF-16. The corpus is deterministic for a seed.

    python3 bench/make_corpus.py bench/corpus --mb 50
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def wrap(text: str, width: int) -> str:
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


def variants(seed: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/*.txt"))]
    try:
        import opencc

        convert = opencc.OpenCC("s2t").convert
        texts += [convert(t) for t in texts[:8]]
    except ImportError:
        pass
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    texts = variants(a.seed)
    if a.folder.exists():
        shutil.rmtree(a.folder)
    a.folder.mkdir(parents=True)
    total = 0
    n = 0
    while total < a.mb * 1e6:
        text = rng.choice(texts)
        if rng.random() < 0.3:
            text += "\n" + rng.choice(texts)
        if rng.random() < 0.3:
            text = wrap(text, rng.randint(28, 60))
        if rng.random() < 0.2:
            text = text.replace("\n", "\r\n")
        encoding = rng.choices(["utf-8", "gb18030", "utf-16"], weights=[6, 3, 1])[0]
        data = text.encode(encoding, errors="replace")
        (a.folder / f"{n // 1000:03d}" / f"{n:06d}.txt").parent.mkdir(exist_ok=True)
        (a.folder / f"{n // 1000:03d}" / f"{n:06d}.txt").write_bytes(data)
        total += len(data)
        n += 1
    print(f"{n} files, {total / 1e6:.1f} MB in {a.folder}")


if __name__ == "__main__":
    main()
