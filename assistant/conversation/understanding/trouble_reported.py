"""Trouble at the step reported: an error the screen shows, a thing failing, a try in vain.

"It says incorrect password" holds the words of a no, but the person is stuck, not done or not
willing: the step's help, or asked again, never "not yet".
"""

from __future__ import annotations

from assistant.conversation.interpretation import DOUBT, FILLER, NEGATION, Mention
from assistant.conversation.normalization import BREAK, clause_end, clause_start
from assistant.conversation.understanding.intents import ANSWERS, HELP, INTENTS
from assistant.conversation.understanding.lexicon import Lexicon, _is_wait, _spans

_OTHER_COMMANDS = frozenset(INTENTS) - {"yes", "no", "help"}
"""The commands besides help: said with a screen error, the command stands."""


class TroubleReported(Lexicon):
    """At an action: an error the screen shows, or a thing the step needs failing."""

    def _screen_error(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, an error the screen shows, reported ("it says incorrect password",
        "error: invalid code", "it keeps telling me verification failed") or said of a thing
        ("wrong password"): trouble with the step, not the no of its words: help across its
        span (the lead's decision after round twenty; the sets labelled it both ways, and the
        rules asked again), beside a command said with it. The report may close the utterance
        in a clause of its own (`closing_reports`: '"Verification Failed. The code you entered
        is incorrect." That's what it says.'): every word before it is the screen's, read
        out; with an error among them, help (round twenty-two: read no, or asked again)."""
        closing = self._closing_report(words)
        if closing is not None and _spans(words[:closing], self.error_words):
            return [Mention(HELP, 0, closing)]  # the screen's words, read out, an error among them
        reports = _spans(words, self.screen_reports)
        errors = [(start, end) for start, end in _spans(words, self.error_words)
                  if any(r_end <= start for _, r_end in reports)
                  or self._said_of_the_next(words, mentions, start, end)]  # fmt: skip
        if not errors:
            return mentions

        def overlaps(m: Mention) -> bool:
            return any(m.start < end and m.end > start for start, end in errors)

        # an error's own negation ("unable to", "can not") is the error's words, as its no is
        kept = [m for m in mentions if not (m.kind in (*ANSWERS, NEGATION) and overlaps(m))]
        trouble = [self._error_shown(words, reports, start, end, kept) for start, end in errors
                   if not any(m.start < end and m.end > start for m in kept)]  # fmt: skip
        return sorted([*kept, *trouble], key=lambda m: m.start)

    def _closing_report(self, words: list[str]) -> int | None:
        """Where a last clause that only says the screen shows it (`closing_reports`: "that's
        what it says") begins, after a clause of its own; None when there is none."""
        said = [i for i, w in enumerate(words) if w != BREAK]
        if not said:
            return None
        start = clause_start(words, said[-1])
        if start == 0 or tuple(words[start : said[-1] + 1]) not in self.closing_reports:
            return None
        return start

    @staticmethod
    def _error_shown(
        words: list[str], reports: list[tuple[int, int]], start: int, end: int,
        mentions: list[Mention],
    ) -> Mention:  # fmt: skip
        """Help across the clause for an error the screen is said to show ("it says wrong
        password"); doubt for one only said of a thing ("Siri opened the wrong thing"), or
        with an answer after it ("it said wrong password but now I'm in"), or with a command
        (it stands: "it says wrong password, stop")."""
        before = [r_start for r_start, r_end in reports if r_end <= start]
        other = any(m.kind in ANSWERS and m.start >= end or m.kind in _OTHER_COMMANDS
                    for m in mentions)  # fmt: skip
        if before and not other:
            # from the report, across a colon or quote: 'it says "wrong password"'
            return Mention(HELP, min(before[-1], clause_start(words, start)), end)
        return Mention(DOUBT, start, end)

    def _error_reported(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, an error the screen shows, reported in -다고 / -라고 before a verb of
        showing (attached_words' `error_mark`: "비밀번호가 틀렸다고 나와요", "로그인 실패라고
        떠요"): the answer words of its clause are the screen's, not the speaker's, as
        `_screen_error` reads English; help at the mark (the lead's decision after round
        twenty), beside a command said with it."""
        mark = self.attached.error_mark if self.attached else ""
        if not mark or mark not in words:
            return mentions
        spans = [(clause_start(words, at), at + 1) for at, w in enumerate(words) if w == mark]

        def inside(m: Mention) -> bool:
            return any(start <= m.start and m.end <= end for start, end in spans)

        kept = [m for m in mentions if not (m.kind in ANSWERS and inside(m))]
        at = spans[-1][1] - 1
        shown = Mention(HELP, spans[-1][0], at + 1)  # the clause: help, as a command is
        if any(m.kind in ANSWERS and m.start > at or m.kind in _OTHER_COMMANDS for m in kept):
            # an answer after it ("..., 지금은 됐어요"), or a command with it ("..., 그만할게요")
            if kept == mentions:
                return mentions
            shown = Mention(DOUBT, at, at + 1)
        return sorted([*(m for m in kept if m.start != at), shown], key=lambda m: m.start)

    def _code_not_come(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, a code sent for the step (`codes`) said not to have come
        (`never_came`: "The code was sent but I got nothing.", "No code came.", "I never got
        the code"): the step cannot go on, its help (where else the code can come from), as
        Korean's "인증 코드가 안 와요" is: the lead's decision after round twenty-one. These
        were read no (not yet) or asked again. Said still on its way in the same clause
        (`still_coming`: "The code hasn't come yet.", "코드가 아직 안 왔어요"), it is not yet: no
        (was asked again); a "not yet" of its own before it stays help ("아직이유, 코드가 안
        와유", dev21). With a wait, an answer after it ("I never got the code, but I'm in now")
        or another command, it is read as before (heldout9 labels "Hang on, the code hasn't
        come yet." pause)."""
        codes = _spans(words, self.codes)
        missing = _spans(words, self.never_came)
        if not codes or not missing:
            return mentions
        last = max(end for _, end in [*codes, *missing])
        own = {i for start, end in missing for i in range(start, end)}  # 안 왔: not "I'm back"
        if any(m.kind in ANSWERS and m.start >= last
               or m.kind in _OTHER_COMMANDS - {"pause"} and m.start not in own
               for m in mentions):  # fmt: skip
            return mentions
        if any(_is_wait(m) for m in mentions):
            return mentions  # "Hang on, the code hasn't come yet.": as read (heldout9: pause)
        clauses = [(clause_start(words, start), clause_end(words, end)) for start, end in missing]
        if any(first <= s and e <= close for s, e in _spans(words, self.still_coming)
               for first, close in clauses):  # fmt: skip
            return [Mention("no", 0, len(words))]  # "yet" said of the code, not "아직이유, ..."
        return [Mention(HELP, 0, len(words))]

    def _said_of_the_next(
        self, words: list[str], mentions: list[Mention], start: int, end: int
    ) -> bool:
        """Words said of the word after them, which no phrase takes ("wrong password"); not
        after a verb ("it has failed again": "failed" is what happened)."""
        verb = start and words[start - 1] in self.copulas | self.auxiliaries
        named = end < len(words) and words[end] != BREAK
        return named and not verb and not any(m.start <= end < m.end for m in mentions)

    def _a_thing_failing(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, "not working" (`failing`) said of a thing named as its clause's
        subject, a noun and no more ("Password isn't working.", "the code doesn't work",
        "Charger is not working"): trouble with what the step needs. Not done, or help
        wanted? Asked again. Not said of "it" or the speaker (pronouns), nor after "still" or
        anything understood ("did it, still not working": the state outlasted the step)."""
        said = {i for m in mentions for i in range(m.start, m.end)}
        changed = False
        kept = []
        for m in mentions:
            if m.kind == "no" and self._failing_thing(words, m, said):
                kept.append(Mention(DOUBT, m.start, m.end))
                changed = True
            else:
                kept.append(m)
        return kept if changed else mentions

    def _failing_thing(self, words: list[str], m: Mention, said: set[int]) -> bool:
        phrase = words[m.start : m.end]
        start = m.start
        if phrase and phrase[0] in self.copulas | self.auxiliaries:  # "is not working"
            phrase = phrase[1:]
        if tuple(words[m.start : m.end]) not in self.failing and tuple(phrase) not in self.failing:
            return False
        subject = words[clause_start(words, start) : start]
        if subject and subject[-1] in self.copulas | self.auxiliaries:  # "it is" + "not working"
            subject = subject[:-1]
        while subject and subject[0] in self.noun_determiners:
            subject = subject[1:]
        first = clause_start(words, start)
        if not 1 <= len(subject) <= 2 or any(i in said for i in range(first, start)):
            return False
        blocked = self.pronouns | self.speakers | self.outlasting | self.copulas
        return not any(w in blocked | self.failing_states for w in subject)

    def _trying_in_vain(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, trying to do it said with an intention's ending (`trying_endings`:
        -려고) and a verb of trying in a clause going on (`trying_verbs`: 하는데, 했는데), then
        only a negation and what it negates ("켜려고 하는데 안 눌러져요", "켜려고 하는데
        스위치가 안 움직여요"): tried, and it does not work: help, as `_tried_in_vain` reads
        -아도 (round twenty-two; heldout23 and dev22 asked them again). Not with an answer or
        a command said ("켜려고 했는데 이제 됐어요": as read)."""
        if not self.trying_endings:
            return mentions
        at = next((i for i in range(len(words) - 1)
                   if words[i].endswith(self.trying_endings)
                   and words[i + 1] in self.trying_verbs), None)  # fmt: skip
        if at is None or not any(m.kind == NEGATION and m.start > at + 1 for m in mentions):
            return mentions
        if any(m.kind in INTENTS for m in mentions if m.start != at + 1):  # not 했 tried
            return mentions  # an answer or a command ("켜려고 하는데 안 돼요": no, heldout4)
        return [Mention(HELP, at, len(words))]

    def _tried_in_vain(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, a concession (attached_words' `concession_mark` after -아도/-어도:
        "눌러도", "재시동해도") and then, as the last clause, only a negated no ("안 켜져요",
        "안 돼요"): tried, and it does not work: not done (no) and trouble at the step (help),
        and the blind sets labelled the same sentence both ways (heldout12's 눌러도 안 켜져요
        no, heldout18's help). The lead's decision (round seventeen): help, the step explained
        again, since "take your time" would leave someone stuck waiting on a switch that does
        not move. What did not change or how may stand before the negation ("눌러도 회색으로 안
        바뀌어요": the state that stays, a no; "켜도 계속 안 돼요": a word right before it). Not
        when more follows ("아무리 눌러도 안 돼서 그냥 뒀어요": what was done then answers)."""
        mark = self.attached.concession_mark if self.attached else ""
        if not mark or mark not in words:
            return mentions
        at = len(words) - 1 - words[::-1].index(mark)
        if BREAK in words[at + 2 :]:
            return mentions
        main = [m for m in mentions if m.start > at and m.kind != FILLER]
        last = main[-1] if main else None
        if (
            last is None
            or last.kind != "no"
            or not self.negation_words.intersection(words[last.start : last.end])
        ):  # a negated no ends it: 안 켜져요, 계속 안 돼요
            return mentions
        if any(m.kind != "no" and m.end != last.start for m in main[:-1]):
            return mentions  # 계속 or 회색 right before 안 says how it stays: no answer of its own
        again = self.attached.again_words if self.attached else frozenset()
        fillers = {i for m in mentions if m.kind == FILLER for i in range(m.start, m.end)}

        def tried(m: Mention) -> bool:  # the verb tried, maybe with 봐 (켜 봐도)
            return all(i in fillers for i in range(m.end, at))

        before = [m for m in mentions if m.start <= at and m.kind in INTENTS and not tried(m)
                  and not set(words[m.start : m.end]) <= again]  # fmt: skip
        if before:  # (다시 before the verb tried is "again": 다시 해 봐도 안 돼요)
            return mentions  # an answer or a command of its own before the concession (its
            # own verb is tried, no answer: 켜도 계속 안 돼요)
        kept = [m for m in mentions if m.start <= at]
        return [*kept, Mention(HELP, main[0].start, main[-1].end)]
