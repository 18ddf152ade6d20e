"""Text mode: prompts printed, answers typed or read from a script.

Output is plain lines (no colour, no cursor movement), which is what screen readers and
logs handle best. Reads are bounded: a script of more than MAX_SCRIPT_BYTES is refused, and a
typed line longer than MAX_LINE_CHARS ends typed input (as the end of the input would), so
neither `--script /dev/zero` nor `--text < /dev/zero` can fill the memory.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from assistant.interfaces import Control, Cue, Utterance

SILENCE_TOKEN = "<silence>"
"""A script line that stands for the user saying nothing until the listening timeout."""
MAX_SCRIPT_BYTES = 1_000_000
"""A script is at most this long (a few hundred lines is a long conversation)."""
MAX_LINE_CHARS = 10_000
"""A typed answer is at most this long; a longer line is not someone typing."""


class ScriptTooLong(ValueError):
    """A script file past MAX_SCRIPT_BYTES."""


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


def replace_undecodable(stream: TextIO) -> None:
    """Bytes that are not text become U+FFFD: an answer nobody understands, not a crash."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="replace")


class StdinListener:
    """Answers typed at the keyboard; an empty line counts as silence."""

    def __init__(self, stdin: TextIO | None = None, out: TextIO | None = None) -> None:
        self.stdin = stdin or sys.stdin
        self.out = out or sys.stdout
        self.interactive = self.stdin.isatty()
        replace_undecodable(self.stdin)

    def listen(self, phrases: Sequence[str], question: str | None = None) -> Utterance | None:
        if self.interactive:
            self.out.write("> ")
            self.out.flush()
        line = self.stdin.readline(MAX_LINE_CHARS + 1)
        if not line:
            return None
        if len(line) > MAX_LINE_CHARS and not line.endswith("\n"):
            print(f"Input line longer than {MAX_LINE_CHARS} characters: ending typed input.",
                  file=sys.stderr, flush=True)  # fmt: skip
            return None
        return Utterance(line.strip())

    def close(self) -> None:
        """Standard input belongs to the caller."""


def read_script(path: Path) -> list[str]:
    """The utterances of a script file: one per line, blank lines and # comments skipped.

    Raises OSError or UnicodeDecodeError when the file cannot be read, ScriptTooLong past
    MAX_SCRIPT_BYTES (read in full only up to that: a pipe or /dev/zero cannot fill memory).
    """
    with path.open("rb") as handle:
        data = handle.read(MAX_SCRIPT_BYTES + 1)
    if len(data) > MAX_SCRIPT_BYTES:
        raise ScriptTooLong(f"longer than {MAX_SCRIPT_BYTES:,} bytes")
    lines = data.decode("utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


class ScriptListener:
    """Plays back a list of utterances, echoing each; None when they run out."""

    def __init__(self, utterances: list[str], out: TextIO | None = None) -> None:
        self._pending = list(utterances)
        self.out = out or sys.stdout

    def listen(self, phrases: Sequence[str], question: str | None = None) -> Utterance | None:
        if not self._pending:
            return None
        line = self._pending.pop(0)
        print(f"> {line}", file=self.out, flush=True)
        return Utterance("" if line == SILENCE_TOKEN else line)

    def close(self) -> None:
        """Nothing to release."""
