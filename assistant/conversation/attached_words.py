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

People type as they speak, and a recognizer runs words together:
- `respellings`: common misspellings put right wherever they stand in a word ("됬" ->
  "됐", "잇어" -> "있어", "않돼" -> "안돼"), and one spelling for forms that mean the same
  ("돼" -> "되", so "되네요" and "돼요" meet);
- `final_variants`: a playful or slurred last syllable read as the one it stands for, when
  the word then reads ("맞아용" -> "맞아요", "아니여" -> "아니요", "넹" -> "네");
- words written together ("꺼져있어", "다시말해주세요") are read as the words of the file
  they are made of, when every piece reads and the last is longer than one syllable (a
  last syllable is an ending: "했다" is not 했 + 다);
- `dropped`: words read as nothing ("좀"), so "소리 좀 키워 줘" meets "소리 키워";
- `alone_first`: "아니" first in a clause (fillers before it aside), with more after it,
  is a clause of its own, as if a comma followed ("아니 아직 못 했어": no, not yet);
- `clause_endings` and `clause_words`: a clause joined by "-는데", "-지만", "근데" ends
  there, as at a comma ("켰는데, 요금제가 무제한은 아니에요": the negation after it does not
  reach back to 켰). Not at the end of what was said, so the file's phrases are unchanged.

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
MAX_RUN_TOGETHER = 3
"""The most words one written word is split into ("다시말해주세요": 다시, 말해, 주세요)."""


@dataclass(frozen=True)
class AttachedWords:
    """How one language's words are taken apart before matching."""

    endings: tuple[str, ...]
    """Particles and endings, longest first ("이에요" before "요")."""
    negation_prefixes: tuple[str, ...]
    """Negations written onto the start of a verb ("안", "못")."""
    stems: frozenset[str]
    """Words an ending or a negation may be taken off to reach."""
    respellings: tuple[tuple[str, str], ...] = ()
    """(written, read) pairs replaced anywhere in a word, longest first."""
    final_variants: tuple[tuple[str, str], ...] = ()
    """(last syllable, the one it stands for) when the word does not read as written."""
    clause_endings: tuple[str, ...] = ()
    """Endings after which the clause ends ("는데", "지만"), longest first."""
    clause_words: frozenset[str] = frozenset()
    """Words that open a new clause ("근데", "하지만"): read as a clause break."""
    alone_first: frozenset[str] = frozenset()
    """Words (as read) that, first in a clause with more after them, are a clause of their
    own: "아니, 아직 못 했어": the interjection no, not a negation of what comes before."""
    fillers: frozenset[str] = frozenset()
    """Words that carry nothing (the file's one-word fillers): "음" before 아니 leaves it first."""
    dropped: frozenset[str] = frozenset()
    """Words read as nothing at all, so phrases meet around them ("소리 좀 키워" is "소리 키워")."""

    @classmethod
    def from_lists(
        cls,
        endings: Iterable[str],
        negation_prefixes: Iterable[str],
        phrase_words: Iterable[str],
        respellings: dict[str, str] | None = None,
        final_variants: dict[str, str] | None = None,
        clause_endings: Iterable[str] = (),
        clause_words: Iterable[str] = (),
        alone_first: Iterable[str] = (),
        fillers: Iterable[str] = (),
        dropped: Iterable[str] = (),
    ) -> AttachedWords:
        """phrase_words: every word of the language file's phrases, as normalized."""
        ordered = tuple(sorted(set(endings), key=len, reverse=True))
        respelled = tuple(sorted((respellings or {}).items(), key=lambda p: -len(p[0])))
        words = {_respell(w, respelled) for w in phrase_words}
        stems = words | {w[: -len(e)] for w in words for e in ordered if _ends_with(w, e)}
        return cls(
            ordered, tuple(negation_prefixes), frozenset(stems), respelled,
            tuple((final_variants or {}).items()),
            tuple(sorted(set(clause_endings), key=len, reverse=True)), frozenset(clause_words),
            frozenset(alone_first), frozenset(fillers), frozenset(dropped),
        )  # fmt: skip

    def read(self, words: list[str]) -> list[str]:
        """The words with endings taken off and negation prefixes split off; pieces of a
        word written apart, as a speech model may ("맞아 요", "거 의"), joined first."""
        words = [BREAK if w in self.clause_words else _respell(w, self.respellings)
                 for w in words if w not in self.dropped]  # fmt: skip
        out: list[str] = []
        start = 0
        while start < len(words):
            end = self._joined_end(words, start)
            out += self._read_word("".join(words[start:end]))
            start = end
        while out and out[-1] == BREAK and BREAK not in words[-1:]:
            out.pop()  # "꺼져 있는데요." ends there anyway
        return self._first_alone(out)

    def _first_alone(self, words: list[str]) -> list[str]:
        out: list[str] = []
        for index, word in enumerate(words):
            out.append(word)
            before = [w for w in words[:index] if w not in self.fillers]  # "음 아니요 ..."
            first = not before or before[-1] == BREAK
            more = index + 1 < len(words) and words[index + 1] != BREAK
            if first and more and word in self.alone_first:
                out.append(BREAK)
        return out

    def _read_word(self, word: str) -> list[str]:
        """One written word as the words it reads, with a BREAK after a clause ending."""
        for ending in self.clause_endings:
            if _ends_with(word, ending) and self._stem(word) is None:
                return [*self._split(word[: -len(ending)]), BREAK]
        return self._split(word)

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
        return self._reading(word, MAX_RUN_TOGETHER) or [word]

    def _reading(self, word: str, most: int) -> list[str] | None:
        """The words this written word reads as (at most `most` of them), or None: as it
        is, with a negation prefix split off, with its last syllable's variant, or as words
        written together (the longest first word that lets the rest read)."""
        for written in self._variants(word):
            stem = self._stem(written)
            if stem is not None:
                return [stem]
            for prefix in self.negation_prefixes:
                starts = len(written) > len(prefix) and written.startswith(prefix)
                rest = self._stem(written[len(prefix) :]) if starts else None
                if rest is not None:
                    return [prefix, rest]
        if most < 2:
            return None
        for cut in range(len(word) - 1, 0, -1):
            head, tail = word[:cut], word[cut:]
            if head in self.endings or tail in self.endings or len(tail) < 2:
                continue  # "사진이" is 사진 + a particle, "했다" 했 + an ending: not two words
            first = self._reading(head, 1)
            others = self._reading(tail, most - 1) if first else None
            if first and others:
                return [*first, *others]
        return None

    def _variants(self, word: str) -> list[str]:
        """The word, then the word with its last syllable's variant ("맞아용" -> "맞아요")."""
        out = [word]
        for last, meant in self.final_variants:
            if _ends_with(word, last) or word == last:
                out.append(word[: -len(last)] + meant)
        return out

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


def _respell(word: str, respellings: tuple[tuple[str, str], ...]) -> str:
    for written, read in respellings:
        word = word.replace(written, read)
    return word


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
    lists: dict[str, Any] = {}
    for key in (
        "endings",
        "negation_prefixes",
        "clause_endings",
        "clause_words",
        "alone_first",
        "dropped",
    ):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise PromptError(path, f"understanding.attached.{key}", "not a list of words")
        lists[key] = [w for v in value for w in normalize(v)]
    for key in ("respellings", "final_variants"):
        value = raw.get(key, {})
        parts = [p for pair in value.items() for p in pair] if isinstance(value, dict) else [0]
        if not all(isinstance(p, str) and normalize(p) == [p] for p in parts):
            raise PromptError(path, f"understanding.attached.{key}", "not a mapping of word parts")
        lists[key] = dict(value)
    lists["fillers"] = [f for f in rules.get("fillers") or [] if len(normalize(str(f))) == 1]
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
