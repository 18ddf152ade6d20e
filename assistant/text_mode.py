"""Text mode: prompts printed, answers typed or read from a script.

Output is plain lines (no colour, no cursor movement), which is what screen readers and
logs handle best.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from assistant.interfaces import Control, Cue, Utterance

SILENCE_TOKEN = "<silence>"
"""A script line that stands for the user saying nothing until the listening timeout."""


class TextSpeaker:
    """Prints each prompt as one paragraph."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def cue(self, cue: Cue) -> None:
        """Text mode has no earcons: the "> " input prompt is the cue."""

    def adjust(self, control: Control) -> bool:
        """Nothing to change in print; acknowledged so the dialog behaves as with a voice."""
        return True

    def close(self) -> None:
        """Nothing to release."""


class StdinListener:
    """Answers typed at the keyboard; an empty line counts as silence."""

    def __init__(self, stdin: TextIO | None = None, out: TextIO | None = None) -> None:
        self.stdin = stdin or sys.stdin
        self.out = out or sys.stdout
        self.interactive = self.stdin.isatty()

    def listen(self, phrases: Sequence[str]) -> Utterance | None:
        if self.interactive:
            self.out.write("> ")
            self.out.flush()
        line = self.stdin.readline()
        if not line:
            return None
        return Utterance(line.strip())

    def close(self) -> None:
        """Standard input belongs to the caller."""


def read_script(path: Path) -> list[str]:
    """The utterances of a script file: one per line, blank lines and # comments skipped.

    Raises OSError or UnicodeDecodeError when the file cannot be read.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


class ScriptListener:
    """Plays back a list of utterances, echoing each; None when they run out."""

    def __init__(self, utterances: list[str], out: TextIO | None = None) -> None:
        self._pending = list(utterances)
        self.out = out or sys.stdout

    def listen(self, phrases: Sequence[str]) -> Utterance | None:
        if not self._pending:
            return None
        line = self._pending.pop(0)
        print(f"> {line}", file=self.out, flush=True)
        return Utterance("" if line == SILENCE_TOKEN else line)

    def close(self) -> None:
        """Nothing to release."""
