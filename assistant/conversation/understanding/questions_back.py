"""Questions said back: an answer asked about, one's own question answered, a command asked of.

An answer inside a question is the speaker asking what it means, not answering ("it's green,
is that on?"); acting on it would be a wrong action, so it is asked again or answered by help.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.conversation import normalization
from assistant.conversation.interpretation import DOUBT, FILLER, NEGATION, QUESTION, Mention
from assistant.conversation.normalization import BREAK, clause_end, clause_start
from assistant.conversation.understanding.intents import ANSWERS, HELP, INTENTS
from assistant.conversation.understanding.lexicon import Lexicon, _cancelled, _spans


class QuestionsBack(Lexicon):
    """Questions said back: an answer asked about, or a command asked whether to give."""

    def _answered_own_question(
        self, text: str, words: list[str], mentions: list[Mention]
    ) -> list[Mention]:
        """A clause asked with a question mark, then a later clause answering ("Cellular Data
        on? Off.", "Isn't that the one with my email? Yeah, it is."): the question said back
        or asked of oneself is answered by what follows; its own answers do not count."""
        marks = self._typed_questions(text, words)
        if not marks:
            return mentions
        last = marks[-1]
        later = [m for m in mentions if m.start > last and m.kind in ("yes", "no") and not m.weak]
        if not later:
            return mentions
        asking = clause_start(words, last)
        bare = later[0].start == last + 1 and self._words(words, later[0]) in self.cues.bare_answers
        if not bare and not any(m.own and asking <= m.start < last for m in mentions):
            return mentions  # "For videos as well? it's on": about something else
        asked_states = [m for m in mentions if asking <= m.start < last and m.kind in ANSWERS]
        answer = later[0]
        if bare and any(m.own for m in asked_states):
            # "Is it off? Yes." is off; "Is it off? No." is not off: a word answer is said of
            # the state asked. Mixed, or a negation in the question: asked again.
            kinds = {m.kind for m in asked_states if m.own}
            negated = any(m.kind == NEGATION and asking <= m.start < last for m in mentions)
            if len(kinds) != 1 or negated:
                return [*mentions, Mention(DOUBT, last, last)]
            (state,) = kinds
            said = state if answer.kind == "yes" else ("no" if state == "yes" else "yes")
            answer = replace(answer, kind=said)
        # Said, but no answer: kept as words understood (the gate sees the question echoed).
        return [replace(m, kind=FILLER)
                if m.start < last and m.kind in ("yes", "no", NEGATION, DOUBT)
                else (answer if m is later[0] else m)
                for m in mentions]  # fmt: skip

    def _command_asked_of_oneself(
        self, text: str, words: list[str], mentions: list[Mention]
    ) -> list[Mention]:
        """A command alone in a clause typed with a question mark, then a bare no opening the
        next ("Repeat? No, I got it, it's on.", "Skip? Nah, it's full."): the speaker asks
        it of themselves and declines: no command, and the no answers the command, not the
        question; what follows answers (round twenty-one: was the command). Not with a yes
        after it ("Repeat? Yes please."), which asks for it."""
        for end in self._typed_questions(text, words) or ():
            start = clause_start(words, end)
            inside = [m for m in mentions if start <= m.start < end and m.kind != FILLER]
            after = next((m for m in mentions if m.start > end and m.kind != FILLER), None)
            if (
                len(inside) != 1
                or inside[0].kind not in INTENTS
                or inside[0].kind in (*ANSWERS, HELP)
                or after is None
                or after.kind != "no"
                or after.start != end + 1
                or self._words(words, after) not in self.cues.bare_answers
            ):
                continue
            declined = {id(inside[0]), id(after)}  # said, and answered: words understood
            return [replace(m, kind=FILLER) if id(m) in declined else m for m in mentions]
        return mentions

    def _asked_last(self, text: str, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Where a question and a statement share their words (`understanding.verb_last`:
        켜져 있어요? / 켜져 있어요.), the last clause typed with a question mark asks; its
        answers are none ("그럼 아이클라우드에는 남아요?": does it stay in iCloud?, no "yes";
        "사진 지워져요?"): asked again, unless an earlier clause answered. Commands asked so
        still count ("다시 말해 줄래요?"); a clause ending (-는데요?) tells, rising."""
        if not self.verb_last or words[-1:] != [BREAK] or not self._asked_as_typed(text):
            return mentions
        start = clause_start(words, len(words) - 2)
        kept = [m for m in mentions if not (m.kind in ("yes", "no") and m.start >= start)]
        if len(kept) == len(mentions):
            return mentions
        if not any(m.kind in ("yes", "no") for m in kept):
            kept.append(Mention(DOUBT, start, start))
        return sorted(kept, key=lambda m: m.start)

    def _answer_asked_about(
        self, text: str, words: list[str], mentions: list[Mention]
    ) -> list[Mention]:
        """An answer, then a last clause typed with "?" that asks yes or no about it, a
        question verb and a subject opening it ("It's green, is that on?", "it says off, does
        that mean it's off?"): the speaker asks what they see means; asked again."""
        if self.verb_last or words[-1:] != [BREAK] or not self._asked_as_typed(text):
            return mentions
        start = clause_start(words, len(words) - 1)
        if start == 0 or len(words) - start < 3:
            return mentions
        cues = self.cues
        if words[start] not in cues.question_verbs or words[start + 1] not in cues.subjects:
            return mentions
        if not any(m.kind in ("yes", "no") and not m.weak and m.end <= start for m in mentions):
            return mentions
        kept = [
            m for m in mentions if not (m.kind == HELP and m.start >= start)
        ]  # "is that normal?"
        return [*kept, Mention(DOUBT, start, len(words) - 1)]

    def _tagged(self, text: str, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A statement ended by a tag question typed with a question mark (`tag_questions`:
        "It's not full, is it?", "Green means on, right?"): the speaker asks to be told, the
        answer before it is a guess to confirm, not given: asked again."""
        if not self.tag_questions or words[-1:] != [BREAK]:
            return mentions
        start = clause_start(words, len(words) - 1)
        if start == 0 or tuple(words[start:-1]) not in self.tag_questions:
            return mentions
        if not self._asked_as_typed(text):
            return mentions
        kept = [m for m in mentions if m.start < start or m.kind not in (QUESTION, "yes", "no")]
        return [*kept, Mention(DOUBT, start, len(words) - 1)]

    def _not_opening(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A verb that opens a question back only at the start of its clause: "the baby is
        crying", "the router is restarting" ask nothing. A clause opened by "is not" or by
        "is" right before an answer ("Is not on. Is white.") says how it is, the subject left
        out, as in phrasebook English: no question either."""
        out = []
        for index, m in enumerate(mentions):
            if m.kind == QUESTION and not m.anywhere and m.end - m.start == 1:
                start = clause_start(words, m.start)
                before = [
                    w
                    for w in words[start : m.start]
                    if (w,) not in self.general or self.general[(w,)].kind != FILLER
                ]
                if before and m.fallback is None:
                    continue  # inside its clause
                after = mentions[index + 1] if index + 1 < len(mentions) else None
                if (
                    not before
                    and after is not None
                    and after.start == m.end
                    and (
                        after.kind == NEGATION
                        or (after.own and clause_end(words, after.end) == after.end)
                    )
                ):
                    continue  # "is not on", "is white"
            out.append(m)
        return out

    def _asked_whether_to(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A command inside a question back that asks whether to do it ("should I stop it
        first?", "do I skip this if I'm on Wi-Fi?") is asked about, not given: asked again.
        Not a request ("can I go back?"), which asks for it."""
        opening = {start for start, _ in _spans(words, self.asking_whether_to)
                   if clause_start(words, start) == start}  # fmt: skip
        if not opening:
            return mentions
        return _cancelled(
            mentions, lambda m: any(o < m.start < clause_end(words, o) for o in opening)
        )

    def _asked_back(self, text: str) -> bool:
        """One word of `asked_back` alone, asked with a question mark ("네?", "뭐요?")."""
        if not self.asked_back:
            return False
        asked: list[bool] = []
        said = [w for w in normalization.tokens(text, asked) if w != BREAK]
        return any(asked) and len(said) == 1 and said[0] in self.asked_back
