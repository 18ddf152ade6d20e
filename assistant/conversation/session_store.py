"""Progress through the flow, saved after every answer so nothing is lost.

Saving writes a temporary file beside the target, flushes it to disk and renames it over
the old one: a crash or power cut leaves either the old file or the new one, never half.
A file that cannot be read is moved aside (never deleted) and the session starts fresh.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import json
import os
import stat
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from assistant.atomic_file import write_text_atomically
from assistant.paths import user_data_dir

FORMAT_VERSION = 1
MAX_FILE_BYTES = 10_000_000
"""A saved session is a few kB; anything past this is not one."""
ANSWER_INTENTS = ("yes", "no", "skip")


def default_state_file() -> Path:
    return user_data_dir() / "session.json"


@dataclass(frozen=True)
class Answer:
    state: str
    """The machine state the answer was given in, e.g. "s1.s1_apple_id" or "s1.fixed"."""
    intent: str
    """yes, no or skip."""
    heard: str = ""
    """What the user said or typed."""


@dataclass
class Progress:
    state: str = "start"
    """The current machine state."""
    history: list[Answer] = field(default_factory=list)
    """The answers that stand, oldest first; `back` pops the last one."""

    def to_json(self) -> dict:
        return {"version": FORMAT_VERSION, "state": self.state,
                "history": [asdict(a) for a in self.history]}  # fmt: skip

    @classmethod
    def from_json(cls, data: object) -> Progress:
        """Raises ValueError for anything but a saved session of this version."""
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            raise ValueError("not a saved session of this version")
        state, history = data.get("state"), data.get("history")
        if not isinstance(state, str) or not isinstance(history, list):
            raise ValueError("missing state or history")
        return cls(state, [_answer_from_json(a) for a in history])


def _answer_from_json(data: object) -> Answer:
    if not isinstance(data, dict):
        raise ValueError("an answer is not a mapping")
    state, intent, heard = data.get("state"), data.get("intent"), data.get("heard", "")
    if not isinstance(state, str) or not isinstance(heard, str):
        raise ValueError("an answer lacks its state")
    if not isinstance(intent, str) or intent not in ANSWER_INTENTS:
        raise ValueError(f"unknown answer '{intent}'")
    return Answer(state, intent, heard)


class StateStore:
    """One session's progress in one JSON file.

    Opening a store removes the temporary files that earlier runs, killed mid-write, left
    beside it. A saved file that cannot be used, whatever is in it, is moved aside (if it is
    a regular file: nothing else is ever renamed) and the session starts fresh.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._remove_stale_temporaries()

    def load(self, valid_states: set[str]) -> tuple[Progress | None, str | None]:
        """The saved progress (None if there is none) and a warning for the user, if any."""
        try:
            raw = self._read()
        except FileNotFoundError:
            return None, None
        except _NotAFile:
            return (
                None,
                f"Saved session {self.path} is not a regular file; left it as it is "
                "and starting fresh.",
            )
        except OSError as err:
            reason = err.strerror or str(err)
            return None, f"Could not read saved session {self.path}: {reason}. Starting fresh."
        try:
            progress = _parse(raw)
            unknown = {progress.state, *(a.state for a in progress.history)} - valid_states
            if unknown:
                raise ValueError(f"unknown question {_shown(sorted(unknown)[0])}")
        except ValueError as err:
            kept = self._set_aside()
            where = f"kept it as {kept.name}" if kept else "could not move it aside"
            return (
                None,
                f"Saved session {self.path} is damaged ({err}); {where} and starting fresh.",
            )
        return progress, None

    def save(self, progress: Progress) -> None:
        write_text_atomically(self.path, json.dumps(progress.to_json(), indent=1))

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def _read(self) -> bytes:
        """The bytes of the state file, if it is a regular file of a sane size."""
        fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise _NotAFile
            return handle.read(MAX_FILE_BYTES + 1)

    def _set_aside(self) -> Path | None:
        """Rename a damaged regular file aside; None if it is not one or cannot be moved."""
        stamp = f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}"
        kept = self.path.with_name(stamp)
        for n in itertools.count(1):  # never overwrite a file kept earlier
            if not kept.exists():
                break
            kept = self.path.with_name(f"{stamp}-{n}")
        try:
            if not stat.S_ISREG(self.path.lstat().st_mode):
                return None
            os.replace(self.path, kept)
        except OSError:
            return None
        return kept

    def _remove_stale_temporaries(self) -> None:
        """`.session.json.*.tmp`: what atomic_file leaves behind when a run is killed mid-write."""
        with contextlib.suppress(OSError):
            for stale in self.path.parent.glob(f".{glob.escape(self.path.name)}.*.tmp"):
                with contextlib.suppress(OSError):
                    if stat.S_ISREG(stale.lstat().st_mode):
                        stale.unlink()


class _NotAFile(Exception):
    """The state path exists but is a directory, device, pipe or socket."""


def _parse(raw: bytes) -> Progress:
    """Progress from the file's bytes; ValueError for anything unusable."""
    if len(raw) > MAX_FILE_BYTES:
        raise ValueError(f"larger than {MAX_FILE_BYTES} bytes")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except json.JSONDecodeError as err:
        raise ValueError(f"not JSON: {err.msg} at line {err.lineno}") from None
    return Progress.from_json(data)


def _shown(name: str, most: int = 40) -> str:
    """A name read from a damaged file, fit for a one-line message: quoted, its line breaks
    and control characters escaped, and cut short (the file may hold anything)."""
    return repr(name if len(name) <= most else name[:most] + "...")
