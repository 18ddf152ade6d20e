"""Words that carry particles, endings and negations written onto them, as Korean does.

English puts each of these in a word of its own ("not", "is"); Korean writes them onto
the word: "사진이" (photo + subject particle), "와이파이예요" (Wi-Fi + "it is"), "안했어요"
(not + did), "했습니다" / "했어요" / "했지" (did, in three endings). The matcher
(understanding.py) finds phrases of whole words; this module takes such words apart first,
from the language file's `understanding.attached` lists:

- `endings`: taken off a word when what is left is a word of the file's phrases (or one
  with its own ending taken off): "사진은" and "사진이" both read "사진", "했습니다" and
  "했어요" both "했";
- `negation_prefixes`: split off the start of a word whose rest is such a word:
  "안돼요" -> "안 돼".

The Korean speech model writes many words in pieces in its transcripts ("맞 아요" for
맞아요, "로그인 했어요": its vocabulary, the symbol table of graph/Gr.fst, holds stems,
particles and endings as words of their own): pieces that are no word alone are joined
back first.

(Negations said after the verb, "켜지 않았어요", are words of their own: the language
file's `understanding.trailing_negations`, read by interpretation.py.)

The same reading is applied to the file's phrases and to what the user said, so both
meet in the same form. A language without `attached` reads every word as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.conversation.normalization import BREAK, normalize
from assistant.conversation.prompt_files import PromptError

MAX_PIECES = 4
"""The most pieces one written word is joined from."""


@dataclass(frozen=True)
class AttachedWords:
    """How one language's words are taken apart before matching."""

    endings: tuple[str, ...]
    """Particles and endings, longest first ("이에요" before "요")."""
    negation_prefixes: tuple[str, ...]
    """Negations written onto the start of a verb ("안", "못")."""
    stems: frozenset[str]
    """Words an ending or a negation may be taken off to reach."""

    @classmethod
    def from_lists(
        cls,
        endings: Iterable[str],
        negation_prefixes: Iterable[str],
        phrase_words: Iterable[str],
    ) -> AttachedWords:
        """phrase_words: every word of the language file's phrases, as normalized."""
        ordered = tuple(sorted(set(endings), key=len, reverse=True))
        words = set(phrase_words)
        stems = words | {w[: -len(e)] for w in words for e in ordered if _ends_with(w, e)}
        return cls(ordered, tuple(negation_prefixes), frozenset(stems))

    def read(self, words: list[str]) -> list[str]:
        """The words with endings taken off and negation prefixes split off; pieces of a
        word written apart, as a speech model may ("맞아 요", "거 의"), joined first."""
        out: list[str] = []
        start = 0
        while start < len(words):
            end = self._joined_end(words, start)
            out += self._split("".join(words[start:end]))
            start = end
        return out

    def _joined_end(self, words: list[str], start: int) -> int:
        """Where the word at start ends: after the longest run of pieces that reads as one
        word, when one of them is no word alone (so "못 했어요" stays two); else start + 1."""
        for end in range(min(len(words), start + MAX_PIECES), start + 1, -1):
            pieces = words[start:end]
            if BREAK in pieces or all(self._is_word(p) for p in pieces):
                continue
            if self._stem("".join(pieces)) is not None:
                return end
        return start + 1

    def _split(self, word: str) -> list[str]:
        if word == BREAK:
            return [word]
        stem = self._stem(word)
        if stem is not None:
            return [stem]
        for prefix in self.negation_prefixes:
            starts = len(word) > len(prefix) and word.startswith(prefix)
            rest = self._stem(word[len(prefix) :]) if starts else None
            if rest is not None:
                return [prefix, rest]
        return [word]

    def _is_word(self, piece: str) -> bool:
        """A piece that reads alone, and is not an ending written apart ("요", "이")."""
        return piece not in self.endings and self._stem(piece) is not None

    def _stem(self, word: str) -> str | None:
        """The word with endings off (longest first) for as long as that leaves a stem
        ("유지가" -> "유지" -> "유", as "유지" in a phrase reads); None if it is no stem."""
        while (shorter := self._without_ending(word)) is not None:
            word = shorter
        return word if word in self.stems else None

    def _without_ending(self, word: str) -> str | None:
        for ending in self.endings:
            if _ends_with(word, ending) and word[: -len(ending)] in self.stems:
                return word[: -len(ending)]
        return None


def _ends_with(word: str, ending: str) -> bool:
    """True when the word ends so and has more before it."""
    return len(word) > len(ending) and word.endswith(ending)


def load(path: Path, data: dict[str, Any], sections: Iterable[str]) -> AttachedWords | None:
    """The `understanding.attached` lists of a language file; None when it has none.

    sections: the file's sections whose phrases the reading must reach (`intents`, ...)."""
    rules = data.get("understanding")
    if not isinstance(rules, dict) or rules.get("attached") is None:
        return None
    raw = rules["attached"]
    if not isinstance(raw, dict):
        raise PromptError(path, "understanding.attached", "not a mapping")
    lists = {}
    for key in ("endings", "negation_prefixes"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise PromptError(path, f"understanding.attached.{key}", "not a list of words")
        lists[key] = [w for v in value for w in normalize(v)]
    phrases = [data.get(s) for s in sections if s != "understanding"]
    phrases += [v for k, v in rules.items() if k != "attached"]  # negations, fillers, ...
    words = [w for text in _strings_in(phrases) for w in normalize(text)]
    return AttachedWords.from_lists(phrase_words=words, **lists)


def _strings_in(value: Any) -> Iterator[str]:
    """Every string inside nested mappings and lists."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings_in(item)
