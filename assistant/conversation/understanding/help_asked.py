"""Help asked in a sentence: how, where or which, advice, a worry, not knowing the account.

These ask for the step's help without its command's words ("I don't know where that is",
"should I turn it on?"): read as the words they contain, they would be an answer or nothing.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.conversation.interpretation import (
    CANCELLED,
    CONTRAST,
    DOUBT,
    FILLER,
    NARRATION,
    NEGATION,
    QUESTION,
    Mention,
)
from assistant.conversation.normalization import BREAK, clause_end, clause_start
from assistant.conversation.understanding.intents import ANSWERS, HELP, INTENTS, START_QUESTION
from assistant.conversation.understanding.lexicon import Lexicon, _spans


class HelpAsked(Lexicon):
    """Help with the step asked for in a sentence, not in the help command's words."""

    def _question_stressed(self, words: list[str]) -> list[str] | None:
        """A question word opening its clause, stressed by the word right after it
        (`question_stress`: "Where exactly is that switch?", "How exactly do I turn it
        on?"): the stress belongs to the question, which asks where or how, the step's help;
        read alone, "exactly" is an answer (yes: the switch's question was answered yes).
        The words without the stress; None when there is none."""
        for i in range(len(words) - 1):
            if (
                words[i] in self.stressed_question_words
                and words[i + 1] in self.question_stress
                and clause_start(words, i) == i
            ):
                return [*words[: i + 1], *words[i + 2 :]]
        return None

    def _asking_how(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A question word opening its clause, then "can I", "should I" ... in that clause
        ("which backups can I delete safely?", "what can I remove"): how to do the step,
        help, like "what should I" (`understanding.questions`)."""
        helped: dict[int, Mention] = {}
        dropped: set[int] = set()
        for m in mentions:
            if m.kind != QUESTION or not m.anywhere:
                continue
            if m.start > 0 and words[m.start - 1] != BREAK:
                continue
            end = clause_end(words, m.end)
            at = next(
                (i for i in range(m.end, end) for p in self.asking_how
                 if tuple(words[i : i + len(p)]) == p),
                None,
            )  # fmt: skip
            if at is not None:
                helped[m.start] = replace(m, fallback=HELP, anywhere=False)
                dropped.add(at)
        if not helped:
            return mentions
        return [helped.get(n.start, n) if n.kind == QUESTION else n for n in mentions
                if not (n.kind == QUESTION and n.start in dropped)]  # fmt: skip

    def _where_it_is(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """The word "where" inside a sentence, after "know", "sure", "find" ... ("I don't know where
        that is", "not sure where to tap"): where the step's thing is, help; not "where am I"
        in the steps. Inside a sentence before a clause of its own ("depends where I am"), no
        command at all."""
        out = []
        for m in mentions:
            if m.kind == "where" and m.end - m.start == 1 and m.start > 0:
                if words[m.start - 1] in self.embedding:
                    m = replace(m, kind=HELP)
                elif clause_end(words, m.end) > m.end:
                    # "depends where I am": a clause follows, "where" is a conjunction there,
                    # not the command (said alone, or as "where am I")
                    m = replace(m, kind=FILLER)
            out.append(m)
        return out

    def _which_not_known(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, not knowing which thing it is, "which" right after a doubt that ends
        in a word of knowing (`embedding`: "I don't know which box is the router", "not sure
        which one to tap"): help with the step, as "I don't know where it is" is. Nothing else
        said but fillers."""
        for i, (doubt, which) in enumerate(zip(mentions, mentions[1:], strict=False)):
            if (
                doubt.kind == DOUBT
                and which.kind == QUESTION
                and which.start == doubt.end
                and words[which.start] == "which"
                and words[doubt.end - 1] in self.embedding
            ):
                rest = [*mentions[:i], *mentions[i + 2 :]]
                if all(m.kind in (FILLER, QUESTION) for m in rest):
                    end = clause_end(words, which.end)
                    return [Mention(HELP, doubt.start, end)]
        return mentions

    def _advice_asked(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, whether to do it asked (`advice_questions` opening the last clause:
        "..., should I still turn on unlimited updates?", "Should I turn it on?", "Do I need to
        be on wifi for this?"): advice on the step, its help. Not with a command in that
        clause ("Should I stop it first?", "should I go back?": as before), nor with an answer
        said after it."""
        for start, end in _spans(words, self.advice_questions):
            if start != clause_start(words, start):
                continue
            close = clause_end(words, end)
            if any(w != BREAK for w in words[close:]):
                continue  # not the last clause
            inside = [m for m in mentions if m.end > start and m.start < close]
            if any(m.kind in INTENTS and m.kind not in ("no", "help") or m.kind == CANCELLED
                   for m in inside if m.start >= end):  # fmt: skip
                return mentions  # a command asked about, or an answer: as before
            if any(m.kind in ANSWERS and not m.weak for m in mentions if m.end <= start):
                return mentions  # "It's on, should I leave it?": the answer stands
            kept = [m for m in mentions if m.end <= start or m.start >= close]
            return sorted([*kept, Mention(HELP, start, close)], key=lambda m: m.start)
        return mentions

    def _check_not_known(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A hedged answer (`hedged_answers`: "I think so", "probably"), a contrast, then not
        knowing how or where to check it, ending the utterance ("I think so but I'm not sure
        how to check.", "Probably, but I don't know where to look."): the answer cannot be
        checked, the step's help is wanted (how to see it); so is the question itself ("I think
        so, but how do I check?"). A plain answer before the contrast
        ("It's on, but I don't know how to check the photos") is read as before."""
        turn = next((m for m in mentions if m.kind == CONTRAST), None)
        if turn is None:
            return mentions
        before = [m for m in mentions if m.end <= turn.start and m.kind != FILLER]
        after = [m for m in mentions if m.start >= turn.end]
        if not before or any(self._words(words, m) not in self.hedged_answers for m in before):
            return mentions
        asked = next((m for m in after if m.kind in (QUESTION, "where")), None)
        if asked is None:
            return mentions
        rest = [w for w in words[asked.end :] if w != BREAK]
        rest = rest[1:] if rest[:1] == ["to"] else rest  # "where to look"
        if tuple(rest) not in self.checking_verbs:
            return mentions
        if any(m.kind in INTENTS and m.kind not in ("yes", "where") and m.start >= turn.end
               for m in after):  # fmt: skip
            return mentions
        return [Mention(HELP, before[0].start, len(words))]

    def _account_not_known(
        self, words: list[str], mentions: list[Mention], question: str | None
    ) -> list[Mention]:
        """At a question of which account is signed in (`account_questions`), not knowing
        which one the speaker used: a doubt of knowing right before "which"/"what"
        (`not_knowing_before`: "I have no idea which one I used", "I can't remember what ID I
        used") or after it (`not_knowing_after`: "뭘 썼는지 모르겠어요"), with a verb of using
        after the which in its clause (`account_using`): help, which account it is (the lead's
        decision after round twenty). Not without a doubt ("I know which one I used"), nor
        with an answer or command said outside the clause: that is read as before."""
        if question not in self.account_questions:
            return mentions
        for at, word in enumerate(words):
            if word not in self.account_which:
                continue
            start, end = clause_start(words, at), clause_end(words, at)
            used = next((i for i in range(at + 1, end) if self._using(words[i])), None)
            if used is None:
                continue
            before = any(tuple(words[at - len(d) : at]) == d for d in self.not_knowing_before
                         if len(d) <= at - start)  # fmt: skip
            after = any(s < end and s > used for s, _ in _spans(words, self.not_knowing_after))
            if not (before or after):
                continue
            outside = [m for m in mentions if m.end <= start or m.start >= end]
            if any(m.kind in INTENTS for m in outside):
                return mentions  # "not sure which one I used, but yes it's my name"
            return sorted([*outside, Mention(HELP, start, end)], key=lambda m: m.start)
        return mentions

    def _using(self, word: str) -> bool:
        """A verb of using (`account_using`), or a word in an ending listed there with "-"
        before it ("-는지": 가입했는지, 아이디였는지, which-questions on a verb the reading
        leaves whole)."""
        endings = tuple(e[1:] for e in self.account_using if e.startswith("-"))
        return word in self.account_using or (bool(endings) and word.endswith(endings))

    def _consequence_asked(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """What follows a choice asked (`consequence_questions` next to a word of `conditions`:
        "what happens if I say no?", "what if I turn it off?", "끄면 어떻게 돼요?", "아니라고
        하면 어떻게 돼요?"): the answer is only supposed, the step's help is asked. Every answer,
        command, negation and doubt of the utterance is part of the question: help. Only
        with the question's clause last: an answer or a question after it ("What happens if I
        say no? Well, no, then."; "What if it's full, what then?") is read as before."""
        for start, end in _spans(words, self.consequence_questions):
            last = all(w == BREAK for w in words[clause_end(words, end) :])
            if last and set(words[max(start - 1, 0) : end + 1]) & self.conditions:
                first, close = clause_start(words, start), clause_end(words, end)
                kept = [m for m in mentions if m.kind == FILLER and not first <= m.start < close]
                asked = Mention(HELP, first, close)  # the clause, condition and all
                return sorted([*kept, asked], key=lambda m: m.start)
        return mentions

    def _worry_asked(
        self, text: str, words: list[str], mentions: list[Mention], question: str | None
    ) -> list[Mention]:
        """A yes-or-no question typed with "?" about the photos (`worry_things`), opened by a
        question verb, its clause the last and holding no answer nor command ("Will my
        originals be safe?", "Does that mean my photos get deleted?"): a worry about the
        step, which its help answers. Not at the start, nor with no question."""
        if not self.worry_things or question in (None, START_QUESTION):
            return mentions
        if words[-1:] != [BREAK] or not self._asked_as_typed(text):
            return mentions
        start = clause_start(words, len(words) - 1)
        if words[start] not in self.cues.question_verbs:
            return mentions
        if not any(w in self.worry_things for w in words[start:-1]):
            return mentions
        if any(m.kind not in (QUESTION, FILLER) and not m.weak for m in mentions):
            return mentions  # "yes, but will my photos be safe?": as read; "wait, will ...?"
            # may stop the step too: as read (asked again)
        return [Mention(HELP, start, len(words) - 1)]

    def _how_asked(
        self, text: str, words: list[str], mentions: list[Mention], at_action: bool = True
    ) -> list[Mention]:
        """At an action, a question word (`asked_at_actions`: "어떻게", "뭘") whose clause asks,
        by an asking ending ("어떻게 확인합니까", "뭘 지워야 돼요") or typed last with a
        question mark ("어떻게 켜요?"), asks how to do the step: help. Not negated ("어떻게 해도
        안 돼요": no). At a question, only where (`asked_at_questions`: "저장 공간 어디서
        봐요?", "아이디 어디서 확인해요?"): where to look, help (round twenty-two; heldout23
        and dev22 asked them again)."""
        asking = self.asked_at_actions if at_action else self.asked_at_questions
        at = next((i for i, w in enumerate(words) if w in asking), None)
        if at is None:
            return mentions
        end = clause_end(words, at)
        inside = [m for m in mentions if at < m.start < end]
        asked = any(m.kind == DOUBT for m in inside) or (
            end >= len(words) - 1 and self.verb_last and self._asked_as_typed(text)
        )
        if not asked or any(m.kind == NEGATION for m in inside):
            return mentions
        if not at_action and any(m.kind in INTENTS and m.kind not in ANSWERS
                                 for m in mentions if m.start <= at < m.end):  # fmt: skip
            return mentions  # "지금 어디예요?": where we are, the command
        kept = [m for m in mentions if not at <= m.start < end]
        return sorted([*kept, Mention(HELP, at, end)], key=lambda m: m.start)

    def _missing_on_screen(
        self, words: list[str], mentions: list[Mention], question: str | None
    ) -> list[Mention]:
        """At a question or action on a setting found on a screen (`setting_questions`), a
        thing said not there (`absences`: "there is no", "없어요") in a clause that names a
        place of the screen or a control (`screen_places`: "There's no Photos in the iCloud
        list.", "iCloud 목록에 사진이 없어요", "there's no switch"): it cannot be found, help
        (where is it?), not the setting's no. Nothing else may answer, in the clause or
        another ("It's off, there's no Photos in the list."); "없어요" alone, or absence at
        another question ("no update in settings"), reads as before."""
        if question not in self.setting_questions or not self.absences:
            return mentions
        for start, end in _spans(words, self.absences):
            first = clause_start(words, start)
            last = next((i for i in range(end, len(words)) if words[i] == BREAK), len(words))
            if not any(w.startswith(p) for w in words[first:last] for p in self.screen_places):
                continue
            inside = [m for m in mentions if first <= m.start < last]
            if any((m.kind not in ("yes", "no", NEGATION, QUESTION, FILLER)
                    and not (m.kind == NARRATION and start <= m.start < end))  # "showing"
                   or (m.kind == "yes" and not m.weak)
                   or (m.kind in ("yes", "no", NEGATION) and not start <= m.start < end)
                   for m in inside):  # fmt: skip
                continue
            kept = [m for m in mentions if m not in inside]
            if any(m.kind in ANSWERS for m in kept):
                return mentions  # "It's off, there's no Photos in the list": as before
            return sorted([*kept, Mention(HELP, first, last)], key=lambda m: m.start)
        return mentions

    def _not_following(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Help that is not following ("I don't understand"), with a way of speaking asked for
        (slower, louder, repeat: `assistant_commands`): the reason, not a second command."""
        if not any(m.kind in self.assistant_commands for m in mentions):
            return mentions
        return [m for m in mentions if not (m.kind == HELP and self._words(words, m) in
                                            self.not_following)]  # fmt: skip

    def _help_where(self, mentions: list[Mention]) -> list[Mention]:
        """Help asked for and "where" alone with it ("help me. where."): where the step's
        thing is, help."""
        kinds = {m.kind for m in mentions if m.kind not in (FILLER, QUESTION, NEGATION)}
        if kinds != {HELP, "where"}:
            return mentions
        return [replace(m, kind=HELP) if m.kind == "where" and m.end - m.start == 1 else m
                for m in mentions]  # fmt: skip
