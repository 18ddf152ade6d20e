"""Answers confirmed, insisted on or said again: one answer, not a second.

"Wifi yes", "It's switched off, yeah", "Wi-Fi, obviously", "it's working again": the later words
agree with the answer before them, so they must not count as an answer of their own.
"""

from __future__ import annotations

from assistant.conversation.interpretation import DOUBT, NEGATION, Mention
from assistant.conversation.normalization import BREAK, clause_start
from assistant.conversation.understanding.intents import ANSWERS
from assistant.conversation.understanding.lexicon import Lexicon


class AnswersConfirmed(Lexicon):
    """An answer confirmed, insisted on or said again: one answer, not two."""

    def _restated(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """ "Again" right after a state, in its clause ("it's working again", "it's on
        again"), says the state is back: the state's word, not the repeat command. Not after a
        bare answer ("yes again"), which is no state."""
        kept = []
        for before, m in zip([None, *mentions], mentions, strict=False):
            if (before is not None and before.kind in ("yes", "no") and before.end == m.start
                    and m.kind == "repeat" and self._words(words, m) in self.restating
                    and self._words(words, before) not in self.cues.bare_answers):  # fmt: skip
                continue
            kept.append(m)
        return kept

    def _insisting(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Without a yes of `intensifiers` alone in its clause right after a clause that
        answered ("Wi-Fi, obviously, I'm not made of money" is Wi-Fi; "no, definitely"): it
        insists on that answer, it is none of its own."""
        out = []
        for index, m in enumerate(mentions):
            phrase = tuple(words[m.start : m.end])
            if m.kind == "yes" and phrase in self.intensifiers and index > 0:
                before, after = words[: m.start], words[m.end :]
                opens = bool(before) and before[-1] == BREAK
                closes = not after or after[0] == BREAK
                prev = mentions[index - 1]
                if opens and closes and prev.kind in ("yes", "no") and not prev.weak:
                    continue
            out.append(m)
        return out

    def _reasoned_guess(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A likely answer (`likely_words`: "probably") drawn as a consequence ("so") of a
        reason told before it, ending the utterance, with no other answer said ("I made a new
        one last month, so probably not."): the answer, as the sets label a reasoned guess;
        "probably not" alone stays asked again."""
        for at, d in enumerate(mentions):
            if d.kind != DOUBT or self._words(words, d) not in self.likely_words:
                continue
            drawn = [c for c in self.consequences if tuple(words[d.start - len(c) : d.start]) == c]
            if not drawn or d.start - len(drawn[0]) < 2:
                continue
            if words[d.start - len(drawn[0]) - 1] != BREAK:
                continue  # "so" opens a clause after the reason
            rest = mentions[at + 1 :]
            if len(rest) != 1 or rest[0].start != d.end:
                continue
            said = rest[0]
            if said.kind not in (*ANSWERS, NEGATION) or (said.kind in ANSWERS and said.weak):
                continue
            if said.end < len(words) and any(w != BREAK for w in words[said.end :]):
                continue
            before = mentions[:at]
            if any(m.kind in ANSWERS or m.kind in (NEGATION, DOUBT) for m in before):
                continue
            kind = "no" if said.kind == NEGATION else said.kind
            return [*before, Mention(kind, said.start, said.end)]
        return mentions

    def _confirmed(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A bare yes right after a no of the question's own, in its clause ("wifi yes" at
        "Are you using cellular data?"), or as the last clause right after it ("It's switched
        off, yeah."): it confirms what was said."""
        last = mentions[-1] if mentions else None
        drop = {
            id(m)
            for prev, m in zip(mentions, mentions[1:], strict=False)
            if self._words(words, m) in self.bare_yes
            and (
                prev.end == m.start
                or (
                    m is last and self._agreeing_after(words, prev, m) and self._stated(words, prev)
                )
            )
            and self._plain_no(words, prev)
        }
        return [m for m in mentions if id(m) not in drop] if drop else mentions

    def _stated(self, words: list[str], m: Mention) -> bool:
        """The clause of m states the thing's state: more than the answer's one word ("It's
        switched off", not the fragment "off." of round seven's "off. yes.", two answers), and
        not of the speaker ("I am being sign in": the speaker's own doing)."""
        clause = words[clause_start(words, m.start) : m.end]
        return len(clause) > 1 and not set(clause) & self.speakers

    @staticmethod
    def _agreeing_after(words: list[str], prev: Mention, m: Mention) -> bool:
        """A bare yes as the last clause, alone, right after the clause of the no ("It's
        switched off, yeah."): it agrees with what was said, after a stated clause (`_stated`:
        not "off. yes.", two answers; not "I am being sign in, yes.")."""
        return words[prev.end : m.start] == [BREAK] and all(w == BREAK for w in words[m.end :])
