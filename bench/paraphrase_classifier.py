"""The alternative to the rules, measured against them: a classifier on generated paraphrases.

Multinomial naive Bayes over word unigrams and bigrams (contractions spelled out, as the
rules see them), trained only on paraphrases generated from the language file: every
phrase alone and with fillers and politeness, negated yeses ("not X", "X not"), negated
commands, doubt, and corrections ("X, sorry, I mean Y"). The question's own phrases are
learnt as features joined to the question id. Below a posterior of `min_posterior` it
says unknown. Nothing here is used by the assistant: bench_understanding.py compares it.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from assistant.conversation.interpretation import CORRECTION, DOUBT, FILLER, NEGATION
from assistant.conversation.normalization import BREAK
from assistant.conversation.understanding import UNKNOWN, Vocabulary

_FILLERS = ("um", "uh", "well", "oh", "please", "thanks", "okay so")


def _features(words: list[str], question: str | None) -> list[str]:
    words = [w for w in words if w != BREAK]
    grams = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    if question:
        grams += [f"{question}|{g}" for g in grams]
    return grams


def paraphrases(vocab: Vocabulary, seed: int = 8) -> list[tuple[str, str | None, str]]:
    """(text, question, intent) generated from the vocabulary's phrases and rules."""
    rng = random.Random(seed)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for phrase, meaning in vocab.general.items():
        by_kind[meaning.kind].append(" ".join(phrase))
    commands = [k for k in by_kind if k not in ("yes", "no", NEGATION, CORRECTION, DOUBT, FILLER)]
    answers = [(p, k) for k in ("yes", "no") for p in by_kind[k]]
    rows: list[tuple[str, str | None, str]] = []
    for phrase, kind in answers + [(p, k) for k in commands for p in by_kind[k]]:
        rows.append((phrase, None, kind))
        rows.append((f"{rng.choice(_FILLERS)} {phrase}", None, kind))
        rows.append((f"{phrase} {rng.choice(_FILLERS)}", None, kind))
    for phrase in by_kind["yes"]:
        rows += [(f"not {phrase}", None, "no"), (f"{phrase} not", None, "no")]
        rows.append((f"{rng.choice(by_kind[DOUBT])} {phrase}", None, UNKNOWN))
    for kind in commands:
        for phrase in by_kind[kind]:
            rows.append((f"do not {phrase}", None, UNKNOWN))
    for phrase in by_kind[DOUBT] + by_kind[FILLER]:
        rows.append((phrase, None, UNKNOWN))
    for _ in range(len(answers)):
        (first, _kind), (second, kind) = rng.choice(answers), rng.choice(answers)
        rows.append((f"{first} {rng.choice(by_kind[CORRECTION])} {second}", None, kind))
    for question, own in vocab.question_phrases.items():
        for kind, phrases in own.items():
            for words in phrases:
                rows.append((" ".join(words), question, kind))
                rows.append((f"{rng.choice(_FILLERS)} {' '.join(words)}", question, kind))
    return rows


@dataclass
class NaiveBayes:
    vocab: Vocabulary
    min_posterior: float = 0.9
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    priors: Counter[str] = field(default_factory=Counter)

    def train(self) -> NaiveBayes:
        for text, question, intent in paraphrases(self.vocab):
            self.priors[intent] += 1
            self.counts.setdefault(intent, Counter()).update(
                _features(self.vocab.tokens(text), question)
            )
        return self

    def parse(self, text: str, question: str | None = None) -> str:
        grams = _features(self.vocab.tokens(text), question)
        known = {g for c in self.counts.values() for g in c}
        grams = [g for g in grams if g in known]
        if not grams:
            return UNKNOWN
        total = sum(self.priors.values())
        scores = {}
        for intent, counts in self.counts.items():
            size = sum(counts.values()) + len(known)
            scores[intent] = math.log(self.priors[intent] / total) + sum(
                math.log((counts[g] + 1) / size) for g in grams
            )
        best = max(scores, key=lambda i: scores[i])
        norm = max(scores.values())
        posterior = 1 / sum(math.exp(s - norm) for s in scores.values())
        return best if posterior >= self.min_posterior else UNKNOWN
