"""From the phrases found in an utterance to one intent: corrections, negation scope, doubt.

Pure logic on what the matcher found (understanding/); the words themselves are the
language file's. The rules, in order:

0. "No" right before a word not understood is a determiner ("I have no clue"), a negation,
   unless that word opens a clause ("no I think ..."); before another no it is the answer
   no ("no safari is off").
1. Corrections: only what follows the last correction ("yes, sorry, I mean no" -> no). A
   correction word with nothing decisive after it is dropped, or is its own command ("wait"
   -> pause; "hang on, it's loading" -> pause).
2. Negation scope: a negation turns the next yes within a few words of the same clause into
   no ("not turned on", "I haven't signed in"), cancels a command ("don't stop"), and makes a
   following no ambiguous ("not off"); fillers do not stop it ("not so sure"), a comma
   does, and a yes right after that comma is then ambiguous ("not, um, done"). Ending its
   clause, it turns a weak yes right before it into no ("definitely not", "I am not"; but
   not "I don't see it"). A negation of a yes it does not reach in its clause ("I don't
   want to pay for more storage") makes the utterance unknown: never a silently kept answer.
   It reaches on over the answers right after the one it turned ("nothing works online").
   A double negative: a state the question names, negated, is its opposite ("it's not off",
   "I don't think it's the wrong one": yes); a no opened by its determiner agrees ("I don't
   see no update": no); any other is unknown ("I didn't say no", "I can't turn it off").
3. A weak yes ("I am", "it is", "definitely") is an answer only alone in its clause: in
   "I am not sure" or "I don't have a charger" the rest of the sentence decides. An
   acknowledgment ("okay", "fine") before another answer only opens it ("okay, it's off").
4. Doubt ("maybe", "not sure") means unknown, unless a command is given.
5. Opening a clause: a question about the step ("what does optimize do?", "where do I see
   that?") asks for help, and a question back ("are you sure?") is asked again: the answers
   inside either are not answers. A command the assistant would do, after the speaker as
   subject ("I'll repeat that", "let me speak up"), is about the speaker; no command at all
   after the speaker telling what they did ("I had to go back to settings") or quoting the
   screen ("it says ..."). A question word ("what", "which") opens a question wherever it
   stands: neither its answers nor its commands count, help does ("yeah done what's next" is
   the answer). An answer after the speaker as subject of what they will do ("it's off but
   I'll turn it on") is not how things are.
6. One command outranks answers said with it ("no, go back" -> back); two commands, or
   both answers, are unknown: ask again rather than guess. A one-word command counts only
   when the rest of its clause was understood too: "back" in "the router's back on" is no
   command, unless a request opens it ("can you repeat the steps"). An answer next to a
   cancelled command ("no, don't stop") is unknown. After a strong answer, a command that
   only moves on ("Done. Next", "it's off, carry on") is the answer's.
7. A contrast after an answer ("but", "though") that says no answer of its own but a
   negation or a limit takes the answer back or narrows it ("it says on but it's greyed
   out", "there's an update but only for the Watch"), and so does an exception ("everything
   is on except Sync this iPhone"): unknown. One that only adds ("it loads, but slowly")
   leaves the answer. An answer said in the past before a contrast was the state before ("it
   was on, but now it's off" -> no). A side of a contrast whose subject is another thing
   than the question names is set aside when the other side answers ("it's on, but photos
   still aren't syncing" -> yes; ContrastSides); "though" closing a clause turns that clause.

What the rules decide then passes the safety gate (safety.py), which asks again where the
reading left something unexplained that could change it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.conversation.normalization import BREAK, clause_end, clause_start

YES, NO = "yes", "no"
RESUME = "resume"
REPEAT = "repeat"
HELP = "help"
"""What a question about the step asks for ("what does optimize do?")."""
UNKNOWN = "unknown"
NEGATION = "<negation>"
CORRECTION = "<correction>"
DOUBT = "<doubt>"
FILLER = "<filler>"
CANCELLED = "<cancelled command>"
QUESTION = "<question>"
"""Opens a question about the step ("where do i", "what does"); its fallback is the command."""
SELF = "<self>"
"""The speaker as subject ("i will", "let me"): an assistant's command after it is no command."""
NARRATION = "<narration>"
"""The speaker telling what they did ("i had to", "i went"): no command after it."""
CONTRAST = "<contrast>"
"""Turns to what qualifies the answer before it ("but", "though")."""
EXCEPTION = "<exception>"
"""Takes a part out of the answer before it ("except", "apart from"): what part is not known."""
LIMIT = "<limit>"
"""Narrows or undoes an answer after a contrast ("only", "greyed out", "beta")."""
_NOT_COMMANDS = (
    YES, NO, NEGATION, DOUBT, FILLER, CANCELLED, CORRECTION, QUESTION, SELF, NARRATION,
    CONTRAST, EXCEPTION, LIMIT,
)  # fmt: skip

NEGATION_REACH_WORDS = 3
"""How many words a negation may skip to reach what it negates ("not really all that full")."""


@dataclass(frozen=True)
class Mention:
    """One phrase found in the utterance."""

    kind: str
    """An intent, or NEGATION, CORRECTION, DOUBT, FILLER."""
    start: int
    """Index of its first token."""
    end: int
    """Index after its last token."""
    weak: bool = False
    """A yes that counts only alone in its clause ("i am", "definitely")."""
    negates: bool = False
    """A no that ends in a negation and reaches on like one ("I'm not" + "signed in")."""
    determiner: bool = False
    """A no that is a negation before a word not understood ("no clue", "no tick")."""
    deferring: bool = False
    """An acknowledgment ("okay"): a yes that gives way to an answer after it ("okay, it's
    off")."""
    reaches_on: bool = False
    """A no with a negation inside it, which turns the yeses right after it ("does not work
    | online")."""
    fallback: str | None = None
    """For a correction or negation word: its meaning when nothing follows ("wait" -> pause)."""
    alone_only: bool = False
    """A command of several words that counts only when the rest of its clause was understood
    too, like a one-word command: "a second" ("just a second") but not in "it came up after
    a second"."""
    trailing: bool = False
    """A negation said after what it negates (Korean "켜져 있지 않아요": on + not)."""
    moving_on: bool = False
    """A command that, after an answer, only asks for what the answer brings ("Done. Next")."""
    after_yes: bool = False
    """A moving-on command that is the answer only after a yes ("Done. Now what?"); after a no
    or trouble it keeps its meaning ("incorrect password, what now?": help)."""
    request: bool = False
    """Asks for what follows ("can you", "please"): a one-word command right after it counts
    though its clause goes on ("can you repeat the steps")."""
    anywhere: bool = False
    """A question word: opens a question wherever it stands ("yeah done what's next")."""
    own: bool = False
    """A phrase of the question's own answers ("off" at "Is Sync this iPhone turned on?"),
    so a state it names; not a general word ("wrong", "nope")."""
    concord: bool = False
    """A no opened by its determiner ("no update"): a negation before it agrees with it ("I
    don't see no update" is no)."""


def interpret(
    tokens: list[str],
    mentions: list[Mention],
    clause_openers: frozenset[str] = frozenset(),
    assistant_commands: frozenset[str] = frozenset(),
    paused: bool = False,
    past: frozenset[str] = frozenset(),
    sides: ContrastSides | None = None,
) -> str:
    """The intent of an utterance, from its tokens and the phrases found, in order.

    clause_openers: words that start a clause, so "no" before them is the answer.
    assistant_commands: the commands the assistant carries out on itself ("repeat",
    "louder"): after the speaker as subject ("I'll repeat that") they are about the speaker.
    paused: the assistant is paused, so coming back is all that counts ("I'm back, it's on
    again" resumes; not paused, it answers).
    past: words that put a clause in the past: an answer there, before a contrast, was the
    state before ("it was on, but now it's off").
    sides: how to tell whether a side of a contrast is about another thing than the question
    ("it's on, but photos still aren't syncing"): that side is set aside.
    """
    # A limit is no understood word ("it's greyed out" is not "it is" alone).
    covered = {i for m in mentions if m.kind != LIMIT for i in range(m.start, m.end)}
    starts = {m.start: m for m in mentions}
    mentions = [_as_determiner(tokens, m, covered, clause_openers, starts) for m in mentions]
    if sides is not None:
        mentions = sides.set_aside(tokens, mentions)
    mentions = _after_last_correction(tokens, mentions, covered)
    mentions = _without_the_past(tokens, mentions, past)
    taken_back = _taken_back(tokens, mentions)
    mentions, ambiguous = _apply_negations(tokens, mentions, covered, clause_openers)
    ambiguous = ambiguous or taken_back
    mentions = _in_questions_and_about_self(tokens, mentions, covered, assistant_commands)
    mentions = _moving_on_after_an_answer(mentions)
    requested = {m.end for m in mentions if m.request and _opens_clause(tokens, m, covered)}
    commands = {m.kind for m in mentions if m.kind not in _NOT_COMMANDS
                and ((m.end - m.start > 1 and not m.alone_only)
                     or _clause_covered(tokens, m, covered)
                     or (m.start in requested and not m.alone_only))}  # fmt: skip
    if commands == {RESUME} and not paused:
        last = max(i for i, m in enumerate(mentions) if m.kind == RESUME)
        after = mentions[last + 1 :]  # "I'm back, it's on again": back, and answering
        if _answers(after):
            return _answer(tokens, after, covered, set(), ambiguous)
        first = next(i for i, m in enumerate(mentions) if m.kind == RESUME)
        before = mentions[:first]  # "Rebooted, I'm back in": the step done, then back
        if _answers(before) and all(m.end <= clause_start(tokens, mentions[first].start)
                                    for m in before):  # fmt: skip
            return _answer(tokens, before, covered, set(), ambiguous)
    if len(commands) == 2 and REPEAT in commands and commands <= assistant_commands:
        # "could you say that again more slowly?": a speech setting is said with the prompt
        # again (dialog._control), so it holds the repeat asked with it.
        commands.discard(REPEAT)
    if len(commands) == 1:
        return commands.pop()
    return _answer(tokens, mentions, covered, commands, ambiguous)


def _answer(
    tokens: list[str], mentions: list[Mention], covered: set[int], commands: set[str],
    ambiguous: bool,
) -> str:  # fmt: skip
    """Yes, no, the help a question about the step asks for, or unknown."""
    asked = next((m.fallback for m in mentions if m.kind == QUESTION and m.fallback), None)
    if asked and not commands:
        return asked  # "what does optimize do?" -> help
    answers = [m for m in mentions if m.kind in (YES, NO)]
    cancelled = any(m.kind == CANCELLED for m in mentions)  # "no, don't stop"
    if commands or ambiguous or (cancelled and answers) or any(m.kind == DOUBT for m in mentions):
        return UNKNOWN
    # An acknowledgment before another answer opens it ("okay, it's off"); after one, it
    # is an answer of its own ("no, it's fine": two readings).
    opening = {i for i, m in enumerate(answers) if m.deferring and m.kind == YES
               and any(not later.weak for later in answers[i + 1 :])}  # fmt: skip
    strong = {m.kind for i, m in enumerate(answers) if not m.weak and i not in opening}
    if len(strong) == 1:
        return strong.pop()
    if not strong and any(m.weak and _alone_in_clause(tokens, m, covered) for m in answers):
        return YES
    return UNKNOWN


@dataclass(frozen=True)
class ContrastSides:
    """Which side of a contrast is about another thing than the question asks about.

    "It's on, but photos still aren't syncing" at "Is Sync this iPhone on?": the clause after
    "but" has its own subject, a thing the question does not name, so what it says is no
    answer and does not take "on" back; nor does "My plan doesn't allow unlimited" before
    "but cellular data is on". A side whose subject is a pronoun ("but it's greyed out", "but I
    can't tap it") or a thing the question names ("but the switch is greyed out") is about
    the answer, and the other rules read it.
    """

    pronouns: frozenset[str]
    """Subjects that refer back to what was answered ("it", "they", "I")."""
    determiners: frozenset[str]
    """Words before a noun, skipped to find it ("the", "my")."""
    named: frozenset[str]
    """Words of the question's own phrases: the thing it asks about ("switch", "sync")."""

    def set_aside(self, tokens: list[str], mentions: list[Mention]) -> list[Mention]:
        for turn in mentions:
            if turn.kind != CONTRAST:
                continue
            after = _clause_span(tokens, turn.end, forward=True)
            before = _clause_span(tokens, turn.start, forward=False)
            if after[0] == after[1]:  # "it's on, unlimited updates is off though": it closes
                after, before = before, _clause_span(tokens, before[0], forward=False)

            def inside(span: tuple[int, int], turn: Mention = turn) -> list[Mention]:
                return [m for m in mentions if m is not turn and span[0] <= m.start < span[1]]

            earlier = [m for m in mentions if m is not turn and m.end <= after[0]]
            if self._another_thing(tokens, mentions, after) and _answers(earlier):
                dropped = {id(turn), *(id(m) for m in inside(after) if m.kind in _SAID)}
            elif self._another_thing(tokens, mentions, before) and _answers(inside(after)):
                dropped = {id(turn), *(id(m) for m in inside(before) if m.kind in _SAID)}
            else:
                continue
            return self.set_aside(tokens, [m for m in mentions if id(m) not in dropped])
        return mentions

    def _another_thing(
        self, tokens: list[str], mentions: list[Mention], span: tuple[int, int]
    ) -> bool:
        """The clause's subject is a noun the question does not name."""
        skipped = {i for m in mentions if m.kind == FILLER for i in range(m.start, m.end)}
        words = [i for i in range(*span) if i not in skipped]
        while words and tokens[words[0]] in self.determiners:
            words = words[1:]
        if not words:
            return False
        first = tokens[words[0]]
        said = any(m.start <= words[0] < m.end for m in mentions)
        return not said and first not in self.pronouns and first not in self.named


_SAID = (YES, NO, NEGATION, LIMIT, DOUBT, HELP, CORRECTION)
"""What a side about another thing says that is set aside with it."""


def _answers(mentions: list[Mention]) -> bool:
    return any(m.kind in (YES, NO) and not (m.weak or m.deferring) for m in mentions)


def _clause_span(tokens: list[str], at: int, forward: bool) -> tuple[int, int]:
    """The clause after `at` (forward) or before it: from `at` to the next break, or from the
    break before the last words before `at` to `at`."""
    if forward:
        return at, clause_end(tokens, at)
    end = at
    while end and tokens[end - 1] == BREAK:
        end -= 1
    return clause_start(tokens, end), end


def _moving_on_after_an_answer(mentions: list[Mention]) -> list[Mention]:
    """Without "next", "carry on" after an answer: the answer moves on ("Done. Next")."""
    out: list[Mention] = []
    for mention in mentions:
        said = [m for m in out if m.kind in (YES, NO) and not (m.weak or m.deferring)]
        answered = bool(said) and not (mention.after_yes and any(m.kind != YES for m in said))
        if not (mention.moving_on and answered):
            out.append(mention)
    return out


def _without_the_past(
    tokens: list[str], mentions: list[Mention], past: frozenset[str]
) -> list[Mention]:
    """Without the answers said in the past before a contrast: "it was on, but now it's off"
    is off; "it was full but I cleared it out" says nothing of now."""
    turns = [i for i, m in enumerate(mentions) if m.kind in (CONTRAST, EXCEPTION)]
    if not turns or not past:
        return mentions
    turn = mentions[turns[-1]]
    if not past & set(tokens[: turn.start]):
        return mentions
    return [m for m in mentions if not (m.kind in (YES, NO) and m.end <= turn.start)]


def _taken_back(tokens: list[str], mentions: list[Mention]) -> bool:
    """An answer, then a contrast that takes it back or narrows it, with no answer of its
    own: "it says on but it's greyed out", "there is an update but only for the Watch", "it's
    on but I can't change it", "everything is on except Sync this iPhone". A contrast that
    adds no negation nor limit leaves the answer ("it loads, but slowly"); one with an answer
    of its own is read by the other rules ("it was off but now it's on")."""
    for index, turn in enumerate(mentions):
        if turn.kind not in (CONTRAST, EXCEPTION):
            continue
        before = [m for m in mentions[:index] if m.kind in (YES, NO, NEGATION)]
        after = mentions[index + 1 :]
        closes = _clause_span(tokens, turn.end, forward=True)
        if closes[0] == closes[1]:  # "it's on, it's greyed out though": the clause it closes
            start = _clause_span(tokens, turn.start, forward=False)[0]
            before = [m for m in before if m.end <= start]
            after = [m for m in mentions[:index] if m.start >= start]
        if not before or any(m.kind in (YES, NO) and not m.weak for m in after):
            continue
        if turn.kind == EXCEPTION or any(m.kind in (NEGATION, LIMIT) for m in after):
            return True
    return False


def _as_determiner(
    tokens: list[str],
    mention: Mention,
    covered: set[int],
    clause_openers: frozenset[str],
    starts: dict[int, Mention],
) -> Mention:
    """ "no clue": a negation of the word after it, not the answer no; so is "no" right
    before a yes of several words ("no update available"), unless that opens a clause ("no
    it is on")."""
    after = mention.end
    if not mention.determiner or after >= len(tokens):
        return mention
    if tokens[after] == BREAK or tokens[after] in clause_openers:
        return mention
    if after in covered:
        then = starts.get(after)
        if not (then and then.kind == YES and then.end - then.start > 1 and not then.weak):
            return mention
    return replace(mention, kind=NEGATION)


def _after_last_correction(
    tokens: list[str], mentions: list[Mention], covered: set[int]
) -> list[Mention]:
    """What follows the last correction that something follows."""
    mentions = list(mentions)
    while True:  # "yes, sorry" / "can you wait, please" / "hang on, it's loading"
        index = next((i for i in range(len(mentions) - 1, -1, -1)
                      if mentions[i].kind == CORRECTION), None)  # fmt: skip
        if index is None:
            return mentions
        last, after = mentions[index], mentions[index + 1 :]
        if last.fallback and not any(_decisive(tokens, m, covered) for m in after):
            before = [] if last.fallback in (YES, NO) else mentions[:index]  # "네 아니 아니요"
            return [*before, replace(last, kind=last.fallback, fallback=None)]
        if any(m.kind not in (FILLER, CORRECTION) for m in after):
            return [m for m in after if m.kind != CORRECTION]
        mentions = [*mentions[:index], *after]


def _decisive(tokens: list[str], mention: Mention, covered: set[int]) -> bool:
    """Says something on its own: not a filler, nor a weak yes in a longer clause."""
    if mention.kind in (FILLER, CORRECTION):
        return False
    return not (mention.weak and not _alone_in_clause(tokens, mention, covered))


def _apply_negations(
    tokens: list[str],
    mentions: list[Mention],
    covered: set[int],
    clause_openers: frozenset[str] = frozenset(),
) -> tuple[list[Mention], bool]:
    """Mentions with negated yeses turned into no and negated commands dropped."""
    out = list(mentions)
    ambiguous = False
    for index, negation in enumerate(mentions):
        if negation.reaches_on:  # "does not work | online"
            nxt = mentions[index + 1] if index + 1 < len(mentions) else None
            if nxt and nxt.kind == YES and _within_reach(tokens, negation.end, nxt.start):
                for turned in _answers_in_a_row(tokens, mentions, index + 1):
                    out[turned] = replace(mentions[turned], kind=NO, weak=False)
            continue
        if negation.kind != NEGATION and not negation.negates:
            continue
        # What it negates: the next phrase but fillers ("not so sure", "not, um, done") and
        # question words ("nothing is changed"), or for a trailing negation the one before it.
        order = range(index - 1, -1, -1) if negation.trailing else range(index + 1, len(mentions))
        at = next((i for i in order if mentions[i].kind not in (FILLER, QUESTION, NARRATION)), None)
        target = mentions[at] if at is not None else None
        double = _double_negative(tokens, mentions, negation, at, clause_openers)
        if double is not None:  # "it's not off", "I don't see no update"
            at, turned_to = double
            if turned_to is None:
                ambiguous = True
            else:
                out[at] = replace(mentions[at], kind=turned_to)
            continue
        between = (
            (target.end, negation.start) if negation.trailing else (negation.end, target.start)
        ) if target else (0, 0)  # fmt: skip
        opens_anew = at is not None and _opens_after_a_link(
            tokens, mentions, index, at, clause_openers
        )
        if at is not None and target and _within_reach(tokens, *between) and not opens_anew:
            if target.kind == YES:
                for turned in _answers_in_a_row(tokens, mentions, at):
                    out[turned] = replace(mentions[turned], kind=NO, weak=False)
            elif target.kind == NO and negation.determiner:
                out[index] = replace(negation, kind=NO)  # "no the switch is off": agreeing
            elif target.kind == NO:
                ambiguous = True  # "not off": a double negative is not worth a guess
            elif target.kind not in _NOT_COMMANDS:  # "don't stop", "don't go back to ..."
                for said in _same_command_in_clause(tokens, mentions, at):
                    out[said] = replace(mentions[said], kind=CANCELLED)
            continue
        closes_weak = (
            index > 0 and mentions[index - 1].weak and (mentions[index - 1].end == negation.start)
        )  # "it is not, that's my old one": the negation has its yes, before it
        if (
            target
            and target.kind == YES
            and not closes_weak
            and _within_reach(tokens, negation.end, target.start, True)
        ):
            ambiguous = True  # "not, um, done": a pause, then a yes the negation may be about
            continue
        if target is not None and at is not None and _further_in_clause(tokens, negation, target):
            # "I don't want to pay for more storage", "I don't think we should skip": what
            # it negates is not known, so neither is the answer; a command is not obeyed.
            ambiguous = ambiguous or target.kind == YES
            if target.kind != YES:
                out[at] = replace(target, kind=CANCELLED)
            continue
        before = out[index - 1] if index else None
        if (
            negation.kind == NEGATION
            and before
            and before.kind == YES
            and not before.weak
            and _within_reach(tokens, before.end, negation.start)
        ):
            ambiguous = True  # "my name isn't there": the yes said is then denied
            continue
        if negation.negates or not _alone_in_clause(tokens, negation, covered):
            continue
        if before and before.kind == YES and before.weak and before.end == negation.start:
            out[index - 1] = replace(before, kind=NO, weak=False)
        elif negation.fallback:
            out[index] = replace(negation, kind=negation.fallback, fallback=None)  # "nothing."
    return out, ambiguous


def _double_negative(
    tokens: list[str],
    mentions: list[Mention],
    negation: Mention,
    at: int | None,
    clause_openers: frozenset[str] = frozenset(),
) -> tuple[int, str | None] | None:
    """A negation reaching a no, right after it or past a weak yes ("I don't think it's the
    wrong one"): where that no is, and what it then means. A state the question names
    ("not off", "isn't disabled", "don't think it's the wrong one") is its opposite, yes; a no
    opened by its determiner agrees ("there isn't no update", "ain't got no internet": no);
    any other ("I didn't say no", "not nope") is not worth a guess (None)."""
    if at is None or negation.trailing:
        return None
    target = mentions[at]
    start, past_a_verb = negation.end, False
    if target.kind == YES and target.weak and _within_reach(tokens, start, target.start):
        later = next((i for i in range(at + 1, len(mentions)) if mentions[i].kind != FILLER), None)
        if later is None or mentions[later].kind != NO:
            return None
        start, at, target, past_a_verb = target.end, later, mentions[later], True
    if target.kind != NO or not _within_reach(tokens, start, target.start):
        return None
    if negation.determiner:
        return None  # "no, the switch is off": agreeing, read by _apply_negations
    if target.concord:
        return at, NO
    # The state itself negated: right after the negation ("isn't turned off"), or in the
    # clause a negated belief opens ("I don't think it's off"); not a negated doing ("I can't
    # turn it off").
    said_of_the_state = (
        past_a_verb
        or tokens[target.start] in clause_openers
        or all(
            any(m.start <= i < m.end for m in mentions) for i in range(negation.end, target.start)
        )
    )
    if (
        target.own
        and said_of_the_state
        and not (target.negates or target.reaches_on or target.determiner)
    ):
        return at, YES
    return at, None


def _in_questions_and_about_self(
    tokens: list[str],
    mentions: list[Mention],
    covered: set[int],
    assistant_commands: frozenset[str],
) -> list[Mention]:
    """Without the answers of a question's clause ("what is this exactly?", "are you
    sure?") and the assistant's commands after the speaker as subject ("I'll repeat that").
    Either opens its clause: "that is it" asks nothing, and no answer or command comes
    before a question ("okay, so how do I check" asks; "keep originals is selected" does
    not)."""
    out: list[Mention] = []
    opener: Mention | None = None
    asked = False
    earlier: list[Mention] = []  # in the clause so far
    for mention in mentions:
        if earlier and BREAK in tokens[earlier[-1].end : mention.start]:
            earlier = []
        if opener and BREAK in tokens[opener.end : mention.start]:
            opener = None
        # A one-word opener ("is dinner ready") only as the first word said.
        one_word = mention.end - mention.start == 1
        said_before = any(
            _says_something(m) or (one_word and m.kind != FILLER and not m.deferring)
            for m in earlier
        )
        earlier.append(mention)
        if mention.kind in (QUESTION, SELF, NARRATION):
            if mention.anywhere or (
                _opens_clause(tokens, mention, covered)
                and not (mention.kind == QUESTION and said_before)
            ):
                opener = mention
                asked = asked or mention.kind == QUESTION
            elif mention.fallback:
                out.append(replace(mention, fallback=None))  # "help" only asked at the start
                continue
        elif opener and opener.kind == QUESTION and mention.kind in (YES, NO):
            continue
        elif (
            opener
            and opener.kind == QUESTION
            and opener.fallback == HELP
            and not (opener.anywhere or mention.kind in (*_NOT_COMMANDS, HELP, "where", "repeat"))
            and _said_of_more(tokens, mention, covered)
        ):
            continue  # "how do I go back in Settings?": how to do it there, not the command
            # ("how do I go back?" alone asks for the command itself: it stays)
        elif opener and opener.anywhere and mention.kind not in (*_NOT_COMMANDS, HELP):
            continue  # "what's next?": a question, not the command
        elif opener and opener.kind == SELF and mention.kind in assistant_commands:
            mention = replace(mention, kind=CANCELLED)
        elif opener and opener.kind == SELF and mention.kind in (YES, NO) and not mention.weak:
            continue  # "it's off but I'll turn it on now": what will be, not what is
        elif opener and opener.kind == NARRATION and mention.kind not in (*_NOT_COMMANDS, HELP):
            continue  # "I had to go back to settings": told, not asked ("it says not enough
            # space" tells of trouble: help)
        out.append(mention)
    if asked:  # "okay, is it working?": the acknowledgment answers nothing
        out = [m for m in out if not (m.deferring and m.kind == YES)]
    return out


def _said_of_more(tokens: list[str], mention: Mention, covered: set[int]) -> bool:
    """Words no phrase takes after the mention in its clause ("go back | in settings")."""
    end = mention.end
    while end < len(tokens) and tokens[end] != BREAK:
        if end not in covered:
            return True
        end += 1
    return False


def _says_something(mention: Mention) -> bool:
    """An answer (not an acknowledgment nor a weak yes) or a command."""
    if mention.kind in (YES, NO):
        return not (mention.deferring or mention.weak)
    return mention.kind not in _NOT_COMMANDS


def _opens_clause(tokens: list[str], mention: Mention, covered: set[int]) -> bool:
    """No word before it in its clause that is not part of a phrase found."""
    start = clause_start(tokens, mention.start)
    return all(i in covered for i in range(start, mention.start))


def _answers_in_a_row(tokens: list[str], mentions: list[Mention], first: int) -> list[int]:
    """The yes at `first` and the yeses right after it in its clause ("works | online")."""
    row = [first]
    for index in range(first + 1, len(mentions)):
        mention = mentions[index]
        if mention.kind == FILLER:
            continue
        if mention.kind != YES or not _within_reach(tokens, mentions[row[-1]].end, mention.start):
            break
        row.append(index)
    return row


def _further_in_clause(tokens: list[str], negation: Mention, target: Mention) -> bool:
    """A strong yes or a command later in the negation's clause, out of its reach."""
    if target.weak or (target.kind != YES and target.kind in _NOT_COMMANDS):
        return False
    return BREAK not in tokens[negation.end : target.start]


def _same_command_in_clause(tokens: list[str], mentions: list[Mention], first: int) -> list[int]:
    """The command at `first` and where its clause says it again ("go back | to the last
    question")."""
    kind, said = mentions[first].kind, [first]
    for index in range(first + 1, len(mentions)):
        if BREAK in tokens[mentions[said[-1]].end : mentions[index].start]:
            break
        if mentions[index].kind == kind:
            said.append(index)
    return said


def _opens_after_a_link(
    tokens: list[str], mentions: list[Mention], index: int, at: int, clause_openers: frozenset[str]
) -> bool:
    """The phrase at `at` opens a clause of its own after a filler that links it ("the
    spinning stopped and it's done"): the negation at `index` before it does not reach it."""
    linked = any(m.kind == FILLER for m in mentions[min(index, at) + 1 : max(index, at)])
    return linked and tokens[mentions[at].start] in clause_openers


def _within_reach(tokens: list[str], start: int, end: int, across_breaks: bool = False) -> bool:
    between = [t for t in tokens[start:end] if not (across_breaks and t == BREAK)]
    return BREAK not in between and len(between) <= NEGATION_REACH_WORDS


def _alone_in_clause(tokens: list[str], mention: Mention, covered: set[int]) -> bool:
    """True when no word outside the phrases found follows the mention in its clause."""
    for index in range(mention.end, len(tokens)):
        if tokens[index] == BREAK:
            return True
        if index not in covered:
            return False
    return True


def _clause_covered(tokens: list[str], mention: Mention, covered: set[int]) -> bool:
    """True when every word of the mention's clause was understood: a one-word command in
    a sentence ("back" in "the router is back on", "next" in "a tick next to it") is not one.
    """
    start = clause_start(tokens, mention.start)
    if any(i not in covered for i in range(start, mention.start)):
        return False
    return _alone_in_clause(tokens, mention, covered)
