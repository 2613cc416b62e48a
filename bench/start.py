"""Start-up: one file through the command against an interpreter that does nothing.

    python3 bench/start.py [FILE] [--repeat 15] [--also OTHER_CHECKOUT] [--instructions]
                           [--imports]

Times, in fresh processes, alternating round by round, best of `--repeat`:

- `python3 -c pass` (the interpreter alone: the baseline),
- `python3 -m speechparse parse FILE -f json`,
- the console script, as pip generates it (`from speechparse.cli import app; app()`), given as
  `--script PATH` or else the `speechparse` in the interpreter's scripts folder; it is run with
  this checkout first on PYTHONPATH, so that it imports this checkout whatever is installed,

the same for each `--also` checkout (a git worktree of an earlier commit, say), and prints each
in wall and in CPU milliseconds (user + system of the child) and as a multiple of the baseline.
Each checkout's bytecode is compiled first, as `pip install` compiles an installation (a
checkout run with PYTHONDONTWRITEBYTECODE set compiles every module from source in every
process: `--no-compile` measures that). `--instructions` adds each command's CPU instructions,
counted once by valgrind (callgrind): the figure that a busy machine does not blur. `--imports`
adds the modules the one-file parse imports,
by self time (the least of the runs, from `-X importtime`), grouped by package.
"""

from __future__ import annotations

import argparse
import collections
import compileall
import os
import re
import resource
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "samples" / "000_8767edf5a6fd688c.txt"


def timed(command: list[str], checkout: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `command` in `checkout` (its output thrown away)."""
    env = environment(checkout)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=checkout, env=env, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu


def installed_script() -> Path | None:
    """The console script pip wrote for speechparse beside this interpreter, if any (a pyenv
    or similar shim on the PATH would add its own start-up, so the PATH is not searched)."""
    script = Path(sysconfig.get_path("scripts")) / "speechparse"
    return script if script.is_file() else None


def instructions(command: list[str], checkout: Path) -> int:
    """CPU instructions of one run of `command` in `checkout`, counted by valgrind."""
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        cwd=checkout,
        env=environment(checkout),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    found = re.search(r"refs:\s+([\d,]+)", run.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{run.stderr}")
    return int(found.group(1).replace(",", ""))


def self_times(command: list[str], runs: int) -> dict[str, float]:
    """The least self time (ms) of each module imported by `command` (run in this checkout),
    over `runs` runs."""
    best: dict[str, float] = {}
    for _ in range(runs):
        err = subprocess.run(
            command,
            cwd=ROOT,
            env=environment(ROOT),
            capture_output=True,
            text=True,
            check=True,
        ).stderr
        for line in err.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            self_us, _, name = line[len("import time:") :].split("|")
            module = name.strip()
            best[module] = min(best.get(module, float("inf")), int(self_us) / 1000)
    return best


def by_package(times: dict[str, float]) -> list[tuple[str, float]]:
    """Self times summed by top-level package; speechparse's modules each on their own."""
    total: collections.Counter[str] = collections.Counter()
    for module, ms in times.items():
        top = module.split(".")[0]
        total[module if top == "speechparse" else top] += ms
    return total.most_common()


def environment(checkout: Path) -> dict[str, str]:
    """The environment that makes a process import `checkout`'s speechparse first."""
    path = [str(checkout), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return dict(os.environ, PYTHONPATH=os.pathsep.join(path))


def imported_from(checkout: Path) -> str:
    return subprocess.run(
        [sys.executable, "-c", "import speechparse; print(speechparse.__file__)"],
        cwd=checkout,
        env=environment(checkout),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("file", nargs="?", type=Path, default=SAMPLE)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--script", type=Path, help="the console script (default: pip's, if any)")
    ap.add_argument(
        "--also", type=Path, action="append", default=[], help="another checkout, timed alike"
    )
    ap.add_argument("--no-compile", action="store_true", help="leave the bytecode as it is")
    ap.add_argument("--instructions", action="store_true", help="count them with valgrind")
    ap.add_argument("--imports", action="store_true", help="what the one-file parse imports")
    a = ap.parse_args()
    parse = ["parse", str(a.file.resolve()), "-f", "json"]
    script = a.script or installed_script()
    if script is not None:
        print(f"console script: {script}")
    print(f"file: {a.file}")
    commands: dict[str, tuple[list[str], Path]] = {
        "python3 -c pass": ([sys.executable, "-c", "pass"], ROOT)
    }
    for n, checkout in enumerate([ROOT, *(c.resolve() for c in a.also)]):
        if not a.no_compile:
            compileall.compile_dir(checkout / "speechparse", quiet=1)
        name = "" if n == 0 else f" [{n}]"
        print(f"{name or 'this checkout'}: speechparse imported from {imported_from(checkout)}")
        commands[f"python3 -m speechparse{name}"] = (
            [sys.executable, "-m", "speechparse", *parse],
            checkout,
        )
        if script is not None:
            commands[f"speechparse (script){name}"] = (
                [sys.executable, str(script), *parse],
                checkout,
            )
    best = {name: (float("inf"), float("inf")) for name in commands}
    for _ in range(a.repeat):  # alternating: a slow spell of the machine hits every command
        for name, (command, checkout) in commands.items():
            wall, cpu = timed(command, checkout)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    base_wall, base_cpu = best["python3 -c pass"]
    print(f"{'best of ' + str(a.repeat):28} wall ms  ×pass   CPU ms  ×pass")
    for name, (wall, cpu) in best.items():
        print(
            f"{name:28} {wall * 1000:7.1f} {wall / base_wall:6.1f} "
            f"{cpu * 1000:8.1f} {cpu / base_cpu:6.1f}"
        )
    if a.instructions:
        counts = {name: instructions(*run) for name, run in commands.items()}
        base = counts["python3 -c pass"]
        print("instructions (valgrind)")
        for name, count in counts.items():
            print(f"{name:28} {count / 1e6:7.0f} M {count / base:6.1f}")
    if a.imports:
        command = [sys.executable, "-X", "importtime", "-m", "speechparse", *parse]
        times = self_times(command, min(a.repeat, 10))
        print(f"imported modules: {len(times)}, self time summed: {sum(times.values()):.0f} ms")
        for package, ms in by_package(times)[:30]:
            print(f"  {ms:6.1f} ms  {package}")


if __name__ == "__main__":
    main()
