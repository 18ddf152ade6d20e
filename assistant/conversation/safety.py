"""The safety gate: a reading the rules decided, turned into "ask again" when it is uncertain.

A wrong action (an answer flipped, a command taken for an answer or the reverse) costs more
than asking again, so after interpretation.py has decided, the gate looks at what the decision
left unexplained and, where that could change what was meant, answers `unknown` instead. Each
check is a general signal, not a list of phrasings, and was kept only because it avoided
wrong actions on phrase sets it was not designed on (bench/history/understanding.md, "Round five"):

1. A question left open: a clause that asks ("...?", or opened by a verb and a subject
   other than the assistant: "will this delete my photos") holding words the reading did
   not account for, and giving nothing to what was decided: "Wait, will this delete my
   photos from the phone?" is a question, not "wait"; "Both? I'm on Wi-Fi ..." is not the
   no it goes on to. A question the reading understood ("Done. What's next?", "can we go
   back?") passes, and so does one the speaker answers at once, in a word or about the very
   thing asked ("Isn't that the one with my email? Yeah, it is.", "Cellular Data on? Off.").
2. A contrast left unresolved: an answer before a contrast ("but", "though") and a command
   after it, or the reverse ("it's on, but it won't let me touch it": is it on, or is help
   wanted?): one of two readings, so ask again.
3. A farewell that is not the whole utterance: "see you" decides stop only said alone (with
   fillers), as "see you", "see you later", "bye now" are; "see you are doing great" is not
   a goodbye.
4. A stop, then an answer in a clause after it ("Stop, it's on.", "I'm done with this, it's
   off."): the speaker went on answering, so "stop" may have been said to the prompt, not
   to the session. Ending is the one command that cannot be taken back in a word, so ask
   again. A bare answer word ("no, stop", "stop, no") and an answer before the stop ("I'm
   done, goodbye") leave it as it is.
5. A command said as a question, then answered ("Start over? No, it's fine, it's on."): the
   speaker asked it of themselves and answered; which way is not the command's to say.
6. A move command and an answer, each in a clause of its own ("Skip ahead, it's full.",
   "Skip the chat, it's on."): either may be the one meant; a move, then a clause not
   understood at all ("Next, it asked for my password."): a story told on. And a pause,
   then a clause opened afresh by an answer word or an acknowledgment ("Pause. Okay, it's
   charging now.").
7. A stop's words with a subject in the clause that answers ("I quit halfway through.",
   "It quit on me halfway through."): someone or something stopped, told with the answer.

The words are the language file's (`understanding.question_verbs`, `addressees`,
`farewells`); a language without them keeps only the checks that need no words.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.conversation import normalization
from assistant.conversation.interpretation import (
    CONTRAST,
    CORRECTION,
    FILLER,
    HELP,
    NARRATION,
    SELF,
    UNKNOWN,
    Mention,
)  # fmt: skip
from assistant.conversation.normalization import BREAK, clause_end, clause_start

ANSWERS = ("yes", "no")
STOP = "stop"
PAUSE = "pause"
SILENCE = "silence"
ASKING = (HELP, "repeat", "where")
"""Decisions that are themselves asking something: a question at the end does not undo them."""
MOVES = (STOP, PAUSE, "skip", "back", "start_over")
"""Commands that halt or move the session: an answer after one says it may not be meant."""


@dataclass(frozen=True)
class Cues:
    """The words the gate reads, from the `understanding` section of the language file."""

    question_verbs: frozenset[str] = frozenset()
    """Verbs that open a yes/no question as its first word ("will", "does", "is")."""
    subjects: frozenset[str] = frozenset()
    """Subjects right after such a verb that make its clause a question back ("will this",
    "does it"); others do not ("can you" is a request, "haven't done it" a statement)."""
    farewells: frozenset[tuple[str, ...]] = frozenset()
    """Phrases that stop only as the whole utterance ("see you", "bye now")."""
    bare_answers: frozenset[tuple[str, ...]] = frozenset()
    """Answers in a word ("yeah", "no"): one right after a question answers it."""
    speakers: frozenset[str] = frozenset()
    """The speaker as subject ("i", "we"): a clause opened by one tells of the speaker."""
    move_openers: frozenset[tuple[str, ...]] = frozenset()
    """Words of an order to move that open a clause ("go to", "jump to"): with nothing in
    their clause understood ("go to the end"), a move the rules do not know."""
    move_places: frozenset[str] = frozenset()
    """Places in the steps ("end", "last") one of those orders must name to move."""


def gate(
    text: str,
    tokens: list[str],
    mentions: list[Mention],
    decided: str,
    cues: Cues,
    found: set[int] | None = None,
) -> str:
    """`decided`, or `unknown` when one of the checks finds the reading uncertain.

    found: the tokens inside any phrase found, also those the reading then set aside (what
    was done, in "did it, still not working"); by default those of `mentions`."""
    if decided in (UNKNOWN, SILENCE):
        return decided
    covered = {i for m in mentions for i in range(m.start, m.end)} | (found or set())
    asked: list[bool] = []
    normalization.tokens(text, asked)
    for start, end, question_mark in _clauses(tokens, asked):
        if _open_question(tokens, mentions, covered, decided, cues, start, end, question_mark):
            return UNKNOWN
        if question_mark and _command_asked_then_answered(mentions, decided, start, end):
            return UNKNOWN
    if _unresolved_contrast(mentions):
        return UNKNOWN
    if decided == STOP and _farewell_in_more_words(tokens, mentions, cues):
        return UNKNOWN
    if decided == STOP and _answered_after_stop(tokens, mentions, cues):
        return UNKNOWN
    if decided in MOVES and _answered_afresh(tokens, mentions, cues, decided):
        return UNKNOWN
    if _moved_and_answered(tokens, mentions, cues, decided):
        return UNKNOWN
    if _halted_in_the_answer(tokens, mentions, cues, decided):
        return UNKNOWN
    return decided


def _clauses(tokens: list[str], asked: list[bool]) -> list[tuple[int, int, bool]]:
    """Each clause with words in it: start, end, and whether a question mark ends it."""
    out, start, breaks = [], 0, 0
    for index, token in enumerate([*tokens, BREAK]):
        if token != BREAK:
            continue
        if index > start:
            mark = index < len(tokens) and breaks < len(asked) and asked[breaks]
            out.append((start, index, mark))
        if index < len(tokens):
            breaks += 1
        start = index + 1
    return out


def _open_question(
    tokens: list[str],
    mentions: list[Mention],
    covered: set[int],
    decided: str,
    cues: Cues,
    start: int,
    end: int,
    question_mark: bool,
) -> bool:
    """A clause that asks (a question mark, or a verb then a subject: "will this delete my
    photos"), holds words the reading did not account for, and gave nothing to what was
    decided: the decision rests on the rest, and the question may change it."""
    if decided in ASKING:
        return False
    fillers = {i for m in mentions if m.kind in (FILLER, CORRECTION) for i in range(m.start, m.end)}
    first = next((i for i in range(start, end) if i not in fillers), None)
    if first is None:
        return False
    verb_first = (
        tokens[first] in cues.question_verbs
        and first + 1 < end
        and tokens[first + 1] in cues.subjects
    )
    if not (question_mark or verb_first):
        return False
    if all(i in covered for i in range(start, end)):
        return False  # a question the reading understood ("what's next?")
    if _answered_after(tokens, mentions, covered, decided, start, end, cues):
        return False  # asked of oneself, then answered: "Isn't it the one? Yeah, it is."
    inside = [m for m in mentions if start <= m.start < end and m.kind == decided]
    return not inside


def _answered_after(
    tokens: list[str],
    mentions: list[Mention],
    covered: set[int],
    decided: str,
    start: int,
    end: int,
    cues: Cues,
) -> bool:
    """The clause right after a question is all understood and gives the answer decided, and
    the question was the speaker's own: answered at once with a bare answer word ("Isn't that
    the one with my email? Yeah, it is."), or asking about the very thing asked, in its words
    ("Cellular Data on? Off."). Not a question about something else ("For videos as well?
    it's on"), nor one with words left over after it ("Both? I'm on wifi but data is on
    too")."""
    if decided not in ANSWERS or end >= len(tokens):
        return False
    after_end = clause_end(tokens, end + 1)
    if after_end == end + 1 or not all(i in covered for i in range(end + 1, after_end)):
        return False
    answer = [m for m in mentions if m.kind == decided and not m.weak and end < m.start < after_end]
    if not answer:
        return False
    bare = answer[0].start == end + 1 and tuple(tokens[answer[0].start : answer[0].end]) in (
        cues.bare_answers
    )
    echoed = any(m.own and start <= m.start < end for m in mentions)
    return bare or echoed


def _unresolved_contrast(mentions: list[Mention]) -> bool:
    """An answer, then a contrast, then trouble doing the step ("it's on, but it won't let me
    touch it"): how things are, or help wanted? (A question asking for help after it is
    read as help by the rules: "it's on, but where is that?")"""
    for index, turn in enumerate(mentions):
        if turn.kind != CONTRAST:
            continue
        before, after = mentions[:index], mentions[index + 1 :]
        if any(m.kind in ANSWERS and not m.weak for m in before) and any(
            m.kind == HELP for m in after
        ):
            return True
    return False


def _farewell_in_more_words(tokens: list[str], mentions: list[Mention], cues: Cues) -> bool:
    """A farewell phrase with other words in its clause than fillers, corrections and stopping
    ("see you are doing great"; not "I'm done, goodbye", "okay bye" nor "wait, bye")."""
    for farewell in mentions:
        if tuple(tokens[farewell.start : farewell.end]) not in cues.farewells:
            continue
        start, end = clause_start(tokens, farewell.start), clause_end(tokens, farewell.end)
        accounted = {i for m in mentions if m.kind in (FILLER, CORRECTION, STOP) or m.deferring
                     for i in range(m.start, m.end)}  # fmt: skip
        if any(i not in accounted for i in range(start, end)):
            return True
    return False


def _answered_afresh(tokens: list[str], mentions: list[Mention], cues: Cues, command: str) -> bool:
    """After the command decided, a clause opened by an answer word or an acknowledgment and
    answering again ("Wait a sec. Yes, that's my ID.", "Pause. Okay, it's charging now.",
    "Hold on a moment. Right, it's off."): the pause may be over already; which was meant?
    Not an answer that goes on from the command ("give me a minute, it's rebooting", "let's
    skip this one, I've already done it")."""
    first = next((m for m in mentions if m.kind == command), None)
    if first is None:
        return False
    end = clause_end(tokens, first.end)
    opening = [m for m in mentions if m.kind in ANSWERS and m.start > end
               and clause_start(tokens, m.start) == m.start
               and (m.deferring or tuple(tokens[m.start : m.end]) in cues.bare_answers)
               ]  # fmt: skip
    return any(
        n.kind in ANSWERS and not n.weak and n.start >= m.start for m in opening for n in mentions
    )


def _answered_after_stop(tokens: list[str], mentions: list[Mention], cues: Cues) -> bool:
    """An answer, not a bare word, in a clause after the first stop's ("Stop, it's on")."""
    stop = next((m for m in mentions if m.kind == STOP), None)
    if stop is None:
        return False
    end = clause_end(tokens, stop.end)
    told = {clause_start(tokens, m.start) for m in mentions if m.kind == SELF}
    return any(
        m.kind in ANSWERS and not (m.weak or m.deferring) and m.start > end
        and tuple(tokens[m.start : m.end]) not in cues.bare_answers
        and clause_start(tokens, m.start) not in told  # "stop, I'll finish tomorrow"
        for m in mentions
    )  # fmt: skip


def _command_asked_then_answered(
    mentions: list[Mention], decided: str, start: int, end: int
) -> bool:
    """The command decided is said in this clause, which asks ("Start over?"), and an answer
    comes after it ("No, it's fine")."""
    if decided in (*ANSWERS, *ASKING):
        return False
    asked = any(m.kind == decided and start <= m.start < end for m in mentions)
    return asked and any(m.kind in ANSWERS and not m.weak and m.start >= end for m in mentions)


MOVING = ("skip", "back", "start_over")
"""Commands that move through the questions: with an answer of its own beside one, which?"""


def _moved_and_answered(
    tokens: list[str], mentions: list[Mention], cues: Cues, decided: str
) -> bool:
    """A move command and an answer, each in a clause of its own with nothing to say why
    ("Skip ahead, it's full.", "Skip the chat, it's on."): one of them is acted on, and the
    words do not say which. The move decided: an answer in words (not a bare "yes") in a
    clause after it, not the speaker telling what they did ("let's skip this one, I've
    already done it"; the speaker in the question's own words answers: "skip it, I'm on
    cellular"). The answer decided: a move command or a pause opening a clause of its own
    before the answer's, as an order does ("skip ahead", "pause there. Fine, it's on"); not
    one with a subject before it ("my son went back to his room"), one a correction takes
    back ("cancel that, I meant yes"), nor one after the answer ("yes, stop asking")."""
    clauses: dict[int, list[Mention]] = {}
    for m in mentions:
        clauses.setdefault(clause_start(tokens, m.start), []).append(m)

    def answered(said: list[Mention], bare: bool = True) -> bool:
        return any(m.kind in ANSWERS and not (m.weak or m.deferring)
                   and (bare or tuple(tokens[m.start : m.end]) not in cues.bare_answers)
                   for m in said)  # fmt: skip

    if decided in MOVING:
        at = clause_start(tokens, next(m for m in mentions if m.kind == decided).start)
        if _told_after(tokens, clauses, at, cues):
            return True
        return not answered(clauses[at]) and any(
            start > at and answered(said, bare=False)
            and (tokens[start] not in cues.speakers or any(m.own for m in said))
            and not any(m.kind in (SELF, NARRATION) for m in said)
            for start, said in clauses.items()
        )  # fmt: skip
    if decided not in ANSWERS:
        return False
    first = min((start for start, said in clauses.items() if answered(said)), default=None)
    if first is None:
        return False
    answer = min(m.start for m in clauses[first] if answered([m]))
    corrected = max(
        (m.start for m in mentions if m.kind == CORRECTION and m.start < answer), default=-1
    )  # "Cancel that, I meant yes": what follows stands
    if any(
        corrected < start < first and not answered(clauses.get(start, []))
        and any(tuple(tokens[start : start + len(o)]) == o for o in cues.move_openers)
        and any(t in cues.move_places for t in tokens[start : clause_end(tokens, start)])
        for start in _clause_starts(tokens)
    ):  # fmt: skip
        return True  # "Go to the end, yes.": an order to move the rules do not know
    return any(
        corrected < start < first and not answered(said) and tokens[start] not in cues.subjects
        and any(m.kind in MOVES and m.start == start for m in said)
        for start, said in clauses.items()
    )  # fmt: skip


def _clause_starts(tokens: list[str]) -> list[int]:
    """Where each clause begins."""
    return [i for i, t in enumerate(tokens) if t != BREAK and (i == 0 or tokens[i - 1] == BREAK)]


def _halted_in_the_answer(
    tokens: list[str], mentions: list[Mention], cues: Cues, decided: str
) -> bool:
    """A stop's words with a subject ("I quit", "it quit") in the clause that answers ("I
    quit halfway through.", "It quit on me halfway through."): someone or something stopped,
    told with the answer; the speaker leaving, or trouble with the step? Neither the stop nor
    the answer alone. Not a stop's word as a noun ("the bar is nearly at the end")."""
    halts = [
        m
        for m in mentions
        if m.kind == STOP
        and any(
            w in cues.subjects | cues.speakers for w in tokens[max(m.start - 1, 0) : m.start + 1]
        )
    ]
    if not halts or decided not in (*ANSWERS, STOP):
        return False
    return any(
        m.kind in ANSWERS and not (m.weak or m.deferring)
        and clause_start(tokens, m.start) == clause_start(tokens, halt.start)
        for halt in halts for m in mentions
    )  # fmt: skip


def _told_after(tokens: list[str], clauses: dict[int, list[Mention]], at: int, cues: Cues) -> bool:
    """After the move's clause, one of three words or more with nothing in it understood, not
    opened by the speaker ("Next, it asked for my password.", "Next thing, the screen went
    black."): a story told on from "next", or words that may change the move. The speaker
    telling what they did is the move's reason ("go back, I pressed the wrong one")."""
    return any(
        start > at
        and start not in clauses
        and tokens[start] not in cues.speakers
        and clause_end(tokens, start) - start >= 3
        for start in range(at + 1, len(tokens))
        if tokens[start - 1] == BREAK and tokens[start] != BREAK
    )
