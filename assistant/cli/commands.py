"""Which command a command line names: a subcommand, or the conversation (`run`) by default.

Cheap to import (no other module of the assistant), so assistant/__main__.py can ask it even
when a signal arrives before the rest of the command line has been loaded.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.exit_codes import ExitCode

SUBCOMMANDS = ("run", "check", "diagram", "parse", "models", "recognize")
HELP = ("-h", "--help")


def with_command(argv: Sequence[str]) -> list[str]:
    """argv with its command first: `run` is added when none is named."""
    args = list(argv)
    if not args or args[0] not in (*SUBCOMMANDS, *HELP):
        args.insert(0, "run")
    return args


def stopped_exit_code(argv: Sequence[str]) -> ExitCode:
    """The exit code when a stop signal ends the command: a stopped conversation is an
    outcome like any other (OK); any other command did not finish (INTERRUPTED)."""
    return ExitCode.OK if with_command(argv)[0] == "run" else ExitCode.INTERRUPTED
