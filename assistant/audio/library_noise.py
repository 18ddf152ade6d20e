"""Keeping the audio libraries' own messages off the user's screen, and in the log instead.

libasound prints straight to stderr ("ALSA lib pcm.c:8570:(snd_pcm_recover) underrun
occurred", "Unknown PCM ...") from whatever thread calls it, PortAudio included, which would
land in the middle of a conversation. Two defences:

* route_alsa_errors_to_log(): libasound's snd_lib_error_set_handler with a handler that logs
  (process-wide, once). The handler is variadic in C; ctypes sees its fixed arguments, so
  the log line has the file, line, function and the message's format, not its values.
* stderr_to_log(what): around device opening, where PortAudio itself prints (it offers no
  hook in the shipped library), file descriptor 2 goes to a temporary file and what was
  written there goes to the log (captured_stderr(), which the MBROLA voice uses too).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import logging
import os
import sys
import tempfile
import threading
from collections.abc import Iterator

log = logging.getLogger(__name__)

_ALSA_HANDLER = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)
_installed: list[object] = []  # keeps the ctypes callback alive while libasound holds it
_install_lock = threading.Lock()
_stderr_lock = threading.Lock()


def _text(raw: bytes | None) -> str:
    return raw.decode("utf-8", "replace") if raw else ""


@_ALSA_HANDLER
def _log_alsa_error(file: bytes, line: int, function: bytes, err: int, fmt: bytes) -> None:
    # Runs on whatever thread libasound reports from: log and return, never raise into C.
    with contextlib.suppress(Exception):
        log.info("ALSA %s:%d (%s) %s", _text(file), line, _text(function), _text(fmt))


def route_alsa_errors_to_log() -> bool:
    """Send libasound's error messages to the log; False where there is no libasound."""
    with _install_lock:
        if _installed:
            return True
        name = ctypes.util.find_library("asound")
        if name is None:
            return False
        try:
            asound = ctypes.CDLL(name)
            asound.snd_lib_error_set_handler(_log_alsa_error)
        except (OSError, AttributeError) as exc:
            log.debug("cannot route ALSA messages to the log: %s", exc)
            return False
        _installed.append(_log_alsa_error)
        return True


@contextlib.contextmanager
def captured_stderr() -> Iterator[list[bytes]]:
    """While the block runs, file descriptor 2 goes to a temporary file; once it has ended,
    the yielded list holds the lines written there (bytes, with their ends), by any thread.
    One capture at a time in the process (the others wait)."""
    lines: list[bytes] = []
    with _stderr_lock, tempfile.TemporaryFile() as sink:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(sink.fileno(), 2)
        try:
            yield lines
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            lines.extend(sink.read().splitlines(keepends=True))


@contextlib.contextmanager
def stderr_to_log(what: str) -> Iterator[None]:
    """While the block runs, anything written to file descriptor 2 is logged, not shown."""
    lines: list[bytes] = []
    try:
        with captured_stderr() as lines:
            yield
    finally:
        for line in lines:
            text = line.decode("utf-8", "replace").strip()
            if text:
                log.info("%s: %s", what, text)
