"""`--jobs`: a worker that dies (killed, as the OOM killer does) fails its file, not the batch;
workers die with the command; SIGTERM cleans up as an interrupt does."""

from __future__ import annotations

import contextlib
import errno
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import process as futures_process
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import pytest
from conftest import SAMPLES
from ordinary_user import ROOT
from typer.testing import CliRunner

import speechparse.batch
from speechparse.batch import Options, Result
from speechparse.cli import app
from speechparse.workers import DIED, WINDOW, WINDOW_BYTES, _room, parallel

PARSE_ONE = speechparse.batch.parse_one
linux = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")


def _killed_on(path: str, opts: Options) -> Result:
    """parse_one, but the worker is killed (SIGKILL) on a file named `*kill*`, and on a file
    named `*once*` the first time only."""
    name = Path(path).name
    first = Path(f"{path}.seen")
    if "kill" in name or ("once" in name and not first.exists()):
        first.touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return PARSE_ONE(path, opts)


@pytest.fixture
def killing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("speechparse.batch.parse_one", _killed_on)


def _corpus(folder: Path, names: list[str]) -> list[str]:
    folder.mkdir()
    for n, name in enumerate(names):
        (folder / name).write_bytes(SAMPLES[n % len(SAMPLES)].read_bytes())
    return [str(folder / name) for name in names]


@pytest.mark.usefixtures("killing")
def test_a_file_that_kills_its_worker_fails_and_the_batch_goes_on(tmp_path: Path) -> None:
    names = [f"{n:02}.txt" for n in range(12)]
    names[5] = "05_kill.txt"
    paths = _corpus(tmp_path / "in", names)
    result = CliRunner().invoke(app, ["parse", *paths, "-f", "jsonl", "--jobs", "2"])
    assert result.exit_code == 2, result.stderr
    assert [json.loads(line)["input"]["path"] for line in result.stdout.splitlines()] == [
        p for p in paths if not p.endswith("_kill.txt")
    ]
    assert result.stderr.splitlines() == [
        f"speechparse: error: {paths[5]}: the worker process parsing it died "
        "(killed: out of memory?)",
        "speechparse: 11 parsed, 1 failed",
    ]


def test_tasks_in_flight_are_bounded_by_count_and_by_input_size() -> None:
    small = 2 * WINDOW - 1  # tasks of 20 kB each
    assert _room(small, small * 20_000, 20_000, jobs=2)
    assert not _room(small + 1, (small + 1) * 20_000, 20_000, jobs=2)  # 2 workers x WINDOW
    assert _room(1, 64_000_000, 64_000_000, jobs=2)  # one a worker, whatever its size
    assert not _room(2, 128_000_000, 1, jobs=2)
    assert not _room(2, 2000, 2 * WINDOW_BYTES, jobs=2)


@pytest.mark.usefixtures("killing")
def test_a_worker_killed_once_is_replaced_and_its_files_parsed_again(tmp_path: Path) -> None:
    # apart by more than the tasks in flight (2 workers x WINDOW): two breaks of the pool
    apart = 2 * WINDOW + 1
    names = [f"{n:02}{'_once' if n in (2, 2 + apart) else ''}.txt" for n in range(apart + 4)]
    paths = _corpus(tmp_path / "in", names)
    result = CliRunner().invoke(app, ["parse", *paths, "-f", "jsonl", "--jobs", "2"])
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["input"]["path"] for line in result.stdout.splitlines()] == paths


def _slow_corpus(folder: Path) -> list[str]:
    """A small file, then large ones that take a worker a second or two each."""
    folder.mkdir()
    (folder / "a.txt").write_bytes(SAMPLES[0].read_bytes())
    big = SAMPLES[2].read_bytes() * 200
    for name in ("b.txt", "c.txt", "d.txt"):
        (folder / name).write_bytes(big)
    return [str(p) for p in sorted(folder.iterdir())]


def _start(*args: str, session: bool = False) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "speechparse", "parse", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=session,  # a process group of its own, as a terminal's job is
    )


def _wait_for(what: Callable[[], object], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not what():
        assert time.monotonic() < deadline, "waited too long"
        time.sleep(0.05)


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@contextmanager
def _command(
    *args: str, session: bool = False
) -> Iterator[tuple[subprocess.Popen[bytes], set[int]]]:
    """The command running, and its workers as they are seen (killed at the end if still
    there: a failed test leaves nothing behind)."""
    workers: set[int] = set()
    with _start(*args, session=session) as command:
        try:
            yield command, workers
        finally:
            command.kill()
            for pid in workers:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)


@linux
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_the_command(tmp_path: Path, sig: signal.Signals) -> None:
    args = (*_slow_corpus(tmp_path / "in"), "-f", "jsonl", "--jobs", "2")
    with _command(*args) as (command, workers):
        _wait_for(lambda: len(_children(command.pid)) >= 2)
        workers.update(_children(command.pid))
        command.send_signal(sig)
        command.wait(30)
        _wait_for(lambda: not any(_alive(pid) for pid in workers), seconds=5)


@linux
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_removes_the_temporary_file_as_an_interrupt_does(tmp_path: Path, jobs: str) -> None:
    out = tmp_path / "out.jsonl"
    args = (*_slow_corpus(tmp_path / "in"), "-f", "jsonl", "-o", str(out), "-j", jobs)
    with _command(*args) as (command, workers):
        _wait_for(lambda: list(tmp_path.glob(".out.jsonl.*")))
        workers.update(_children(command.pid))
        command.send_signal(signal.SIGTERM)
        assert command.wait(30) == 128 + signal.SIGTERM
        assert command.stderr is not None
        assert b"Traceback" not in command.stderr.read()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


@linux
def test_ctrl_c_at_the_terminal_ends_the_command_and_its_workers(tmp_path: Path) -> None:
    args = (*_slow_corpus(tmp_path / "in"), "-f", "jsonl", "--jobs", "2")
    with _command(*args, session=True) as (command, workers):
        _wait_for(lambda: len(_children(command.pid)) >= 2)
        workers.update(_children(command.pid))
        os.killpg(command.pid, signal.SIGINT)  # as the terminal sends it: to every process
        assert command.wait(30) == 130
        assert command.stderr is not None
        assert command.stderr.read() == b""
        _wait_for(lambda: not any(_alive(pid) for pid in workers), seconds=5)


@contextmanager
def _half_sent() -> Iterator[None]:
    """In a worker: half a result sent to the command, as by a worker killed while it sends a
    large one (the rest never comes)."""
    frame = sys._getframe()
    while "result_queue" not in frame.f_locals:  # the pool's worker loop, up the stack
        assert frame.f_back is not None
        frame = frame.f_back
    queue = frame.f_locals["result_queue"]
    with queue._wlock:
        os.write(queue._writer.fileno(), (1000).to_bytes(4, "big") + b"half")
        yield


def _stuck_sending(path: str, sent: str) -> str:
    with _half_sent():
        Path(sent).touch()
        time.sleep(60)  # until killed
    return path


def _killed_sending(path: str, opts: Options) -> Result:
    """parse_one, but on a file named `*dies*` the worker is killed halfway through sending."""
    if "dies" in Path(path).name:
        with _half_sent():
            os.kill(os.getpid(), signal.SIGKILL)
    return PARSE_ONE(path, opts)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="a test's function")
def test_a_worker_killed_while_it_sends_a_result_fails_its_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("speechparse.batch.parse_one", _killed_sending)
    names = [f"{n:02}{'_dies' if n == 3 else ''}.txt" for n in range(6)]
    paths = _corpus(tmp_path / "in", names)
    result = CliRunner().invoke(app, ["parse", *paths, "-f", "jsonl", "--jobs", "2"])
    assert result.exit_code == 2, result.stderr
    assert [json.loads(line)["input"]["path"] for line in result.stdout.splitlines()] == [
        p for p in paths if "_dies" not in p
    ]
    assert result.stderr.splitlines()[0] == f"speechparse: error: {paths[3]}: {DIED}"


def _interrupt(*_: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="a test's function")
def test_a_batch_stopped_while_a_result_is_half_sent_leaves_nothing_to_wait_for(
    tmp_path: Path,
) -> None:
    sent = tmp_path / "sent"

    def interrupt_once_sent() -> None:
        _wait_for(sent.exists)
        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGUSR1)

    before = set(threading.enumerate())
    previous = signal.signal(signal.SIGUSR1, _interrupt)
    try:
        threading.Thread(target=interrupt_once_sent, daemon=True).start()
        with pytest.raises(KeyboardInterrupt):
            list(parallel(partial(_stuck_sending, sent=str(sent)), ["a"], 1, lambda p, e: p))
    finally:
        signal.signal(signal.SIGUSR1, previous)
    pools = [
        t
        for t in set(threading.enumerate()) - before
        if isinstance(t, futures_process._ExecutorManagerThread)
    ]
    for thread in pools:  # what the interpreter joins at exit
        thread.join(30)
    assert not any(t.is_alive() for t in pools)


def test_a_pipe_closed_twice_as_a_stopped_pool_goes_is_not_reported() -> None:
    """After a stop, the pool's objects may close the results pipe again (EBADF): silent; any
    other unraisable exception still reaches the hook."""
    from types import SimpleNamespace

    from speechparse.workers import _closed_pipe_quiet

    seen: list[object] = []
    hook = _closed_pipe_quiet(seen.append)
    hook(SimpleNamespace(exc_value=OSError(errno.EBADF, "Bad file descriptor")))
    other = SimpleNamespace(exc_value=ValueError("x"))
    hook(other)
    assert seen == [other]
