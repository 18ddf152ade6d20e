"""The words of one language file as every rule reads them, and the lookups the rules share.

`Lexicon` holds what `Vocabulary.load` reads from the `understanding` section; each group of
rules (a mixin in its own module) builds on it, so a rule finds its words here by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from assistant.conversation import normalization, safety
from assistant.conversation.amounts import Amounts
from assistant.conversation.attached_words import AttachedWords
from assistant.conversation.interpretation import CANCELLED, CORRECTION, Mention
from assistant.conversation.normalization import BREAK, Contractions, Spelling
from assistant.conversation.understanding.intents import ANSWERS, INTENTS
from assistant.conversation.understanding.tables import Table


@dataclass(frozen=True)
class Lexicon:
    """The words of one language file, as the rules read them; the lookups the rules share."""

    lang: str
    phrases_by_intent: dict[str, tuple[tuple[str, ...], ...]]
    """intent -> its phrases, each a tuple of normalized words: the recognizer's grammar."""
    contractions: Contractions = field(default_factory=lambda: Contractions({}, ()))
    """Short form -> long form ("isn't" -> "is not"; "-n't" for any word ending so)."""
    general: Table = field(default_factory=dict)
    """Every phrase the general vocabulary understands."""
    by_question: dict[str, Table] = field(default_factory=dict)
    """Question id -> that question's own answers, which win over the general table there."""
    question_phrases: dict[str, dict[str, tuple[tuple[str, ...], ...]]] = field(
        default_factory=dict
    )
    """Question id -> intent -> that question's own phrases (normalized words)."""
    longest_phrase: int = 0
    """Words in the longest phrase of any table."""
    clause_openers: frozenset[str] = frozenset()
    """Words that start a clause: "no" before them is the answer, not a determiner."""
    assistant_commands: frozenset[str] = frozenset()
    """Commands the assistant does on itself: after "I'll" they are the speaker's doing."""
    spelling: Spelling = field(default_factory=lambda: Spelling(frozenset()))
    """Typing slips repaired into the words of the tables ("yse" -> "yes")."""
    amounts: Amounts = field(default_factory=Amounts)
    """Shares said in numbers that answer a question ("98% used" at the storage question)."""
    attached: AttachedWords | None = None
    """How words carrying particles and negations are taken apart (Korean); None: as written."""
    past: frozenset[str] = frozenset()
    """Words that put a clause in the past ("it was on, but now it's off": the past answer is
    not the answer)."""
    cues: safety.Cues = field(default_factory=safety.Cues)
    """What the safety gate reads (safety.py): a reading it finds uncertain is asked again."""
    pronouns: frozenset[str] = frozenset()
    """Subjects that refer back to what was answered, for the sides of a contrast."""
    noun_determiners: frozenset[str] = frozenset()
    """Words before a noun ("the", "my"), skipped to find a clause's subject."""
    named: dict[str, frozenset[str]] = field(default_factory=dict)
    """Question id -> the words of its own phrases: the thing it asks about."""
    outlasting: frozenset[str] = frozenset()
    """Words opening a state that outlasted what was done ("still"): it stands."""
    negation_words: frozenset[str] = frozenset()
    """Negations of one word ("not", "nothing")."""
    ongoing: tuple[str, ...] = ()
    """Word endings of a process under way ("-ing"): "still uploading" is not done."""
    stative: frozenset[str] = frozenset()
    """Commands whose words also name a state ("back", "on hold"): not after a copula."""
    copulas: frozenset[str] = frozenset()
    """Words after which a command's words say how something is ("is back up")."""
    doubled: frozenset[str] = frozenset()
    """Words whose repeat means something ("uh uh", "not not"): kept when typed twice."""
    asking_how: frozenset[tuple[str, ...]] = frozenset()
    """After a question word, these ask how to do the step ("which backups can I delete"):
    help."""
    asked_at_actions: frozenset[str] = frozenset()
    """Question words ("어떻게", "뭘") whose clause, asked at an action, asks how to do the
    step: help (`understanding.asked_at_actions`)."""
    asked_at_questions: frozenset[str] = frozenset()
    """... and those that ask it at a question ("어디서": where to look): help."""
    reported: frozenset[str] = frozenset()
    """Verbs that report what another person says ("she says it's her account")."""
    not_reporters: frozenset[str] = frozenset()
    """Subjects of those verbs that are no person ("it says", "the screen says")."""
    reported_persons: dict[str, str] = field(default_factory=dict)
    """In reported speech, the reported person's words as the speaker's own ("her" -> "my")."""
    answered_for: frozenset[str] = frozenset()
    """Subjects that, opening a clause, are the person someone answers for ("he's on
    Wi-Fi", "she's done it"): read as "I"."""
    agreement: dict[str, str] = field(default_factory=dict)
    """The verb after such a subject, as after "I" ("is" -> "am", "has" -> "have")."""
    embedding: frozenset[str] = frozenset()
    """Words after which "where" asks where the step's thing is ("I don't know where that
    is"): help, not the command asking which step this is."""
    intensifiers: frozenset[tuple[str, ...]] = frozenset()
    """Words that, alone in their clause after an answer, only insist on it ("Wi-Fi,
    obviously"): no second answer."""
    obligations: frozenset[tuple[str, ...]] = frozenset()
    """What is still to do, said after a done at an action ("reset it, now I have to type
    the password again"): not done yet, or done? Asked again."""
    idioms: frozenset[tuple[str, ...]] = frozenset()
    """Words after an obligation that make it a way of speaking ("I have to say")."""
    clause_fillers: frozenset[str] = frozenset({"now", "and", "but", "so", "then"})
    """Words that may come before an obligation at the start of its clause ("now I have to")."""
    sarcasm: frozenset[tuple[str, ...]] = frozenset()
    """Words that say the agreement before them is not meant ("oh sure, as if that would
    work", "yeah right"): only what is said after them answers."""
    speakers: frozenset[str] = frozenset()
    """The speaker as a clause's subject ("i", "we"): "hang on, still looking for it" is the
    speaker not done yet; "hang on, it's restarting" is waiting on the phone."""
    gone_words: frozenset[tuple[str, ...]] = frozenset()
    """Said of a thing right after it ("gone", "went away"): the thing is no longer there."""
    worry_things: frozenset[str] = frozenset()
    """The photos as a yes-or-no question asks after them ("will my originals be safe?"):
    a worry about the step, answered by its help."""
    step_words: frozenset[str] = frozenset()
    """Words that name the step or question as what is skipped ("skip the step")."""
    other_devices: frozenset[str] = frozenset()
    """Devices other than the iPhone ("ipad", "watch"): the step done to one is not done."""
    device_modifiers: frozenset[str] = frozenset()
    """Words before a device that keep it another device ("old", "other")."""
    device_links: frozenset[str] = frozenset()
    """Words that put the step on a device ("on", "for")."""
    done_endings: tuple[str, ...] = ()
    """Endings of a doing told in the past ("switched"): before "I'm back", maybe the step's
    answer in other words."""
    failing_states: frozenset[str] = frozenset()
    """Subjects whose not working is the question's own state ("the internet"), not a thing
    the step needs: the step's no."""
    failing: frozenset[tuple[str, ...]] = frozenset()
    """At an action, "not working" said of a thing named as its clause's subject ("Password
    isn't working."): trouble with what the step needs, not done or help: asked again."""
    doing_the_step: frozenset[tuple[str, ...]] = frozenset()
    """At an action, the speaker doing the step ("doing it now"): with a wait ("hang on") it is
    still not yet, not a pause."""
    doing_gerunds: frozenset[str] = frozenset()
    """At an action, what the speaker does at a step said as a gerund with no subject
    ("typing", "deleting"): with a wait ("Hang on, typing the password.") not yet, not a
    pause."""
    doing_verbs: frozenset[tuple[str, ...]] = frozenset()
    """Where the verb ends the clause, verbs of a person's doing at a step under way ("치고
    있어요": typing it): then a wait is not yet, not a pause."""
    setting_questions: frozenset[str] = frozenset()
    """Questions and actions on a setting found on a screen (Sync this iPhone, Mobile Data,
    Optimize): a thing said missing there is help wanted."""
    absences: frozenset[tuple[str, ...]] = frozenset()
    """A thing said not there ("there is no", "없어요")."""
    screen_places: tuple[str, ...] = ()
    """Places and controls of a screen ("list", "menu", "switch"; "목록"): a word starting so."""
    signed_in_states: frozenset[tuple[str, ...]] = frozenset()
    """Signed in said ("i am signed in"): an answer only where signing in is asked."""
    signed_in_questions: frozenset[str] = frozenset()
    """Where signing in is asked (`s1_apple_id`, `s1_sign_in`)."""
    least_amounts: frozenset[tuple[str, ...]] = frozenset()
    """The least amount after "not" ("a bit", "one bit"): "not a bit" is "not at all"."""
    likely_words: frozenset[tuple[str, ...]] = frozenset()
    """A guess that leans one way ("probably"): with its reason told, the answer."""
    which_of_two: frozenset[str] = frozenset()
    """Questions asking which of two ("cellular data rather than Wi-Fi?")."""
    acknowledged_after: frozenset[str] = frozenset()
    """Words an acknowledgment may follow and still agree ("all fine", "very good")."""
    helpers: frozenset[str] = frozenset()
    """People who may do the step for the speaker ("grandad", "son", "wife"): one of them
    doing it with a wait ("My son's typing it in, one sec.") is not yet, as the speaker."""
    waits: frozenset[tuple[str, ...]] = frozenset()
    """A while asked for in words ("one sec", "give me a minute"): after a "not yet" at an
    action it only says to take time ("not yet, one sec" is not yet)."""
    not_yet_words: frozenset[str] = frozenset()
    phone_processes: frozenset[str] = frozenset()
    busy_adverbs: frozenset[str] = frozenset()
    """Words of "not yet" that are no negation ("아직"): with a while asked for at an action
    (`waits`: "잠깐만요, 아직 찾는 중이에요") they say not yet, as a negation does."""
    stuck_on: frozenset[tuple[str, ...]] = frozenset()
    """Words right before a process that say it does not move on ("stuck on uploading")."""
    doing_nouns: frozenset[str] = frozenset()
    """Nouns of the speaker's doing at a step ("로그인", "입력"): before 중 with a wait, the
    speaker still at it, not yet (`_doing_noun_with_a_wait`)."""
    marks: frozenset[tuple[str, ...]] = frozenset()
    """States that belong to whichever option is named with them ("the check mark is on the
    other one", "signed in as my husband"): with another option named, that option's."""
    option_names: frozenset[tuple[str, ...]] = frozenset()
    """An option's name said as a label before its state ("Optimize iPhone Storage, not
    selected."): the state decides."""
    bare_yes: frozenset[tuple[str, ...]] = frozenset()
    """A yes right after an answer of the question's own, in its clause, confirms it ("wifi
    yes" at the cellular question is Wi-Fi)."""
    fetching: frozenset[str] = frozenset()
    """After "let me", going to get or find something first ("let me get my glasses"): a
    pause."""
    leaving: frozenset[tuple[str, ...]] = frozenset()
    """Leaving said short ("I'm out"): a stop only with no answer said with it ("I'm out, so
    it's cellular")."""
    leaving_continued: frozenset[str] = frozenset()
    """Words opening the clause right after a leaving said short that go on telling where or
    how ("I'm out, at the park", "I'm out, using data"; and any -ing form): out of the house,
    no stop."""
    missing_auxiliary: dict[str, str] = field(default_factory=dict)
    versioned: frozenset[str] = frozenset()
    """Names said with a version number ("iOS 19.2"): the number is left out."""
    trying_endings: tuple[str, ...] = ()
    trying_verbs: frozenset[str] = frozenset()
    """Trying to do it (-려고 하는데) before a negation: tried in vain (`_trying_in_vain`)."""
    doing_later: frozenset[tuple[str, ...]] = frozenset()
    put_off_times: frozenset[tuple[str, ...]] = frozenset()
    """Doing the step promised ("will do it") with a time to come ("tonight"): put off
    (`_put_off`)."""
    closing_reports: frozenset[tuple[str, ...]] = frozenset()
    """A last clause that only says the screen shows what came before ("that's what it
    says"): a report of it, as "it says" before it is (`_screen_error`)."""
    not_finding: frozenset[tuple[str, ...]] = frozenset()
    yet_words: frozenset[str] = frozenset()
    """Help phrases of not finding ("can not find") and the words of "yet" after them: still
    looking, not yet (`_not_found_yet`)."""
    codes: frozenset[tuple[str, ...]] = frozenset()
    never_came: frozenset[tuple[str, ...]] = frozenset()
    still_coming: frozenset[tuple[str, ...]] = frozenset()
    """A code sent for the step (`codes`) said not to have come (`never_came`), with no word
    that it is on its way (`still_coming`): trouble at the step (`_code_not_come`)."""
    conceding_endings: tuple[str, ...] = ()
    """Endings of a verb granted before the same verb ("되긴 되는데": it does work, but ...):
    the answer only conceded (`_only_conceded`)."""
    stressed_question_words: frozenset[str] = frozenset()
    question_stress: frozenset[str] = frozenset()
    """Words that stress a question word right after it ("where exactly"): the question's,
    not an answer of their own (`_question_stressed`)."""
    bare_verbs: frozenset[str] = frozenset()
    """Verbs' bare forms: the words after the missing auxiliary's negation ("do not know") in
    the tables, never after a copula's ("is not ...")."""
    perfect_participles: frozenset[str] = frozenset()
    """Past participles that make the "is" before them "has" ("nothing's happened")."""
    """Subject -> the auxiliary left out before "not" ("I not find": "I do not find")."""
    consequences: frozenset[tuple[str, ...]] = frozenset()
    """Words drawing a consequence ("so"): after a leaving said short, it was a state."""
    particles: frozenset[str] = frozenset()
    """Particles of phrasal verbs ("in", "on"): alone at an action, they say its own phrase
    that ends in them ("in" at "Sign in": "signed in")."""
    gerund_requests: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    """Asking politely with a verb's -ing form ("would you mind repeating that") -> the same
    request with the verb as a command takes it ("could you repeat that")."""
    symbols: dict[str, str] = field(default_factory=dict)
    """Symbols typed for words ("👍": "yes"), read as those words."""
    refusals: frozenset[tuple[str, ...]] = frozenset()
    """At an action, not wanting to do it ("I don't want to", "I'd rather not", "I'd like to
    keep"): the step refused, a no the dialog answers by offering to skip (`declines`)."""
    not_refusing: frozenset[str] = frozenset()
    """Words after a refusal's words that make it something else: a worry ("I don't want to
    lose my photos"), a wait ("I won't be long")."""
    not_following: frozenset[tuple[str, ...]] = frozenset()
    """Not following ("I don't get it"): with a way of speaking asked for, only its reason."""
    possessive: str = ""
    """The ending of a possessive that is also a contraction ("'s": "my phone's data")."""
    pairs: frozenset[tuple[str, str]] = frozenset()
    """Every two words in a row of a phrase: "phone data" (a possessive's test)."""
    not_possessors: frozenset[str] = frozenset()
    """Words whose "'s" is "is" or "has" before any word ("it's", "that's", "there's")."""
    partial_subjects: frozenset[tuple[str, ...]] = frozenset()
    """A part as the subject ("some pages load"): of an answer, only part, asked again."""
    state_adverbs: frozenset[str] = frozenset()
    """Between a copula and its state, said of the state's time only ("it's already on")."""
    emphatic: frozenset[str] = frozenset()
    stressing_negation: frozenset[str] = frozenset()
    sarcastic_closers: frozenset[str] = frozenset()
    label_joiners: frozenset[tuple[str, ...]] = frozenset()
    consequence_questions: frozenset[tuple[str, ...]] = frozenset()
    advice_questions: frozenset[tuple[str, ...]] = frozenset()
    checking_verbs: frozenset[tuple[str, ...]] = frozenset()
    waving_off: frozenset[tuple[str, ...]] = frozenset()
    understood_replies: frozenset[tuple[str, ...]] = frozenset()
    imperative_auxiliaries: frozenset[str] = frozenset()
    hedged_answers: frozenset[tuple[str, ...]] = frozenset()
    navigation_buttons: frozenset[tuple[str, ...]] = frozenset()
    button_places: frozenset[tuple[str, ...]] = frozenset()
    account_questions: frozenset[str] = frozenset()
    """Questions about which account is signed in (`_account_not_known`)."""
    account_which: frozenset[str] = frozenset()
    account_using: frozenset[str] = frozenset()
    not_knowing_before: frozenset[tuple[str, ...]] = frozenset()
    not_knowing_after: frozenset[tuple[str, ...]] = frozenset()
    conditions: frozenset[str] = frozenset()
    pressing_verbs: frozenset[str] = frozenset()
    """Adverbs that, right before an auxiliary and its negation, only stress it ("sure ain't",
    "certainly isn't"): no yes of their own."""
    auxiliaries: frozenset[str] = frozenset()
    """Verbs that carry a negation ("is", "does", "has"): "sure isn't", not "sure, don't"."""
    dropped_subject: str = ""
    """The subject said for one left out before a stressed negation ("sure ain't": "it")."""
    readiness: frozenset[tuple[str, ...]] = frozenset()
    """Being ready ("i am ready"): with going on said, it asks to go on, it answers nothing."""
    returning: frozenset[tuple[str, ...]] = frozenset()
    """Coming back said short ("back"): while paused, a resume, not the back command."""
    expectations: frozenset[tuple[str, ...]] = frozenset()
    """What should be, not what is ("should be", "supposed to be"): an answer after it is
    not seen."""
    past_times: frozenset[tuple[str, ...]] = frozenset()
    """Times gone ("yesterday", "last week"): with "was", an answer of then, not now."""
    plain_negations: frozenset[tuple[str, ...]] = frozenset()
    """Negations of no degree ("not", "never"): two in a row are a double negative."""
    option_marks: frozenset[str] = frozenset()
    """How a chosen option is marked ("selected", "checked"): said of what?"""
    place_words: frozenset[str] = frozenset()
    """States' words that are also prepositions ("on"): before a thing, a place."""
    restating: frozenset[tuple[str, ...]] = frozenset()
    """Words of the repeat command that, right after a state, say it is so once more ("it's
    working again"): the state's, no command."""
    screen_reports: frozenset[tuple[str, ...]] = frozenset()
    """Words that report what the screen says ("it says", "keeps telling me", "error"): at an
    action, an error word after them is the step's trouble."""
    error_words: frozenset[tuple[str, ...]] = frozenset()
    """What a screen's error message says ("incorrect", "failed", "unable to"): at an action,
    reported or said of a thing ("wrong password"), trouble with the step, not its no."""
    addressed: frozenset[str] = frozenset()
    """Determiners of the assistant's own things ("your voice"): a way of speaking said of
    them is asked of the assistant."""
    absence_openers: frozenset[str] = frozenset()
    """Words after which "no" is a determiner ("there is no wifi", "with no wifi"): before
    the other option, its absence."""
    absence_words: frozenset[str] = frozenset()
    """Words that say what follows is absent ("without wifi")."""
    asking_whether_to: frozenset[tuple[str, ...]] = frozenset()
    """Questions back asking whether to do something ("should I", "do I have to"): a command
    inside one is asked about, not given ("should I stop it first?")."""
    no_as_not: frozenset[str] = frozenset()
    """Subjects after which "copula no <the question's state>" is "not" (Scots "it's no on"):
    "no" there cannot be the answer word."""
    conditionals: frozenset[tuple[str, ...]] = frozenset()
    """Words opening a condition ("if", "unless"): an answer after one in its clause is
    supposed, not said ("would I be here if it worked?"): asked again."""
    own_things: frozenset[str] = frozenset()
    promised_saying: frozenset[tuple[str, ...]] = frozenset()
    """After the speaker's future (`first_person`: "i will"), saying an answer ("say",
    "tell you"): the answer is for later."""
    tag_questions: frozenset[tuple[str, ...]] = frozenset()
    """A clause that asks the statement before it to be confirmed ("is it", "right"),
    typed with a question mark: the statement is not an answer."""
    others_things: frozenset[str] = frozenset()
    """Another person's thing opening a clause ("his", "hers"): beside the speaker's own
    (`own_things`) its answer is not the speaker's."""
    """The speaker's thing said as a pronoun ("mine"): a clause it opens with no answer of
    its own compares with what came before ("her phone says it's full, mine isn't")."""
    screen_replies: frozenset[tuple[str, ...]] = frozenset()
    """A reply the screen offers as a button ("Not Now", "Later"): read out of a screen
    report it is a label, not the speaker's answer."""
    later_times: frozenset[tuple[str, ...]] = frozenset()
    """Times to come ("after lunch", "tomorrow"): a doubt right before one is about when,
    not whether ("maybe after lunch" is not now)."""
    gated: bool = True
    """False: the rules' decision as it is, without the gate (for benchmarks)."""
    verb_last: bool = False
    """The verb ends its clause (Korean): a weak yes after a word not understood is said of
    that word ("충전기 있어요": I have a charger), no answer."""
    said_of_subject: frozenset[tuple[str, ...]] = frozenset()
    """Verbs that, after a word not understood, are said of that word as their subject
    ("전화 왔어요": a call came), not of the speaker ("왔어요": I'm back)."""
    manner_words: frozenset[tuple[str, ...]] = frozenset()
    """Commands that are also adverbs of manner ("빨리", "천천히"): right before an answer's
    verb in its clause ("빨리 시작해요", "천천히 했어요") they say how, no command."""
    almost: frozenset[str] = frozenset()
    """Words of "almost" ("거의"): at an action, right before a done ("거의 끝났어요", "거의
    다 됐어요"), not done yet: no."""
    later: frozenset[tuple[str, ...]] = frozenset()
    """Times to come ("나중에", "이따가"): right before going on or again ("이따가 이어서 해요",
    "나중에 다시 할게요"), not now: a pause (at the start question, no)."""
    asked_back: frozenset[str] = frozenset()
    """Words that, alone and asked with a question mark, ask what was said ("네?": pardon?,
    "응?": huh?): the prompt again, never the answer the word is without it."""
    only_marks: tuple[str, ...] = ()
    """Particles of "only" written on a word ("만": 로딩만): with a bare "it works" after it
    (`only_verbs`: 되), the thing said is what happens, no yes of its own."""
    only_verbs: frozenset[str] = frozenset()
    """Words of "it works / it happens" (되) that 만 makes the thing's."""
    mistaken_beliefs: frozenset[tuple[str, ...]] = frozenset()
    """Words ending a clause of what one thought ("줄 알았" of -ㄴ 줄 알았는데: 켜져 있는 줄
    알았는데 꺼져 있네요): its answers are what was believed, not what is; the clause after
    answers."""
    place_endings: tuple[str, ...] = ()
    """Endings of a place ("에", "에서"): a word not understood in one, before a weak yes or
    a verb said of its subject, is where it is, not its subject ("아이패드에 보여요")."""
    control_words: frozenset[str] = frozenset()
    """Words naming a control of the screen ("버튼"): a command's words right before one are
    the control's label ("다시 시작 버튼 눌렀어요": the button), no command."""
    every_option: frozenset[tuple[str, ...]] = frozenset()
    """Doubt words naming every option ("둘 다": both): at a question they answer neither;
    at an action, all of it done is done ("켰어 둘 다"), so there they say nothing."""

    def _words(self, words: list[str], m: Mention) -> tuple[str, ...]:
        return tuple(words[m.start : m.end])

    def _plain_no(self, words: list[str], m: Mention) -> bool:
        """A no of the question's own that names something, no negation in it ("the other
        one", "my husband"; not "not selected")."""
        negating = self.negation_words | {"no"}
        return m.kind == "no" and m.own and not m.negates and not set(
            words[m.start : m.end]) & negating  # fmt: skip

    @staticmethod
    def _typed_questions(text: str, words: list[str]) -> list[int] | None:
        """The clause ends in `words` (their BREAKs) typed with a question mark, in order;
        None where the text's clauses and the words' do not line up (the words were taken
        apart differently: a rule reading the marks leaves them)."""
        asked: list[bool] = []
        normalization.tokens(text, asked)
        breaks = [i for i, w in enumerate(words) if w == BREAK]
        if len(breaks) != len(asked):
            return None
        return [b for b, q in zip(breaks, asked, strict=True) if q]

    def _asked_as_typed(self, text: str) -> bool:
        """Whether the last clause was typed with a question mark, and asks: not a clause
        ending said rising ("꺼져 있는데요?": it is off, you see)."""
        asked: list[bool] = []
        said = normalization.tokens(text, asked)
        if said[-1:] != [BREAK] or not asked or not asked[-1]:
            return False
        endings = self.attached.clause_endings if self.attached else ()
        return not (len(said) > 1 and said[-2].endswith(endings))


def _spans(words: list[str], phrases: frozenset[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Where each of these phrases is said, longest first where they overlap."""
    found: list[tuple[int, int]] = []
    longest = max(map(len, phrases), default=0)
    for start in range(len(words)):
        ends = [end for end in range(start + 1, min(len(words), start + longest) + 1)
                if tuple(words[start:end]) in phrases]  # fmt: skip
        if ends and not any(s <= start < e for s, e in found):
            found.append((start, max(ends)))
    return found


def _cancelled(mentions: list[Mention], where: Callable[[Mention], bool]) -> list[Mention]:
    """The commands (not answers, not help) for which `where` holds, cancelled: their words
    said, no command given."""
    return [replace(m, kind=CANCELLED)
            if m.kind in INTENTS and m.kind not in (*ANSWERS, "help") and where(m) else m
            for m in mentions]  # fmt: skip


def _is_wait(m: Mention) -> bool:
    """A wait: a pause, or a correction read as one when nothing follows it ("잠깐만요")."""
    return m.kind == "pause" or (m.kind == CORRECTION and m.fallback == "pause")
