"""The command line run in a process of its own as an ordinary user would run it: when the tests
run as root, without the capabilities that let root read and write past a file's permissions
(CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so that a permission is tested at all."""

from __future__ import annotations

import ctypes
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def _drop_permission_bypass() -> None:
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def cli(
    *args: str, timeout: float = 120, memory: int | None = None, stdin: int | None = None
) -> subprocess.CompletedProcess[str]:
    """`python3 -m speechparse ARGS` from the source tree, as an ordinary user (with at most
    `memory` bytes of address space: a runaway read fails instead of taking the machine)."""

    def prepare() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        _drop_permission_bypass()

    try:
        return subprocess.run(
            [sys.executable, "-m", "speechparse", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            errors="backslashreplace",
            timeout=timeout,
            preexec_fn=prepare if sys.platform == "linux" else None,
            stdin=stdin,
            env={**os.environ, "COLUMNS": "200"},
        )
    except subprocess.SubprocessError as exc:  # the preexec function failed
        if "preexec" in str(exc):
            pytest.skip(f"root cannot give up its permission bypass here ({exc})")
        raise
