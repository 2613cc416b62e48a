"""The command run on a terminal (a pseudo-terminal), as a user at a shell runs it."""

from __future__ import annotations

import os
import subprocess
import sys

from ordinary_user import ROOT


def on_terminal(*args: str, env: dict[str, str] | None = None) -> tuple[int, bytes]:
    """`python3 -m speechparse ARGS` with its standard output and error on a terminal: the exit
    code and what the terminal shows (line ends as the terminal writes them, CR LF)."""
    import pty

    main, child = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    with subprocess.Popen(
        [sys.executable, "-m", "speechparse", *args],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=child,
        stderr=child,
        env={**environment, "COLUMNS": "200", **(env or {})},
    ) as command:
        os.close(child)
        shown = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the command has ended and closed the terminal
                break
            if not chunk:
                break
            shown += chunk
        os.close(main)
        return command.wait(60), shown
