"""Negation and its scope: what a "not" denies, and negations too unsure to act on.

A negation turns an answer into its opposite, so reading its scope wrong is a wrong action:
double negatives, stressed negations, a mistyped "not", "no" for "not", a negated state.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.conversation import interpretation
from assistant.conversation.interpretation import CORRECTION, DOUBT, NEGATION, Mention
from assistant.conversation.normalization import BREAK, clause_end, clause_start
from assistant.conversation.understanding.intents import ANSWERS
from assistant.conversation.understanding.lexicon import Lexicon


class Negation(Lexicon):
    """What a negation denies, and negations that are not worth a guess."""

    def _no_as_not(self, words: list[str], mentions: list[Mention]) -> list[str] | None:
        """ "No" between a subject's copula and the question's own state ("it's no on",
        "they're no syncing": Scots and Irish "not"): the words with "not" for it; None when
        there is none. Not after "there is" ("there's no wifi": `absence_openers`)."""
        states = {m.start for m in mentions if m.own and m.kind == "yes"}
        for i in range(2, len(words) - 1):
            if (
                words[i] == "no"
                and i + 1 in states
                and words[i - 1] in self.copulas
                and words[i - 2] in self.no_as_not
                and clause_start(words, i) == i - 2
            ):
                return [*words[:i], "not", *words[i + 1 :]]
        return None

    def _state_denied(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Where the verb ends the clause (`understanding.verb_last`), at a question (not an
        action), a verb's own negation said right after a state the question names ("꺼져
        있지 않아요": is not off) is its opposite, yes, as "안 꺼져 있어요" is; not a negation
        that is an answer alone ("최신 버전 아니에요"), nor at an action, where a no is
        what is not done yet, not a state ("원본 두고 싶지 않아요" is no "done")."""
        if not self.verb_last:
            return mentions
        out: list[Mention] = []
        for m in mentions:
            before = out[-1] if out else None
            if (
                before is not None
                and m.kind == NEGATION
                and m.trailing
                and m.fallback != "no"
                and before.kind == "no"
                and before.own
                and before.end == m.start
                and before.end - before.start > 1
                and not (before.negates or before.reaches_on or before.determiner)
            ):
                out[-1] = replace(before, kind="yes", end=m.end)
                continue
            out.append(m)
        return out

    def _no_named_then_negated(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Where the verb ends the clause, at a question, a one-word no the question names (a
        thing: "와이파이" at "cellular instead of Wi-Fi?") and right after it a negated verb
        ("와이파이도 안 돼요": Wi-Fi does not work either; "와이파이 안 써요": not Wi-Fi): the
        thing named is then denied, which reads as neither answer for sure: doubt, asked
        again (round seventeen; both read no, a flip for the second)."""
        if not self.verb_last:
            return mentions
        out: list[Mention] = []
        index = 0
        while index < len(mentions):
            m, after = mentions[index], mentions[index + 1 : index + 3]
            denied = (
                m.kind == "no"
                and m.own
                and m.end - m.start == 1
                and after
                and after[0].start == m.end
                and words[m.end] in self.negation_words
            )
            if denied and after[0].kind == "no":
                out.append(Mention(DOUBT, m.start, after[0].end))  # 와이파이도 안 돼요
                index += 2
                continue
            if (
                denied
                and after[0].kind == NEGATION
                and len(after) > 1
                and (after[1].kind in ANSWERS and after[1].start == after[0].end)
            ):
                out.append(Mention(DOUBT, m.start, after[1].end))  # 와이파이 안 써요
                index += 3
                continue
            out.append(m)
            index += 1
        return out

    def _negated_after_doing(self, words: list[str], mentions: list[Mention]) -> Mention | None:
        """At an action, a no opened by a negation in a clause after the yes ("did all
        that, nothing loads"): how things are after what was done."""
        for index, m in enumerate(mentions):
            if m.kind not in ("no", NEGATION) or words[m.start] not in self.negation_words:
                continue
            if m.kind == NEGATION and not self._negates_nothing_said(words, mentions, index):
                continue
            done = [d for d in mentions[:index] if d.kind == "yes" and not d.weak]
            if done and BREAK in words[done[-1].end : m.start]:
                return m
        return None

    def _negates_nothing_said(self, words: list[str], mentions: list[Mention], index: int) -> bool:
        """A negation opening its clause over words not understood, with no answer of its own
        in that clause ("nothing loads", "nothing shows up"): a negated state."""
        m = mentions[index]
        if m.start > 0 and words[m.start - 1] != BREAK:
            return False
        end = clause_end(words, m.end)
        if end == m.end:
            return False  # "done, nothing": a bare negation is left to the rules
        return not any(n.start < end for n in mentions[index + 1 :])

    def _outlasted(
        self, words: list[str], mentions: list[Mention], at_action: bool = False
    ) -> list[Mention]:
        """Without the yeses before a no that says what outlasted them ("did it, still not
        working"; "router restarted still offline"), or at an action before a negated state
        in a later clause ("did all that, nothing loads"): what was done is not how things
        are."""
        later = next(
            (m for m in reversed(mentions)
             if m.kind in ("no", CORRECTION) and words[m.start] in self.outlasting),
            None,
        ) or (self._negated_after_doing(words, mentions) if at_action else None)  # fmt: skip
        if later is None:
            return mentions
        if later.kind == NEGATION:  # "did all that, nothing loads": the negated state is no
            negated = replace(later, kind="no", fallback=None)
            mentions = [negated if m is later else m for m in mentions]
            later = negated
        rest = [m for m in mentions if m.start > later.start]
        if later.kind == CORRECTION and not any(m.kind == "no" for m in rest):
            return mentions
        return [m for m in mentions if not (m.kind == "yes" and m.end <= later.start)]

    def _ceased_midway(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, with doubt where a negating verb ("stopped", "failed to": a negation
        that is not plain) comes right before a no of the question's own ("I stopped halfway
        through"): the step broke off, not a state negated into its opposite (a double negative
        would read it yes); done or not, or trouble? Not worth a guess."""
        if not self.plain_negations:
            return mentions
        doubts = [
            Mention(DOUBT, n.start, n.start)
            for n, then in zip(mentions, mentions[1:], strict=False)
            if n.kind == NEGATION and then.kind == "no" and then.own and then.start == n.end
            and self._words(words, n) not in self.plain_negations
            and not set(self._words(words, n)) & {w for p in self.plain_negations for w in p}
        ]  # fmt: skip
        return sorted([*mentions, *doubts], key=lambda m: m.start) if doubts else mentions

    def _negated_twice(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """With doubt where one plain negation follows another in its clause ("it isn't not
        on", "I never didn't sign in"; `understanding.plain_negations`): a double negative is
        not worth a guess (the second alone would turn the answer: it was read as no). Not
        degrees ("not nearly full", "almost no space": those are read as before)."""
        plain = [
            m
            for m in mentions
            if m.kind == NEGATION and self._words(words, m) in self.plain_negations
        ]
        doubts = [
            Mention(DOUBT, b.start, b.start)
            for a, b in zip(plain, plain[1:], strict=False)
            if BREAK not in words[a.end : b.start]
            and b.start - a.end <= interpretation.NEGATION_REACH_WORDS
        ]  # fmt: skip
        return sorted([*mentions, *doubts], key=lambda m: m.start) if doubts else mentions

    def _negation_stressed(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Where the verb ends the clause, a negation word right before another (전혀 안
        돼요, 전혀 안 바뀌었슈: not at all): Korean puts one negation before its verb, so the
        first stresses the second, no negation of its own (round seventeen; both were asked
        again, the negation of a no)."""
        if not self.verb_last:
            return mentions
        return [m for m in mentions if not (
            m.kind == NEGATION
            and m.end < len(words)
            and words[m.end] in self.negation_words
            and words[m.start] != words[m.end])]  # fmt: skip

    def _maybe_negated(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """With doubt where a word the vocabulary does not know, one letter from a negation
        ("nit", "nto", "nver"), stands right before a yes: a mistyped "not" would flip it,
        so it is asked again rather than read either way."""
        starts = {m.start: m for m in mentions}
        covered = {i for m in mentions for i in range(m.start, m.end)}
        doubts = [
            Mention(DOUBT, i, i + 1)
            for i, word in enumerate(words[:-1])
            if i not in covered
            and (after := starts.get(i + 1)) is not None
            and after.kind == "yes"
            and self.spelling.near_negation(word)
        ]
        return sorted([*mentions, *doubts], key=lambda m: m.start) if doubts else mentions
