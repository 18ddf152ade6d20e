"""Answers said but not of now: past, expected, supposed, promised, sarcastic, believed, a reason.

The answer's words are there ("it was on yesterday", "if it worked", "I'll say yes"), but they
do not say how things are now; only what the rest of the utterance says answers.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.conversation import hangul, normalization
from assistant.conversation.interpretation import (
    CONTRAST,
    CORRECTION,
    DOUBT,
    FILLER,
    NEGATION,
    SELF,
    Mention,
)
from assistant.conversation.normalization import BREAK, clause_end, clause_start
from assistant.conversation.understanding.intents import ANSWERS, INTENTS
from assistant.conversation.understanding.lexicon import Lexicon, _spans

_DESCRIBING = frozenset({"slower", "faster", "louder", "quieter"})
"""Commands whose words describe a thing ("너무 커서": too big, "too slow"): in a reason
clause before another, the thing described, no command."""


class AnswersSetAside(Lexicon):
    """Answers said, but not as how things are now."""

    def _reason_given(
        self, words: list[str], mentions: list[Mention], at_action: bool
    ) -> list[Mention]:
        """A reason clause (attached_words' `reason_mark` after -아서 / -어서: "배터리가 없어서
        충전기 꽂았어요") says why, not the answer: where the main clause after it answers,
        its answers do not count, nor its commands ("너무 커서": too big, not "too loud"), nor
        at an action where the main clause says something else ("데이터가 없어서 와이파이에
        연결했어요": what was done instead); where the main clause only negates ("공유기가
        옆집에 있어서 못 만져요"), a yes of the reason's is no answer either, and a no agrees
        only with can't (`inability_negations`: "충전기가 없어서 못 해요") or not done ("돈
        내기 싫어서 안 샀어요"), not with a state now ("화면이 꺼져 있어서 안 보여요": why the
        screen is not seen). A yes in the reason against a no of the main clause
        ("이미 켜져 있어서 아무것도 안 했어요": already so, nothing done; a weak one of a state
        set too, "이미 최적화로 돼 있어서 그대로 뒀어요", round seventeen, not a bare "there
        is", "회의가 있어서") is doubt, and so is a
        reason with no no of its own before a can't of now ("케이블이 망가져 있어서 못
        하겠어요": the step may never be done, not a "not yet")."""
        if not self.attached or self.attached.reason_mark not in words:
            return mentions
        mark, unable_words = self.attached.reason_mark, self.attached.inability_negations
        out = mentions
        command = set(INTENTS) - {*ANSWERS, "help"}
        for at, word in enumerate(words):
            if word != mark:
                continue
            start = clause_start(words, at)
            main = [m for m in mentions if m.start > at]
            after = {m.kind for m in main}
            answered = bool(after & set(ANSWERS))
            against = after & set(ANSWERS) == {"no"}
            main_said = any(w != BREAK for w in words[at + 1 :])
            said_else = at_action and not after & {*INTENTS, NEGATION} and main_said
            unable = {m.kind for m in main if words[m.start] in unable_words}
            negated = [m for m in main if m.kind == NEGATION and m.end < len(words)]
            agrees = (
                NEGATION in unable
                or any(  # "못 해요", "안 샀어요": a no of the reason's agrees
                    hangul.in_the_past(words[m.end]) for m in negated
                )
            )
            reason = [m for m in out if start <= m.start and m.end <= at]
            if (
                "no" in unable
                and not self._no_in_the_past(words, main)
                and not any(m.kind == "no" for m in reason)
            ):  # "케이블이 망가져 있어서 못 하겠어요"
                reason = [*reason, Mention(DOUBT, start, at)]
            doubted = [replace(m, kind=DOUBT, weak=False) for m in reason
                       if m.kind == "yes" and against
                       and (not m.weak or m.end - m.start > 1)]  # fmt: skip
            kept = [m for m in reason if not (
                (m.kind == "no" and (answered or said_else
                                     or (NEGATION in after and not agrees)))
                or (m.kind == "yes" and (against or answered or NEGATION in after or said_else))
                or (m.kind in command and answered)
                or (m.kind in _DESCRIBING and main_said))]  # fmt: skip
            out = sorted(
                [m for m in out if not (start <= m.start and m.end <= at)] + kept + doubted,
                key=lambda m: m.start,
            )
        return out

    @staticmethod
    def _no_in_the_past(words: list[str], mentions: list[Mention]) -> bool:
        """Whether a no of these is in the past ("못 했어요": not done), not of now."""
        said = (w for m in mentions if m.kind == "no" for w in words[m.start : m.end])
        return any(map(hangul.in_the_past, said))

    def _when_not_whether(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A doubt right before or after a time to come ("maybe after lunch", "tomorrow
        perhaps") is about when, not whether: not now, whenever it is. The time answers where
        it is an answer of the question (the start question's no); elsewhere nothing does."""
        times = [m for m in mentions if self._words(words, m) in self.later_times]
        return [m for m in mentions if not (
            m.kind == DOUBT and any(t.start == m.end or t.end == m.start for t in times)
        )]  # fmt: skip

    def _after_sarcasm(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """After a sarcastic turn ("yeah right", "as if that would work", "because that always
        works"), the agreement said before it and in its clause is not meant: only an answer in
        a later clause stands ("Oh sure, because that always works. Fine, it's done." is
        done); without one, doubt, asked again. So is a yes before a last clause of only a
        `sarcastic_closers` word ("Totally fixed. Not.")."""
        end = -1
        for phrase in self.sarcasm:
            for i in range(len(words) - len(phrase) + 1):
                if tuple(words[i : i + len(phrase)]) == phrase:
                    close = clause_end(words, i)
                    end = max(end, close)
        last = [w for w in words if w != BREAK][-1:]
        closed = len(words) - 1 - [*words[::-1], BREAK].index(last[0]) if last else 0
        if (last and last[0] in self.sarcastic_closers and closed
                and words[closed - 1] == BREAK
                and any(m.kind == "yes" and m.end <= closed for m in mentions)):  # fmt: skip
            end = len(words)  # "Oh yes, totally fixed. Not.": the yes taken back
        if end < 0:
            return mentions
        kept = [m for m in mentions if m.start >= end or m.kind not in ("yes", "no")]
        if not any(m.kind in ("yes", "no") for m in kept):
            kept.append(Mention(DOUBT, end, end))
        return sorted(kept, key=lambda m: m.start)

    def _not_seen_now(
        self, words: list[str], mentions: list[Mention], question: str | None
    ) -> list[Mention]:
        """An answer said as expected ("it should be on", "it's supposed to be off":
        `understanding.expectations`) or as it was at a time gone ("it was on yesterday":
        `past` and `past_times` in one part) is not how things are now: set aside. An answer
        in another clause, or after a "but", stands ("it's meant to be on but it's off", "it
        was on at first but now it's off"); without one, doubt, asked again. Where words
        carry their tense (Korean), any verb in the past with a time gone says how it was
        then, at a question of how things are (어제는 됐어요, 전에는 와이파이 썼어요: then,
        not now), not at an action, where it was done (아까 지웠어요); and a command whose
        words are that time (처음, at first: start over) is the time."""
        turns = [m.start for m in mentions if m.kind in (CONTRAST, CORRECTION)]
        aside = [
            (i, self._part(words, i, turns)[1])
            for i in range(len(words))
            if any(tuple(words[i : i + len(p)]) == p for p in self.expectations)
        ]
        then = bool(self.attached) and question not in self.amounts.actions
        times = set()
        for m in mentions:
            part = self._part(words, m.start, turns)
            if self._in_past_time(words[part[0] : part[1]], then):
                if m.kind in ("yes", "no"):
                    aside.append(part)
                elif then and self._words(words, m) in self.past_times:
                    times.add(id(m))  # 처음엔 됐는데: at first, not "start over"
        mentions = [m for m in mentions if id(m) not in times]
        if not aside:
            return mentions
        kept = [m for m in mentions if not (
            m.kind in ("yes", "no") and any(a <= m.start < b for a, b in aside)
        )]  # fmt: skip
        if not any(m.kind in ("yes", "no") for m in kept):
            kept.append(Mention(DOUBT, aside[0][0], aside[0][0]))
        return sorted(kept, key=lambda m: m.start)

    @staticmethod
    def _part(words: list[str], at: int, turns: list[int]) -> tuple[int, int]:
        """The stretch of the clause around `at` between its turns ("but", "wait")."""
        start = max([clause_start(words, at), *(t for t in turns if t <= at)])
        return start, min([clause_end(words, at), *(t for t in turns if t > at)])

    def _in_past_time(self, part: list[str], tensed: bool = False) -> bool:
        """Said in the past ("was") and when ("yesterday"); tensed: any verb in the past
        counts (hangul.in_the_past: 됐, 썼)."""
        spans = [(i, i + len(p)) for p in self.past_times for i in range(len(part))
                 if tuple(part[i : i + len(p)]) == p]  # fmt: skip
        timed = {i for a, b in spans for i in range(a, b)}
        return bool(spans) and any(
            w in self.past or tensed and hangul.in_the_past(w)
            for i, w in enumerate(part)
            if i not in timed
        )

    def _promised(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """An answer the speaker will give (`first_person`, then `promised_saying`: "... and
        I'll say yes", "I'm going to say no when it asks"): said for later, not now; no answer,
        asked again. "I'd say yes" (a hedge) is not a promise."""
        if not self.promised_saying:
            return mentions
        promised = set()
        for m in mentions:
            if m.kind != SELF:
                continue
            for p in self.promised_saying:
                if tuple(words[m.end : m.end + len(p)]) == p:
                    promised.add(m.end + len(p))
        if not promised:
            return mentions
        return [Mention(DOUBT, m.start, m.end) if m.kind in ANSWERS and m.start in promised else m
                for m in mentions]  # fmt: skip

    def _supposed(self, text: str, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """An answer after a condition's word in its clause ("would I be here if it worked?",
        "even if it's on") is supposed, not said: words understood, no answer. So is one in
        the clause a condition opens and the next ("if I'm signed in, it's with my old
        email"), and anywhere in a clause asked with a condition ("would it say done if it
        was done?"). Not when the condition's word is inside a phrase of its own ("if you
        don't mind", "as if")."""
        inside = {i for m in mentions for i in range(m.start, m.end)}
        conditions = [start for start, _ in _spans(words, self.conditionals) if start not in inside]
        if not conditions:
            return mentions
        asked: list[bool] = []
        normalization.tokens(text, asked)
        breaks = [i for i, w in enumerate(words) if w == BREAK]
        asked_ends = {b for b, q in zip(breaks, asked, strict=False) if q}
        reach = []
        for start in conditions:
            opens, end = clause_start(words, start), clause_end(words, start)
            if end in asked_ends:
                reach.append((opens - 1, end))  # "would I say yes if it wasn't?"
            elif opens == start and end < len(words):
                reach.append((start, clause_end(words, end + 1)))  # "if ..., it's ..."
            else:
                reach.append((start, end))
        return [replace(m, kind=FILLER)
                if m.kind in ANSWERS and any(s < m.start < e for s, e in reach) else m
                for m in mentions]  # fmt: skip

    def _only_conceded(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """An answer of one word granted first in the same verb with a conceding ending
        (`conceding_endings`: 되긴 되는데, it does work but ...), a clause after it: the answer
        is only conceded before what goes against it ("되긴 되는데 엄청 느려요"), a hedge, as
        "kind of" is: asked again (was yes). Said last it stands ("느리긴 한데 되긴 돼요": it is
        slow, but it does work, yes); a verb granted once ("열리긴 하는데 느려요") stays."""
        if not self.conceding_endings:
            return mentions
        out = []
        for m in mentions:
            if (
                m.kind in ANSWERS
                and m.end - m.start == 1
                and m.start > 0
                and words[m.start - 1] in {words[m.start] + e for e in self.conceding_endings}
                and any(w != BREAK for w in words[clause_end(words, m.end) :])
            ):
                m = Mention(DOUBT, m.start - 1, m.end)
            out.append(m)
        return out

    def _believed_before(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A clause ended by what one thought (`understanding.mistaken_beliefs`: "줄 알았",
        -ㄴ 줄 알았는데) and followed by another: its answers and negations were believed,
        not so; the clause after answers ("켜져 있는 줄 알았는데 꺼져 있네요": no, round
        seventeen; was asked again). Alone it keeps them (asked again, as before)."""
        if not self.mistaken_beliefs:
            return mentions
        out = mentions
        for size in {len(p) for p in self.mistaken_beliefs}:
            for at in range(len(words) - size):
                if tuple(words[at : at + size]) not in self.mistaken_beliefs:
                    continue
                end = at + size
                if words[end] != BREAK or not any(w != BREAK for w in words[end + 1 :]):
                    continue
                start = clause_start(words, at)
                out = [m for m in out if not (start <= m.start and m.end <= end)]
        return out
