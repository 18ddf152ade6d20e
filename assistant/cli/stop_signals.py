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
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
REDELIVERY_DELAY_S = 0.005


class StopSignal(KeyboardInterrupt):
    """Raised by the handler; caught wherever Ctrl-C is. A subclass on purpose: CPython
    remembers a plain KeyboardInterrupt raised inside eval()/exec() (namedtuple, dataclass
    creation during imports) as "unhandled", even when caught, and then ends the process
    with SIGINT instead of its exit code."""


class StopRequest:
    """The signal handler: raises StopSignal (a KeyboardInterrupt) once, then ignores."""

    def __init__(self) -> None:
        self.armed = True
        self._disarmed = False
        self._signum: int | None = None

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self.armed:
            self.armed = False
            self._signum = signum
            raise StopSignal

    def disarm(self) -> None:
        """From here on, signals do not interrupt (the final writes)."""
        self.armed = False
        self._disarmed = True

    def redeliver(self) -> None:
        """The StopSignal was raised where Python cannot pass it on, inside a callback the
        interpreter runs itself (importlib's module-lock weakref callback, during the imports
        of start-up): it was lost there, so the signal comes again and raises at the next
        ordinary line instead of being ignored as a second one."""
        if self._signum is not None and not self._disarmed:
            self.armed = True
            # From another thread: raised here, the handler would run inside the hook
            # itself, where the exception is lost again. The main thread runs the handler
            # at its next line once the hook has returned.
            threading.Timer(REDELIVERY_DELAY_S, signal.raise_signal, (self._signum,)).start()


def is_stop(exc: BaseException) -> bool:
    """Whether `exc` is a stop (Ctrl-C, or a stop signal), or was caused by one: Python 3.11
    wraps an exception raised in `__set_name__` (a dataclass being created while a module is
    imported) in a RuntimeError."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _redeliver_lost_stops(
    handler: StopRequest, previous: Callable[[sys.UnraisableHookArgs], object]
) -> Callable[[sys.UnraisableHookArgs], None]:
    """A sys.unraisablehook: a lost StopSignal is delivered again, not printed as
    "Exception ignored in ... Traceback"; anything else goes to the hook found before."""

    def hook(unraisable: sys.UnraisableHookArgs) -> None:
        if isinstance(unraisable.exc_value, StopSignal):
            handler.redeliver()
            return
        previous(unraisable)

    return hook


def install() -> StopRequest:
    """Handle the stop signals from now on, for the whole process (assistant/__main__.py)."""
    handler = StopRequest()
    for signum in STOP_SIGNALS:
        signal.signal(signum, handler)
    sys.unraisablehook = _redeliver_lost_stops(handler, sys.unraisablehook)
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
    hook_before = sys.unraisablehook
    try:
        yield install()
    finally:
        for signum, previous in before.items():
            signal.signal(signum, previous)
        sys.unraisablehook = hook_before
