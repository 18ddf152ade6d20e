"""Not yet: still doing the step, waiting a while, or waiting on the phone (at an action).

A done said while still at it, or a wait, must not move on: "hang on, typing it" is not yet,
"hang on, it's restarting" a pause; both read at an action only.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.conversation import interpretation
from assistant.conversation.interpretation import (
    CONTRAST,
    CORRECTION,
    DOUBT,
    FILLER,
    NEGATION,
    QUESTION,
    Mention,
)
from assistant.conversation.normalization import BREAK, clause_end, clause_start
from assistant.conversation.understanding.intents import ANSWERS, HELP, INTENTS, UNKNOWN
from assistant.conversation.understanding.lexicon import Lexicon, _is_wait, _spans


class NotYet(Lexicon):
    """At an action: not done yet, still doing it, or waiting on the phone."""

    def _still_to_do(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, a later clause telling what is still to do after a done ("reset
        network settings, now I have to type the wifi password again"): done, or not yet?
        Doubt, asked again ("I have to say it took ages" is a way of speaking)."""
        for o in self.obligations:
            for i in range(1, len(words) - len(o) + 1):
                if tuple(words[i : i + len(o)]) != o:
                    continue
                opener = i - 1 if words[i - 1] in self.clause_fillers else i
                if opener == 0 or words[opener - 1] != BREAK:
                    continue
                done = [d for d in mentions if d.kind == "yes" and not d.weak and d.end <= opener]
                if not done:
                    continue
                after = words[i + len(o) : i + len(o) + 2]
                if after and (after[0],) in self.idioms or tuple(after) in self.idioms:
                    continue  # "I have to say it took ages"
                doubt = Mention(DOUBT, i, i)
                return sorted([*mentions, doubt], key=lambda x: x.start)
        return mentions

    def _not_found_yet(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, not finding what the step needs (`not_finding`: "can't find") with
        "yet" later in its clause (`yet_words`: "Hang on, can't find the switch yet.", "Can't
        find it yet."): still looking, not yet (no), as heldout17 labels it; without "yet"
        ("I can't find the switch") it stays help. A wait said with it only asks for time
        (it was help, and with "hang on" the pause)."""
        for at, m in enumerate(mentions):
            if m.kind != HELP or self._words(words, m) not in self.not_finding:
                continue
            end = clause_end(words, m.end)
            if not self.yet_words.intersection(words[m.end : end]):
                continue
            rest = [n for n in mentions if n is not m]
            if any(n.kind not in (FILLER, CORRECTION) and not _is_wait(n) for n in rest):
                return mentions  # an answer or a command of its own: as read
            kept = [n for n in mentions[:at] if not _is_wait(n)]
            return [*kept, Mention("no", m.start, end), *mentions[at + 1 :]]
        return mentions

    def _put_off(self, words: list[str], mentions: list[Mention], asked: bool) -> list[Mention]:
        """At an action or the start (`asked`), doing it promised for a time to come in one
        clause (`doing_later`, then `put_off_times`: "I'll do it later tonight.", "Mum will do
        it tomorrow.", "My grandson will do it later.", "이따 밤에 할게요"): put off, not now:
        no (were asked again; heldout32, dev22, heldout23). Not with an answer said outside
        that clause, nor with a command anywhere ("I'll do it later, stop for now"; "이따가
        할게요" at an action is a phrase of the pause, round ten); a time that is now ("I'll do
        it now") is no later."""
        if not asked:
            return mentions
        for start, end in _spans(words, self.doing_later):
            first, close = clause_start(words, start), clause_end(words, end)
            if not any(s >= first and e <= close for s, e in _spans(words, self.put_off_times)):
                continue
            outside = [m for m in mentions if m.end <= first or m.start >= close]
            if any(m.kind in INTENTS and (m in outside or m.kind not in ANSWERS)
                   for m in mentions):  # fmt: skip
                return mentions  # "이따가 할게요" at an action: its phrase, a pause
            return sorted([*outside, Mention("no", first, close)], key=lambda m: m.start)
        return mentions

    def _doing_it_a_while(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, the speaker doing the step (`doing_the_step`: "doing it now", "on it")
        and a wait asked for, either way round, nothing else said ("Doing it now, hang on.",
        "One sec, on it."): not done yet, as a wait with "still" is (the lead's decision after
        round sixteen); the wait is dropped, the no stands."""
        doing = [m for m in mentions
                 if m.kind == "no" and self._words(words, m) in self.doing_the_step]  # fmt: skip
        waits = [m for m in mentions if _is_wait(m)]
        if not doing or not waits:
            return mentions
        if any(m not in doing and m not in waits and m.kind != FILLER for m in mentions):
            return mentions
        return [m for m in mentions if m not in waits]

    def _doing_gerund_a_while(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, a wait ("hang on", "one sec") and a gerund of the speaker's doing
        (`doing_gerunds`: "typing", "deleting", "scrolling") opening a clause, or right after
        the wait, with no subject but the speaker ("Hang on, typing the password.", "Scrolling
        through them, one sec", "Hold on, I'm typing it in"), maybe after "just", "now"
        (with "still" the rules before read it); nothing else understood: the speaker at
        the step: not yet (no), by the lead's decision after round fifteen (the assistant says
        "take your time" and keeps listening for done). A subject other than the speaker
        ("hang on, it's restarting") is left to the phone's pause, and a gerund the phone
        does ("restarting", "loading") is no doing of the speaker's."""
        if not self.doing_gerunds:
            return mentions
        waits = [m for m in mentions if _is_wait(m)]
        if not waits:
            return mentions
        openers = {"just", "now", "right", "still", "am", "are", "i", "we"} | self.outlasting
        starts = sorted(
            {0} | {i + 1 for i, w in enumerate(words) if w == BREAK} | {m.end for m in waits}
        )
        for start in starts:
            g = start + self._helper_subject(words, start)  # "Grandad's typing it"
            helped = g > start
            while g < len(words) and words[g] in openers:
                g += 1
            if g >= len(words) or words[g] not in self.doing_gerunds:
                continue
            opened = set(words[start:g])
            if opened & self.outlasting:  # "hang on, still looking for it": read as it was
                continue
            if opened & {"am", "are", "i", "we"} and not opened & self.speakers and not helped:
                continue
            allowed = [m for m in mentions if m in waits or m.kind == FILLER
                       or (start <= m.start and m.end <= g)
                       or self._the_gerunds_own(words, g, m)]  # fmt: skip
            if len(allowed) != len(mentions) or any(start <= m.start < g for m in waits):
                continue
            kept = [m for m in mentions if m.kind == FILLER]
            return sorted([*kept, Mention("no", g, g + 1)], key=lambda m: m.start)
        return mentions

    def _the_gerunds_own(self, words: list[str], g: int, m: Mention) -> bool:
        """An answer of the question's own inside the clause the gerund at `g` opens, with no
        copula or speaker between ("Signing in now, one sec.", "Switching it on now, hang
        on": "in now", "on now"): the particle of the doing under way, no done of its own
        (round twenty-one: read as a pause, and "Hang on, signing in now." as done)."""
        between = set(words[g + 1 : m.start])
        return (
            m.kind in ANSWERS
            and m.own
            and g < m.start
            and m.end <= clause_end(words, g)
            and not between & (self.copulas | self.speakers)
        )

    def _helper_subject(self, words: list[str], start: int) -> int:
        """How many words at `start` name a helper (`helpers`, maybe after "my", "our", "the")
        as the subject of "is"/"are" ("grandad is", "my son is", "the kids are"), 0 if none."""
        at = start + (start < len(words) and words[start] in {"my", "our", "the"})
        if at + 1 < len(words) and words[at] in self.helpers and words[at + 1] in {"is", "are"}:
            return at + 2 - start
        return 0

    def _waiting_on_it(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, "hold on", "hang on" opening the utterance, then the phone or another
        thing busy ("hang on, it's still deleting the backup", "hang on the router is
        restarting", "hold on, Siri opened the wrong thing"): a pause, waiting on it. Not when
        the speaker is the one not done ("hang on, still looking for it": no) or a negation
        says not yet ("hold on, not yet")."""
        if not mentions or mentions[0].kind != CORRECTION or mentions[0].start != 0:
            return mentions
        first = mentions[0]
        if first.fallback != "pause":
            return mentions
        rest = mentions[1:]
        answers = [m for m in rest if m.kind in ("yes", "no")]
        strong = [m for m in answers if not m.weak]
        if not strong or any(m.kind != "no" for m in strong):
            return mentions
        if any(m.kind not in ("yes", "no", FILLER, QUESTION) for m in rest):
            return mentions
        for m in strong:
            said = words[clause_start(words, m.start) : m.end]
            if first.end > clause_start(words, m.start):
                said = words[first.end : m.end]
            said = [w for w in said if w != BREAK]
            if not said or said[0] in self.speakers or said[0] in self.outlasting:
                return mentions  # "hang on, still looking for it": the speaker
            if set(said) & (self.negation_words | {"no", "nope", "nah"}):
                return mentions  # "hold on, not yet"
            if tuple(said) == tuple(words[m.start : m.end]):
                return mentions  # the state alone, no subject
        return [Mention("pause", first.start, first.end)]

    def _not_yet_a_while(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, "not yet" (or "no", or the speaker "still" at it) and a while asked
        for in words ("not yet, one sec", "no, give me a minute", "hold your horses, I'm still
        in Settings"): not done yet, take your time; the dialog's answer to not yet says just
        that."""
        waits = [m for m in mentions
                 if _is_wait(m) and tuple(words[m.start : m.end]) in self.waits]  # fmt: skip
        if not waits:  # "잠깐만요" is a correction read as a wait when nothing follows it
            return mentions
        noes = [
            m
            for m in mentions
            if m.kind == "no"
            and words[m.start] in (self.negation_words | self.not_yet_words | {"no", "nope", "nah"})
        ]
        said_on = {n.start for n in noes}  # "I am" right before "still": the speaker, not a yes
        if not noes or any(
            m.kind not in ("no", "pause", FILLER)
            and not (m.kind == CORRECTION and m.fallback == "pause")  # "잠시만 기다려 주세요"
            and not (
                m.kind == "yes" and m.weak and m.end in said_on and words[m.start] in self.speakers
            )  # "it's still loading": the phone's
            for m in mentions
        ):
            return mentions
        return [m for m in mentions if m not in waits]

    def _not_yet_changed(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, a done said right after "still" ("still on the apple logo" at the
        restart, "still on" while it should go off): the state before the change stands, so
        it is not done yet. The "still" says no by itself (`*not_yet` of the actions)."""
        drop = {
            id(m)
            for prev, m in zip(mentions, mentions[1:], strict=False)
            if m.kind == "yes"
            and prev.end == m.start
            and prev.kind == "no"
            and tuple(words[prev.start : prev.end]) in {(w,) for w in self.outlasting}
        }
        return [m for m in mentions if id(m) not in drop] if drop else mentions

    def _wait_after_the_verb(self, words: list[str], mentions: list[Mention]) -> list[str] | None:
        """Where the verb ends the clause (`understanding.verb_last`), a wait ("잠깐만요")
        said last, right after an answer's verb, is a sentence of its own ("인증 코드
        기다리는 중이에요 잠깐만요": waiting for the code, hold on), or after a verb of coming
        said of its subject (`said_of_subject`: "누가 왔어요 잠깐만요", someone is here, hold
        on), or after what one will do (`AttachedWords.promises`: "업데이트 할게요 잠깐만요"):
        the words with a clause break before it, so it counts as the command though the
        sentence before has words not understood. None when there is no such wait."""
        if not self.verb_last or not mentions:
            return None
        last = mentions[-1]
        if last.kind != CORRECTION or last.fallback != "pause" or last.end != len(words):
            return None
        ended = [*words[: last.start], BREAK, *words[last.start :]]
        promised = self.attached.promises(words[: last.start]) if self.attached else 0
        if promised:  # 설치할게요 잠깐만요: the intention no doubt of the wait's
            return [*words[: last.start - promised + 1], BREAK, *words[last.start :]]
        if len(mentions) < 2:
            return None
        before = mentions[-2]
        happened = self._words(words, before) in self.said_of_subject  # 누가 왔어요 잠깐만요
        if (before.kind not in ("yes", "no") and not happened) or before.end != last.start:
            return None
        return ended

    def _doing_then_wait(self, words: list[str], mentions: list[Mention]) -> str | None:
        """Where the verb ends the clause, at an action, the step said under way (a no whose
        last word is `attached.progressive`, "켜는 중이에요", "설치 중이에요") and then only a
        wait ("잠깐만요", "잠시만 기다려 주세요"): "still doing it, hold on" reads both as not
        yet (no) and as a pause, and the blind sets label it both ways (round seventeen).
        The lead's decision, as in English: the speaker doing the step is no, the phone busy
        (설치 중, 재부팅 중) a pause; nothing here tells the two apart yet, so: unknown, asked
        again, never a guess. With "not yet" said (아직) it is no, the lead's
        round-fifteen decision ("아직 지우는 중이에요 잠깐만요" was a pause). None when the
        words are not so."""
        said = [m for m in mentions if m.kind != FILLER]  # 지금 켜는 중이에요
        if not self.verb_last or not self.attached or len(said) < 2:
            return None
        doing = [m for m in said if m.kind == "no"]
        waits = said[len(doing) :]
        if not doing or any(m.kind != "no" for m in said[: len(doing)]):
            return None
        if words[doing[-1].end - 1] not in self.attached.progressive:
            return None
        if not all(_is_wait(m) for m in waits):
            return None
        if set(words) & self.negation_words:
            return None  # "안 되는 중": read as it was
        return "no" if set(words) & self.not_yet_words else UNKNOWN

    def _phone_busy_with_a_wait(self, words: list[str], mentions: list[Mention]) -> bool:
        """At an action, a wait and, as a clause of its own before or after it, a process of
        the phone under way (`phone_processes` first, after `busy_adverbs` only: "잠깐만요,
        재부팅 중이에요", "지금 재부팅 중이에요, 잠깐만요", "잠시만요, 업데이트 설치되고
        있어요"; the process's words and nothing else before the ending): the phone busy,
        waited on, a pause, the lead's decision after round fifteen (the speaker at the step
        with a wait is no: "잠시만요, 비밀번호 입력하고 있어요" is read as before). Not with
        아직 (still: not yet, read as before), a negation (안 되는 중), or anything else
        said."""
        if not self.phone_processes or not self.attached:
            return False
        rest = self._said_beside_a_wait(words, mentions, self.busy_adverbs)
        ends = {*self.attached.progressive, self.attached.under_way}
        if not rest:
            return False
        # "백업 지우는 중이에요": the speaker deleting, read as before
        return rest[-1] in ends and set(rest[:-1]) <= self.phone_processes

    def _doing_noun_with_a_wait(self, words: list[str], mentions: list[Mention]) -> bool:
        """At an action, a wait and, as a clause of its own before or after it, a noun of the
        speaker's doing at a step (`doing_nouns`) right before 중, in the middle of it
        ("로그인 중이에요, 잠깐만유", "잠깐만요, 입력 중이에요"; after `busy_adverbs` or
        `not_yet_words` only): the speaker still at the step, not yet (no), as "로그인하고
        있어요, 잠깐만요" is (round twenty-one: read as a pause, the phone's). The phone's
        processes (재부팅 중) stay its pause (`_phone_busy_with_a_wait`); a negation, or
        anything else said, is read as before."""
        if not self.doing_nouns or not self.attached:
            return False
        rest = self._said_beside_a_wait(words, mentions, self.busy_adverbs | self.not_yet_words)
        return (
            rest is not None
            and len(rest) > 1
            and rest[-1] in self.attached.progressive
            and set(rest[:-1]) <= self.doing_nouns
        )

    def _said_beside_a_wait(
        self, words: list[str], mentions: list[Mention], openers: frozenset[str]
    ) -> list[str] | None:
        """The words said beside a wait as a clause of its own, before or after it, without
        the `openers` that start them ("지금"): when nothing but the wait, fillers and answers
        is understood and no negation is said ("안 되는 중"); None otherwise. Whose doing the
        words are, the phone's or the speaker's, the two rules above tell."""
        waits = [m for m in mentions if _is_wait(m)]
        if not waits or any(m.kind != FILLER and not _is_wait(m) and m.kind not in ANSWERS
                            for m in mentions):  # fmt: skip
            return None
        covered = {i for m in waits for i in range(m.start, m.end)}
        inside = [i for i, w in enumerate(words) if i not in covered and w != BREAK]
        if not inside or not (min(inside) > max(covered) or max(inside) < min(covered)):
            return None  # nothing beside it, or words on both sides
        rest = [words[i] for i in inside]
        while rest and rest[0] in openers:
            rest = rest[1:]
        return None if set(rest) & self.negation_words else rest

    def _almost_done(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, a done right after "almost" (`almost`; words carrying nothing may
        stand between: "거의 다 됐어요") is not done yet: no."""
        fillers = {i for m in mentions if m.kind == FILLER for i in range(m.start, m.end)}
        out = []
        for m in mentions:
            before = m.start - 1
            while before in fillers:
                before -= 1
            if m.kind == "yes" and not m.weak and before >= 0 and words[before] in self.almost:
                m = replace(m, kind="no")
            out.append(m)
        return out

    def _doing_it(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, a done marked as under way (attached_words' `under_way`: "켜고
        있어요", turning it on) is not done yet: no; so is any verb under way that ends the
        utterance with nothing else said of it ("켜지고 있어요" at the restart, "설치하고
        있어요"; round seventeen, were asked again); with a wait, `_doing_verb_then_wait`
        reads it ("잠시만요 찾고 있어요": not yet too)."""
        mark = self.attached.under_way if self.attached else ""
        if not mark:
            return mentions
        covered = {i for m in mentions for i in range(m.start, m.end)}
        waited = any(m.kind in ("pause", CORRECTION) for m in mentions)  # "잠시만요 찾고 있어요"
        said = [] if waited else [  # "켜지고 있어요" at the restart: whatever the verb
            Mention("no", i - 1, i + 1)
            for i, w in enumerate(words)
            if w == mark and i > 0 and i - 1 not in covered and words[i - 1] != BREAK
            and all(x == BREAK for x in words[i + 1 :])
        ]  # fmt: skip
        return sorted([replace(m, kind="no")
                       if m.kind == "yes" and m.end < len(words) and words[m.end] == mark else m
                       for m in mentions] + said, key=lambda m: m.start)  # fmt: skip

    def _doing_verb_then_wait(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, a verb of someone's doing at a step under way (`doing_verbs`, in -고
        있다 or -고 계시다: "비밀번호 치고 있어요", "지우고 계세요") and then a wait, nothing
        after it ("할머니가 지금 비밀번호 치고 계세요, 잠깐만요"): the speaker, or the one
        helping, still at the step: not yet (no), by the lead's decision after round fifteen;
        whoever is named as the subject (an active verb of the step has a person doing it).
        A wait said first ("잠시만요 찾고 있어요") too (`heldout10` relabelled after round
        nineteen). Nothing else understood but fillers and the verb's own word."""
        mark = self.attached.under_way if self.attached else ""
        if not mark or not self.doing_verbs:
            return mentions
        waits = [m for m in mentions if _is_wait(m)]
        marks = [i for i, w in enumerate(words) if w == mark]
        if not waits or len(marks) != 1:
            return mentions
        at = marks[0]
        doing = next((at + 1 - len(p) for p in self.doing_verbs
                      if tuple(words[at + 1 - len(p) : at + 1]) == p), None)  # fmt: skip
        if doing is None or doing < 0:
            return mentions
        if any(w != BREAK for w in words[at + 1 : waits[0].start]):
            return mentions  # "치고 있어요 그리고 잠깐만요": something more between
        rest = [m for m in mentions if m not in waits]
        if any(m.kind != FILLER and not (m.start >= doing and m.end <= at + 1) for m in rest):
            return mentions
        kept = [m for m in rest if m.kind == FILLER and m.end <= doing]
        return [*kept, Mention("no", doing, at + 1)]

    def _wait_then_reason(self, mentions: list[Mention]) -> bool:
        """Where the verb ends the clause (`understanding.verb_last`), a wait opening the
        utterance ("잠시만요", "잠깐만"), then only words not understood (its reason: "전화
        왔어요", a call came; "찾고 있어요", I'm looking): a pause, the reason a sentence of its
        own after it. With an answer or another command said, it is read as before."""
        if not self.verb_last or not mentions:
            return False
        first = mentions[0]
        if first.kind != CORRECTION or first.fallback != "pause" or first.start != 0:
            return False
        return all(m.kind == FILLER for m in mentions[1:])

    def _still_under_way(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """With doubt where a yes that is a process ("uploading", "syncing") is said to go on
        ("it's still uploading"): working, or not done yet? Asked again. The screen said to
        show it still ("still says uploading 240 items") is a status that has not moved on:
        no, unless a contrast follows ("..., but the number goes down")."""
        doubts: list[Mention] = []
        unmoved: list[Mention] = []
        for m in mentions:
            if m.kind != "yes" or not words[m.end - 1].endswith(self.ongoing):
                continue
            if self._stuck_on(words, m):
                unmoved.append(m)  # "still stuck on uploading": what is stuck, no
                continue
            opening = clause_start(words, m.start)
            clause = words[opening : m.start]
            shown = self.reported & set(clause) or _spans(clause, self.screen_reports)
            negated = any(n.kind in (NEGATION, "no") and opening <= n.start < m.start
                          for n in mentions)  # fmt: skip
            turned = any(c.kind == CONTRAST and c.start > m.start for c in mentions)
            if self.outlasting & set(clause) and shown and not negated and not turned:
                unmoved.append(m)  # "still says 500 items uploading": the count between
                continue
            before = words[max(0, m.start - interpretation.NEGATION_REACH_WORDS) : m.start]
            if BREAK in before:
                before = before[len(before) - before[::-1].index(BREAK) :]
            negated = any(
                n.kind in (NEGATION, "no") and m.start - len(before) <= n.start < m.start
                for n in mentions
            )  # "still not working" is no
            if self.outlasting & set(before) and not negated:
                turned = any(c.kind == CONTRAST and c.start > m.start for c in mentions)
                said_so = bool(self.reported & set(before)) and not turned  # "still says ..."
                (unmoved if said_so else doubts).append(m)
        mentions = [replace(m, kind="no") if m in unmoved else m for m in mentions]
        marks = [Mention(DOUBT, m.start, m.start) for m in doubts]
        return sorted([*mentions, *marks], key=lambda m: m.start) if marks else mentions

    def _stuck_on(self, words: list[str], m: Mention) -> bool:
        """A process (m: "uploading") right after words saying it does not move on
        (`stuck_on`: "stuck on uploading", "frozen at syncing"): what is stuck, no yes of its
        own (round twenty-one: asked again, or without "still" read as yes)."""
        return any(tuple(words[m.start - len(p) : m.start]) == p for p in self.stuck_on)
