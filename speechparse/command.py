"""The command line's manners, for typer's commands: a usage error in one line (exit 2), `-h`
as well as `--help`, and help that names what to give (`PATH...`, `FILE`), not Python types
(`<list[str]>`, `{paths}...`).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

HELP_OPTIONS = ["-h", "--help"]
# the exceptions of click, or of the copy of it that typer carries (0.29 on)
_exceptions = importlib.import_module(
    TyperCommand.__mro__[1].__module__.rsplit(".", 1)[0] + ".exceptions"
)
_HELP_SHOWN = tuple(
    kind for kind in (getattr(_exceptions, "NoArgsIsHelpError", None),) if kind is not None
)


def error(message: str) -> typer.Exit:
    """Print `speechparse: error: MESSAGE` on standard error; raise what this returns."""
    typer.echo(f"speechparse: error: {message}", err=True)
    return typer.Exit(2)


class Group(TyperGroup):
    """The command group: a usage error (an unknown option, a missing argument, a bad value)
    is one line on standard error naming where help is, and exit code 2."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        def run() -> Any:
            return super(Group, self).main(
                args, prog_name, complete_var, False, windows_expand_args, **extra
            )

        if not standalone_mode:
            return run()
        try:
            code = run()
        except _HELP_SHOWN as shown:  # the command alone: its help
            shown.show()
            code = shown.exit_code
        except _exceptions.UsageError as problem:
            context = problem.ctx
            where = f"; see '{context.command_path} -h'" if context is not None else ""
            message = problem.format_message().rstrip(".")
            typer.echo(f"speechparse: error: {message}{where}", err=True)
            code = 2
        except _exceptions.ClickException as problem:
            typer.echo(f"speechparse: error: {problem.format_message()}", err=True)
            code = 2
        except typer.Abort:
            typer.echo("Aborted!", err=True)
            code = 1
        sys.exit(code if isinstance(code, int) else 0)


class Command(TyperCommand):
    """A command whose arguments show as `PATH...` in its usage and help."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(_usage(param))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments: list[tuple[str, str]] = []
        options: list[tuple[str, str]] = []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                arguments.append((_name(param), getattr(param, "help", None) or ""))
            elif (record := param.get_help_record(ctx)) is not None:
                options.append(record)
        for title, rows in (("Arguments", arguments), ("Options", options)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


def _name(argument: Any) -> str:
    name = argument.metavar or argument.name.upper()
    return f"{name}..." if argument.nargs != 1 else name


def _usage(argument: Any) -> str:
    return _name(argument) if argument.required else f"[{_name(argument)}]"
