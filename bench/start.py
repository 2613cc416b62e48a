"""Start-up: one file through the command against an interpreter that does nothing.

    python3 bench/start.py [FILE] [--repeat 15] [--imports]

Times, in fresh processes, alternating round by round, best of `--repeat`:

- `python3 -c pass` (the interpreter alone: the baseline),
- `python3 -m speechparse parse FILE -f json`,
- the console script, as pip generates it (`from speechparse.cli import app; app()`), given as
  `--script PATH` or else the `speechparse` in the interpreter's scripts folder; it is run with
  this checkout first on PYTHONPATH, so that it imports this checkout whatever is installed,

and prints each in wall and in CPU milliseconds (user + system of the child) and as a multiple
of the baseline. The checkout's bytecode is compiled first, as `pip install` compiles it (a
checkout run with PYTHONDONTWRITEBYTECODE set compiles every module from source in every
process: `--no-compile` measures that). `--imports` adds the modules the one-file parse imports,
by self time (the least of the runs, from `-X importtime`), grouped by package.
"""

from __future__ import annotations

import argparse
import collections
import compileall
import os
import resource
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "samples" / "000_8767edf5a6fd688c.txt"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of `command` (its output thrown away)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu


def installed_script() -> Path | None:
    """The console script pip wrote for speechparse beside this interpreter, if any (a pyenv
    or similar shim on the PATH would add its own start-up, so the PATH is not searched)."""
    script = Path(sysconfig.get_path("scripts")) / "speechparse"
    return script if script.is_file() else None


def self_times(command: list[str], env: dict[str, str], runs: int) -> dict[str, float]:
    """The least self time (ms) of each module imported by `command`, over `runs` runs."""
    best: dict[str, float] = {}
    for _ in range(runs):
        err = subprocess.run(
            [sys.executable, "-X", "importtime", *command],
            cwd=ROOT,
            env=env,
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("file", nargs="?", type=Path, default=SAMPLE)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--script", type=Path, help="the console script (default: pip's, if any)")
    ap.add_argument("--no-compile", action="store_true", help="leave the bytecode as it is")
    ap.add_argument("--imports", action="store_true", help="what the one-file parse imports")
    a = ap.parse_args()
    if not a.no_compile:
        compileall.compile_dir(ROOT / "speechparse", quiet=1)
    path = [str(ROOT), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(path))
    parse = ["parse", str(a.file.resolve()), "-f", "json"]
    commands = {
        "python3 -c pass": [sys.executable, "-c", "pass"],
        "python3 -m speechparse": [sys.executable, "-m", "speechparse", *parse],
    }
    script = a.script or installed_script()
    if script is not None:
        print(f"console script: {script}")
        commands["speechparse (script)"] = [sys.executable, str(script), *parse]
    imported = subprocess.run(
        [sys.executable, "-c", "import speechparse; print(speechparse.__file__)"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"file: {a.file}; speechparse imported from {imported}")
    best = {name: (float("inf"), float("inf")) for name in commands}
    for _ in range(a.repeat):  # alternating: a slow spell of the machine hits every command
        for name, command in commands.items():
            wall, cpu = timed(command, env)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    base_wall, base_cpu = best["python3 -c pass"]
    print(f"{'best of ' + str(a.repeat):24} wall ms  ×pass   CPU ms  ×pass")
    for name, (wall, cpu) in best.items():
        print(
            f"{name:24} {wall * 1000:7.1f} {wall / base_wall:6.1f} "
            f"{cpu * 1000:8.1f} {cpu / base_cpu:6.1f}"
        )
    if a.imports:
        times = self_times(commands["python3 -m speechparse"][1:], env, min(a.repeat, 10))
        print(f"imported modules: {len(times)}, self time summed: {sum(times.values()):.0f} ms")
        for package, ms in by_package(times)[:30]:
            print(f"  {ms:6.1f} ms  {package}")


if __name__ == "__main__":
    main()
