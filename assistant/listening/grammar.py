"""What the recognizer may hear at a prompt, and what a list of heard words amounts to.

Pure functions, no engine: which phrases and distractor words go into the grammar, and how
the words an engine returns become a Decision (an allowed phrase sequence, or not an answer).

Why distractors: with a small grammar, an engine maps any sound onto a grammar word, so
other words come back as answers with confidence 1.0 (vosk-api #1339). Common words that are
in no phrase give out-of-grammar speech somewhere else to go; when they win, the result is
not an answer. They are per language (`listening.distractors` in prompts/<lang>.yaml).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable

from assistant.listening.recognizer import UNK, Decision, Word


def clean_phrases(phrases: Iterable[str]) -> list[str]:
    """Lower-case, single-spaced, without repeats, in their first order."""
    cleaned: list[str] = []
    for phrase in phrases:
        text = " ".join(phrase.lower().split())
        if text and text not in cleaned:
            cleaned.append(text)
    return cleaned


def split_known(
    phrases: Iterable[str], knows: Callable[[str], bool]
) -> tuple[list[str], list[str]]:
    """(phrases whose every word the model knows, the others), both cleaned."""
    cleaned = clean_phrases(phrases)
    kept = [p for p in cleaned if all(knows(w) for w in p.split())]
    return kept, [p for p in cleaned if p not in kept]


def choose_distractors(
    candidates: Iterable[str], phrases: Iterable[str], knows: Callable[[str], bool]
) -> list[str]:
    """Distractor words the model knows and that are in none of the phrases, sorted."""
    phrase_words = {w for p in phrases for w in p.split()}
    return sorted({d for d in candidates if d not in phrase_words and d != UNK and knows(d)})


def grammar_entries(phrases: list[str], distractors: list[str]) -> list[str]:
    """Everything the engine may return: the phrases, the distractors and the unknown word."""
    return [*phrases, *distractors, UNK]


def is_phrase_sequence(text: str, phrases: Collection[str]) -> bool:
    """text is one or more allowed phrases in a row (a grammar loops: "no stop")."""
    words = text.split()
    if not words:
        return False
    reachable = {0}
    for end in range(1, len(words) + 1):
        if any(" ".join(words[s:end]) in phrases for s in reachable if s < end):
            reachable.add(end)
    return len(words) in reachable


def decide_words(
    words: list[Word],
    phrases: Collection[str],
    distractors: Collection[str],
    min_confidence: float,
    decided_at_ms: float,
    reason: str,
) -> Decision:
    """The Decision for the words heard in one utterance.

    An allowed phrase sequence is confident when its lowest word confidence reaches
    min_confidence and nothing else (distractor, unknown) was heard with it; anything else
    is the words heard, never confident, or UNK when only unknown speech was heard.
    """
    if not words:
        return Decision("", 1.0, True, False, decided_at_ms, reason, words)
    answer_words = [w for w in words if w.word not in distractors and w.word != UNK]
    answer_text = " ".join(w.word for w in answer_words)
    if answer_words and is_phrase_sequence(answer_text, phrases):
        confidence = min(w.confidence for w in answer_words)
        confident = confidence >= min_confidence and len(answer_words) == len(words)
        return Decision(answer_text, confidence, confident, True, decided_at_ms, reason, words)
    heard = " ".join(w.word for w in words if w.word != UNK) or UNK
    confidence = min(w.confidence for w in words)
    return Decision(heard, confidence, False, False, decided_at_ms, reason, words)
