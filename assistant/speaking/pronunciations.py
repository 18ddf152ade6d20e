"""How a speech engine should say words it gets wrong: a table per language and engine.

`prompts/pronunciations.<lang>.<engine>.yaml` (for example `pronunciations.en.espeak.yaml`)
holds `replacements: {written: spoken}`, applied to the text sent to the engine, never to
the printed text. A language or engine without a file says every word as written: each
engine reads differently, so an entry is kept only where the intelligibility bench shows it
helps that engine.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TextIO

from assistant.paths import PROMPTS_DIR


def pronunciations_file(lang: str, engine: str, prompts_dir: Path = PROMPTS_DIR) -> Path:
    return prompts_dir / f"pronunciations.{lang}.{engine}.yaml"


class Pronunciations:
    """Replacements for the engine's text. Entries made only of letters, digits and hyphens
    match whole words (case-sensitive; a Latin word ends where Latin letters do); others
    match literally."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = dict(table)
        patterns = []
        # Longest first, so "iCloud Photos" would win over "iCloud".
        for written in sorted(self.table, key=len, reverse=True):
            escaped = re.escape(written)
            if re.fullmatch(r"[\w-]+", written):
                # A Latin word is whole next to Hangul: "iPhone" in "iPhone을" (Korean
                # writes particles onto the word), but not inside "iPhones".
                edge = r"[A-Za-z0-9_-]" if written.isascii() else r"[\w-]"
                escaped = rf"(?<!{edge}){escaped}(?!{edge})"
            patterns.append(escaped)
        self._regex = re.compile("|".join(patterns)) if patterns else None

    @classmethod
    def load(cls, path: Path) -> Pronunciations:
        """The table from YAML; an empty one if the file is missing. Raises ValueError if bad.

        Read like every file of prompts/ (size, encoding, nesting and alias bounds)."""
        from assistant.conversation.prompt_files import PromptError, load_yaml

        if not path.exists():
            return cls({})
        try:
            data = load_yaml(path)
        except PromptError as err:
            raise ValueError(str(err)) from err
        table = data.get("replacements", {}) if isinstance(data, dict) else None
        if not isinstance(table, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in table.items()
        ):
            raise ValueError(f"{path}: 'replacements' must map written text to spoken text")
        return cls(table)

    @classmethod
    def for_engine(cls, lang: str, engine: str, warn_to: TextIO | None = None) -> Pronunciations:
        """The table of this language and engine; a bad file costs only the fixes (one line)."""
        try:
            return cls.load(pronunciations_file(lang, engine))
        except ValueError as err:
            print(f"warning: {err}; pronunciation fixes are off", file=warn_to or sys.stderr)
            return cls({})

    def apply(self, text: str) -> str:
        if self._regex is None:
            return text
        return self._regex.sub(lambda match: self.table[match.group(0)], text)
