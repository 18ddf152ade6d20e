"""Utterance text -> one canonical intent, from the per-language vocabulary in prompts/.

The language file gives the words (`intents`, `phrasings`, `answers_by_question`,
`phrasings_by_question`, `understanding`); this module finds them in an utterance and
interpretation.py decides. `intents` and `answers_by_question` are also the recognizer's
grammar; the `phrasings` sections are understood in text and free transcripts only.
Phrases are found on whole words after contractions are spelled out ("isn't" -> "is not");
of the ways to read an utterance as phrases, the one with the longest phrases wins, so "start
from scratch" beats "start" and "not at all" beats "not". The question being answered adds
its own answers ("it's off" at "Is Sync this iPhone turned on?"), which win over the general
vocabulary where they differ.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.conversation import attached_words, hangul, interpretation, normalization, safety
from assistant.conversation.amounts import Amounts
from assistant.conversation.attached_words import AttachedWords
from assistant.conversation.flow import Flow
from assistant.conversation.interpretation import (
    CANCELLED,
    CONTRAST,
    CORRECTION,
    DOUBT,
    EXCEPTION,
    FILLER,
    LIMIT,
    NARRATION,
    NEGATION,
    QUESTION,
    RESUME,
    SELF,
    ContrastSides,
    Mention,
)  # fmt: skip
from assistant.conversation.normalization import (
    BREAK,
    Contractions,
    Spelling,
    clause_end,
    clause_start,
    normalize,
)
from assistant.conversation.prompt_files import PromptError, load_yaml
from assistant.paths import PROMPTS_DIR

__all__ = [
    "ANSWERS", "FIXED_QUESTION", "INTENTS", "LANGUAGE_DATA_SECTIONS", "SILENCE", "START_QUESTION",
    "UNKNOWN", "Vocabulary", "normalize",
]  # fmt: skip

INTENTS = (
    "yes", "no", "repeat", "back", "skip", "help", "pause", "resume", "stop",
    "start_over", "where", "slower", "faster", "louder", "quieter",
)  # fmt: skip
ANSWERS = ("yes", "no")
_OTHER_COMMANDS = frozenset(INTENTS) - {"yes", "no", "help"}
"""The commands besides help: said with a screen error, the command stands."""
HELP = "help"
"""What a question about the step asks for ("what does optimize do?")."""
UNKNOWN = interpretation.UNKNOWN
SILENCE = "silence"
START_QUESTION = "start"
"""Question id of "Shall we begin?" (and of the offer to continue a saved session)."""
FIXED_QUESTION = "fixed?"
"""Question id of "Are your photos syncing now?", asked after a change (flow.md)."""

LANGUAGE_DATA_SECTIONS = (
    "intents", "phrasings", "answers_by_question", "phrasings_by_question",
    "phrasings_at_actions", "understanding",
)  # fmt: skip
"""Sections of a language file read here: words to understand, not texts to translate."""

# Lists of the `understanding` section and what each phrase found means.
_WORD_CLASSES = {
    "doubt": DOUBT, "fillers": FILLER, "hedges": FILLER, "first_person": SELF,
    "narration": NARRATION, "contrasts": CONTRAST, "exceptions": EXCEPTION, "limits": LIMIT,
}  # fmt: skip
# ... and those that may also be an intent's phrase, meaning it when they stand alone.
_WORDS_WITH_FALLBACK = {"negations": NEGATION, "corrections": CORRECTION}

VERSION_NUMBER = re.compile(r"\d+(\.\d+)*")
"""A version as typed ("19", "19.2", "19.2.1")."""

VARIATION_SELECTOR = "\ufe0f"
"""Typed after a symbol to draw it as an emoji; not a part of the symbol."""

Table = dict[tuple[str, ...], Mention]
"""Phrase (normalized words) -> what it means; start/end of the Mention are unused."""


_DESCRIBING = frozenset({"slower", "faster", "louder", "quieter"})
"""Commands whose words describe a thing ("너무 커서": too big, "too slow"): in a reason
clause before another, the thing described, no command."""


@dataclass(frozen=True)
class Vocabulary:
    """What counts as each intent in one language."""

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

    @classmethod
    def load(cls, lang: str = "en", prompts_dir: Path = PROMPTS_DIR) -> Vocabulary:
        path = prompts_dir / f"{lang}.yaml"
        data = load_yaml(path)
        grammar = _intent_lists(path, data.get("intents"), "intents", required=True)
        rules = _mapping(path, data.get("understanding"), "understanding")
        raw_contractions = _mapping(path, rules.get("contractions"), "understanding.contractions")
        contractions = Contractions.from_mapping(
            {str(k): str(v) for k, v in raw_contractions.items()}
        )
        attached = attached_words.load(path, data, LANGUAGE_DATA_SECTIONS)
        reader = _TableBuilder(path, contractions, rules, attached)
        phrasings = _intent_lists(path, data.get("phrasings"), "phrasings")
        general = reader.general({"intents": grammar, "phrasings": phrasings})
        by_question: dict[str, Table] = {}
        question_phrases = {}
        heard = _mapping(path, data.get("answers_by_question"), "answers_by_question")
        typed = _mapping(path, data.get("phrasings_by_question"), "phrasings_by_question")
        actions = _actions(prompts_dir)
        at_actions = _intent_lists(path, data.get("phrasings_at_actions"), "phrasings_at_actions")
        for question in dict.fromkeys([*heard, *typed, *(sorted(actions) if at_actions else [])]):
            own = _intent_lists(path, heard.get(question), f"answers_by_question.{question}")
            more = _intent_lists(path, typed.get(question), f"phrasings_by_question.{question}")
            every = at_actions if question in actions else {}  # "비밀번호를 까먹었어요"
            both = {
                i: [*own.get(i, []), *more.get(i, []), *every.get(i, [])]
                for i in INTENTS
                if i in own or i in more or i in every
            }
            by_question[str(question)] = reader.for_question(both)
            question_phrases[str(question)] = _plain(own)  # the grammar: answers_by_question
        longest = max(map(len, [*general, *(p for t in by_question.values() for p in t)]))
        openers = frozenset(w for p in reader.strings("clause_openers") for w in reader.words(p))
        own_commands = frozenset(reader.strings("assistant_commands"))
        if not own_commands <= set(INTENTS):
            raise PromptError(path, "understanding.assistant_commands", "not intents of flow.md")
        tables = [general, *by_question.values()]
        known = (
            frozenset(w for t in tables for p in t for w in p) | openers | set(contractions.whole)
        )
        alone = frozenset(p[0] for t in tables for p in t if len(p) == 1)
        negations = frozenset(n[0] for n in reader.negations if len(n) == 1)
        spelling = Spelling(known, alone, negations)
        amounts = replace(reader.amounts(), actions=actions)
        past = frozenset(w for p in reader.strings("past") for w in reader.words(p))
        cues = safety.Cues(
            frozenset(w for p in reader.strings("question_verbs") for w in reader.words(p)),
            frozenset(w for p in reader.strings("question_subjects") for w in reader.words(p)),
            frozenset(reader.words(p) for p in reader.strings("farewells")),
            frozenset(reader.words(p) for p in reader.strings("bare_answers")),
            frozenset(reader.strings("speakers")),
            frozenset(reader.words(p) for p in reader.strings("move_openers")),
            frozenset(reader.strings("move_places")),
        )
        pronouns = frozenset(w for p in reader.strings("pronouns") for w in reader.words(p))
        noun_determiners = frozenset(
            w for p in reader.strings("noun_determiners") for w in reader.words(p)
        )
        outlasting = frozenset(w for p in reader.strings("outlasting") for w in reader.words(p))
        copulas = frozenset(w for p in reader.strings("copulas") for w in reader.words(p))
        stative = frozenset(reader.strings("stative_commands"))
        ongoing = tuple(reader.strings("ongoing_endings"))
        if not stative <= set(INTENTS):
            raise PromptError(path, "understanding.stative_commands", "not intents of flow.md")
        doubled = frozenset(p[0] for t in tables for p in t if len(p) == 2 and p[0] == p[1])
        pairs = frozenset((p[i], p[i + 1]) for t in tables for p in t for i in range(len(p) - 1))
        named = {q: frozenset(w for p in t for w in p) for q, t in by_question.items()}
        missing_auxiliary = {str(k): str(v) for k, v in _mapping(
            path, rules.get("missing_auxiliary", {}), "understanding.missing_auxiliary"
        ).items()}  # fmt: skip
        bare_verbs = _words_after_negation(tables, set(missing_auxiliary.values())) - (
            _words_after_negation(tables, copulas)
        )

        def phrases(key: str) -> frozenset[tuple[str, ...]]:
            return frozenset(reader.words(p) for p in reader.strings(key))

        return cls(lang, _plain(grammar), contractions, general, by_question, question_phrases,
                   longest, openers, own_commands, spelling, amounts, attached, past,
                   cues, pronouns, noun_determiners, named, outlasting,
                   negations, ongoing, stative, copulas, doubled | negations,
                   asking_how=phrases("asking_how"),
                   reported=frozenset(reader.strings("reported_verbs")),
                   asked_at_actions=frozenset(
                       w for p in reader.strings("asked_at_actions") for w in reader.words(p)
                   ),
                   not_reporters=frozenset(reader.strings("not_reporters")),
                   reported_persons={str(k): str(v) for k, v in _mapping(
                       path, rules.get("reported_persons", {}), "understanding.reported_persons"
                   ).items()},
                   answered_for=frozenset(reader.strings("answered_for")),
                   agreement={str(k): str(v) for k, v in _mapping(
                       path, rules.get("agreement", {}), "understanding.agreement"
                   ).items()},
                   embedding=frozenset(reader.strings("embedding")),
                   intensifiers=phrases("intensifiers"), obligations=phrases("obligations"),
                   idioms=phrases("obligation_idioms"), sarcasm=phrases("sarcasm"),
                   speakers=frozenset(reader.strings("speakers")),
                   waits=phrases("waits"), marks=phrases("marks"),
                   failing=phrases("failing"), doing_the_step=phrases("doing_the_step"),
                   doing_gerunds=frozenset(reader.strings("doing_gerunds")),
                   helpers=frozenset(reader.strings("helpers")),
                   doing_verbs=phrases("doing_verbs"),
                   acknowledged_after=frozenset(reader.strings("acknowledged_after")),
                   which_of_two=frozenset(reader.strings("which_of_two")),
                   likely_words=phrases("likely_words"),
                   least_amounts=phrases("least_amounts"),
                   signed_in_states=phrases("signed_in_states"),
                   signed_in_questions=frozenset(reader.strings("signed_in_questions")),
                   setting_questions=frozenset(reader.strings("setting_questions")),
                   absences=phrases("absences"),
                   screen_places=tuple(reader.strings("screen_places")),
                   failing_states=frozenset(reader.strings("failing_states")),
                   done_endings=tuple(reader.strings("done_endings")),
                   other_devices=frozenset(reader.strings("other_devices")),
                   step_words=frozenset(reader.strings("step_words")),
                   worry_things=frozenset(reader.strings("worry_things")),
                   gone_words=phrases("gone_words"),
                   device_links=frozenset(reader.strings("device_links")),
                   device_modifiers=frozenset(reader.strings("device_modifiers")),
                   not_yet_words=frozenset(
                       w for p in reader.strings("not_yet_words") for w in reader.words(p)
                   ),
                   phone_processes=reader.word_set("phone_processes"),
                   busy_adverbs=reader.word_set("busy_adverbs"),
                   option_names=phrases("option_names"), bare_yes=phrases("bare_yes"),
                   fetching=frozenset(reader.strings("fetching")),
                   refusals=phrases("refusals"),
                   particles=frozenset(reader.strings("particles")),
                   gerund_requests={reader.words(str(k)): reader.words(str(v)) for k, v in _mapping(
                       path, rules.get("gerund_requests", {}), "understanding.gerund_requests"
                   ).items()},
                   symbols={str(k): str(v) for k, v in _mapping(
                       path, rules.get("symbols", {}), "understanding.symbols"
                   ).items()},
                   not_refusing=frozenset(reader.strings("not_refusing")),
                   leaving=phrases("leaving"),
                   leaving_continued=frozenset(reader.strings("leaving_continued")),
                   screen_reports=phrases("screen_reports"), error_words=phrases("error_words"),
                   asking_whether_to=phrases("asking_whether_to"),
                   absence_openers=frozenset(reader.strings("absence_openers")),
                   addressed=frozenset(reader.strings("addressed")),
                   absence_words=frozenset(reader.strings("absence_words")),
                   consequences=phrases("consequences"),
                   not_following=phrases("not_following"),
                   possessive=str(rules.get("possessive", "")), pairs=pairs,
                   not_possessors=frozenset(reader.strings("not_possessors")),
                   partial_subjects=phrases("partial_subjects"),
                   state_adverbs=frozenset(reader.strings("state_adverbs")),
                   verb_last=rules.get("verb_last") is True,
                   every_option=phrases("every_option"),
                   said_of_subject=phrases("said_of_subject"),
                   place_endings=tuple(reader.strings("place_endings")),
                   mistaken_beliefs=phrases("mistaken_beliefs"),
                   only_marks=tuple(reader.strings("only_marks")),
                   only_verbs=frozenset(
                       w for p in reader.strings("only_verbs") for w in reader.words(p)
                   ),
                   control_words=frozenset(reader.strings("control_words")),
                   asked_back=frozenset(reader.strings("asked_back")),
                   later=phrases("later"),
                   almost=frozenset(reader.strings("almost")),
                   manner_words=phrases("manner_words"),
                   emphatic=frozenset(reader.strings("emphatic")),
                   stressing_negation=frozenset(reader.strings("stressing_negation")),
                   sarcastic_closers=frozenset(reader.strings("sarcastic_closers")),
                   label_joiners=phrases("label_joiners"),
                   consequence_questions=phrases("consequence_questions"),
                   advice_questions=phrases("advice_questions"),
                   checking_verbs=phrases("checking_verbs"),
                   waving_off=phrases("waving_off"),
                   understood_replies=phrases("understood_replies"),
                   imperative_auxiliaries=reader.word_set("imperative_auxiliaries"),
                   hedged_answers=phrases("hedged_answers"),
                   navigation_buttons=phrases("navigation_buttons"),
                   button_places=phrases("button_places"),
                   account_questions=frozenset(reader.strings("account_questions")),
                   account_which=frozenset(reader.strings("account_which")),
                   account_using=frozenset(reader.strings("account_using")),
                   not_knowing_before=phrases("not_knowing_before"),
                   not_knowing_after=phrases("not_knowing_after"),
                   conditions=reader.word_set("conditions"),
                   pressing_verbs=frozenset(reader.strings("pressing_verbs")),
                   auxiliaries=frozenset(reader.strings("auxiliaries")),
                   dropped_subject=str(rules.get("dropped_subject", "")),
                   place_words=frozenset(reader.strings("place_words")),
                   option_marks=frozenset(reader.strings("option_marks")),
                   plain_negations=phrases("plain_negations"),
                   expectations=phrases("expectations"), past_times=phrases("past_times"),
                   readiness=phrases("readiness"), returning=phrases("returning"),
                   restating=phrases("restating"), later_times=phrases("later_times"),
                   conditionals=phrases("conditionals"),
                   no_as_not=frozenset(reader.strings("no_as_not")),
                   own_things=frozenset(reader.strings("own_things")),
                   others_things=frozenset(reader.strings("others_things")),
                   tag_questions=phrases("tag_questions"),
                   promised_saying=phrases("promised_saying"),
                   screen_replies=phrases("screen_replies"),
                   perfect_participles=frozenset(reader.strings("perfect_participles")),
                   missing_auxiliary=missing_auxiliary, bare_verbs=bare_verbs,
                   versioned=frozenset(reader.strings("versioned")))  # fmt: skip

    def phrases(self, intents: Iterable[str], question: str | None = None) -> list[str]:
        """The phrases of these intents as plain strings (for a recognizer's grammar).

        question: also that question's own answers ("it's off" at s1_sync_on).
        """
        own = self.question_phrases.get(question or "", {})
        return [" ".join(p) for i in intents
                for p in (*self.phrases_by_intent[i], *own.get(i, ()))]  # fmt: skip

    def parse(self, text: str, question: str | None = None, paused: bool = False) -> str:
        """The canonical intent of one utterance; `unknown` when unsure, `silence` when empty.

        question: the id of the question being answered (a flow node id, `fixed?` or
        `start`), so answers are read in context; None for the general vocabulary.
        paused: the assistant is paused: coming back wins over an answer said with it.
        """
        found = self.tokens(text)
        if not any(t != BREAK for t in found):
            return SILENCE
        if self._asked_back(text):
            return "repeat"  # "네?": pardon?
        mentions = self._mentions(found, question)
        if (negated := self._no_as_not(found, mentions)) is not None:
            found, mentions = negated, self._mentions(negated, question)  # "it's no on"
        if (ended := self._wait_after_the_verb(found, mentions)) is not None:
            found, mentions = ended, self._mentions(ended, question)  # "... 중이에요 잠깐만요"
        said = {i for m in mentions for i in range(m.start, m.end)}  # every phrase found
        first = mentions
        mentions = self._reason_given(
            found, mentions, question in self.amounts.actions
        )  # "옆집에 있어서 못 만져요"
        mentions = self._maybe_negated(found, mentions)  # "I'm nit signed in"
        mentions = self._negated_twice(found, mentions)  # "it isn't not on"
        mentions = self._negation_stressed(found, mentions)  # "전혀 안 돼요"
        mentions = self._believed_before(found, mentions)  # "켜져 있는 줄 알았는데 ..."
        mentions = self._ready_again(found, mentions)  # "I'm ready again": back, not done
        mentions = self._restated(found, mentions)  # "it's working again"
        mentions = self._when_not_whether(found, mentions)  # "maybe after lunch"
        mentions = self._supposed(text, found, mentions)  # "would I be here if it worked?"
        mentions = self._theirs_beside_mine(found, mentions)  # "his is off but mine's on"
        mentions = self._skipping_another_thing(found, mentions, question)  # "skip the chat"
        mentions = self._compared_with_mine(found, mentions)  # "..., mine isn't"
        mentions = self._asking_how(found, mentions)  # "which backups can I delete"
        mentions = self._where_it_is(found, mentions)  # "I don't know where that is"
        mentions = self._insisting(found, mentions)  # "Wi-Fi, obviously"
        mentions = self._after_sarcasm(found, mentions)  # "oh sure, as if that would work"
        mentions = self._not_seen_now(found, mentions, question)  # "was on yesterday"
        mentions = self._answered_own_question(text, found, mentions)  # "Cellular Data on? Off."
        mentions = self._asked_last(text, found, mentions)  # "원본은 어디에 남아요?"
        mentions = self._tagged(text, found, mentions)  # "it's not full, is it?"
        mentions = self._command_waved_off(found, mentions)  # "no need to repeat, it's full"
        mentions = self._consequence_asked(found, mentions)  # "what happens if I say no?"
        mentions = self._check_not_known(found, mentions)  # "I think so but not sure how to check"
        mentions = self._account_not_known(found, mentions, question)  # "no idea which I used"
        mentions = self._worry_asked(text, found, mentions, question)  # "will my photos be safe?"
        mentions = self._answer_asked_about(text, found, mentions)  # "it's green, is that on?"
        mentions = self._promised(found, mentions)  # "... and I'll say yes"
        mentions = self._not_opening(found, mentions)  # "the baby is crying": no question
        mentions = self._marked_other(found, mentions)  # "the check mark is on the other one"
        mentions = self._marked_unnamed(
            found, mentions, said, self.named.get(question or "", frozenset())
        )  # "the top one is selected"
        mentions = self._label_then_state(found, mentions)  # "Optimize ..., not selected."
        mentions = self._confirmed(found, mentions)  # "wifi yes"
        mentions = self._other_denied(found, mentions)  # "LTE, no wifi here"
        mentions = self._other_absent(found, mentions)  # "there's no wifi here"
        mentions = self._none_of_them_do(found, mentions)  # "no pages load"
        mentions = self._missing_on_screen(found, mentions, question)  # "목록에 사진이 없어요"
        mentions = self._signed_in_elsewhere(found, mentions, question)  # "I'm signed in."
        mentions = self._said_of_a_verb(found, mentions, question)  # "Websites load fine."
        mentions = self._reasoned_guess(found, mentions)  # "..., so probably not."
        mentions = self._only_some(found, mentions, question)  # "only google loads"
        mentions = self._partial_subject(found, mentions)  # "some pages load, some don't"
        mentions = self._help_where(mentions)  # "help me. where."
        mentions = self._not_following(found, mentions)  # "too fast, I don't get it"
        mentions = self._out_of_the_house(found, mentions)  # "I'm out, so it's cellular"
        mentions = self._coming_back(
            found, mentions, paused, self._asked_as_typed(text)
        )  # "go on, I'm ready"; "ok back"; "back now, carry on"
        for not_given in (  # a command's words that do not give it
            self._asked_whether_to,  # "should I stop it first?"
            self._for_later,  # "I'll take a break after this"
            self._screen_labels,  # 'a button that says "Skip"'
            self._not_giving_up,  # "I'm not ready to give up"
            self._own_doing,  # "let me go back and check"
            self._ready_to,  # "I'm ready to stop for today"
            self._said_of_a_thing,  # "the fan is too loud"
        ):
            mentions = not_given(found, mentions)
        if question in self.amounts.questions:  # a degree is asked: "not empty" is not "full"
            mentions = [replace(m, own=False) for m in mentions]
        share = self.amounts.mention(found, question) or self.amounts.progress_mention(
            found, question
        )  # "4.9 of 5 GB used"; "40% done"
        if share is not None:
            mentions = sorted(
                [m for m in mentions if m.end <= share.start or m.start >= share.end] + [share],
                key=lambda m: m.start,
            )
            if share.kind == FILLER:  # "I have 200 GB free": the weak yes is said of the amount
                mentions = self._said_of_the_amount(found, mentions, share)
        at_action = question in self.amounts.actions
        if at_action:
            mentions = self._not_yet_changed(found, mentions)  # "still on the apple logo"
            mentions = self._ceased_midway(found, mentions)  # "I stopped halfway through"
            mentions = self._still_to_do(found, mentions)  # "now I have to type it again"
            mentions = self._doing_it_a_while(found, mentions)  # "doing it now, hang on"
            mentions = self._doing_gerund_a_while(found, mentions)  # "hang on, typing it"
            mentions = self._waiting_on_it(found, mentions)  # "hang on, it's restarting"
            mentions = self._not_yet_a_while(found, mentions)  # "not yet, one sec"
            mentions = self._screen_error(found, mentions)  # "it says incorrect password"
            mentions = self._error_reported(found, mentions)  # "비밀번호가 틀렸다고 나와요"
            mentions = self._a_thing_failing(found, mentions)  # "password isn't working"
            mentions = self._which_not_known(found, mentions)  # "I don't know which box"
            mentions = self._gone(found, mentions)  # "the apple logo's gone"
            mentions = self._another_device(found, mentions)  # "I updated my watch"
            mentions = self._how_asked(text, found, mentions)  # "어떻게 확인합니까?"
            mentions = self._advice_asked(found, mentions)  # "should I still turn it on?"
            mentions = self._refusing(found, mentions)  # "I'd rather not pay"
            mentions = self._fetching_first(found, mentions)  # "let me find the app first"
            mentions = self._all_of_it_done(found, mentions)  # "켰어 둘 다"
            mentions = self._almost_done(found, mentions)  # "거의 끝났어요"
            mentions = self._doing_verb_then_wait(found, mentions)  # "치고 있어요, 잠깐만요"
            mentions = self._doing_it(found, mentions)  # "켜고 있어요"
            mentions = self._tried_in_vain(found, mentions)  # "눌러도 안 켜져요"
        mentions = self._still_under_way(found, self._outlasted(found, mentions, at_action))
        mentions = self._weak_after_unknown(found, mentions)  # "충전기 있어요"
        mentions = self._not_now(found, mentions, question)  # "이따가 이어서 해요"
        mentions = self._how_it_was_done(found, mentions)  # "빨리 시작해요"
        mentions = self._object_of_the_verb(found, mentions)  # "도움말 보고 켰어요"
        mentions = self._only_it_happens(found, mentions)  # "로딩만 돼요"
        if self._wait_then_reason(mentions):  # "잠시만요 전화 왔어요": a sentence of its own
            end = mentions[0].end
            found, mentions = [*found[:end], BREAK, *found[end:]], mentions[:1]
        if not at_action:
            mentions = self._state_denied(found, mentions)  # "꺼져 있지 않아요"
            mentions = self._no_named_then_negated(found, mentions)  # "와이파이도 안 돼요"
        mentions = [m for m in mentions if not self._a_state(found, m)]  # "router's back up"
        mentions = [m for m in mentions if not self._a_label(found, m)]  # "다시 시작 버튼"
        mentions = [m for m in mentions if not self._a_place(found, m, said)]  # "on the bar"
        if at_action and self._phone_busy_with_a_wait(found, first):
            return "pause"  # "잠깐만요, 재부팅 중이에요": the phone busy, waited on
        if at_action and (waited := self._doing_then_wait(found, mentions)) is not None:
            return waited  # "지금 켜는 중이에요 잠깐만요": not yet, or a pause?
        sides = None
        if self.pronouns:
            named = self.named.get(question or "", frozenset())
            sides = ContrastSides(self.pronouns, self.noun_determiners, named)
        decided = interpretation.interpret(
            found, mentions, self.clause_openers, self.assistant_commands, paused, self.past,
            sides,
        )  # fmt: skip
        if decided == UNKNOWN and at_action:
            decided = self._particle_alone(found, question or "")  # "in" at "sign in"
        if not self.gated:
            return decided
        return safety.gate(text, found, mentions, decided, self.cues, said)

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

    def _particle_alone(self, words: list[str], question: str) -> str:
        """At an action, a particle said alone ("in" at "Sign in", "on" at "Turn it on"): the
        answer of its own phrases that end in it ("signed in", "logged in"), when they agree."""
        said = [w for w in words if w != BREAK]
        if len(said) != 1 or said[0] not in self.particles:
            return UNKNOWN
        own = self.by_question.get(question, {})
        kinds = {m.kind for p, m in own.items() if len(p) > 1 and p[-1] == said[0]}
        return kinds.pop() if len(kinds) == 1 and kinds <= set(ANSWERS) else UNKNOWN

    def is_listed(self, text: str, question: str | None = None) -> bool:
        """True when the text is, word for word, a phrase of the vocabulary (for benchmarks)."""
        typed = self.contractions.expand(normalization.tokens(text))
        phrase = tuple(t for t in typed if t != BREAK)
        return phrase in self.general or phrase in self.by_question.get(question or "", {})

    def tokens(self, text: str) -> list[str]:
        """The words as matched: contractions spelled out, words carrying particles and
        negations taken apart (Korean), typing slips repaired, clause breaks kept as BREAK."""
        text = self._symbols_read(text)
        said = normalization.without_stammer(
            normalization.tokens(text), self.spelling.known, self.doubled
        )
        found = self.contractions.expand(self._possessives(said))
        read = self.attached.read(found) if self.attached else found
        repaired = self.spelling.repair(read)  # after reading: slips are judged on whole words
        stressed = self._least_amount(
            self._without_emphasis(self._without_already(self._without_versions(repaired)))
        )
        said_of_it = self._subject_supplied(stressed, text)
        return self._as_commanded(
            self._as_own_words(self._with_auxiliary(self._perfect(said_of_it)))
        )

    def _without_versions(self, words: list[str]) -> list[str]:
        """A version number after the name it numbers is that name ("there's an iOS 19.2
        waiting": "an iOS waiting"), so the phrases of the name read it."""
        return [
            word
            for i, word in enumerate(words)
            if not (i and words[i - 1] in self.versioned and VERSION_NUMBER.fullmatch(word))
        ]

    def _symbols_read(self, text: str) -> str:
        """Symbols typed alone read as their words ("👍": "okay"); beside words, which say
        what is meant ("it's off 👍"), left out, as any other symbol."""
        if not any(symbol in text for symbol in self.symbols):
            return text
        text = text.replace(VARIATION_SELECTOR, "")  # "✔️" is "✔" drawn as an emoji
        read = text
        for symbol, word in self.symbols.items():
            read = read.replace(symbol, f" {word} ")
        alone = not normalization.tokens("".join(c for c in text if c not in "".join(self.symbols)))
        return read if alone else text

    def _as_commanded(self, words: list[str]) -> list[str]:
        """A polite request with a verb's -ing form ("would you mind repeating that") said as
        the request with the verb itself ("could you repeat that"), the form the commands'
        phrases have; the verb is the first of its spellings without the ending that is a
        known word ("repeating": "repeat", "pausing": "pause", "skipping": "skip")."""
        for asked, plainly in self.gerund_requests.items():
            for at in range(len(words) - len(asked)):
                verb = words[at + len(asked)]
                if tuple(words[at : at + len(asked)]) != asked or not verb.endswith("ing"):
                    continue
                stem = verb[: -len("ing")]
                known = [v for v in (stem, stem + "e", stem[:-1]) if v in self.spelling.known]
                if known:
                    return [*words[:at], *plainly, known[0], *words[at + len(asked) + 1 :]]
        return words

    def _perfect(self, words: list[str]) -> list[str]:
        """ "'s" spelled out is "is" or "has": before a past participle, "has" ("nothing's
        happened" is "nothing has happened"; `understanding.perfect_participles`)."""
        out = list(words)
        for i in range(len(words) - 1):
            if words[i] == "is" and words[i + 1] in self.perfect_participles:
                out[i] = "has"
        return out

    def _without_emphasis(self, words: list[str]) -> list[str]:
        """An adverb right before an auxiliary and "not" only stresses the negation ("it
        certainly isn't": "it is not"; not "sure" then "is not"; `understanding.emphatic`).
        Opening its clause, the subject was left out, the thing asked about ("nope, sure
        ain't": "it is not"). Right after a negation, a word of `stressing_negation` only
        stresses it ("never actually turned it on", "did not actually sign in"): not the
        correction it is elsewhere ("actually, it's on")."""
        out: list[str] = []
        for i, word in enumerate(words):
            stressing = (
                word in self.emphatic
                and words[i + 1 : i + 2] != []
                and words[i + 1] in self.auxiliaries
                and words[i + 2 : i + 3] != []
                and words[i + 2] in self.negation_words
            )
            if word in self.stressing_negation and i and words[i - 1] in self.negation_words:
                continue  # "I never actually turned it on": no correction, the negation stressed
            if not stressing:
                out.append(word)
            elif self.dropped_subject and (i == 0 or words[i - 1] == BREAK):
                out.append(self.dropped_subject)
        return out

    def _least_amount(self, words: list[str]) -> list[str]:
        """ "not" and the least amount (`least_amounts`: "a bit", "one bit") only stress the
        negation: "not a bit" is read "not at all", and before "of" the thing denied is
        none: "not a bit of difference" is "no difference"."""
        if not self.least_amounts:
            return words
        out: list[str] = []
        i = 0
        while i < len(words):
            amount = next((a for a in sorted(self.least_amounts, key=len, reverse=True)
                           if words[i] == "not" and tuple(words[i + 1 : i + 1 + len(a)]) == a),
                          None)  # fmt: skip
            if amount is None:
                out.append(words[i])
                i += 1
                continue
            after = i + 1 + len(amount)
            if after < len(words) and words[after] == "of":
                out.append("no")
                i = after + 1
            else:
                out += ["not", "at", "all"]
                i = after
        return out

    def _subject_supplied(self, words: list[str], text: str) -> list[str]:
        """ "Is very slow but is working" (a learner's English, the subject left out): "is"
        opening a clause, or right after a contrast, with no subject after it, in a clause
        ended by a mark that does not ask, is said of the thing asked about
        (`understanding.dropped_subject`): "it is working". With a subject after it ("is it
        on"), asked ("is working?") or unmarked, as a transcript is ("is dinner ready"), it
        may be a question, and is read as before."""
        if not self.dropped_subject or "is" not in words:
            return words
        asked: list[bool] = []
        normalization.tokens(text, asked)
        subjects = self.clause_openers | self.noun_determiners | self.cues.subjects
        out: list[str] = []
        for i, word in enumerate(words):
            before = words[i - 1] if i else BREAK
            opens = before == BREAK or getattr(self.general.get((before,)), "kind", "") == CONTRAST
            clause = words[:i].count(BREAK)
            if (word == "is" and opens and words[i + 1 : i + 2] != [] and words[i + 1] != BREAK
                    and words[i + 1] not in subjects
                    and clause < len(asked) and not asked[clause]):  # fmt: skip
                out.append(self.dropped_subject)
            out.append(word)
        return out

    def _without_already(self, words: list[str]) -> list[str]:
        """An adverb of time between a copula and its state says nothing of the state ("it's
        already on" is "it is on"; `understanding.state_adverbs`)."""
        if not self.state_adverbs:
            return words
        return [w for i, w in enumerate(words) if not (
            w in self.state_adverbs and 0 < i < len(words) - 1 and words[i - 1] in self.copulas
            and words[i + 1] != BREAK
        )]  # fmt: skip

    def _possessives(self, words: list[str]) -> list[str]:
        """A possessive before the word it owns, the two a phrase's words in a row ("my
        phone's data": "phone data") and the word never after "is" in a phrase (not "data's
        turned off": "is turned"), is no "is": the owner alone."""
        ending = self.possessive
        if not ending:
            return words
        out = list(words)
        for i, (word, after) in enumerate(zip(words, words[1:], strict=False)):
            owner = word[: -len(ending)]
            if (
                word.endswith(ending)
                and owner
                and owner not in self.not_possessors
                and (owner, after) in self.pairs
                and ("is", after) not in self.pairs  # "data's turned off": "is turned"
            ):
                out[i] = owner
        return out

    def _with_auxiliary(self, words: list[str]) -> list[str]:
        """ "I not find", "I not understand" (phrasebook English): the auxiliary said, as "I do
        not find" (`understanding.missing_auxiliary`: subject -> auxiliary). A learner's "I am
        not remember" is the same with a copula in the auxiliary's place: before a verb's bare
        form (`bare_verbs`), "I do not remember"."""
        if not self.missing_auxiliary:
            return words
        out: list[str] = []
        for i, word in enumerate(words):
            if i and self._copula_for_auxiliary(words, i - 1):
                out.append(self.missing_auxiliary[words[i - 1]])
                continue
            out.append(word)
            opens = i == 0 or words[i - 1] == BREAK
            if opens and word in self.missing_auxiliary and words[i + 1 : i + 2] == ["not"]:
                out.append(self.missing_auxiliary[word])
        return out

    def _copula_for_auxiliary(self, words: list[str], start: int) -> bool:
        """From `start`, opening a clause: a subject, a present copula, "not", a verb's bare
        form ("i am not remember")."""
        said = words[start : start + 4]
        if len(said) < 4 or (start and words[start - 1] != BREAK):
            return False
        subject, copula, negation, verb = said
        return (
            subject in self.missing_auxiliary
            and copula in self.copulas - self.past
            and negation == "not"
            and verb in self.bare_verbs
        )

    def _as_own_words(self, words: list[str]) -> list[str]:
        """Reported speech said as the speaker's own: after "she says", "he said", "my mum
        says" (a person, not "it says" or "the screen says"), "her account" is the account of
        the person answered for, so "my account" ("she says it's her account" is yes)."""
        if not self.reported_persons:
            return words
        out = list(words)
        shifting = False
        for i, word in enumerate(words):
            if word == BREAK:
                continue
            opens = i == 0 or words[i - 1] == BREAK
            if i + 1 < len(words) and self._doubted(words[i + 1]):
                continue  # "she thinks it's on": the person's belief, no answer of mine
            if opens and word in self.answered_for and i + 1 < len(words):
                # "He's on Wi-Fi", "she's done it": the person answered for, as "I"
                out[i] = self.reported_persons[word]
                out[i + 1] = self.agreement.get(words[i + 1], words[i + 1])
                continue
            if (
                word in self.reported
                and i > 0
                and words[i - 1] != BREAK
                and words[i - 1] not in self.not_reporters
            ):
                shifting = True
                continue
            if shifting and word in self.answered_for and i + 1 < len(words):
                out[i] = self.reported_persons[word]  # "she says she's done it"
                out[i + 1] = self.agreement.get(words[i + 1], words[i + 1])
                continue
            if shifting and word in self.reported_persons:
                ends = i + 1 == len(words) or words[i + 1] == BREAK
                # "it's not his": his alone is the person's own, so "mine"
                mine = self.reported_persons.get(word + "s") if ends else None
                out[i] = mine or self.reported_persons[word]
        return out

    def _doubted(self, word: str) -> bool:
        """A word that is a doubt of its own ("thinks", "maybe")."""
        meaning = self.general.get((word,))
        return meaning is not None and meaning.kind == DOUBT

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

    def _when_not_whether(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A doubt right before or after a time to come ("maybe after lunch", "tomorrow
        perhaps") is about when, not whether: not now, whenever it is. The time answers where
        it is an answer of the question (the start question's no); elsewhere nothing does."""
        times = [m for m in mentions if self._words(words, m) in self.later_times]
        return [m for m in mentions if not (
            m.kind == DOUBT and any(t.start == m.end or t.end == m.start for t in times)
        )]  # fmt: skip

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

    def _gone(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A no of the question's own that names a thing, said to be gone (`gone_words`
        right after it, a copula between or not: "the Apple logo's gone", "black screen went
        away"): the thing is no longer there, so not that no; it says nothing by itself (the
        rest of the utterance answers: "Back on, the Apple logo's gone." is yes)."""
        if not self.gone_words:
            return mentions
        drop = set()
        for m in mentions:
            if m.kind != "no":
                continue
            at = m.end + (m.end < len(words) and words[m.end] in self.copulas)
            if any(tuple(words[at : at + len(g)]) == g for g in self.gone_words):
                drop.add(id(m))
                drop.update(id(n) for n in mentions if n.start == m.end)  # the copula asked
        if not drop:
            return mentions
        return [m for m in mentions if id(m) not in drop]

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

    def _answered_own_question(
        self, text: str, words: list[str], mentions: list[Mention]
    ) -> list[Mention]:
        """A clause asked with a question mark, then a later clause answering ("Cellular Data
        on? Off.", "Isn't that the one with my email? Yeah, it is."): the question said back
        or asked of oneself is answered by what follows; its own answers do not count."""
        asked: list[bool] = []
        normalization.tokens(text, asked)
        breaks = [i for i, w in enumerate(words) if w == BREAK]
        if len(breaks) != len(asked):
            return mentions  # the words were taken apart differently: leave them
        marks = [b for b, q in zip(breaks, asked, strict=True) if q]
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
            used = next((i for i in range(at + 1, end) if words[i] in self.account_using), None)
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

    def _asked_as_typed(self, text: str) -> bool:
        """Whether the last clause was typed with a question mark, and asks: not a clause
        ending said rising ("꺼져 있는데요?": it is off, you see)."""
        asked: list[bool] = []
        said = normalization.tokens(text, asked)
        if said[-1:] != [BREAK] or not asked or not asked[-1]:
            return False
        endings = self.attached.clause_endings if self.attached else ()
        return not (len(said) > 1 and said[-2].endswith(endings))

    def _how_asked(self, text: str, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, a question word (`asked_at_actions`: "어떻게", "뭘") whose clause asks,
        by an asking ending ("어떻게 확인합니까", "뭘 지워야 돼요") or typed last with a
        question mark ("어떻게 켜요?"), asks how to do the step: help. Not negated ("어떻게 해도
        안 돼요": no)."""
        at = next((i for i, w in enumerate(words) if w in self.asked_at_actions), None)
        if at is None:
            return mentions
        end = clause_end(words, at)
        inside = [m for m in mentions if at < m.start < end]
        asked = any(m.kind == DOUBT for m in inside) or (
            end >= len(words) - 1 and self.verb_last and self._asked_as_typed(text)
        )
        if not asked or any(m.kind == NEGATION for m in inside):
            return mentions
        kept = [m for m in mentions if not at <= m.start < end]
        return sorted([*kept, Mention(HELP, at, end)], key=lambda m: m.start)

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

    def _words(self, words: list[str], m: Mention) -> tuple[str, ...]:
        return tuple(words[m.start : m.end])

    def _plain_no(self, words: list[str], m: Mention) -> bool:
        """A no of the question's own that names something, no negation in it ("the other
        one", "my husband"; not "not selected")."""
        negating = self.negation_words | {"no"}
        return m.kind == "no" and m.own and not m.negates and not set(
            words[m.start : m.end]) & negating  # fmt: skip

    def _negated_mark(self, words: list[str], m: Mention) -> bool:
        """A no of the question's own that is a mark denied ("no check mark", "not selected",
        "there is no tick": the mark is what ends it)."""
        negating = self.negation_words | {"no"}
        rest = tuple(w for w in self._words(words, m) if w not in negating)
        ends_in_mark = any(rest[i:] in self.marks for i in range(len(rest)))
        return m.kind == "no" and m.own and len(rest) < m.end - m.start and ends_in_mark

    def _marked_other(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A state that belongs to the option named with it (`understanding.marks`: "check
        mark", "it's on", "signed in"), said in one clause with another option of the
        question's own ("there's a check mark next to Download and Keep Originals", "the other
        option has the check mark", "I'm signed in as my husband"): that option's state, so
        the other option is the answer, no. Not with a negation in the clause."""
        drop = set()
        doubts = []
        for m in mentions:
            if self._negated_mark(words, m):
                start, end = clause_start(words, m.start), clause_end(words, m.end)
                inside = [n for n in mentions if start <= n.start < end and n is not m]
                if any(self._plain_no(words, n) for n in inside):
                    # "there's no check mark on the other one": which is not marked? Asked again.
                    doubts.append(Mention(DOUBT, m.start, m.start))
                else:  # "no tick next to optimize": this option named, its mark denied
                    drop |= {
                        id(n)
                        for n in inside
                        if n.kind == "yes"
                        and n.own
                        and n.start >= m.end
                        and self._words(words, n) not in self.marks
                    }
                continue
            if m.kind != "yes" or self._words(words, m) not in self.marks:
                continue
            start, end = clause_start(words, m.start), clause_end(words, m.end)
            inside = [n for n in mentions if start <= n.start < end and n is not m]
            if any(n.kind == NEGATION for n in inside):
                continue
            if any(self._plain_no(words, n) for n in inside):
                drop.add(id(m))
        kept = [m for m in mentions if id(m) not in drop]
        return sorted([*kept, *doubts], key=lambda m: m.start) if doubts else kept

    def _marked_unnamed(
        self, words: list[str], mentions: list[Mention], said: set[int], named: frozenset[str]
    ) -> list[Mention]:
        """An option's mark (`understanding.option_marks`: selected, checked) after a copula,
        said of a subject no phrase covers and the question does not name ("the top one is
        selected", "download and keep is checked"): which option is that? Two readings,
        asked again. A pronoun ("it is selected") or an option named ("optimize is ticked")
        is read as before."""
        bare = self.copulas | self.pronouns | self.option_marks
        doubts = []
        for m in mentions:
            last = m.end - 1
            if (
                m.kind not in ("yes", "no")
                or words[last] not in self.option_marks
                or not set(self._words(words, m)) <= bare
                or last == 0
                or words[last - 1] not in self.copulas
            ):
                continue
            subject = [i for i in range(clause_start(words, m.start), m.start)
                       if words[i] not in self.noun_determiners]  # fmt: skip
            if subject and not (subject[0] in said or words[subject[0]] in self.pronouns | named):
                doubts.append(Mention(DOUBT, m.start, m.start))
        return sorted([*mentions, *doubts], key=lambda x: x.start) if doubts else mentions

    def _label_then_state(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """An option's name alone in its clause, then its state in the next ("Optimize iPhone
        Storage, not selected."): a label, as read from the screen; the state decides. So does
        the name as the subject of its state ("Optimise isn't ticked")."""
        for index, m in enumerate(mentions[:-1]):
            if self._words(words, m) not in self.option_names:
                continue
            if clause_start(words, m.start) != m.start:
                continue
            if m.end < len(words) and words[m.end] in self.copulas:
                said = [n for n in mentions[index + 1 :] if n.start < clause_end(words, m.end)]
                if any(n.kind in ("yes", "no") for n in said):  # the name, then "is" + state
                    return [n for n in mentions if n is not m
                            and not (n.kind == QUESTION and n.start == m.end)]  # fmt: skip
            after = mentions[index + 1]
            if after.kind not in ("yes", "no"):
                continue
            if clause_end(words, m.end) == m.end and clause_start(words, after.start) > m.start:
                return [n for n in mentions if n is not m]  # "Optimize ..., not selected."
            if after.start == m.end and clause_end(words, after.end) == after.end:
                return [n for n in mentions if n is not m]  # "upd avail n"
        return mentions

    def _other_denied(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """ "No" or "not" right before the other option (a determiner between), with this one
        said ("LTE, no wifi here", "phone data, not the wifi of the hotel" at the cellular
        question): the other denied agrees with the answer. Not "No, Wi-Fi." (a
        break between) nor "no wifi" alone, as a recognizer may write "No, Wi-Fi"."""
        yes = [m for m in mentions if m.kind == "yes" and m.own and not m.weak]
        if not yes:
            return mentions
        drop = set()
        for d, n in zip(mentions, mentions[1:], strict=False):
            denial = self._words(words, d) in (("no",), ("not",))
            between = words[d.end : n.start]  # "not the wifi of the hotel": a determiner
            if denial and set(between) <= self.noun_determiners and self._plain_no(words, n):
                drop |= {id(d), id(n)}
        return [m for m in mentions if id(m) not in drop] if drop else mentions

    def _other_absent(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """The other option said to be absent ("there's no wifi here", "with no wifi around",
        "without wifi" at the cellular question): "no" after a word that makes it a
        determiner (`absence_openers`), or a word that negates what follows (`absence_words`),
        right before a no of the question's own that names something: a negation of it, as
        "not wifi". "No wifi" alone stays no: a recognizer writes "No, Wi-Fi" so."""
        out = list(mentions)
        for n in mentions:
            if not self._plain_no(words, n):
                continue
            before = n.start
            while before and words[before - 1] in self.noun_determiners:
                before -= 1  # "without the wifi"
            said = words[before - 1] if before else None
            if said in self.absence_words:
                out.append(Mention(NEGATION, before - 1, before))
            elif said == "no" and before > 1 and words[before - 2] in self.absence_openers:
                out = [Mention(NEGATION, m.start, m.end)  # as "not": no determiner's reading
                       if m.start == before - 1 and m.kind == "no" else m for m in out]  # fmt: skip
        return sorted(out, key=lambda m: m.start)

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

    def _said_of_a_verb(
        self, words: list[str], mentions: list[Mention], question: str | None
    ) -> list[Mention]:
        """At a question asking which of two (`which_of_two`: cellular or Wi-Fi?), an
        acknowledgment ("fine", "okay") right after a subject and a word no phrase takes,
        with no answer said ("Websites load fine."): how something goes, which says neither;
        asked again. Where how things go is asked ("Emails are coming in fine." at the
        Safari question) it still answers; "It's fine", "all fine" read as before. English
        only (`understanding.acknowledged_after`)."""
        if question not in self.which_of_two or not self.acknowledged_after:
            return mentions
        covered = {i for m in mentions for i in range(m.start, m.end)}
        if any(m.kind in ANSWERS and not m.deferring for m in mentions):
            return mentions
        out = list(mentions)
        for at, m in enumerate(mentions):
            if not (m.kind == "yes" and m.deferring) or m.start < 2:
                continue
            before = words[m.start - 1]
            if before == BREAK or m.start - 1 in covered or before in self.acknowledged_after:
                continue
            if clause_start(words, m.start) > m.start - 2:
                continue  # a subject and a verb before it: "websites load fine"
            out[at] = Mention(DOUBT, m.start, m.end)
        return out

    def _signed_in_elsewhere(
        self, words: list[str], mentions: list[Mention], question: str | None
    ) -> list[Mention]:
        """Signed in said (`signed_in_states`: "I'm signed in", "logged in"), a yes of the
        grammar, at a question that is not about signing in (`signed_in_questions`): it
        answers another question ("I'm signed in." at Sync this iPhone says nothing of the
        switch): a doubt, asked again (a "yeah" before it too); with an answer after it,
        that answer stands. Without the question it reads as before."""
        if question is None or question in self.signed_in_questions:
            return mentions
        said = [m for m in mentions
                if m.kind == "yes" and self._words(words, m) in self.signed_in_states]  # fmt: skip
        if not said:
            return mentions
        other = any(m.kind in ANSWERS and m.start >= said[-1].end for m in mentions)
        kind = FILLER if other else DOUBT  # "I'm signed in and it's on": the switch's answer
        return [Mention(kind, m.start, m.end) if m in said else m for m in mentions]

    def _none_of_them_do(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A no opened by "no" that names things ("no pages", "no apps"), then right after it a
        yes that is what they do ("load", "work"): "no pages load" says none of them do, so
        the yes is the no's verb, not an answer of its own."""
        verbs = {
            id(b)
            for a, b in zip(mentions, mentions[1:], strict=False)
            if a.kind == "no" and b.kind == "yes" and b.start == a.end
            and a.end - a.start > 1 and words[a.start] == "no"
        }  # fmt: skip
        return [m for m in mentions if id(m) not in verbs] if verbs else mentions

    def _only_some(
        self, words: list[str], mentions: list[Mention], question: str | None
    ) -> list[Mention]:
        """A limit opening its clause before a yes, naming something the question does not
        ("only google loads, nothing else"): some of it, asked again. "Only Optimize is
        checked" names the question's own thing and stands."""
        own = self.by_question.get(question or "", {})
        named = {p[0] for p in own if len(p) == 1}  # "optimize", not "google" of "google page"
        doubts = []
        for m in mentions:
            if m.kind != LIMIT or clause_start(words, m.start) != m.start:
                continue
            end = clause_end(words, m.end)
            answer = next((n for n in mentions if n.kind == "yes" and m.end <= n.start < end), None)
            if answer is None:
                continue
            between = set(words[m.end : answer.start]) - named - self.noun_determiners
            denied = any(n.kind == NEGATION and m.end <= n.start < answer.start for n in mentions)
            if between and not denied:  # "only the photos app won't sync" is no
                doubts.append(Mention(DOUBT, m.start, m.start))
        return sorted([*mentions, *doubts], key=lambda x: x.start) if doubts else mentions

    def _partial_subject(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A part opening a clause as its subject, an answer after it in the clause ("some
        pages load and some don't", "a few photos have come through"): only part, so doubt
        (two readings, asked again)."""
        doubts = []
        for m in mentions:
            if m.kind not in ("yes", "no"):
                continue
            start = clause_start(words, m.start)
            if any(
                tuple(words[start : start + len(p)]) == p and start + len(p) <= m.start
                for p in self.partial_subjects
            ):
                doubts.append(Mention(DOUBT, start, start))
        return sorted([*mentions, *doubts], key=lambda x: x.start) if doubts else mentions

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

    def _screen_error(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, an error the screen shows, reported ("it says incorrect password",
        "error: invalid code", "it keeps telling me verification failed") or said of a thing
        ("wrong password"): trouble with the step, not the no of its words: help across its
        span (the lead's decision after round twenty; the sets labelled it both ways, and the
        rules asked again), beside a command said with it."""
        reports = _spans(words, self.screen_reports)
        errors = [(start, end) for start, end in _spans(words, self.error_words)
                  if any(r_end <= start for _, r_end in reports)
                  or self._said_of_the_next(words, mentions, start, end)]  # fmt: skip
        if not errors:
            return mentions

        def overlaps(m: Mention) -> bool:
            return any(m.start < end and m.end > start for start, end in errors)

        kept = [m for m in mentions if not (m.kind in ANSWERS and overlaps(m))]
        trouble = [self._error_shown(words, reports, start, end, kept) for start, end in errors
                   if not any(m.start < end and m.end > start for m in kept)]  # fmt: skip
        return sorted([*kept, *trouble], key=lambda m: m.start)

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

    def _said_of_the_next(
        self, words: list[str], mentions: list[Mention], start: int, end: int
    ) -> bool:
        """Words said of the word after them, which no phrase takes ("wrong password"); not
        after a verb ("it has failed again": "failed" is what happened)."""
        verb = start and words[start - 1] in self.copulas | self.auxiliaries
        named = end < len(words) and words[end] != BREAK
        return named and not verb and not any(m.start <= end < m.end for m in mentions)

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

    def _no_as_not(self, words: list[str], mentions: list[Mention]) -> list[str] | None:
        """ "No" between a subject's copula and the question's own state ("it's no on",
        "they're no syncing": Scots and Irish "not"): the words with "not" for it; None when
        there is none. Not after "there is" ("there's no wifi": `absence_openers`)."""
        states = {m.start for m in mentions if m.own and m.kind == "yes"}
        for i in range(2, len(words) - 1):
            if (
                words[i] == "no"
                and i + 1 in states
                and words[i - 1] in self.copulas
                and words[i - 2] in self.no_as_not
                and clause_start(words, i) == i - 2
            ):
                return [*words[:i], "not", *words[i + 1 :]]
        return None

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

    def _theirs_beside_mine(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Another person's thing (`others_things`) and the speaker's own (`own_things`), each
        opening a part of the utterance (parts split by a break or a contrast: "His is off but
        mine's on."): the other's answers are not the speaker's, no answer (doubt); "mine"
        answers alone, and with no answer of its own is asked again (`_compared_with_mine`)."""
        if not self.others_things or not self.own_things:
            return mentions
        cuts = sorted({0, *(i + 1 for i, w in enumerate(words) if w == BREAK),
                       *(m.end for m in mentions if m.kind == CONTRAST)})  # fmt: skip
        skip = {i for m in mentions if m.kind in (CONTRAST, FILLER) for i in range(m.start, m.end)}
        parts = []
        for start, end in zip(cuts, [*cuts[1:], len(words)], strict=False):
            first = next(
                (i for i in range(start, end) if i not in skip and words[i] != BREAK), None
            )
            if first is not None:
                parts.append((words[first], start, end))
        if not any(w in self.own_things for w, _, _ in parts):
            return mentions
        theirs = [(start, end) for w, start, end in parts if w in self.others_things]
        if not theirs:
            return mentions
        return [Mention(FILLER, m.start, m.end)
                if m.kind in ANSWERS and any(s <= m.start < e for s, e in theirs) else m
                for m in mentions]  # fmt: skip

    def _compared_with_mine(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A clause opened by the speaker's thing as a pronoun, with no answer of its own
        ("her phone says it's full, mine isn't"): said against what came before, whose
        answer was of another thing: asked again."""
        linking = {i for m in mentions if m.kind in (CONTRAST, FILLER)
                   for i in range(m.start, m.end)}  # fmt: skip  # "but mine isn't"
        opened = [i for i, w in enumerate(words) if w in self.own_things
                  and set(range(clause_start(words, i), i)) <= linking]  # fmt: skip
        doubts = [Mention(DOUBT, i, i + 1) for i in opened if not any(
            m.kind in ANSWERS and i <= m.start < clause_end(words, i) for m in mentions
        )]  # fmt: skip
        return sorted([*mentions, *doubts], key=lambda m: m.start) if doubts else mentions

    def _screen_labels(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """A command that the screen shows, in its report's clause or in the quotes right after
        it ("there's a button that says skip", 'it says "Resume" on the button', 'it shows
        "Cancel" and "OK"'): a label read out, not a command given. Answers stay: what the
        screen shows of a state answers ('it says "On"'). Labels joined by `label_joiners`
        ('saying "Cancel" or "Continue"') are all shown; a navigation button's answer word
        shown with a place after it (`navigation_buttons`, `button_places`: 'it says "Done" at
        the top') is the button, asked again (the lead's decision after round twenty); and a
        command right after a verb of
        pressing (`pressing_verbs`: 'I pressed "Back" by mistake') is the button pressed (an
        answer pressed stays: 'I pressed "Not Now"' is no at the install)."""
        reach = []
        for m in mentions:
            if m.kind != NARRATION or self._words(words, m)[-1:] not in self.screen_reports:
                continue
            end = clause_end(words, m.end)
            end = clause_end(words, end + 1) if end == m.end else end
            while (nxt := clause_end(words, end + 1)) > end + 1 and tuple(
                words[end + 1 : nxt]
            ) in self.label_joiners:  # 'saying "Cancel" or "Continue"': the next label too
                end = clause_end(words, nxt + 1)
            reach.append((m.end, end))

        def shown(m: Mention) -> bool:
            return any(start <= m.start < end for start, end in reach)

        def pressed(m: Mention) -> bool:  # 'I pressed "Back"': the button, pressed on the phone
            before = [w for w in words[: m.start] if w != BREAK][-1:]
            return shown(m) or (bool(before) and before[0] in self.pressing_verbs)

        def offered(m: Mention) -> bool:  # 'the popup says "Not Now"'
            return m.kind in ANSWERS and self._words(words, m) in self.screen_replies

        def placed(m: Mention) -> bool:  # 'it says "Done" at the top': the button there
            after = [w for w in words[m.end :] if w != BREAK]
            return (m.kind in ANSWERS and self._words(words, m) in self.navigation_buttons
                    and any(tuple(after[: len(p)]) == p for p in self.button_places))  # fmt: skip

        mentions = [Mention(DOUBT, m.start, m.end) if (offered(m) or placed(m)) and shown(m)
                    else m for m in mentions]  # fmt: skip
        return _cancelled(mentions, pressed)

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
        return mentions

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

    def declines(self, text: str, question: str | None) -> bool:
        """At an action, the no was a refusal ("I'd rather not"), not "not yet": the dialog
        offers to skip the step instead of waiting."""
        return (
            question in self.amounts.actions
            and (self._refusal(self.tokens(text)) or (0, 0, 0, False))[3]
            and self.parse(text, question) == "no"
        )

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

    def _another_device(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, the step done to another device, named at the end of its clause
        right after the doing or after "on"/"for" (`other_devices`, `device_links`: "I
        turned it on on my iPad.", "I updated my watch.", "Plugged in my headphones."): not
        this iPhone's step; asked again. Not a device naming another thing ("I deleted the
        old iPad backup"), nor a device the iPhone is plugged into ("into my Mac")."""
        if not self.other_devices:
            return mentions
        said = {i for m in mentions for i in range(m.start, m.end)}
        doubted = set()
        for m in mentions:
            if m.kind != "yes":
                continue
            end = clause_end(words, m.end)
            for d in range(m.end, end):
                if words[d] not in self.other_devices or (d + 1 < end and words[d + 1] != BREAK):
                    continue
                link = next((i for i in range(d - 1, m.end - 1, -1)
                             if words[i] in self.device_links), m.end - 1)  # fmt: skip
                between = range(link + 1, d)
                bare = link >= m.end or all(
                    words[i] in self.noun_determiners | self.device_modifiers for i in between
                )
                if bare and len(between) <= 2 and not any(i in said for i in between):
                    doubted.add(id(m))
        if not doubted:
            return mentions
        return [Mention(DOUBT, m.start, m.end) if id(m) in doubted else m for m in mentions]

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
                       or (start <= m.start and m.end <= g)]  # fmt: skip
            if len(allowed) != len(mentions) or any(start <= m.start < g for m in waits):
                continue
            kept = [m for m in mentions if m.kind == FILLER]
            return sorted([*kept, Mention("no", g, g + 1)], key=lambda m: m.start)
        return mentions

    def _helper_subject(self, words: list[str], start: int) -> int:
        """How many words at `start` name a helper (`helpers`, maybe after "my", "our", "the")
        as the subject of "is"/"are" ("grandad is", "my son is", "the kids are"), 0 if none."""
        at = start + (start < len(words) and words[start] in {"my", "our", "the"})
        if at + 1 < len(words) and words[at] in self.helpers and words[at + 1] in {"is", "are"}:
            return at + 2 - start
        return 0

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
        waits = [m for m in mentions if _is_wait(m)]
        if not waits or any(m.kind != FILLER and not _is_wait(m) and m.kind not in ANSWERS
                            for m in mentions):  # fmt: skip
            return False
        covered = {i for m in waits for i in range(m.start, m.end)}
        rest = [w for i, w in enumerate(words) if i not in covered and w != BREAK]
        while rest and rest[0] in self.busy_adverbs:
            rest = rest[1:]
        ends = {*self.attached.progressive, self.attached.under_way}
        if not rest or rest[-1] not in ends or not set(rest[:-1]) <= self.phone_processes:
            return False  # "백업 지우는 중이에요": the speaker deleting, read as before
        inside = [i for i, w in enumerate(words) if i not in covered and w != BREAK]
        apart = min(inside) > max(covered) or max(inside) < min(covered)  # before or after
        return apart and not set(rest) & self.negation_words

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

    def _only_it_happens(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Where the verb ends the clause, an answer whose last word is said with 만 (only:
        `understanding.only_marks`) right before a bare "it works" (되: "로딩만 돼요", only
        loading happens; "와이파이만 돼요"): the verb is the thing's, the thing answers, no
        yes of its own (round seventeen; 로딩만 돼요 was asked again)."""
        if not self.verb_last or not self.only_marks:
            return mentions
        drop = {
            id(m)
            for before, m in zip(mentions, mentions[1:], strict=False)
            if before.kind in ANSWERS
            and before.end == m.start
            and words[before.end - 1].endswith(self.only_marks)
            and m.kind == "yes"
            and m.end - m.start == 1
            and words[m.start] in self.only_verbs
        }
        return [m for m in mentions if id(m) not in drop] if drop else mentions

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

    def _asked_back(self, text: str) -> bool:
        """One word of `asked_back` alone, asked with a question mark ("네?", "뭐요?")."""
        if not self.asked_back:
            return False
        asked: list[bool] = []
        said = [w for w in normalization.tokens(text, asked) if w != BREAK]
        return any(asked) and len(said) == 1 and said[0] in self.asked_back

    @staticmethod
    def _said_of_the_amount(
        words: list[str], mentions: list[Mention], amount: Mention
    ) -> list[Mention]:
        """An amount of storage with no reading (amounts: no whole said, "200 GB free") and a
        weak yes in its clause ("I have", "it is", "있어요"): the yes only carries the amount,
        no answer of its own: without it the clause says nothing sure, asked again (read as
        yes, "I have 200 GB free" was "the storage is full")."""
        clause = clause_start(words, amount.start), clause_end(words, amount.end)
        return [m for m in mentions if not (
            m.kind == "yes" and m.weak
            and clause_start(words, m.start) == clause[0] and clause_end(words, m.end) == clause[1]
        )]  # fmt: skip

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

    def _all_of_it_done(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, a doubt naming every option ("둘 다": both, `every_option`) says
        all of it was done ("켰어 둘 다": turned on, both), no doubt of its own."""
        every = self.every_option
        return [m for m in mentions if not (m.kind == DOUBT and self._words(words, m) in every)]

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

    def _state_denied(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Where the verb ends the clause (`understanding.verb_last`), at a question (not an
        action), a verb's own negation said right after a state the question names ("꺼져
        있지 않아요": is not off) is its opposite, yes, as "안 꺼져 있어요" is; not a negation
        that is an answer alone ("최신 버전 아니에요"), nor at an action, where a no is
        what is not done yet, not a state ("원본 두고 싶지 않아요" is no "done")."""
        if not self.verb_last:
            return mentions
        out: list[Mention] = []
        for m in mentions:
            before = out[-1] if out else None
            if (
                before is not None
                and m.kind == NEGATION
                and m.trailing
                and m.fallback != "no"
                and before.kind == "no"
                and before.own
                and before.end == m.start
                and before.end - before.start > 1
                and not (before.negates or before.reaches_on or before.determiner)
            ):
                out[-1] = replace(before, kind="yes", end=m.end)
                continue
            out.append(m)
        return out

    def _no_named_then_negated(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Where the verb ends the clause, at a question, a one-word no the question names (a
        thing: "와이파이" at "cellular instead of Wi-Fi?") and right after it a negated verb
        ("와이파이도 안 돼요": Wi-Fi does not work either; "와이파이 안 써요": not Wi-Fi): the
        thing named is then denied, which reads as neither answer for sure: doubt, asked
        again (round seventeen; both read no, a flip for the second)."""
        if not self.verb_last:
            return mentions
        out: list[Mention] = []
        index = 0
        while index < len(mentions):
            m, after = mentions[index], mentions[index + 1 : index + 3]
            denied = (
                m.kind == "no"
                and m.own
                and m.end - m.start == 1
                and after
                and after[0].start == m.end
                and words[m.end] in self.negation_words
            )
            if denied and after[0].kind == "no":
                out.append(Mention(DOUBT, m.start, after[0].end))  # 와이파이도 안 돼요
                index += 2
                continue
            if (
                denied
                and after[0].kind == NEGATION
                and len(after) > 1
                and (after[1].kind in ANSWERS and after[1].start == after[0].end)
            ):
                out.append(Mention(DOUBT, m.start, after[1].end))  # 와이파이 안 써요
                index += 3
                continue
            out.append(m)
            index += 1
        return out

    def _weak_after_unknown(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Where the verb ends the clause (`understanding.verb_last`), a weak yes ("있어요":
        there is, "돼 있어요": is set) right after a word not understood is said of that word
        ("충전기 있어요", "할 수 있어요"): no answer. After a negation it stays ("체크가 안 돼
        있어요" is no). (English reads the words after it.) So is a verb of
        `said_of_subject` ("전화 왔어요": a call came, not "I'm back"). A word in a place's
        ending (`place_endings`: "아이패드에 보여요") is where, not what: the verb stays."""
        if not self.verb_last:
            return mentions
        covered = {i for m in mentions for i in range(m.start, m.end)}
        return [m for m in mentions if not (
            (m.weak or self._words(words, m) in self.said_of_subject)
            and m.start > 0 and words[m.start - 1] != BREAK
            and m.start - 1 not in covered
            and not words[m.start - 1].endswith(self.place_endings))]  # fmt: skip

    def _a_label(self, words: list[str], mention: Mention) -> bool:
        """A command's words right before a word naming a control (`control_words`: "다시
        시작 버튼", "뒤로 가기 버튼", "the back button"): the control's label, said of it, no
        command; so is a reply a screen offers ('a "Not Now" button': `screen_replies`), and
        any answer word not the question's own ('a "Done" button'). The question's own phrase
        says what is there ("there's a Download and Install button": an update)."""
        offered = self._words(words, mention) in self.screen_replies
        after = [w for w in words[mention.end : mention.end + 2] if w != BREAK]  # a quote's end
        return (
            bool(self.control_words)
            and mention.kind in INTENTS
            and (mention.kind not in ANSWERS or offered or not mention.own)
            and after != []
            and after[0].startswith(tuple(self.control_words))  # 메뉴만
        )

    def _a_state(self, words: list[str], mention: Mention) -> bool:
        """A command's words right after "is", "are" ("the router is back up", "it's on
        hold") say how something is, not what to do: for the commands whose words also
        name a state (`understanding.stative_commands`; not "you're too fast")."""
        return (
            mention.kind in self.stative
            and mention.start > 0
            and words[mention.start - 1] in self.copulas
        )

    def _a_place(self, words: list[str], mention: Mention, said: set[int]) -> bool:
        """A state's word that is also a preposition, after a copula, then a determiner and a
        thing not understood ("it's on the progress bar", "it's on the settings page"): where
        something is, not how the switch is (`understanding.place_words`). A thing understood
        stays the answer's ("it's on the other one", "on the home screen")."""
        last = mention.end - 1
        after = mention.end
        if self._in_the_subject(words, mention, said):
            return True
        return (
            mention.kind in ("yes", "no")
            and words[last] in self.place_words
            and last > 0
            and words[last - 1] in self.copulas
            and after + 1 < len(words)
            and words[after] in self.noun_determiners
            and words[after + 1] != BREAK
            and after + 1 not in said
        )  # fmt: skip

    def _in_the_subject(self, words: list[str], mention: Mention, said: set[int]) -> bool:
        """A place word alone between two things not understood, then a copula opening the
        state said of them ("Mobile data on Photos is off"), or between a thing understood
        and "it" ending the clause ("the apple logo on it"): a preposition, not the switch's
        state. Not after a pronoun or a copula ("it on", "is on")."""
        at = mention.start
        if mention.kind not in ("yes", "no") or mention.end - at != 1:
            return False
        if words[at] not in self.place_words or at == 0:
            return False
        if words[at - 1] in self.pronouns | self.copulas or words[at - 1] == BREAK:
            return False
        if at - 1 in said and words[at + 1 : at + 3] in (["it"], ["it", BREAK]):
            return True  # "it's still got the apple logo on it": where the logo is
        if at - 1 in said:
            return False
        for gap in (1, 2):
            verb = at + 1 + gap
            things = range(at + 1, verb)
            if (
                verb < len(words)
                and words[verb] in self.copulas
                and not any(i in said or words[i] == BREAK for i in things)
            ):
                return verb in said
        return False

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

    def _negated_after_doing(self, words: list[str], mentions: list[Mention]) -> Mention | None:
        """At an action, a no opened by a negation in a clause after the yes ("did all
        that, nothing loads"): how things are after what was done."""
        for index, m in enumerate(mentions):
            if m.kind not in ("no", NEGATION) or words[m.start] not in self.negation_words:
                continue
            if m.kind == NEGATION and not self._negates_nothing_said(words, mentions, index):
                continue
            done = [d for d in mentions[:index] if d.kind == "yes" and not d.weak]
            if done and BREAK in words[done[-1].end : m.start]:
                return m
        return None

    def _negates_nothing_said(self, words: list[str], mentions: list[Mention], index: int) -> bool:
        """A negation opening its clause over words not understood, with no answer of its own
        in that clause ("nothing loads", "nothing shows up"): a negated state."""
        m = mentions[index]
        if m.start > 0 and words[m.start - 1] != BREAK:
            return False
        end = clause_end(words, m.end)
        if end == m.end:
            return False  # "done, nothing": a bare negation is left to the rules
        return not any(n.start < end for n in mentions[index + 1 :])

    def _outlasted(
        self, words: list[str], mentions: list[Mention], at_action: bool = False
    ) -> list[Mention]:
        """Without the yeses before a no that says what outlasted them ("did it, still not
        working"; "router restarted still offline"), or at an action before a negated state
        in a later clause ("did all that, nothing loads"): what was done is not how things
        are."""
        later = next(
            (m for m in reversed(mentions)
             if m.kind in ("no", CORRECTION) and words[m.start] in self.outlasting),
            None,
        ) or (self._negated_after_doing(words, mentions) if at_action else None)  # fmt: skip
        if later is None:
            return mentions
        if later.kind == NEGATION:  # "did all that, nothing loads": the negated state is no
            negated = replace(later, kind="no", fallback=None)
            mentions = [negated if m is later else m for m in mentions]
            later = negated
        rest = [m for m in mentions if m.start > later.start]
        if later.kind == CORRECTION and not any(m.kind == "no" for m in rest):
            return mentions
        return [m for m in mentions if not (m.kind == "yes" and m.end <= later.start)]

    def _ceased_midway(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """At an action, with doubt where a negating verb ("stopped", "failed to": a negation
        that is not plain) comes right before a no of the question's own ("I stopped halfway
        through"): the step broke off, not a state negated into its opposite (a double negative
        would read it yes); done or not, or trouble? Not worth a guess."""
        if not self.plain_negations:
            return mentions
        doubts = [
            Mention(DOUBT, n.start, n.start)
            for n, then in zip(mentions, mentions[1:], strict=False)
            if n.kind == NEGATION and then.kind == "no" and then.own and then.start == n.end
            and self._words(words, n) not in self.plain_negations
            and not set(self._words(words, n)) & {w for p in self.plain_negations for w in p}
        ]  # fmt: skip
        return sorted([*mentions, *doubts], key=lambda m: m.start) if doubts else mentions

    def _negated_twice(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """With doubt where one plain negation follows another in its clause ("it isn't not
        on", "I never didn't sign in"; `understanding.plain_negations`): a double negative is
        not worth a guess (the second alone would turn the answer: it was read as no). Not
        degrees ("not nearly full", "almost no space": those are read as before)."""
        plain = [
            m
            for m in mentions
            if m.kind == NEGATION and self._words(words, m) in self.plain_negations
        ]
        doubts = [
            Mention(DOUBT, b.start, b.start)
            for a, b in zip(plain, plain[1:], strict=False)
            if BREAK not in words[a.end : b.start]
            and b.start - a.end <= interpretation.NEGATION_REACH_WORDS
        ]  # fmt: skip
        return sorted([*mentions, *doubts], key=lambda m: m.start) if doubts else mentions

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

    def _negation_stressed(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """Where the verb ends the clause, a negation word right before another (전혀 안
        돼요, 전혀 안 바뀌었슈: not at all): Korean puts one negation before its verb, so the
        first stresses the second, no negation of its own (round seventeen; both were asked
        again, the negation of a no)."""
        if not self.verb_last:
            return mentions
        return [m for m in mentions if not (
            m.kind == NEGATION
            and m.end < len(words)
            and words[m.end] in self.negation_words
            and words[m.start] != words[m.end])]  # fmt: skip

    def _maybe_negated(self, words: list[str], mentions: list[Mention]) -> list[Mention]:
        """With doubt where a word the vocabulary does not know, one letter from a negation
        ("nit", "nto", "nver"), stands right before a yes: a mistyped "not" would flip it,
        so it is asked again rather than read either way."""
        starts = {m.start: m for m in mentions}
        covered = {i for m in mentions for i in range(m.start, m.end)}
        doubts = [
            Mention(DOUBT, i, i + 1)
            for i, word in enumerate(words[:-1])
            if i not in covered
            and (after := starts.get(i + 1)) is not None
            and after.kind == "yes"
            and self.spelling.near_negation(word)
        ]
        return sorted([*mentions, *doubts], key=lambda m: m.start) if doubts else mentions

    def _mentions(self, words: list[str], question: str | None) -> list[Mention]:
        """The phrases found, in the order said: the reading with the longest phrases (words
        understood minus phrases used), then the most words, then the fewest meanings ("let's |
        begin again", not "let's begin | again"; "that | did not help", not "... | help")."""
        own = self.by_question.get(question or "", {})
        # best[i]: (words - phrases, words, -meanings) and the phrases, for words[i:]
        best: list[tuple[tuple[int, int, int], list[Mention]]] = [((0, 0, 0), [])] * (
            len(words) + 1
        )
        for start in range(len(words) - 1, -1, -1):
            best[start] = best[start + 1]
            for end in range(start + 1, min(start + self.longest_phrase, len(words)) + 1):
                mine = own.get(tuple(words[start:end]))
                meaning = mine or self.general.get(tuple(words[start:end]))
                if meaning is None:
                    continue
                (gain, covered, meanings), rest = best[end]
                length = end - start
                score = (gain + length - 1, covered + length, meanings - (meaning.kind != FILLER))
                if score > best[start][0]:
                    found = replace(meaning, start=start, end=end, own=mine is not None)
                    best[start] = (score, [found, *rest])
        return best[0][1]


class _TableBuilder:
    """Builds the phrase tables of one language file."""

    def __init__(
        self,
        path: Path,
        contractions: Contractions,
        rules: dict[Any, Any],
        attached: AttachedWords | None = None,
    ) -> None:
        self.path = path
        self.contractions = contractions
        self.attached = attached
        self.rules = rules
        self.negations = {self.words(p) for p in self.strings("negations")}
        self.weak_yes = [self.words(p) for p in self.strings("weak_yes")]
        self.determiners = {self.words(p) for p in self.strings("determiners")}

    def words(self, phrase: str) -> tuple[str, ...]:
        found = self.contractions.expand(normalize(phrase))
        return tuple(self.attached.read(found) if self.attached else found)

    def strings(self, key: str) -> list[str]:
        return _strings(self.path, self.rules.get(key), f"understanding.{key}")

    def word_set(self, key: str) -> frozenset[str]:
        """Every word of the phrases of `understanding.<key>`, as matched."""
        return frozenset(w for p in self.strings(key) for w in self.words(p))

    def amounts(self) -> Amounts:
        """How shares said in numbers answer ("98% used"), from `understanding.amounts`."""
        key = "understanding.amounts"
        raw = _mapping(self.path, self.rules.get("amounts"), key)

        def words(name: str) -> frozenset[str]:
            phrases = _strings(self.path, raw.get(name), f"{key}.{name}")
            return frozenset(w for p in phrases for w in self.words(p))

        try:
            limits = {k: float(raw[k]) / 100 for k in ("yes_from", "no_up_to") if k in raw}
        except (TypeError, ValueError):
            raise PromptError(self.path, key, "yes_from and no_up_to are percentages") from None
        questions = frozenset(_strings(self.path, raw.get("questions"), f"{key}.questions"))

        def phrases(name: str) -> tuple[tuple[str, ...], ...]:
            """Longest first: "not a lot" before "a lot"."""
            found = {self.words(p) for p in _strings(self.path, raw.get(name), f"{key}.{name}")}
            return tuple(sorted(found, key=len, reverse=True))

        def values(name: str) -> dict[str, float]:
            raw_values = _mapping(self.path, raw.get(name), f"{key}.{name}")
            try:
                return {str(w): float(n) for w, n in raw_values.items()}
            except (TypeError, ValueError):
                raise PromptError(self.path, f"{key}.{name}", "word: number") from None

        def bounds_after() -> dict[str, str]:
            raw_bounds = _mapping(self.path, raw.get("bounds_after"), f"{key}.bounds_after")
            if not set(raw_bounds) <= {"at_least", "at_most"}:
                raise PromptError(self.path, f"{key}.bounds_after", "at_least or at_most")
            return {
                w: kind
                for kind, said in raw_bounds.items()
                for p in _strings(self.path, said, f"{key}.bounds_after.{kind}")
                for w in self.words(p)
            }

        # Units as read ("기가" -> 기, a particle off) and as written onto a number ("5기가").
        units = words("units") | {w for p in _strings(self.path, raw.get("units"), key)
                                  for w in normalization.normalize(p)}  # fmt: skip
        return Amounts(
            questions, words("percent"), words("of"), words("free"), units,
            values("numbers"), words("point"), words("one"), values("fractions"),
            words("filled"), words("at_least"), words("at_most"), **limits,
            progress=words("progress"), progress_at=words("progress_at"), about=words("about"),
            levels=words("levels"), of_whole_first=words("of_whole_first"),
            few=phrases("few"), many=phrases("many"),
            syllable_numbers=values("syllable_numbers"),
            fraction_of=tuple(_strings(self.path, raw.get("fraction_of"), f"{key}.fraction_of")),
            unit_particles=tuple(sorted(_strings(self.path, raw.get("unit_particles"),
                                                 f"{key}.unit_particles"), key=len, reverse=True)),
            bounds_after=bounds_after(),
            actions=frozenset(),
        )  # fmt: skip

    def meaning(self, intent: str, phrase: tuple[str, ...]) -> Mention:
        negates = intent == "no" and any(phrase[-len(n) :] == n for n in self.negations)
        inside = (
            intent == "no"
            and not negates
            and any(phrase[i : i + len(n)] == n for n in self.negations for i in range(len(phrase)))
        )
        determiner = intent == "no" and phrase in self.determiners
        concord = (
            intent == "no"
            and any(  # "no update": "I don't see no update" is no
                len(phrase) > len(d) and phrase[: len(d)] == d for d in self.determiners
            )
        )
        return Mention(intent, 0, 0, negates=negates, determiner=determiner, reaches_on=inside,
                       concord=concord)  # fmt: skip

    def general(self, sections: dict[str, dict[str, list[str]]]) -> Table:
        """Every phrase of these sections (name -> intent -> phrases) and of the rules."""
        # "i am not" is left to the rules (weak yes + negation), which also read "I am not
        # sure" (doubt) and "I am not signed in" (negated yes) right; as one phrase it would not.
        derived = {w + n for w in self.weak_yes for n in self.negations}
        table: Table = {}
        for name, lists in sections.items():
            for intent, phrases in lists.items():
                for phrase in map(self.words, phrases):
                    if phrase not in derived:
                        meaning = self.meaning(intent, phrase)
                        _add(table, phrase, meaning, self.path, f"{name}.{intent}")
        for phrase in map(self.words, self.strings("only_alone")):
            if phrase in table:  # "a second": a command only when the clause says no more
                table[phrase] = replace(table[phrase], alone_only=True)
        for phrase in self.weak_yes:
            table[phrase] = Mention("yes", 0, 0, weak=True)
        for phrase in map(self.words, self.strings("acknowledgments")):
            table[phrase] = Mention("yes", 0, 0, deferring=True)
        for key, kind in _WORD_CLASSES.items():
            for phrase in map(self.words, self.strings(key)):
                _add(table, phrase, Mention(kind, 0, 0), self.path, f"understanding.{key}")
        for key, asks in (
            ("questions", HELP),
            ("yes_no_questions", None),
            ("question_words", None),
        ):
            for phrase in map(self.words, self.strings(key)):
                meaning = Mention(QUESTION, 0, 0, fallback=asks, anywhere=key == "question_words")
                _add(table, phrase, meaning, self.path, f"understanding.{key}")
        asking = [self.words(p) for p in self.strings("asking_what")]  # "what is"
        not_knowing = [self.words(p) for p in self.strings("not_knowing_what")]
        endings = [self.words(p) for p in self.strings("term_endings")]  # "... wifi is"
        for term in map(self.words, self.strings("step_terms")):  # "what is safari?"
            for opening in asking:
                _add(table, opening + term, Mention(QUESTION, 0, 0, fallback=HELP),
                     self.path, "understanding.step_terms")  # fmt: skip
            for opening in not_knowing:
                for ending in endings:
                    _add(table, opening + term + ending, Mention(HELP, 0, 0),
                         self.path, "understanding.step_terms")  # fmt: skip
        for phrase in map(self.words, self.strings("trailing_negations")):  # Korean 않아요
            alone = table.get(phrase)  # "아니에요" alone is no
            table[phrase] = Mention(NEGATION, 0, 0, trailing=True,
                                    fallback=alone.kind if alone else None)  # fmt: skip
        for phrase in map(self.words, self.strings("moving_on")):  # "done, next"
            if phrase in table:
                table[phrase] = replace(table[phrase], moving_on=True)
        for phrase in map(self.words, self.strings("next_after_yes")):  # "done, now what?"
            if phrase in table:
                table[phrase] = replace(table[phrase], moving_on=True, after_yes=True)
        for phrase in map(self.words, self.strings("requests")):  # "can you repeat the steps"
            asked = table.get(phrase, Mention(FILLER, 0, 0))
            table[phrase] = replace(asked, request=True)
        for key, kind in _WORDS_WITH_FALLBACK.items():
            for phrase in map(self.words, self.strings(key)):
                alone = table.get(phrase)  # "wait" alone is pause, "nothing" alone is no
                table[phrase] = Mention(kind, 0, 0, fallback=alone.kind if alone else None)
        return table

    def for_question(self, own: dict[str, list[str]]) -> Table:
        table: Table = {}
        subjects = [self.words(p) for p in self.strings("state_subjects")]
        for intent, phrases in own.items():
            table.update({w: self.meaning(intent, w) for w in map(self.words, phrases)})
        # A state said of the thing by its name: "cellular data is on" as "it is on".
        for phrase, meaning in list(table.items()):
            for subject in subjects:
                rest = phrase[len(subject) :]
                if phrase[: len(subject)] == subject and len(rest) > 1 and rest not in table:
                    table[rest] = meaning
        return table


def _actions(prompts_dir: Path) -> frozenset[str]:
    """The ids of the flow's actions, where something is under way (none without a flow)."""
    if not (prompts_dir / "flow.yaml").is_file():
        return frozenset()
    flow = Flow.load(prompts_dir)
    return frozenset(n for n in flow.node_ids if flow.is_action(n))


def _is_wait(m: Mention) -> bool:
    """A wait: a pause, or a correction read as one when nothing follows it ("잠깐만요")."""
    return m.kind == "pause" or (m.kind == CORRECTION and m.fallback == "pause")


def _cancelled(mentions: list[Mention], where: Callable[[Mention], bool]) -> list[Mention]:
    """The commands (not answers, not help) for which `where` holds, cancelled: their words
    said, no command given."""
    return [replace(m, kind=CANCELLED)
            if m.kind in INTENTS and m.kind not in (*ANSWERS, "help") and where(m) else m
            for m in mentions]  # fmt: skip


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


def _words_after_negation(tables: Iterable[Table], verbs: Iterable[str]) -> frozenset[str]:
    """The words right after one of `verbs` and "not" in any phrase ("do not know": know)."""
    pairs = {(verb, "not") for verb in verbs}
    return frozenset(
        p[i + 2] for t in tables for p in t for i in range(len(p) - 2) if p[i : i + 2] in pairs
    )


def _plain(lists: dict[str, list[str]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """intent -> phrases as normalized words, contractions kept (as a recognizer hears them)."""
    return {i: tuple(tuple(normalize(p)) for p in ps) for i, ps in lists.items()}


def _add(table: Table, phrase: tuple[str, ...], meaning: Mention, path: Path, key: str) -> None:
    known = table.get(phrase)
    if known is not None and known.kind != meaning.kind:
        raise PromptError(path, key, f'"{" ".join(phrase)}" already means {known.kind}')
    if phrase:
        table[phrase] = meaning


def _mapping(path: Path, raw: Any, key: str) -> dict[Any, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise PromptError(path, key, "not a mapping")
    return raw


def _strings(path: Path, raw: Any, key: str) -> list[str]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(p, str) for p in raw):
        raise PromptError(path, key, "not a list of phrases")
    return raw


def _intent_lists(path: Path, raw: Any, key: str, required: bool = False) -> dict[str, list[str]]:
    """intent -> phrases, every key an intent; with required, every intent non-empty."""
    if raw is None and not required:
        return {}
    if not isinstance(raw, dict):
        raise PromptError(path, key, "missing or not a mapping of intent to phrases")
    for intent in raw:
        if intent not in INTENTS:
            raise PromptError(path, f"{key}.{intent}", "not an intent of flow.md")
    lists = {i: _strings(path, raw[i], f"{key}.{i}") for i in INTENTS if i in raw}
    if required:
        for intent in INTENTS:
            if not lists.get(intent):
                raise PromptError(path, f"{key}.{intent}", "missing or empty phrase list")
    return lists
