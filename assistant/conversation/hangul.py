"""Hangul syllable arithmetic for reading Korean verb forms (attached_words.py).

A Hangul syllable is one code point made of an initial consonant, a vowel and an optional
final consonant (Unicode's "Hangul Syllables" block, U+AC00-U+D7A3, 19 x 21 x 28). A verb
ending changes the last syllable of the stem: 보이 + 어요 is 보여요, 켜 + 었어요 is 켰어요,
열리 + ㅂ니다 is 열립니다. These functions make those forms from a stem, so a form the
language file does not list ("열리지 않아요", "씁니다") meets the one it does (열려요, 써요).
"""

from __future__ import annotations

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
VOWELS, FINALS = 21, 28
NIEUN, RIEUL, BIEUP, BIEUP_SIOT, SSANG_SIOT = 4, 8, 17, 18, 20
"""Final consonant indexes: ㄴ, ㄹ, ㅂ, ㅄ (없), ㅆ."""
HIEUT_INITIAL = 18
"""Initial consonant index of ㅎ (하 + 어 is 해, not 하)."""
VOWEL_A, VOWEL_AE, VOWEL_EO, VOWEL_YEO, VOWEL_O, VOWEL_WA = 0, 1, 4, 6, 8, 9
VOWEL_WAE, VOWEL_OE, VOWEL_U, VOWEL_WO, VOWEL_WI, VOWEL_EU, VOWEL_UI, VOWEL_I = (
    10, 11, 13, 14, 16, 18, 19, 20,
)  # fmt: skip
"""Vowel indexes: ㅏ ㅐ ㅓ ㅕ ㅗ ㅘ / ㅙ ㅚ ㅜ ㅝ ㅟ ㅡ ㅢ ㅣ."""
CONTRACTED = {
    VOWEL_I: VOWEL_YEO, VOWEL_EU: VOWEL_EO, VOWEL_O: VOWEL_WA, VOWEL_U: VOWEL_WO,
    VOWEL_OE: VOWEL_WAE,
}  # fmt: skip
"""An open stem's last vowel with -아/-어 run into it: 보이 + 어 = 보여, 끄 + 어 = 꺼."""
UNCONTRACTED = (VOWEL_WI, VOWEL_UI)
"""ㅟ, ㅢ: -어 stays a syllable of its own (건너뛰 + 어 = 건너뛰어)."""
BRIGHT = (VOWEL_A, VOWEL_O)
"""Vowels after which the ending is -아 (찾아), not -어 (있어)."""


def is_syllable(char: str) -> bool:
    return len(char) == 1 and HANGUL_FIRST <= ord(char) <= HANGUL_LAST


def final(syllable: str) -> int | None:
    """The final consonant index of a Hangul syllable (0 for none); None if not Hangul."""
    if not is_syllable(syllable):
        return None
    return (ord(syllable) - HANGUL_FIRST) % FINALS


def vowel(syllable: str) -> int | None:
    """The vowel index of a Hangul syllable; None if not Hangul."""
    if not is_syllable(syllable):
        return None
    return _parts(syllable)[1]


def with_final(syllable: str, index: int) -> str | None:
    """The syllable with its final consonant replaced; None if not Hangul."""
    if not is_syllable(syllable):
        return None
    code = ord(syllable)
    return chr(code - (code - HANGUL_FIRST) % FINALS + index)


def _parts(syllable: str) -> tuple[int, int, int]:
    code = ord(syllable) - HANGUL_FIRST
    return code // (VOWELS * FINALS), code // FINALS % VOWELS, code % FINALS


def _syllable(initial: int, vowel: int, final_index: int) -> str:
    return chr(HANGUL_FIRST + (initial * VOWELS + vowel) * FINALS + final_index)


def infinitive(stem: str) -> str | None:
    """The stem's -아/-어 form, the one its polite present is made of (+ 요): 보이 -> 보여,
    열리 -> 열려, 쓰 -> 써, 하 -> 해, 되 -> 돼, 찾 -> 찾아, 있 -> 있어. None where the stem
    does not end in a Hangul syllable."""
    if not stem or not is_syllable(stem[-1]):
        return None
    initial, vowel, last = _parts(stem[-1])
    if last or vowel in UNCONTRACTED:
        return stem + ("아" if vowel in BRIGHT else "어")
    if initial == HIEUT_INITIAL and vowel == VOWEL_A:
        return stem[:-1] + _syllable(initial, VOWEL_AE, 0)
    return stem[:-1] + _syllable(initial, CONTRACTED.get(vowel, vowel), 0)


INFINITIVE_VOWELS = (
    VOWEL_A, VOWEL_AE, VOWEL_EO, VOWEL_YEO, VOWEL_WA, VOWEL_WAE, VOWEL_WO,
)  # fmt: skip
"""Last vowels of a -아/-어 form (찾아, 있어, 켜, 해, 봐, 돼, 꺼워): not 이제 (ㅔ)."""


def is_infinitive(word: str) -> bool:
    """True when the word can be a verb's -아/-어 form (해, 켜, 있어; not 이제, 그제)."""
    if not word or not is_syllable(word[-1]):
        return False
    return _parts(word[-1])[1] in INFINITIVE_VOWELS


def past(stem: str) -> str | None:
    """The stem's past, before its ending: 켜 -> 켰, 하 -> 했, 차 -> 찼, 찾 -> 찾았."""
    form = infinitive(stem)
    closed = with_final(form[-1], SSANG_SIOT) if form else None
    return None if form is None or closed is None else form[:-1] + closed


def in_the_past(word: str) -> bool:
    """A verb read in the past: a syllable closed by ㅆ other than 있 (됐, 켜졌, 있었, 썼;
    not 있, there is, a state now, nor 겠, what will be or can be: 하겠)."""
    return any(final(c) == SSANG_SIOT and c not in "있겠" for c in word)
