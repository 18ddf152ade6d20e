"""Ctrl-C, SIGTERM and SIGHUP all mean "stop": the conversation ends as `stopped`, with its
progress, report and summary saved, and no traceback is ever printed.

Imported by assistant/__main__.py before anything else, so that even a signal during the
imports of start-up ends quietly. Only the first signal interrupts: while the session is
being saved and the report written, later ones (an impatient second Ctrl-C, a SIGHUP that
follows a closed terminal's SIGTERM) are ignored, so nothing is left half-written.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class StopSignal(KeyboardInterrupt):
    """Raised by the handler; caught wherever Ctrl-C is. A subclass on purpose: CPython
    remembers a plain KeyboardInterrupt raised inside eval()/exec() (namedtuple, dataclass
    creation during imports) as "unhandled", even when caught, and then ends the process
    with SIGINT instead of its exit code."""


class StopRequest:
    """The signal handler: raises StopSignal (a KeyboardInterrupt) once, then ignores."""

    def __init__(self) -> None:
        self.armed = True

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self.armed:
            self.armed = False
            raise StopSignal

    def disarm(self) -> None:
        """From here on, signals do not interrupt (the final writes)."""
        self.armed = False


def install() -> StopRequest:
    """Handle the stop signals from now on, for the whole process (assistant/__main__.py)."""
    handler = StopRequest()
    for signum in STOP_SIGNALS:
        signal.signal(signum, handler)
    return handler


def ignore() -> None:
    """The process is ending: stop signals change nothing now. (An ignored signal stays
    ignored while Python shuts down; a handler would be reset to the default, killing the
    process with a signal status although its work is done.)"""
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)


@contextlib.contextmanager
def handled() -> Iterator[StopRequest]:
    """Handle the stop signals inside the block, then put back the handlers found before.

    Outside the main thread (where Python cannot handle signals) the handler is returned but
    not installed.
    """
    if threading.current_thread() is not threading.main_thread():
        yield StopRequest()
        return
    before = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
    try:
        yield install()
    finally:
        for signum, previous in before.items():
            signal.signal(signum, previous)
