"""Commands said inside sentences: waved off, for later, one's own doing, refused, coming back.

A command's words in a sentence are often no command ("let me go back and check", "I'm not
ready to give up"); ending or jumping on them is the costliest mistake, so each case is read
here. Refusals of the step ("I'd rather not") are the step's no, which the dialog offers to skip.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.conversation.interpretation import (
    CANCELLED,
    CONTRAST,
    CORRECTION,
    DOUBT,
    FILLER,
    NEGATION,
    RESUME,
    SELF,
    Mention,
)
from assistant.conversation.normalization import BREAK, clause_end, clause_start
from assistant.conversation.understanding.intents import ANSWERS, INTENTS, START_QUESTION
from assistant.conversation.understanding.lexicon import Lexicon, _cancelled, _spans


class CommandsInSentences(Lexicon):
    """A command's words inside a sentence: given, refused, or only said."""

    def _command_waved_off(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A clause that waves a command off (a word of `waving_off` in it: "No need to repeat",
        "No help needed", "Stop asking me that"; or the command in a negative imperative: "Don't
        repeat it", not "never stop", a motto),
        then, in the last clause,
        an answer stated ("..., it's full", "..., it's on"): the remark to the assistant is no
        answer nor command, the answer stands. Not with a bare yes or no last ("No, don't
        stop." as before), nor with only "I got it" after it (`understood_replies`: the remark
        goes on), nor when nothing answers after it."""
        if not self.waving_off:
            return mentions
        negated = [(n.start, c.end) for n, c in zip(mentions, mentions[1:], strict=False)
                   if n.kind == NEGATION and n.end == c.start and n.start
                   and words[n.start - 1] in self.imperative_auxiliaries
                   and c.kind in INTENTS and c.kind not in ANSWERS]  # fmt: skip
        spans = _spans(words, self.waving_off) + negated  # ... or negated: "don't repeat it"
        if not spans:
            return mentions
        close = max(clause_end(words, end) for _, end in spans)
        first = min(clause_start(words, start) for start, _ in spans)
        later = [m for m in mentions if m.start > close]
        waved = [m for m in mentions if first <= m.start < close]
        if not any(m.kind in INTENTS and m.kind not in ANSWERS for m in waved):
            return mentions  # no command waved off
        stated = [m for m in later if m.kind in ANSWERS and not m.weak and m.end - m.start > 1
                  and self._words(words, m) not in self.understood_replies]  # fmt: skip
        if not stated or any(m.kind in INTENTS and m.kind not in ANSWERS for m in later):
            return mentions
        return [m for m in mentions if not first <= m.start < close]

    def _command_restated(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """ "Again" (`restating`) right after another command's words, in its clause ("start
        over again", "go back again", "pause again"): that command once more, not a second
        one, the repeat (round twenty-one: two commands, asked again)."""

        def restating(before: Mention | None, m: Mention) -> bool:
            return (before is not None and before.end == m.start
                    and before.kind in INTENTS and before.kind not in (*ANSWERS, "repeat")
                    and m.kind == "repeat" and self._words(words, m) in self.restating)  # fmt: skip

        return [m for before, m in zip([None, *mentions], mentions, strict=False)
                if not restating(before, m)]  # fmt: skip

    def _fetching_first(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """ "Let me get my glasses", "let me just find the settings app first": going to get
        something before answering, a pause; only when nothing else in the utterance
        answers or commands."""
        selves = [m for m in mentions if m.kind == SELF]
        if not selves or any(m.kind not in (SELF, FILLER) for m in mentions):
            return mentions
        m = selves[0]
        after = [w for w in words[m.end : clause_end(words, m.end)]
                 if (w,) not in self.general or self.general[(w,)].kind != FILLER]  # fmt: skip
        if after and after[0] in self.fetching:
            return [Mention("pause", m.start, m.end)]
        return mentions

    def _out_of_the_house(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Leaving said short ("I'm out") is a stop only when no answer is said with it: "I'm
        out, so it's cellular" is out of the house."""
        leaving = [m for m in mentions if self._words(words, m) in self.leaving]
        if not leaving:
            return mentions
        end = clause_end(words, leaving[0].end)
        then = tuple(words[end + 1 : end + 4])
        drawn = any(then[: len(c)] == c for c in self.consequences)
        drawn = drawn or bool(then) and self._goes_on_telling(then[0])  # "I'm out, at the park"
        if not drawn and not any(
            m.kind in ("yes", "no") and not (m.weak or m.deferring) for m in mentions
        ):
            return mentions
        return [m for m in mentions if self._words(words, m) not in self.leaving]

    def _goes_on_telling(self, word: str) -> bool:
        """A clause after leaving said short that opens with where or how, with no subject of
        its own ("at my mum's", "using my phone's data", "walking the dog"): the speaker out
        of the house. A clause with a subject ("I have a meeting") may be the reason to go."""
        ongoing = word.endswith(self.ongoing) and word not in self.negation_words  # not "nothing"
        stem = len(word) - max(map(len, self.ongoing), default=0)
        return word in self.leaving_continued or (ongoing and stem > 1)  # "using", not "king"

    def _ready_again(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Being ready said again by the speaker ("I'm ready again", "ready to go again"): back
        after a break, a resume (at the start question, as yes), not the answer "ready" is at
        an action: nothing says the step was done meanwhile. Said of the phone ("it's ready
        again") it stays its state, as "again" after any state."""
        for at, m in enumerate(mentions):
            if m.kind != "yes" or self._words(words, m) not in self.readiness:
                continue
            start = clause_start(words, m.start)
            if any(w not in self.speakers | self.copulas for w in words[start : m.start]):
                continue  # "the phone is ready again"; "we are ready again" is the speakers'
            then = mentions[at + 1 : at + 2]
            if (then and then[0].kind == "repeat" and self._words(words, then[0]) in self.restating
                    and then[0].start < clause_end(words, m.end)):  # fmt: skip
                before = [n for n in mentions[:at] if n.end <= start]
                return [*before, Mention(RESUME, start, then[0].end), *mentions[at + 2 :]]
        return mentions

    def _for_later(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A command said with a time to come in its clause ("I'll take a break after this",
        "can I go back to it later?", "I want to start over one day") is what will be, not
        what to do now: asked again. Not stop, which ends now whenever the speaker returns
        ("stop, I'll finish tomorrow")."""
        times = _spans(words, self.later_times)
        if not times:
            return mentions
        return _cancelled(mentions, lambda m: m.kind != "stop" and any(
            start >= m.end and clause_end(words, m.end) >= end for start, end in times
        ))  # fmt: skip

    def _own_doing(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A command after the speaker as subject ("let me", "I'll") with more said of it in
        its clause than its words ("let me go back and check", "I'll go back to it after I'm
        done", "let me pause the music"): what the speaker will do, not a command. Said alone
        ("let me go back", "I'll skip it") it stays the command."""
        selves = [m for m in mentions if m.kind == SELF]
        if not selves:
            return mentions
        covered = {i for n in mentions for i in range(n.start, n.end)}

        def told_and_more(m: Mention) -> bool:
            end = clause_end(words, m.end)
            told = any(s.end <= m.start and clause_end(words, s.end) == end for s in selves)
            return told and any(i not in covered for i in range(m.end, end))

        return _cancelled(mentions, told_and_more)

    def _not_giving_up(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A stop after a negation in its clause ("I'm not ready to give up", "I never quit"):
        not stopping, asked again (ending is the costliest mistake)."""
        return _cancelled(mentions, lambda m: m.kind == "stop" and any(
            (w,) in self.plain_negations for w in words[clause_start(words, m.start) : m.start]
        ))  # fmt: skip

    def _ready_to(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Being ready to do what a command says, one word between ("I'm ready to stop for
        today", "ready to move on"): the command; the readiness is no answer of its own."""
        return [m for at, m in enumerate(mentions) if not (
            m.kind == "yes" and self._words(words, m) in self.readiness
            and any(n.kind in INTENTS and n.kind not in ANSWERS and n.start == m.end + 1
                    and words[m.end] != BREAK for n in mentions[at + 1 : at + 2])
        )]  # fmt: skip

    def _said_of_a_thing(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A way of speaking said of a thing the clause opens with, named with a determiner and
        a copula ("the fan is too loud here", "my music is louder"): the room, not the
        assistant; no command. Not the assistant's own ("your voice is too loud":
        `addressed`), nor a request ("a bit quieter please")."""

        def of_a_thing(m: Mention) -> bool:
            opens = clause_start(words, m.start)
            thing = words[opens] in self.noun_determiners - self.addressed and bool(
                set(words[opens : m.start]) & self.copulas
            )  # "the fan is"
            return thing and m.kind in self.assistant_commands and m.kind != "repeat"  # "on again"

        return _cancelled(mentions, of_a_thing)

    def _coming_back(
        self, words: list[str], mentions: list[Mention], paused: bool, asked: bool = False
    ) -> list[Mention]:
        """Going on said with being ready ("go on, I'm ready", "carry on, ready when you
        are"): ready to go on, not an answer to the question (`understanding.readiness`).
        While paused, "back" said short is coming back ("ok back"), not going back a question
        (`understanding.returning`); so it is before going on said, not asked ("Back now, carry
        on."; not "Back now. Where were we?")."""
        mentions = self._back_said_with_now(words, mentions)  # "Okay, back now."
        last = clause_start(words, len(words) - 1) if asked else len(words)
        going_on = [m for m in mentions if m.kind == "resume" and m.start < last]  # not asked
        if paused or going_on:  # "Back now, carry on.": coming back, then going on
            mentions = [replace(m, kind="resume")
                        if m.kind == "back" and self._words(words, m) in self.returning
                        and (paused or any(n.start > m.start for n in going_on))
                        else m
                        for m in mentions]  # fmt: skip
        if not any(m.kind == "resume" for m in mentions):
            return mentions
        ready = self.readiness
        mentions = [m for m in mentions
                    if not (m.kind == "yes" and self._words(words, m) in ready)]  # fmt: skip
        if not paused and self._back_after_words(words, mentions):
            return [Mention(DOUBT, m.start, m.end) if m.kind == "resume" else m for m in mentions]
        if not paused and self._back_after_the_answer(words, mentions):
            return [m for m in mentions if m.kind != "resume"]  # "Switched it on, I'm back."
        return mentions

    def _back_after_the_answer(self, words: list[str], mentions: list[Mention]) -> bool:
        """Not paused, the speaker back ("I'm back", opened by `speakers`) only after an
        answer of the question's own in an earlier clause ("Switched it on and I'm back."):
        back from doing the step, which the answer tells; nothing was paused to go on from
        (round twenty-one: the resume won, once the answer was understood)."""
        resumes = [m for m in mentions if m.kind == "resume"]
        answers = [m for m in mentions if m.kind in ANSWERS and m.own and not m.weak]
        return (
            bool(resumes and answers)
            and all(words[m.start] in self.speakers for m in resumes)
            and all(max(a.end for a in answers) <= m.start for m in resumes)
            and not any(m.kind in INTENTS and m.kind not in (*ANSWERS, "resume") for m in mentions)
        )

    def _back_said_with_now(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Paused or not, "back" said with a word of being here (`returning` of two words:
        "back now", "back here") as a clause of its own, nothing else said but a filler or an
        "okay" before it ("Okay, back now.", "Right, back here."): the speaker come back,
        resume; going back a question is said with a verb ("go back now") or asked ("back now
        please"). Resume only repeats the question when not paused."""
        backs = [m for m in mentions if m.kind == "back" and self._words(words, m) == ("back",)]
        if len(backs) != 1:
            return mentions
        back = backs[0]
        after = back.end + 1
        if after > len(words) or tuple(words[back.start : after]) not in self.returning:
            return mentions
        if clause_start(words, back.start) != back.start or not (
            after == len(words) or words[after] == BREAK
        ):
            return mentions
        others = [m for m in mentions if m is not back and not (back.end <= m.start < after)]
        if any(not ((m.kind == FILLER and not m.request) or (m.kind == "yes" and m.deferring))
               or m.start > back.start for m in others):  # fmt: skip
            return mentions
        return [replace(m, kind="resume", end=after) if m is back else m
                for m in mentions if not (back.end <= m.start < after)]  # fmt: skip

    def _back_after_words(self, words: list[str], mentions: list[Mention]) -> bool:
        """Not paused, the speaker back ("I'm back", opened by `speakers`) as the only going
        on and no answer said, after two words or more that no phrase takes, a doing among
        them (`done_endings`: "switched") or a negation ("Switched it on and I'm back.",
        "Couldn't find it, I'm back."): what was said before it may be the answer, in words
        the rules do not know; asked again. Paused, coming back wins; "Went to make tea, I'm
        back." and "Sorry about that, I'm back." only tell of being away."""
        resumes = [m for m in mentions if m.kind == "resume"]
        if any(m.kind in ANSWERS for m in mentions) or not all(
            words[m.start] in self.speakers for m in resumes
        ):
            return False
        covered = {i for m in mentions for i in range(m.start, m.end)}
        unsaid = [i for i in range(resumes[0].start) if i not in covered and words[i] != BREAK]
        done = any(
            len(words[i]) > 4 and words[i].endswith(self.done_endings) for i in unsaid
        ) or any(m.kind == NEGATION and m.start < resumes[0].start for m in mentions)
        return len(unsaid) >= 2 and done  # "Went to make tea, I'm back.": only away

    def _refusing(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, not wanting to do it, with what it is about or not ("I don't want to
        update it now", "I'd rather not pay", "I'm not paying for more", "I'd like to keep
        the originals"): no, the step refused, whatever its clause names. Not when a command
        is in it ("I don't want to stop", "I want to keep going"): as read without it; nor
        before a worry or a figure of speech ("I'd rather not risk it", "I'd rather not say"):
        asked again. What a contrast or a correction adds after it stays ("..., but only for
        now"). A command in the refusal's own words ("pass on that" in "I'll pass on that") is
        the refusal, no command (round eighteen; the lead's decision after round seventeen)."""
        found = self._refusal(words)
        if found is None:
            return mentions
        start, said, end, refused = found
        if not refused:  # as round eight read a preference: doubt where its words end
            return sorted([*mentions, Mention(DOUBT, said, said)], key=lambda m: m.start)
        turns = [m.start for m in mentions if m.kind in (CONTRAST, CORRECTION)]
        end = min([t for t in turns if start < t < end] + [end])
        inside = [m for m in mentions if m.start < end and m.end > start]
        if any(m.kind in ANSWERS and m.start < start for m in inside):
            return mentions  # "원본 남기고 싶지 않아요": an answer's own words refused, as before
        own = [m for m in inside if start <= m.start < said]  # "I'll pass on that (one)"
        if any(m.kind in INTENTS and m.kind not in ANSWERS or m.kind == CANCELLED
               for m in inside if m not in own):  # fmt: skip
            return mentions  # "I don't want to stop now": not a refusal of the step
        rest = [m for m in mentions if m not in inside]
        return sorted([*rest, Mention("no", start, end)], key=lambda m: m.start)

    def _refusal(self, words: list[str]) -> tuple[int, int, int, bool] | None:
        """Where the first refusal's words start and end and its clause ends (`refusals`), and
        whether it refuses the step: not before a word of `not_refusing` ("I won't be long"),
        unless a doing follows that word ("I won't be paying")."""
        firsts = {p[0] for p in self.refusals}
        for start in (i for i, w in enumerate(words) if w in firsts):
            for phrase in sorted(self.refusals, key=len, reverse=True):  # "i refuse to" first
                after = start + len(phrase)
                if tuple(words[start:after]) == phrase:
                    refused = after >= len(words) or words[after] not in self.not_refusing
                    doing = words[after + 1 : after + 2]  # "I won't be giving Apple a penny"
                    refused = refused or (doing != [] and self._goes_on_telling(doing[0])
                                          and doing[0] not in self.not_refusing)  # fmt: skip
                    return start, after, clause_end(words, after), refused
        return None

    def _skipping_another_thing(
        self, words: list[str], mentions: list[Mention], question: str | None
    ) -> list[Mention]:
        """A skip given as an order (nothing before it in its clause but words understood:
        "could you", "let's") whose object, after "the", is a thing not understood, neither the
        step (`step_words`: "step", "question", "one") nor named by the question ("Could you
        skip the explanation and just tell me what to tap?"): the talk skipped, or the step?
        Asked again. The question's own words ("skip the update" at the install) are left as
        read."""
        if not self.step_words:
            return mentions
        named = self.named.get(question or "", frozenset())
        said = {i for m in mentions for i in range(m.start, m.end)}
        doubted = {
            id(m) for m in mentions
            if m.kind == "skip" and m.end + 1 < len(words) and words[m.end] == "the"
            and m.end + 1 not in said and words[m.end + 1] != BREAK
            and words[m.end + 1] not in self.step_words | named
            and all(i in said for i in range(clause_start(words, m.start), m.start))  # an order
        }  # fmt: skip
        if not doubted:
            return mentions
        return [Mention(DOUBT, m.start, m.end) if id(m) in doubted else m for m in mentions]

    def _how_it_was_done(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A command that is also an adverb of manner (`manner_words`), right before an
        answer ("빨리 시작해요": start quickly, "천천히 했어요": did it slowly), says how:
        no command, nothing of its own."""
        out = []
        for index, m in enumerate(mentions):
            rest = [n for n in mentions[index + 1 :] if n.kind != FILLER]  # "천천히 다 지웠어요"
            between = {i for n in mentions[index + 1 :] if n.kind == FILLER
                       for i in range(n.start, n.end)}  # fmt: skip
            if (
                rest
                and self._words(words, m) in self.manner_words
                and rest[0].kind in ANSWERS
                and set(range(m.end, rest[0].start)) <= between
            ):
                m = replace(m, kind=FILLER)
            out.append(m)
        return out

    def _not_now(
        self, words: list[str], mentions: list[Mention], question: str | None
    ) -> list[Mention]:
        """Going on, again or from the start, said right after a time to come (`later`:
        "이따가 이어서 해요", "나중에 다시 할게요"): not now, a pause; at the start question,
        no (flow.md: no there pauses)."""
        for m in mentions:
            if m.kind not in ("resume", "repeat", "start_over"):
                continue
            said = next((p for p in self.later if tuple(words[m.start - len(p) : m.start]) == p
                         and m.start >= len(p)), None)  # fmt: skip
            if said is None:
                continue
            start = m.start - len(said)
            kind = "no" if question == START_QUESTION else "pause"
            kept = [n for n in mentions if n.end <= start or n.start >= m.end]
            return sorted([*kept, Mention(kind, start, m.end)], key=lambda n: n.start)
        return mentions

    def _object_of_the_verb(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Where the verb ends the clause, a command's words opening a clause, then a word
        not understood (another verb: 보고, 읽고) and an answer of the question's own that ends
        the clause ("도움말 보고 켰어요": read the help, then turned it on): the command's
        words are what the clause's verbs were done with, no command (round seventeen; was
        help). Not a command right before the answer ("다시 켰어요", `_restated`)."""
        if not self.verb_last:
            return mentions
        drop = set()
        for index, m in enumerate(mentions):
            if m.kind not in INTENTS or m.kind in ANSWERS:
                continue
            if clause_start(words, m.start) != m.start:
                continue
            rest = mentions[index + 1 :]
            answer = next((r for r in rest if r.kind != FILLER), None)
            if answer is None or answer.kind not in ANSWERS or not answer.own:
                continue
            between = words[m.end : answer.start]
            if not between or BREAK in between or BREAK in words[answer.end :]:
                continue
            if answer.end != len(words):
                continue
            drop.add(id(m))
        return [m for m in mentions if id(m) not in drop] if drop else mentions
