"""Progress through the flow, saved after every answer so nothing is lost.

Saving writes a temporary file beside the target, flushes it to disk and renames it over
the old one: a crash or power cut leaves either the old file or the new one, never half.
A file that cannot be read is moved aside (never deleted) and the session starts fresh.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from assistant.atomic_file import write_text_atomically
from assistant.paths import user_data_dir

FORMAT_VERSION = 1


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
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            raise ValueError("not a saved session of this version")
        state, history = data.get("state"), data.get("history")
        if not isinstance(state, str) or not isinstance(history, list):
            raise ValueError("missing state or history")
        return cls(state, [Answer(str(a["state"]), str(a["intent"]), str(a.get("heard", "")))
                           for a in history])  # fmt: skip


class StateStore:
    """One session's progress in one JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, valid_states: set[str]) -> tuple[Progress | None, str | None]:
        """The saved progress (None if there is none) and a warning for the user, if any."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None, None
        except OSError as err:
            return (
                None,
                f"Could not read saved session {self.path}: {err.strerror}. Starting fresh.",
            )
        try:
            progress = Progress.from_json(json.loads(text))
            unknown = {progress.state, *(a.state for a in progress.history)} - valid_states
            if unknown:
                raise ValueError(f"unknown question {sorted(unknown)[0]}")
        except (ValueError, KeyError, TypeError) as err:
            kept = self._set_aside()
            return None, (f"Saved session {self.path} is damaged ({err}); kept it as {kept.name} "
                          "and starting fresh.")  # fmt: skip
        return progress, None

    def save(self, progress: Progress) -> None:
        write_text_atomically(self.path, json.dumps(progress.to_json(), indent=1))

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def _set_aside(self) -> Path:
        kept = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, kept)
        except OSError:
            return self.path
        return kept
