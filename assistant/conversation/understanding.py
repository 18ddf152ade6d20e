"""Utterance text -> one canonical intent, from the per-language vocabulary in prompts/.

Phrases are matched on whole words, longest first, so "not yet" wins over "yet" and
"go back" over "back". A yes-phrase right after a negation ("not done", "isn't okay")
counts as no. When the phrases found point to different intents the utterance is
ambiguous and comes out `unknown`: the assistant asks again rather than guess. A spoken
command ("stop", "go back") outranks a yes or no said in the same breath.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from assistant.conversation.prompt_files import PromptError, load_yaml
from assistant.paths import PROMPTS_DIR

INTENTS = (
    "yes", "no", "repeat", "back", "skip", "help", "pause", "resume", "stop",
    "start_over", "where", "slower", "faster", "louder", "quieter",
)  # fmt: skip
ANSWERS = ("yes", "no")
UNKNOWN = "unknown"
SILENCE = "silence"

# Words that turn a following yes-phrase into a no ("I'm not signed in").
_NEGATIONS = {"not", "don't", "didn't", "isn't", "wasn't", "haven't", "hasn't", "never"}
_NEGATION_REACH_WORDS = 2
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def normalize(text: str) -> list[str]:
    """Lower-case words, punctuation dropped, apostrophes kept ("I’m" -> "i'm")."""
    text = text.translate(_APOSTROPHES).lower()
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text)


@dataclass(frozen=True)
class Vocabulary:
    """What counts as each intent in one language."""

    lang: str
    phrases_by_intent: dict[str, tuple[tuple[str, ...], ...]]
    """intent -> its phrases, each a tuple of normalized words."""

    @classmethod
    def load(cls, lang: str = "en", prompts_dir: Path = PROMPTS_DIR) -> Vocabulary:
        path = prompts_dir / f"{lang}.yaml"
        data = load_yaml(path)
        raw = data.get("intents")
        if not isinstance(raw, dict):
            raise PromptError(path, "intents", "missing or not a mapping of intent to phrases")
        phrases: dict[str, tuple[tuple[str, ...], ...]] = {}
        for intent in INTENTS:
            entries = raw.get(intent)
            if not isinstance(entries, list) or not entries:
                raise PromptError(path, f"intents.{intent}", "missing or empty phrase list")
            phrases[intent] = tuple(tuple(normalize(str(p))) for p in entries)
        for intent in raw:
            if intent not in INTENTS:
                raise PromptError(path, f"intents.{intent}", "not an intent of flow.md")
        return cls(lang, phrases)

    def phrases(self, intents: Iterable[str]) -> list[str]:
        """The phrases of these intents as plain strings (for a recognizer's grammar)."""
        return [" ".join(p) for i in intents for p in self.phrases_by_intent[i]]

    def parse(self, text: str, question: str | None = None) -> str:
        """The canonical intent of one utterance; `unknown` when unsure, `silence` when empty.

        question: the id of the question being answered (a flow node id, or `fixed?`), so
        answers can be read in context; None for the general vocabulary.
        """
        words = normalize(text)
        if not words:
            return SILENCE
        found = self._match(words)
        commands = {i for i in found if i not in ANSWERS}
        if len(commands) == 1:
            return commands.pop()
        if len(found) == 1:
            return found.pop()
        return UNKNOWN

    def _match(self, words: list[str]) -> set[str]:
        """Intents of the phrases found in words, scanning left to right, longest first."""
        candidates = sorted(
            ((p, i) for i, ps in self.phrases_by_intent.items() for p in ps),
            key=lambda pair: -len(pair[0]),
        )
        found: set[str] = set()
        pos = 0
        while pos < len(words):
            for phrase, intent in candidates:
                if tuple(words[pos : pos + len(phrase)]) == phrase:
                    found.add(self._negated(words, pos) if intent == "yes" else intent)
                    pos += len(phrase)
                    break
            else:
                pos += 1
        return found

    @staticmethod
    def _negated(words: list[str], pos: int) -> str:
        before = words[max(0, pos - _NEGATION_REACH_WORDS) : pos]
        return "no" if _NEGATIONS.intersection(before) else "yes"
