"""The words listening needs per language, from the `listening:` section of prompts/<lang>.yaml.

distractors: common words in no answer or command, so out-of-grammar speech has somewhere
  to go (grammar.py); only words that sound unlike the answers (measured: near neighbours
  such as "now" for "no" stole real answers).
continuations: words that may follow a complete answer and change it ("definitely" ->
  "definitely not"), so no early decision is taken on the shorter one (end_of_answer.py).
level_peak: (a number, not a word list) the peak an utterance is scaled to when the
  grammar did not hear it surely, for a second hearing (vosk_recognizer.py); a language's
  model may hear a voice best at one level (Korean: bench/history/korean.md, round eight). None
  (English): off.
named_words: the single words the prompts ask for by name ("say yes or no", "say stop"):
  the grammar's hearing of one of them alone is acted on as it is. Any other single-word
  answer or command heard alone ("sure", "right") is acted on only when the unrestricted
  pass does not contradict it (free_pass.py). Empty: every single word as the grammar
  heard it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assistant.conversation.prompt_files import PromptError, load_yaml


@dataclass(frozen=True)
class ListeningWords:
    distractors: tuple[str, ...] = ()
    continuations: tuple[str, ...] = ()
    named_words: tuple[str, ...] = ()
    level_peak: float | None = None

    @classmethod
    def load(cls, lang: str, prompts_dir: Path) -> ListeningWords:
        """The section of prompts_dir/<lang>.yaml; empty lists when it has none."""
        path = prompts_dir / f"{lang}.yaml"
        section = load_yaml(path).get("listening", {})
        if not isinstance(section, dict):
            raise PromptError(path, "listening", "not a mapping")
        keys = ("distractors", "continuations", "named_words")
        level = section.get("level_peak")
        if level is not None and (
            isinstance(level, bool) or not isinstance(level, int | float) or not 0 < level <= 1
        ):
            raise PromptError(path, "listening.level_peak", "not a number above 0, at most 1")
        distractors, continuations, named_words = (_words(path, section, key) for key in keys)
        return cls(distractors, continuations, named_words,
                   level_peak=None if level is None else float(level))  # fmt: skip


def _words(path: Path, section: dict[str, object], key: str) -> tuple[str, ...]:
    entries = section.get(key, [])
    if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
        raise PromptError(path, f"listening.{key}", "not a list of words")
    return tuple(" ".join(e.lower().split()) for e in entries if e.strip())
