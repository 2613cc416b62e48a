"""Parsing in worker processes that cannot take the batch down with them.

A worker that dies (killed by the OOM killer, or by anyone) breaks a process pool and every
task in it: here the pool is replaced, the files that were in flight are parsed again one at a
time, and the one a worker dies on again fails with that said; the results that were finished
are kept (a worker killed halfway through sending a result, which leaves the pool's thread
waiting for the rest, is found by the command looking at its workers while it waits). At most
`WINDOW` tasks a worker are in flight, and beyond one a worker at most `WINDOW_BYTES` of input a
worker (results come back in input order, and those waiting for an earlier one are all that is
held).

Workers die with the command: on Linux the kernel kills them when it dies
(PR_SET_PDEATHSIG), elsewhere each watches its parent and exits when it is gone. They ignore
SIGINT (the command stops them; a Ctrl-C at the terminal reaches them too) and take SIGTERM's
default action; both are held back while workers start, so that none is caught halfway.

A batch stopped early (an interrupt, an error, --fail-fast) kills its workers at once and leaves
nothing for the interpreter to wait for at exit: a worker killed halfway through sending a
result would leave the pool's thread waiting for the rest of it, for ever.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import wait as wait_for
from typing import Any, Generic, TypeVar

WINDOW = 16  # tasks in flight for each worker: results are taken in input order, so a long
# file holds back the results after it, and with too few in flight the other workers run out of
# work meanwhile (4 lost ~4 % of two workers' time on the real corpus, sizes 3-270 KB; 16, ~0.5 %)
WINDOW_BYTES = 16 * 2**20  # input in flight for each worker, beyond one file each: what is held
# stays bounded with large files (64 MB ones go one a worker)
DIED = "the worker process parsing it died (killed: out of memory?)"
PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5  # how often a worker without PR_SET_PDEATHSIG looks for its parent, and
# the command for a worker dead while its pool's thread waits

HELD = frozenset((signal.SIGINT, signal.SIGTERM))  # held back while workers start

T = TypeVar("T")  # a task's result


@dataclass(slots=True)
class _Task(Generic[T]):
    path: str
    future: Future[T] | None  # None: to run again, alone (it was in a pool that broke)
    size: int  # of the input, in bytes (0 if unknown)


def parallel(
    work: Callable[[str], T], paths: list[str], jobs: int, failed: Callable[[str, str], T]
) -> Generator[T, None, None]:
    """`work(path)` for each path in `jobs` worker processes, in the order of `paths`;
    `failed(path, message)` stands for the result of a path whose worker died or whose task
    raised."""
    todo = deque(paths)
    tasks: deque[_Task[T]] = deque()
    held = 0  # bytes of input in `tasks`
    upcoming = -1  # the size of todo[0], once asked (-1: not yet)
    pool = _pool(jobs)
    done = False
    try:
        while todo or tasks:
            alone = any(t.future is None for t in tasks)  # tasks to run again go one by one
            while todo and not alone:
                if upcoming < 0:
                    upcoming = _size(todo[0])
                if not _room(len(tasks), held, upcoming, jobs):
                    break
                path = todo.popleft()
                tasks.append(_Task(path, _submit(pool, work, path), upcoming))
                held += upcoming
                upcoming = -1
            task = tasks[0]
            if task.future is None:
                task.future = _submit(pool, work, task.path)
            try:
                result = _outcome(pool, task.future)
            except BrokenProcessPool:
                pool = _replace(pool, jobs)
                if not alone:  # parse again, one at a time, what the broken pool held
                    for other in tasks:
                        if _broke(other.future):
                            other.future = None
                    continue
                result = failed(task.path, DIED)
            except Exception as exc:  # a task that raised: its file fails, the batch goes on
                result = failed(task.path, f"internal error ({type(exc).__name__}: {exc})")
            tasks.popleft()
            held -= task.size
            yield result
        done = True
    finally:
        if done:
            pool.shutdown()
        else:  # stopped early (an error, an interrupt, --fail-fast): the workers go now
            _kill(pool)


def _room(in_flight: int, held: int, size: int, jobs: int) -> bool:
    """Whether one more input of `size` bytes may go in beside `in_flight` tasks holding `held`
    bytes: one a worker always, then up to `WINDOW` a worker and `WINDOW_BYTES` of input a
    worker."""
    if in_flight < jobs:
        return True
    return in_flight < jobs * WINDOW and held + size <= jobs * WINDOW_BYTES


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:  # its worker says what is wrong with it
        return 0


def _outcome(pool: ProcessPoolExecutor, future: Future[T]) -> T:
    """The result of `future`. A worker found dead meanwhile breaks the pool: the pool's thread
    finds a dead worker by itself, unless it died halfway through sending a result (killed while
    sending a large one), when the thread waits for the rest of it, for ever."""
    while True:
        try:
            return future.result(timeout=WATCH_SECONDS)
        except FutureTimeout:
            processes = getattr(pool, "_processes", None) or {}
            ended = [p.sentinel for p in list(processes.values())]  # ready once it has ended
            if ended and wait_for(ended, timeout=0):
                _kill(pool)  # its thread sees the pipe end, and fails what was in flight


def _broke(future: Future[T] | None) -> bool:
    return future is not None and isinstance(future.exception(), BrokenProcessPool)


def _submit(pool: ProcessPoolExecutor, work: Callable[[str], T], path: str) -> Future[T]:
    try:
        with _signals_held():  # a submit may start the workers
            return pool.submit(work, path)
    except BrokenProcessPool as exc:  # broken before the task went in: it fails as if inside
        future: Future[T] = Future()
        future.set_exception(exc)
        return future


def _pool(jobs: int) -> ProcessPoolExecutor:
    # the command's pid, for a worker to see whether its parent is still the command (not with
    # forkserver, whose server is every worker's parent)
    command = os.getpid() if multiprocessing.get_start_method() != "forkserver" else None
    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start, initargs=(command,))


def _replace(pool: ProcessPoolExecutor, jobs: int) -> ProcessPoolExecutor:
    pool.shutdown(wait=True, cancel_futures=True)  # broken: its workers are gone or going
    return _pool(jobs)


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back in this thread (delivered when this ends): a worker started
    meanwhile begins with them held, until it has set its own handlers."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _kill(pool: ProcessPoolExecutor) -> None:
    """End the workers now, not once their tasks are done, and let the pool's thread see them
    gone: the results pipe is closed on this side, so that a result half sent by a worker now
    dead ends in an end of file, not in a wait for the rest that would hold the exit."""
    results = getattr(pool, "_result_queue", None)
    kill = getattr(pool, "kill_workers", None)  # Python 3.14
    if kill is not None:
        kill()
    else:
        processes = getattr(pool, "_processes", None) or {}
        for process in list(processes.values()):
            with contextlib.suppress(Exception):
                process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    writer = getattr(results, "_writer", None)  # only workers write to it
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()
        # the pool's own objects may close that pipe again as they go: not the user's concern
        sys.unraisablehook = _closed_pipe_quiet(sys.unraisablehook)


def _closed_pipe_quiet(
    hook: Callable[[Any], object],
) -> Callable[[Any], object]:
    """The unraisable-exception hook, but silent on a pipe closed twice (EBADF) as a stopped
    pool is torn down: `Exception ignored in …: Bad file descriptor` is no news to the user."""

    def quiet(unraisable: Any) -> object:
        error = unraisable.exc_value
        if isinstance(error, OSError) and error.errno == errno.EBADF:
            return None
        return hook(unraisable)

    return quiet


def _worker_start(command: int | None) -> None:
    """In each worker, first: signals, and death with the command."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD)  # held while it started
    parent = os.getppid()
    if not _die_with_parent():
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if command is not None and os.getppid() != command:  # the command died before all this
        os._exit(1)


def _die_with_parent() -> bool:
    """Ask Linux to kill this process when its parent dies; False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)
