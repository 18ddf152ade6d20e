"""The vocabulary of one language and the parse: utterance text -> one canonical intent.

`Vocabulary.load` reads prompts/<lang>.yaml into the tables; `parse` finds the phrases, runs
the rules of each phenomenon (the mixins) in order over them, and lets interpretation.py
decide; safety.py's gate asks again where the reading is uncertain.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from assistant.conversation import attached_words, interpretation, normalization, safety
from assistant.conversation.interpretation import FILLER, ContrastSides, Mention
from assistant.conversation.normalization import BREAK, Contractions, Spelling
from assistant.conversation.prompt_files import PromptError, load_yaml
from assistant.conversation.understanding.answers_confirmed import AnswersConfirmed
from assistant.conversation.understanding.answers_set_aside import AnswersSetAside
from assistant.conversation.understanding.commands_in_sentences import CommandsInSentences
from assistant.conversation.understanding.help_asked import HelpAsked
from assistant.conversation.understanding.intents import (
    ANSWERS,
    INTENTS,
    SILENCE,
    START_QUESTION,
    UNKNOWN,
)
from assistant.conversation.understanding.negation import Negation
from assistant.conversation.understanding.not_yet import NotYet
from assistant.conversation.understanding.other_things import OtherThings
from assistant.conversation.understanding.part_or_all import PartOrAll
from assistant.conversation.understanding.questions_back import QuestionsBack
from assistant.conversation.understanding.screen_readings import ScreenReadings
from assistant.conversation.understanding.tables import (
    LANGUAGE_DATA_SECTIONS,
    Table,
    _actions,
    _intent_lists,
    _mapping,
    _plain,
    _TableBuilder,
    _words_after_negation,
)
from assistant.conversation.understanding.trouble_reported import TroubleReported
from assistant.conversation.understanding.word_forms import WordForms
from assistant.conversation.understanding.words_said_of_others import WordsSaidOfOthers
from assistant.paths import PROMPTS_DIR


class Vocabulary(
    WordForms,
    HelpAsked,
    QuestionsBack,
    AnswersSetAside,
    Negation,
    NotYet,
    TroubleReported,
    CommandsInSentences,
    ScreenReadings,
    OtherThings,
    AnswersConfirmed,
    PartOrAll,
    WordsSaidOfOthers,
):
    """What counts as each intent in one language."""

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
        openers = reader.word_set("clause_openers")
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
        past = reader.word_set("past")
        cues = safety.Cues(
            reader.word_set("question_verbs"),
            reader.word_set("question_subjects"),
            frozenset(reader.words(p) for p in reader.strings("farewells")),
            frozenset(reader.words(p) for p in reader.strings("bare_answers")),
            frozenset(reader.strings("speakers")),
            frozenset(reader.words(p) for p in reader.strings("move_openers")),
            frozenset(reader.strings("move_places")),
        )
        pronouns = reader.word_set("pronouns")
        noun_determiners = reader.word_set("noun_determiners")
        outlasting = reader.word_set("outlasting")
        copulas = reader.word_set("copulas")
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
                   asked_at_actions=reader.word_set("asked_at_actions"),
                   asked_at_questions=reader.word_set("asked_at_questions"),
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
                   not_yet_words=reader.word_set("not_yet_words"),
                   phone_processes=reader.word_set("phone_processes"),
                   busy_adverbs=reader.word_set("busy_adverbs"),
                   doing_nouns=reader.word_set("doing_nouns"),
                   stuck_on=phrases("stuck_on"),
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
                   only_verbs=reader.word_set("only_verbs"),
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
                   versioned=frozenset(reader.strings("versioned")),
                   closing_reports=phrases("closing_reports"), doing_later=phrases("doing_later"),
                   trying_endings=tuple(reader.strings("trying_endings")),
                   trying_verbs=frozenset(reader.strings("trying_verbs")),
                   put_off_times=phrases("put_off_times"),
                   not_finding=phrases("not_finding"), yet_words=reader.word_set("yet_words"),
                   codes=phrases("codes"), never_came=phrases("never_came"),
                   still_coming=phrases("still_coming"),
                   conceding_endings=tuple(reader.strings("conceding_endings")),
                   stressed_question_words=reader.word_set("stressed_question_words"),
                   question_stress=reader.word_set("question_stress"))  # fmt: skip

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
        if (plain := self._question_stressed(found)) is not None:
            found, mentions = plain, self._mentions(plain, question)  # "where exactly is it?"
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
        mentions = self._only_conceded(found, mentions)  # "되긴 되는데 엄청 느려요"
        mentions = self._ready_again(found, mentions)  # "I'm ready again": back, not done
        mentions = self._restated(found, mentions)  # "it's working again"
        mentions = self._command_restated(found, mentions)  # "start over again"
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
        mentions = self._command_asked_of_oneself(text, found, mentions)  # "Repeat? No, ..."
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
            mentions = self._not_found_yet(found, mentions)  # "can't find the switch yet"
            mentions = self._not_yet_a_while(found, mentions)  # "not yet, one sec"
            mentions = self._screen_error(found, mentions)  # "it says incorrect password"
            mentions = self._error_reported(found, mentions)  # "비밀번호가 틀렸다고 나와요"
            mentions = self._code_not_come(found, mentions)  # "the code was sent, I got nothing"
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
            mentions = self._trying_in_vain(found, mentions)  # "켜려고 하는데 안 눌러져요"
        mentions = self._still_under_way(found, self._outlasted(found, mentions, at_action))
        mentions = self._put_off(
            found, mentions, at_action or question == START_QUESTION
        )  # "I'll do it later tonight"
        mentions = self._weak_after_unknown(found, mentions)  # "충전기 있어요"
        mentions = self._not_now(found, mentions, question)  # "이따가 이어서 해요"
        mentions = self._how_it_was_done(found, mentions)  # "빨리 시작해요"
        mentions = self._object_of_the_verb(found, mentions)  # "도움말 보고 켰어요"
        mentions = self._only_it_happens(found, mentions)  # "로딩만 돼요"
        if self._wait_then_reason(mentions):  # "잠시만요 전화 왔어요": a sentence of its own
            end = mentions[0].end
            found, mentions = [*found[:end], BREAK, *found[end:]], mentions[:1]
        if not at_action:
            mentions = self._how_asked(text, found, mentions, at_action)  # "어디서 봐요?"
            mentions = self._state_denied(found, mentions)  # "꺼져 있지 않아요"
            mentions = self._no_named_then_negated(found, mentions)  # "와이파이도 안 돼요"
        mentions = [m for m in mentions if not self._a_state(found, m)]  # "router's back up"
        mentions = [m for m in mentions if not self._a_label(found, m)]  # "다시 시작 버튼"
        mentions = [m for m in mentions if not self._a_place(found, m, said)]  # "on the bar"
        if at_action and self._phone_busy_with_a_wait(found, first):
            return "pause"  # "잠깐만요, 재부팅 중이에요": the phone busy, waited on
        if at_action and self._doing_noun_with_a_wait(found, first):
            return "no"  # "로그인 중이에요, 잠깐만요": the speaker still at the step
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

    def declines(self, text: str, question: str | None) -> bool:
        """At an action, the no was a refusal ("I'd rather not"), not "not yet": the dialog
        offers to skip the step instead of waiting."""
        return (
            question in self.amounts.actions
            and (self._refusal(self.tokens(text)) or (0, 0, 0, False))[3]
            and self.parse(text, question) == "no"
        )

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
