"""Text -> words, for any script: "Déjà fini" -> ["déjà", "fini"], "네 맞아요" -> ["네", "맞아요"].

Unicode-aware: NFKC first (full-width letters, composed accents, Hangul syllables), then
case folding; a word is a run of letters, digits and combining marks (Devanagari vowel
signs are marks), with apostrophes inside it kept ("i'm", "aujourd'hui"). Punctuation that
ends a clause is kept as BREAK for the reader (a negation does not reach past a comma).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

BREAK = ","
"""Token standing for a pause in the sentence: a comma, a full stop, a dash..."""


def clause_start(tokens: list[str], index: int) -> int:
    """Where the clause holding tokens[index] begins: just after the BREAK before it, or 0."""
    while index > 0 and tokens[index - 1] != BREAK:
        index -= 1
    return index


def clause_end(tokens: list[str], index: int) -> int:
    """Where the clause going on from tokens[index] ends: at the next BREAK, or the end."""
    while index < len(tokens) and tokens[index] != BREAK:
        index += 1
    return index


_APOSTROPHES = frozenset("'\u2019\u2018`\u02bc")
PERCENT = "%"
_NUMBER_MARKS = {".": ".", ",": ""}
"""Inside a number: a decimal point kept, a thousands separator dropped."""
SUFFIX_MARK = "-"
"""Marks a contraction rule that applies to the end of any word ("-n't": "not")."""


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM"


def _is_break(char: str) -> bool:
    """Clause-ending punctuation; not a hyphen ("mm-hmm") nor an apostrophe."""
    if char == "-" or char in _APOSTROPHES:
        return False
    return unicodedata.category(char) in ("Po", "Pd", "Ps", "Pe", "Pi", "Pf")


QUESTION_MARKS = frozenset("?\uff1f\u061f")
"""Punctuation that ends a question (ASCII, full-width, Arabic)."""


def tokens(text: str, asked: list[bool] | None = None) -> list[str]:
    """Words and BREAKs in order; apostrophes inside a word become "'".

    asked: if given, filled with one flag per BREAK: whether a question mark made it."""
    text = unicodedata.normalize("NFKC", text).casefold()
    out: list[str] = []
    word: list[str] = []
    for index, char in enumerate(text):
        if _is_word_char(char):
            word.append(char)
            continue
        inside_word = word and index + 1 < len(text) and _is_word_char(text[index + 1])
        if char in _APOSTROPHES and inside_word:
            word.append("'")
            continue
        if char in _NUMBER_MARKS and _between_digits(text, index, word):
            word.append(_NUMBER_MARKS[char])  # "4.9 GB", "1,000": one number, no pause
            continue
        if word:
            out.append("".join(word))
            word = []
        if char == PERCENT:
            out.append(PERCENT)  # "98%": a word of its own, not a pause
        elif _is_break(char) and out and out[-1] != BREAK:
            out.append(BREAK)
            if asked is not None:
                asked.append(char in QUESTION_MARKS)
        elif _is_break(char) and out and asked:  # "?!", "..?": one break, asked if any is
            asked[-1] = asked[-1] or char in QUESTION_MARKS
    if word:
        out.append("".join(word))
    return out


def _between_digits(text: str, index: int, word: list[str]) -> bool:
    return bool(word) and word[-1].isdigit() and index + 1 < len(text) and text[index + 1].isdigit()


def without_stammer(
    words: list[str], known: frozenset[str] = frozenset(), doubled: frozenset[str] = frozenset()
) -> list[str]:
    """Speech typed out as it was said, repeats and false starts dropped: "it's it's on" ->
    "it's on", "d-d-done" -> "done" (a fragment of one or two letters, not a word of the
    vocabulary, that the next word starts with). Breaks are kept, and so are the repeats of
    `doubled`, words whose repeat means something ("uh-uh", "not not")."""
    out: list[str] = []
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        fragment = (
            len(word) <= 2
            and word not in known
            and word != BREAK
            and len(following) > len(word)
            and following.startswith(word)
        )
        repeat = bool(out) and word == out[-1] and word != BREAK and word not in doubled
        if fragment or repeat:
            continue
        out.append(word)
    return out


def normalize(text: str) -> list[str]:
    """Lower-case words, punctuation dropped, apostrophes kept ("I’m" -> "i'm")."""
    return [t for t in tokens(text) if t != BREAK]


@dataclass(frozen=True)
class Contractions:
    """Short forms and their long forms, from the language file ("isn't" -> "is not").

    Whole words ("can't": "can not") and word endings marked with a leading "-" ("-n't":
    "not", so "didn't" -> "did not"); a whole word wins over an ending.
    """

    whole: Mapping[str, tuple[str, ...]]
    endings: tuple[tuple[str, tuple[str, ...]], ...]

    @classmethod
    def from_mapping(cls, contractions: Mapping[str, str]) -> Contractions:
        whole = {k: tuple(v.split()) for k, v in contractions.items() if not k.startswith("-")}
        endings = tuple(
            (k[len(SUFFIX_MARK) :], tuple(v.split()))
            for k, v in contractions.items()
            if k.startswith(SUFFIX_MARK)
        )
        return cls(whole, endings)

    def expand(self, words: list[str]) -> list[str]:
        """Each word replaced by its long form."""
        out: list[str] = []
        for word in words:
            if word in self.whole:
                out.extend(self.whole[word])
                continue
            for ending, long_form in self.endings:
                if word.endswith(ending) and word != ending:
                    out.append(word[: -len(ending)])
                    out.extend(long_form)
                    break
            else:
                out.append(word)
        return out


@dataclass(frozen=True)
class Spelling:
    """Typing slips repaired into the vocabulary's words, for any script.

    Only a word the vocabulary does not know is repaired, and only into a word that is a
    whole answer or command by itself ("yes", "nope", "repeat"), when exactly one comes out:
    letters held down ("yesss", "noo") and two neighbouring letters swapped ("yse",
    "repaet", "stpo"). So real words stay ("three" is not "there", "form" not "from"), and
    never into a word that flips an answer ("ton" stays "ton", not "not").
    """

    known: frozenset[str]
    """Every word of the vocabulary: never repaired."""
    targets: frozenset[str] = frozenset()
    """Words a slip may be repaired into: those that are a phrase on their own."""
    never_into: frozenset[str] = frozenset()
    min_swap_length: int = 3

    def repair(self, words: list[str]) -> list[str]:
        return [self._repair(word) for word in words]

    def _repair(self, word: str) -> str:
        if word in self.known or not word.isalpha() or len(word) > _LONGEST_SLIP:
            return word
        found = {c for c in self._candidates(word) if c in self.targets} - self.never_into
        return found.pop() if len(found) == 1 else word

    def near_negation(self, word: str) -> bool:
        """An unknown word one letter from a negation of three letters or more: left out
        ("nver", "nt"), or changed or swapped in one of three ("nit", "nto"); not one added
        ("note" is a word): never repaired into it, but not read as a plain word either."""
        if word in self.known or not word.isalpha():
            return False
        return any(
            (len(word) == len(n) - 1 or len(word) == len(n) == 3) and _one_edit(word, n)
            for n in self.never_into
            if len(n) >= 3
        )  # a letter changed only in a short one: "none" is one from "note", "nose"

    def _candidates(self, word: str) -> set[str]:
        runs = _letter_runs(word)
        out = {"".join(c for c, _ in runs), "".join(c * min(n, 2) for c, n in runs)}
        if len(word) >= self.min_swap_length:
            out.update(
                word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                for i in range(len(word) - 1)
                if word[i] != word[i + 1]
            )
        return out - {word}


def _one_edit(word: str, other: str) -> bool:
    """One letter changed, added, left out, or two neighbours swapped."""
    if word == other or abs(len(word) - len(other)) > 1:
        return False
    if len(word) == len(other):
        diff = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == other[diff[1]]
            and word[diff[1]] == other[diff[0]]
        )  # fmt: skip
    short, long = sorted((word, other), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


_LONGEST_SLIP = 24
"""Longer "words" are not typing slips of an answer (and would cost time to try)."""


def _letter_runs(word: str) -> list[tuple[str, int]]:
    """ "yesss" -> [("y", 1), ("e", 1), ("s", 3)]."""
    runs: list[tuple[str, int]] = []
    for char in word:
        if runs and runs[-1][0] == char:
            runs[-1] = (char, runs[-1][1] + 1)
        else:
            runs.append((char, 1))
    return runs
