"""The exit codes of `python -m assistant`, in one place (README, "Exit codes").

Any outcome of the conversation is a success: resolved, unresolved and stopped (Ctrl-C,
SIGTERM, SIGHUP, the end of a script) all exit with OK.
"""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    """The command did its job; for a conversation: any outcome."""
    FAILURE = 1
    """An unexpected failure (a bug): one line on stderr, a traceback only with --debug."""
    USAGE = 2
    """Bad usage or an invalid file: one line naming the option or the file."""
    INTERRUPTED = 130
    """A command other than the conversation was stopped by Ctrl-C or a signal (128 + SIGINT)."""
