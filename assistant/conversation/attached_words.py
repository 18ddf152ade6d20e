"""Words that carry particles, endings and negations written onto them, as Korean does.

English puts each of these in a word of its own ("not", "is"); Korean writes them onto
the word: "사진이" (photo + subject particle), "와이파이예요" (Wi-Fi + "it is"), "안했어요"
(not + did), "했습니다" / "했어요" / "했지" (did, in three endings). The matcher
(understanding/) finds phrases of whole words; this module takes such words apart first,
from the language file's `understanding.attached` lists:

- `endings`: taken off a word when what is left is a word of the file's phrases (or one
  with its own ending taken off): "사진은" and "사진이" both read "사진", "했습니다" and
  "했어요" both "했";
- `negation_prefixes`: split off the start of a word whose rest is such a word:
  "안돼요" -> "안 돼".

People type as they speak, and a recognizer runs words together:
- `respellings`: common misspellings put right wherever they stand in a word ("됬" ->
  "됐", "잇어" -> "있어", "않돼" -> "안돼"), and one spelling for forms that mean the same
  ("돼" -> "되", so "되네요" and "돼요" meet);
- `final_variants`: a playful or slurred last syllable read as the one it stands for, when
  the word then reads ("맞아용" -> "맞아요", "아니여" -> "아니요", "넹" -> "네");
- an ending of two syllables or more written as a word of its own after another ("먹었
  네요", as the Korean model writes 먹었네요) is joined to it, so it never reads alone
  (네요 as 네, yes);
- words written together ("꺼져있어", "다시말해주세요") are read as the words of the file
  they are made of, when every piece reads and the last is longer than one syllable (a
  last syllable is an ending: "했다" is not 했 + 다);
- `dropped`: words read as nothing ("좀"), so "소리 좀 키워 줘" meets "소리 키워"; not
  before a word of `hedged` ("좀 그래요": a bit so-so, where 그래요 alone agrees), nor
  last in their clause after a topic ("지금은 좀...": trailing off, a refusal unsaid);
- `rieul_endings`: a verb's volitional forms, written after a syllable closed by ㄹ
  ("갈래요", "할게요", "할까요"), read as one another, or as the plain polite form ("가요",
  "해요"), when the word then reads: "뒤로 갈래요" meets "뒤로 가요", "계속할래요" meets
  "계속할게요"; `future_endings` (-겠어요, -겠습니다: "그만하겠습니다") read as the -ㄹ게요
  form ("그만할게요") or as the stem ("못 켜겠어요" is "못 켜"), the -ㄹ게요 form first
  after a formal ending ("시작하겠습니다" is "시작할게요", not "시작하");
- `nieun_endings`: the plain and emphatic present, written after a syllable closed by ㄴ
  ("된다", "열린다니까요"), read as the verb's stem ("되", "열리") when that reads;
- `auxiliaries`: 두다 / 놓다 after a verb's -아/-어 form ("꽂아 뒀어요": plugged it in and
  left it) read as that verb's past ("꽂았어요");
- `again_words`: "다시" right before a verb in the past ("다시 로그인했어요": logged in
  again) or a negation ("다시 안 할래요": won't again) is "again", said about the answer,
  not the command "다시" (repeat): dropped;
- `becoming`: a form of 되다 right after a verb's -게 form ("하게 됐어요", "쓰게 된다":
  came to do, will come to use) is "come to", not "it works" (돼요): read as nothing;
- `becoming` also covers "-게 돼 있어요" (is set so): the 있어요 of being set goes with the
  되다 it follows ("스위치가 하얗게 돼 있어요" is how the switch looks, no bare yes);
- `reported_endings` and `reporting_words`: a word in -다고 / -라고 (what the screen says)
  before a verb of showing ("떠요", "나와요"): that verb is read as nothing, so what is
  reported answers ("연결할 수 없다고 떠요" is no, not "it shows": yes);
- `described_nouns_not`: 안 / 못 and a verb's -는 form before a noun describe the noun
  ("안 쓰는 백업 삭제했어요": deleted the unused backups) and are dropped, so the
  negation does not reach the answer; not before the nouns listed, after which the -는
  form is what is said ("안 되는 것 같아요");
- `progressive`: a verb's -는 form before 중 ("켜는 중이에요": in the middle of turning it on)
  read as "하는", the file's "in progress" (하는 중이에요);
- `alone_first`: "아니" first in a clause (fillers before it aside), with more after it,
  is a clause of its own, as if a comma followed ("아니 아직 못 했어": no, not yet);
- `clause_endings` and `clause_words`: a clause joined by "-는데", "-지만", "근데" ends
  there, as at a comma ("켰는데, 요금제가 무제한은 아니에요": the negation after it does not
  reach back to 켰). Not at the end of what was said, so the file's phrases are unchanged.

The Korean speech model writes many words in pieces in its transcripts ("맞 아요" for
맞아요, "로그인 했어요": its vocabulary, the symbol table of graph/Gr.fst, holds stems,
particles and endings as words of their own): pieces that are no word alone are joined
back first.

(Negations said after the verb, "켜지 않았어요", are words of their own: the language
file's `understanding.trailing_negations`, read by interpretation.py.)

The same reading is applied to the file's phrases and to what the user said, so both
meet in the same form. A language without `attached` reads every word as written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.conversation.hangul import (
    BIEUP,
    NIEUN,
    RIEUL,
    SSANG_SIOT,
    VOWEL_AE,
    VOWEL_WA,
    VOWEL_WAE,
    VOWEL_WO,
    VOWEL_YEO,
    final,
    infinitive,
    is_infinitive,
    past,
    vowel,
    with_final,
)
from assistant.conversation.normalization import BREAK, normalize
from assistant.conversation.prompt_files import PromptError

VERB_FORM_VOWELS = (VOWEL_AE, VOWEL_YEO, VOWEL_WA, VOWEL_WO, VOWEL_WAE)
"""Last vowels of a -아/-어 form that nouns of the file seldom end in (해, 켜, 봐, 바꿔, 돼),
unlike ㅏ and ㅓ (데이터, 카메라, 저)."""

BECOME = frozenset("되됐된될됨")
BECOME_FORM = "되"
"""돼 (되어), the -아/-어 form of 되다, as respelled."""
"""First syllables of 되다's forms (돼 is respelled 되)."""
TOPIC_ENDINGS = ("은", "는", "건")
"""Endings of a topic, said before a 좀 that trails off ("지금은 좀", "그건 좀")."""
MAX_PIECES = 4
"""The most pieces one written word is joined from."""
MAX_RUN_TOGETHER = 3
"""The most words one written word is split into ("다시말해주세요": 다시, 말해, 주세요)."""


CONCESSION_REACH = 2
"""How far after a -아도/-어도 form its negation may stand: the next word, or the one after a
word saying what did not change or how ("회색으로 안", "계속 안")."""


@dataclass(frozen=True)
class AttachedWords:
    """How one language's words are taken apart before matching."""

    endings: tuple[str, ...]
    """Particles and endings, longest first ("이에요" before "요")."""
    negation_prefixes: tuple[str, ...]
    """Negations written onto the start of a verb ("안", "못")."""
    stems: frozenset[str]
    """Words an ending or a negation may be taken off to reach."""
    respellings: tuple[tuple[str, str], ...] = ()
    """(written, read) pairs replaced anywhere in a word, longest first."""
    rieul_respellings: tuple[tuple[str, str], ...] = ()
    """(written, read) after a syllable closed by ㄹ, anywhere in a word ("께" -> "게":
    할께요 is 할게요, the sound written)."""
    final_variants: tuple[tuple[str, str], ...] = ()
    """(last syllable, the one it stands for) when the word does not read as written."""
    clause_endings: tuple[str, ...] = ()
    """Endings after which the clause ends ("는데", "지만"), longest first."""
    clause_words: frozenset[str] = frozenset()
    """Words that open a new clause ("근데", "하지만"): read as a clause break."""
    alone_first: frozenset[str] = frozenset()
    """Words (as read) that, first in a clause with more after them, are a clause of their
    own: "아니, 아직 못 했어": the interjection no, not a negation of what comes before."""
    fillers: frozenset[str] = frozenset()
    """Words that carry nothing (the file's one-word fillers): "음" before 아니 leaves it first."""
    dropped: frozenset[str] = frozenset()
    """Words read as nothing at all, so phrases meet around them ("소리 좀 키워" is "소리 키워")."""
    rieul_endings: tuple[str, ...] = ()
    """Volitional endings after a syllable closed by ㄹ ("래요", "게요"), longest first."""
    future_endings: tuple[str, ...] = ()
    """-겠- endings ("겠습니다", "겠어요"): the stem, or its -ㄹ게요 form."""
    nieun_endings: tuple[str, ...] = ()
    """Plain present endings after a syllable closed by ㄴ ("다", "다니까요"): the stem."""
    auxiliaries: frozenset[str] = frozenset()
    """두다 / 놓다 after a -아/-어 form ("뒀어요", "놨어요"): the verb before is its past."""
    progressive: tuple[str, ...] = ()
    """Words after which a verb's -는 form is "in progress" ("중", "중이에요")."""
    written: frozenset[str] = frozenset()
    """The file's words as written (a -는 form there keeps its own meaning: 기다리는 중)."""
    again_words: frozenset[str] = frozenset()
    """Words that are "again" before a verb in the past ("다시 켰어요"), not a command."""
    becoming: tuple[str, ...] = ()
    """Endings of the -게 form, before which 되다 is "come to" ("하게 됐어요"), no answer."""
    described_nouns_not: frozenset[str] = frozenset()
    """Nouns after which a negated -는 form is the predicate ("안 되는 것 같아요")."""
    reported_endings: tuple[str, ...] = ()
    """Endings of reported speech ("다고", "라고"): the screen says what comes before."""
    reporting_words: frozenset[str] = frozenset()
    """Verbs of showing after a reported word ("떠요", "나와요"), read as nothing."""
    base_endings: tuple[str, ...] = ()
    """Endings written onto a verb's bare stem ("지", "네요"): the stem is read as its -아/-어
    form when only that reads (보이지 -> 보여, as 보여요 in the file)."""
    formal_endings: tuple[str, ...] = ()
    """합쇼체 endings after a syllable closed by ㅂ ("니다": 열립니다 -> 열리 -> 열려)."""
    plain_endings: tuple[str, ...] = ()
    """The plain form's endings after a closed syllable ("다": 켰다 -> 켰, 맞다 -> 맞)."""
    ji_negations: tuple[tuple[str, str], ...] = ()
    """(start of a word after a -지 form, the trailing negation it is read as, or "" for
    the word as said), longest first: "켜지 못했어요" is "켰어요 않았어요", "시작하지 마세요"
    "시작해요 않아요"; the verb takes the negation's tense (past: 았 in it)."""
    never_joined: frozenset[str] = frozenset()
    """Words never joined to the word before as its ending ("잠깐만 네" is no 잠깐만네)."""
    asking_endings: tuple[str, ...] = ()
    """Endings that ask ("나요", "습니까"): "업데이트가 있나요?" said back asks, answers nothing."""
    inferring_endings: tuple[str, ...] = ()
    """Endings before a verb of `inferring_words` ("있나 봐요": it seems there is): a guess."""
    inferring_words: frozenset[str] = frozenset()
    """봐요, 보네요 after an inferring ending."""
    asked_as: str = ""
    """The doubt word an asking or inferring ending is read as (the file's `doubt`)."""
    intending_endings: tuple[str, ...] = ()
    """Endings of what one will do ("려고요"), like the -ㄹ게요 forms and -겠-: no fact."""
    obligation_endings: tuple[str, ...] = ()
    """-아야/-어야 ("야") before a word of `obligation_words`: must, no fact."""
    obligation_words: tuple[str, ...] = ()
    """Starts of 되다 / 하다 after an obligation ending ("돼요", "하는데")."""
    ongoing_endings: tuple[str, ...] = ()
    """-고 ("고") before 있다: going on ("올라가고 있어요"), read as the polite present."""
    trailing_marks: str = ""
    """Letters typed after a word, as laughter or tears ("켜져있음ㅋㅋ"), taken off it."""
    instead_words: frozenset[str] = frozenset()
    """"Not X but": what comes before them in their clause is not the answer ("와이파이
    말고 데이터 써요" is 데이터 써요), unless nothing follows ("오늘은 말고")."""
    ji_with_particle: tuple[str, ...] = ()
    """A -지 form with a particle on it before a negation ("지는", contracted "진", "지도"):
    read as the -지 form ("꺼져 있진 않아요" is "꺼져 있지 않아요"), longest first."""
    how_words: frozenset[str] = frozenset()
    """Words asking how ("어떻게"): a verb's -는 form after one is read as `how_verb`'s."""
    how_endings: tuple[str, ...] = ()
    """The -는 forms so read ("는지", "는"), longest first."""
    how_verb: str = ""
    """The verb they are read as ("하": "어떻게 끄는 거예요" is "어떻게 하는 거예요")."""
    permission_endings: tuple[str, ...] = ()
    """-아도/-어도 ("도") before a word of `permission_words`: asking leave ("넘어가도 돼요?",
    "쉬어도 될까요"): the verb's polite form, then `asked_as` (a command said so counts, an
    answer asked so is no answer: "켜도 돼요?")."""
    permission_words: tuple[str, ...] = ()
    """Starts of 되다 after a permission ending ("돼요", "될까요", "됩니까")."""
    guess_nouns: frozenset[str] = frozenset()
    """거 / 것 and their copulas ("거예요", "거야") after a verb's -ㄹ form ("맞을 거예요", "켜져
    있을 거야": it will be, I suppose): a guess, followed by `asked_as`."""
    under_way: str = ""
    """A word put after a -고 있다 form read as its polite present ("켜고 있어요": 켜요
    under_way), so an action can tell a thing under way from a thing done."""
    progressing_words: frozenset[str] = frozenset()
    """가다 after a verb's -아/-어 form ("다 돼 가요", "끝나 가요": getting there): under way,
    read as `progressing_as`."""
    progressing_as: tuple[str, ...] = ()
    """The file's words for a thing under way ("하는 중이에요"), not done."""
    refused_as: str = ""
    """A verb in a form of what one will do, after 안 / 못, not read otherwise, is read as
    this ("할래요": "안 바꿀래요" is "안 할래요", the file's refusal)."""
    embedded_endings: tuple[str, ...] = ()
    """Endings of an embedded question after a syllable closed by ㄴ or ㄹ ("지": 같은 건지,
    켜져 있는지, 될지: whether ...)."""
    not_knowing: tuple[str, ...] = ()
    """Starts of verbs of not knowing after one ("모르", "헷갈"): read as `asked_as`."""
    asking_words: frozenset[str] = frozenset()
    """Question words ("뭘", "무슨"): an embedded question with one asks what or how, the
    file's help phrases ("뭘 해야 할지 모르겠어요"), not whether."""
    not_last: dict[str, str] = field(default_factory=dict)
    """Words read as another when more follows in their clause ("함": 한번 before a verb)."""
    interrupted_endings: tuple[str, ...] = ()
    """Endings of a past that did not last ("다가": 떴다가, was shown and then ...): what
    comes after it in its clause answers."""
    linked_endings: tuple[str, ...] = ()
    """합쇼체 endings linked to an open stem by 이, as Gyeongsang says them ("입시더":
    시작하입시더 = 시작합시다): the stem."""
    refusing: frozenset[str] = frozenset()
    """Negations of will ("안": won't, not 못: can't): a verb in a form of what one will do
    after one is a refusal, read as `refused_as` whatever the verb ("안 지울래요")."""
    hedged: tuple[str, ...] = ()
    """Starts of words before which a dropped word is kept ("그렇", "그래": "좀 그렇네요", a
    bit so-so, is a hedge, not the agreement 그렇네요 is alone)."""
    reported_endings_of_obligation: tuple[str, ...] = ()
    """Endings of reported speech on the word after an obligation ("넘어야 된대요": it says
    it must): what the phone says is needed, read as `obligation_reported_as`."""
    obligation_reported_as: tuple[str, ...] = ()
    """The phrase a reported obligation reads as (the file's trouble at an action)."""
    reason_endings: tuple[str, ...] = ()
    """Clause endings of a reason on a verb's -아/-어 form ("서": 있어서, 틀려서): the clause
    is why, not the answer; `reason_mark` is written after it, before its BREAK."""
    reason_mark: str = ""
    """The mark (no word of the language) after a reason clause."""
    formal_asking_endings: tuple[str, ...] = ()
    """합쇼체 question endings after a syllable closed by ㅂ ("니까": 합니까, 켭니까,
    지워집니까): the verb's -아/-어 form, then `asked_as` (어떻게 합니까 = 어떻게 해요?)."""
    inability_negations: frozenset[str] = frozenset()
    """Negations of ability ("못": can't), with which a no of a reason clause agrees
    ("충전기가 없어서 못 해요"), where a negated state does not ("꺼져 있어서 안 보여요")."""
    concession_endings: tuple[str, ...] = ()
    """-아도/-어도 ("도") on a verb's -아/-어 form before a negation ("눌러도 안 켜져요": pressed,
    and still not on): a concession, tried and not done; `concession_mark` is written after
    it, before its BREAK. Only on a verb's form by its vowel (해도, 켜도, 봐도) or a 르 verb's
    (눌러도, 골라도), so a noun with 도 (데이터도 안 돼요, 아무것도: also, any) stays as it
    is; a form in ㅏ or ㅓ (찾아도, 꺼도) is left, as nouns end so."""
    concession_mark: str = ""
    ongoing_auxiliaries: tuple[str, ...] = ("있",)
    """How the word after a -고 form starts when it is 있다 of going on, or its honorific 계시다
    ("치고 계세요": she is typing it)."""
    reported_errors: tuple[str, ...] = ()
    """What an error the screen shows says ("틀렸", "실패", "오류", "부족"), inside a word in
    -다고 / -라고 before a verb of showing: the verb is read as `error_mark`, not as nothing
    ("비밀번호가 틀렸다고 나와요": the screen's error, not the speaker's no)."""
    error_mark: str = ""
    reported_contractions: tuple[tuple[str, str], ...] = ()
    """A report contracted onto its word -> the ending it stands for ("대요": "다고", of
    -다고 해요: "비밀번호 틀렸대요", it says the password is wrong): a word so that holds one of
    `contracted_errors` is read as the same report before a verb of showing."""
    contracted_errors: tuple[str, ...] = ()
    """The errors whose contracted report is the screen's ("틀렸", "실패"); not those a
    report answers a question with ("업데이트 없대요": no update, as 없대 is read)."""
    reporting_adverbs: frozenset[str] = frozenset()
    """Words of how often between a report and its verb of showing ("틀렸다고 자꾸 떠요":
    keeps saying): read with the verb, as nothing."""

    @classmethod
    def from_lists(
        cls,
        endings: Iterable[str],
        negation_prefixes: Iterable[str],
        phrase_words: Iterable[str],
        respellings: dict[str, str] | None = None,
        rieul_respellings: dict[str, str] | None = None,
        final_variants: dict[str, str] | None = None,
        clause_endings: Iterable[str] = (),
        clause_words: Iterable[str] = (),
        alone_first: Iterable[str] = (),
        fillers: Iterable[str] = (),
        dropped: Iterable[str] = (),
        hedged: Iterable[str] = (),
        refusing: Iterable[str] = (),
        linked_endings: Iterable[str] = (),
        interrupted_endings: Iterable[str] = (),
        not_last: dict[str, str] | None = None,
        rieul_endings: Iterable[str] = (),
        future_endings: Iterable[str] = (),
        nieun_endings: Iterable[str] = (),
        auxiliaries: Iterable[str] = (),
        again_words: Iterable[str] = (),
        progressive: Iterable[str] = (),
        becoming: Iterable[str] = (),
        described_nouns_not: Iterable[str] = (),
        reported_endings: Iterable[str] = (),
        reporting_words: Iterable[str] = (),
        base_endings: Iterable[str] = (),
        formal_endings: Iterable[str] = (),
        plain_endings: Iterable[str] = (),
        ji_negations: dict[str, str] | None = None,
        never_joined: Iterable[str] = (),
        asking_endings: Iterable[str] = (),
        inferring_endings: Iterable[str] = (),
        inferring_words: Iterable[str] = (),
        asked_as: str = "",
        trailing_marks: Iterable[str] = (),
        instead_words: Iterable[str] = (),
        intending_endings: Iterable[str] = (),
        obligation_endings: Iterable[str] = (),
        obligation_words: Iterable[str] = (),
        ongoing_endings: Iterable[str] = (),
        ji_with_particle: Iterable[str] = (),
        how_words: Iterable[str] = (),
        how_endings: Iterable[str] = (),
        how_verb: str = "",
        permission_endings: Iterable[str] = (),
        permission_words: Iterable[str] = (),
        guess_nouns: Iterable[str] = (),
        under_way: str = "",
        progressing_words: Iterable[str] = (),
        progressing_as: str = "",
        refused_as: str = "",
        embedded_endings: Iterable[str] = (),
        not_knowing: Iterable[str] = (),
        asking_words: Iterable[str] = (),
        reported_endings_of_obligation: Iterable[str] = (),
        obligation_reported_as: str = "",
        reason_endings: Iterable[str] = (),
        reason_mark: str = "",
        inability_negations: Iterable[str] = (),
        formal_asking_endings: Iterable[str] = (),
        concession_endings: Iterable[str] = (),
        concession_mark: str = "",
        ongoing_auxiliaries: Iterable[str] = (),
        reported_errors: Iterable[str] = (),
        error_mark: str = "",
        reported_contractions: dict[str, str] | None = None,
        contracted_errors: Iterable[str] = (),
        reporting_adverbs: Iterable[str] = (),
    ) -> AttachedWords:
        """phrase_words: every word of the language file's phrases, as normalized."""
        ordered = tuple(sorted(set(endings), key=len, reverse=True))
        respelled = tuple(sorted((respellings or {}).items(), key=lambda p: -len(p[0])))
        words = {_respell(w, respelled) for w in phrase_words}
        stems = words | {w[: -len(e)] for w in words for e in ordered if _ends_with(w, e)}
        return cls(
            ordered, tuple(negation_prefixes), frozenset(stems), respelled,
            tuple((rieul_respellings or {}).items()),
            tuple((final_variants or {}).items()),
            tuple(sorted(set(clause_endings), key=len, reverse=True)), frozenset(clause_words),
            frozenset(alone_first), frozenset(fillers), frozenset(dropped),
            tuple(sorted(set(rieul_endings), key=len, reverse=True)),
            tuple(sorted(set(future_endings), key=len, reverse=True)),
            tuple(sorted(set(nieun_endings), key=len, reverse=True)), frozenset(auxiliaries),
            tuple(progressive), frozenset(words), frozenset(again_words), tuple(becoming),
            frozenset(described_nouns_not), tuple(reported_endings),
            frozenset(_respell(w, respelled) for w in reporting_words),
            tuple(base_endings), tuple(formal_endings), tuple(plain_endings),
            tuple(sorted((ji_negations or {}).items(), key=lambda p: -len(p[0]))),
            frozenset(never_joined),
            tuple(sorted(set(asking_endings), key=len, reverse=True)),
            tuple(sorted(set(inferring_endings), key=len, reverse=True)),
            frozenset(inferring_words), asked_as, tuple(intending_endings),
            tuple(obligation_endings), tuple(obligation_words), tuple(ongoing_endings),
            "".join(trailing_marks), frozenset(instead_words),
            tuple(sorted(set(ji_with_particle), key=len, reverse=True)),
            frozenset(how_words), tuple(sorted(set(how_endings), key=len, reverse=True)),
            how_verb, tuple(permission_endings), tuple(permission_words), frozenset(guess_nouns),
            under_way, frozenset(progressing_words), tuple(progressing_as.split()), refused_as,
            tuple(embedded_endings), tuple(not_knowing),
            frozenset(asking_words), dict(not_last or {}), tuple(interrupted_endings),
            tuple(linked_endings),
            frozenset(refusing), tuple(hedged), tuple(reported_endings_of_obligation),
            tuple(obligation_reported_as.split()), tuple(reason_endings), reason_mark,
            tuple(formal_asking_endings), frozenset(inability_negations),
            tuple(concession_endings), concession_mark,
            tuple(ongoing_auxiliaries) or ("있",), tuple(reported_errors), error_mark,
            tuple(sorted((reported_contractions or {}).items(), key=lambda p: -len(p[0]))),
            tuple(contracted_errors), frozenset(reporting_adverbs),
        )  # fmt: skip

    def read(self, words: list[str]) -> list[str]:
        """The words with endings taken off and negation prefixes split off; pieces of a
        word written apart, as a speech model may ("맞아 요", "거 의"), joined first."""
        if not all(map(self._marks_only, words)):  # "ㅋㅋ" alone stays: no answer, not silence
            words = [w for w in words if not self._marks_only(w)]
        words = self._errors_contracted(words)
        words = [BREAK if w in self.clause_words
                 else _respell(self._after_rieul(self._unmarked(w)), self.respellings)
                 for w in self._before_more(self._without_dropped(words))]  # fmt: skip
        words = self._asked_or_guessed(self._negated_ji_forms(words))
        words = self._not_known_whether(words)
        words = self._under_way(self._instead(self._intended(words)))
        words = self._verb_phrases(self._negated_descriptions(self._endings_written_apart(words)))
        words = self._asked_how(self._reported(words))
        out: list[str] = []
        start = 0
        while start < len(words):
            end = self._joined_end(words, start)
            negated = bool(out) and out[-1] in self.refusing | self.inability_negations
            word = "".join(words[start:end])
            conceded = self._conceded(word, words[end : end + CONCESSION_REACH])
            out += conceded if conceded else self._read_word(word, negated)
            start = end
        while out and out[-1] == BREAK and BREAK not in words[-1:]:
            out.pop()  # "꺼져 있는데요." ends there anyway
        return self._first_alone(out)

    def _after_rieul(self, word: str) -> str:
        """The word with `rieul_respellings` read as meant after a syllable closed by ㄹ
        ("할께요" -> "할게요"; not 께 elsewhere)."""
        for written, read in self.rieul_respellings:
            at = word.find(written, 1)
            while at > 0:
                if final(word[at - 1]) == RIEUL:
                    word = word[:at] + read + word[at + len(written) :]
                at = word.find(written, at + 1)
        return word

    def _without_dropped(self, words: list[str]) -> list[str]:
        """The words without those read as nothing ("소리 좀 키워"), but for one before a word
        of `hedged` ("좀 그렇네요": a bit so-so) or last in its clause after another word
        after a topic ("오늘은 좀...", not "다시 좀", please): a hedge, which the file reads as
        such."""
        out: list[str] = []
        for index, word in enumerate(words):
            after = words[index + 1] if index + 1 < len(words) else BREAK
            hedging = after.startswith(self.hedged) if self.hedged else False
            topic = out[-1] if out else ""  # 지금은 좀, 그건 좀: not 다시 좀 (please)
            trailing = after == BREAK and bool(self.hedged) and topic.endswith(TOPIC_ENDINGS)
            if word not in self.dropped or hedging or trailing:
                out.append(word)
        return out

    def _before_more(self, words: list[str]) -> list[str]:
        """A word of `not_last` with more after it in its clause, read as its other reading
        ("다시 함 말해": 함 is 한번 there; "재시동 함", last, stays the noun form: did)."""
        return [
            self.not_last.get(word, word) if words[index + 1 : index + 2] not in ([], [BREAK])
            else word
            for index, word in enumerate(words)
        ]  # fmt: skip

    def _negated_ji_forms(self, words: list[str]) -> list[str]:
        """A verb's -지 form before a negation ("차지 않았어요", "켜지 못했어요", "시작하지
        마세요") read as the verb in the negation's tense, then the trailing negation: "찼어요
        않았어요", "켰어요 않았어요", "시작해요 않아요"; so the verb meets the file's form of it."""
        out: list[str] = []
        index = 0
        while index < len(words):
            word, taken = words[index], 2
            after = words[index + 1] if index + 1 < len(words) else ""
            if after == "못" and index + 2 < len(words):  # 켜지 못 했어요
                after, taken = "못" + words[index + 2], 3
            negation = next((n for p, n in self.ji_negations if after.startswith(p)), None)
            if negation is not None:
                word = self._without_particle(word)  # 있진 않아요 = 있지 않아요
            if negation is None or len(word) < 2 or not word.endswith("지"):
                out.append(word)
                index += 1
                continue
            negation = negation or after  # 않았어요 stays as said
            in_the_past = "았" in negation
            stem = (past if in_the_past else infinitive)(word[:-1])
            form = _respell(f"{stem}{'어요' if in_the_past else '요'}", self.respellings)
            out += [form if stem and self._stem(form) is not None else word, negation]
            index += taken
        return out

    def _not_known_whether(self, words: list[str]) -> list[str]:
        """An embedded question (-ㄴ지 / -ㄹ지: "같은 건지", "켜져 있는지") before a verb of not
        knowing ("헷갈려요", "모르겠어요"), with no question word in its clause: not knowing
        whether, so the answer inside is not said: the verb is read as `asked_as` (doubt),
        never as help asked for ("헷갈려요" alone) nor the answer ("같아요" of 같은)."""
        if not (self.asked_as and self.embedded_endings):
            return words
        out: list[str] = []
        for word in words:
            before = out[-1] if out else ""
            ending = next((e for e in self.embedded_endings if _ends_with(before, e)), None)
            closed = final(before[-len(ending) - 1]) if ending else None
            clause = out[len(out) - out[::-1].index(BREAK) :] if BREAK in out else out
            if (
                closed in (NIEUN, RIEUL)
                and word.startswith(self.not_knowing)
                and not self.asking_words.intersection(clause)
            ):
                out.append(self.asked_as)
                continue
            out.append(word)
        return out

    def _asked_how(self, words: list[str]) -> list[str]:
        """A verb's -는 form after a word asking how, read as `how_verb`'s ("어떻게 끄는
        거예요?", "어떻게 켜는지 모르겠어요": how do I ...), which the file's help phrases have
        ("어떻게 하는 거예요"): asking how to do the step is asking for help, whatever the verb."""
        if not self.how_verb:
            return words
        out: list[str] = []
        for index, word in enumerate(words):
            ending = next((e for e in self.how_endings if _ends_with(word, e)), None)
            asked = index > 0 and words[index - 1] in self.how_words
            out.append(f"{self.how_verb}{ending}" if ending and asked else word)
        return out

    def _without_particle(self, word: str) -> str:
        """A -지 form with a particle on it ("있진", "차지는") as the -지 form alone."""
        particle = next((p for p in self.ji_with_particle if _ends_with(word, p)), None)
        return f"{word[: -len(particle)]}지" if particle else word

    def _marks_only(self, word: str) -> bool:
        """A word of laughter or tears alone ("ㅠㅠ", "ㅋㅋㅋ"): it carries nothing."""
        return bool(self.trailing_marks) and not word.strip(self.trailing_marks)

    def _unmarked(self, word: str) -> str:
        """The word without laughter or tears typed onto it ("켜져있음ㅋㅋ" -> "켜져있음");
        a word of such letters only ("ㅋㅋ", "ㅇㅇ") stays."""
        return word.rstrip(self.trailing_marks) or word

    def _instead(self, words: list[str]) -> list[str]:
        """Without what a word of `instead_words` says is not it, when more follows in its
        clause: "와이파이 말고 데이터 써요" (not Wi-Fi: data) is "데이터 써요", "안 켜져 있는 게
        아니라 켜져 있어요" is "켜져 있어요"; what was said before it goes too, as after a
        correction ("네, 아니 그게 아니라 아니요" is "아니요"); so does a past that did not last
        (`interrupted_endings`: "켜졌다가 꺼졌어요" is "꺼졌어요")."""
        out: list[str] = []
        for index, word in enumerate(words):
            more = index + 1 < len(words) and words[index + 1] != BREAK
            if (word in self.instead_words or self._interrupted(word)) and more:
                out.clear()
                continue
            out.append(word)
        return out

    def _interrupted(self, word: str) -> bool:
        """A past in -다가 ("떴다가", "켜졌다가": was so, and then): what came after it
        decides ("사진이 떴다가 사라졌어요": they showed, then went), as after 말고."""
        ending = next((e for e in self.interrupted_endings if _ends_with(word, e)), None)
        return ending is not None and final(word[-len(ending) - 1]) == SSANG_SIOT

    def _asked_or_guessed(self, words: list[str]) -> list[str]:
        """A verb in a form that asks ("업데이트가 있나요?", "몇 단계인가요") or guesses ("켜져
        있나 봐요": it seems on) is read as the verb, then `asked_as` (a doubt word): said
        back or guessed, it is no answer to act on; a command said so still counts."""
        return _rewritten(words, self._asked) if self.asked_as else words

    def _asked(self, word: str, after: str) -> tuple[list[str], bool] | None:
        if (formal := self._formally_asked(word)) is not None:
            return [formal, self.asked_as], False  # 합니까 = 해요?
        leave = next((e for e in self.permission_endings if _ends_with(word, e)), None)
        if leave and is_infinitive(word[: -len(leave)]) and after.startswith(self.permission_words):
            polite = _respell(word[: -len(leave)] + "요", self.respellings)
            return [polite, self.asked_as], True  # 넘어가도 돼요? = 넘어가요 + asked
        guessing = after in self.inferring_words
        obliged = any(
            _ends_with(word, e) and is_infinitive(word[: -len(e)]) for e in self.obligation_endings
        ) and any(after.startswith(w) for w in self.obligation_words)  # not 이제야 돼요
        endings = (
            self.inferring_endings if guessing
            else self.obligation_endings if obliged
            else self.asking_endings
        )  # fmt: skip
        ending = next((e for e in endings if _ends_with(word, e)), None)
        if ending is None or (word in self.written and not obliged):  # 화면: no 화 + -면 (if)
            return None
        if (
            obliged
            and self.obligation_reported_as
            and after.endswith(self.reported_endings_of_obligation)
        ):  # "넘어야 된대요": what the phone says is needed, never a done
            return [word[: -len(ending)], *self.obligation_reported_as, self.asked_as], True
        return [word[: -len(ending)], self.asked_as], guessing or obliged

    def _formally_asked(self, word: str) -> str | None:
        """The -아/-어 form of a verb in a 합쇼체 question ("합니까" -> 해), else None."""
        for ending in self.formal_asking_endings:
            head = word[: -len(ending)]
            if _ends_with(word, ending) and final(head[-1]) == BIEUP:
                open_ = with_final(head[-1], 0)
                form = infinitive(head[:-1] + open_) if open_ else None
                return _respell(form, self.respellings) if form else None
        return None

    def _intended(self, words: list[str]) -> list[str]:
        """A verb in a form of what one will do or would ("켤게요", "켤까요", "켜려고요",
        "되겠네요"), not a form of the file, is followed by `asked_as`: an intention is no
        fact, so an answer said so is asked again; a command said so still counts (뒤로
        갈게요). After 안 / 못 it is a refusal and stays (못 켜겠어요 is no); a verb the file
        does not have is then read as `refused_as` ("안 바꿀래요": 안 할래요), and so is any
        verb after a negation of will (`refusing`: "안 지울래요", "돈 안 낼래요": I won't), also
        in its -ㄹ form before 거 ("안 할 거예요": I won't; "안 될 거예요", of 되다, guesses)."""
        if not self.asked_as:
            return words
        out: list[str] = []
        for index, word in enumerate(words):
            refused = index > 0 and words[index - 1] in self.negation_prefixes
            willed = refused and words[index - 1] in self.refusing  # 안, not 못 (can't)
            after = words[index + 1 : index + 2]
            guessed = self._guessed(word, after)
            will = (
                willed
                and final(word[-1]) == RIEUL
                and after != []
                and after[0] in self.guess_nouns
                and word[:1] not in BECOME
            )  # 안 할 거예요: I won't; 안 될 거예요 (of 되다) guesses
            intends = word not in self.written and self._intends(word) or will
            unread = self._reading(word, 1) is None or willed
            unread = refused and intends and bool(self.refused_as) and unread
            out.append(self.refused_as if unread else word)
            if intends and not refused or guessed and not will:
                out.append(self.asked_as)
        return out

    def _guessed(self, word: str, after: list[str]) -> bool:
        """A verb's -ㄹ form before 거 / 것 ("맞을 거예요", "없을 거야", "아닐 거예요"): it will
        be so, I suppose: a guess."""
        return (
            len(word) > 1
            and final(word[-1]) == RIEUL
            and after != []
            and after[0] in self.guess_nouns
        )

    def _intends(self, word: str) -> bool:
        """A form of what one will do or would, which does not read as such a form of the
        file ("켤게요" reads as 켜요: it does; "다음에 할게" as 할게요: it does not)."""
        rieul = any(
            _ends_with(word, e) and final(word[-len(e) - 1]) == RIEUL for e in self.rieul_endings
        )
        intends = (
            rieul
            or any(_ends_with(word, e) for e in self.future_endings)
            or any(_ends_with(word, e) for e in self.intending_endings)
        )
        reading = self._reading(word, 1) if intends else None
        if not intends or not reading:
            return intends
        promised = reading[-1].endswith("게") and reading[-1] + "요" in self.written
        if self._announced(word) and promised:  # 시작하겠습니다 as the file's 시작할게요
            return False
        return not (reading[-1] == word or self._intends(reading[-1]))

    def _announced(self, word: str) -> bool:
        """-겠- in 합쇼체 (시작하겠습니다, 그만하겠습니다): what one does now, announced, read
        as the -ㄹ게요 form the file has, where -겠어요 is as often "can" (못 켜겠어요)."""
        return any(
            _ends_with(word, e) and any(e.endswith(f) for f in self.formal_endings)
            for e in self.future_endings
        )

    def _under_way(self, words: list[str]) -> list[str]:
        """A verb's -고 form before 있다, not a form of the file ("올라가고 있어요": going up),
        read as its polite present (올라가요), which the file has; a verb's -아/-어 form
        before 가다 ("다 돼 가요": getting there) as `progressing_as`, under way."""
        return _rewritten(_rewritten(words, self._progressing), self._going_on)

    def _progressing(self, word: str, after: str) -> tuple[list[str], bool] | None:
        infinitive_form = is_infinitive(word) or word.endswith(BECOME_FORM)  # 돼 is read 되
        if (
            after not in self.progressing_words
            or not infinitive_form
            or word + after in self.written  # 넘어 가요: 넘어가요, a word of the file
        ):
            return None
        return list(self.progressing_as), True

    def _going_on(self, word: str, after: str) -> tuple[list[str], bool] | None:
        ending = next((e for e in self.ongoing_endings if _ends_with(word, e)), None)
        form = infinitive(word[: -len(ending)]) if ending else None
        if not form or not after.startswith(self.ongoing_auxiliaries) or word in self.written:
            return None
        marked = [self.under_way] if self.under_way else []
        return [_respell(form + "요", self.respellings), *marked], True

    def _endings_written_apart(self, words: list[str]) -> list[str]:
        """An ending of two syllables or more standing as a word of its own after another
        word ("먹었 네요", as the Korean model writes 먹었네요) is that word's ending, never a
        word of its own (네요 alone would read 네, yes)."""
        out: list[str] = []
        for word in words:
            if (
                out
                and out[-1] != BREAK
                and len(word) >= 2
                and word in self.endings
                and word not in self.written
            ):
                out[-1] += word
                continue
            out.append(word)
        return out

    def _negated_descriptions(self, words: list[str]) -> list[str]:
        """안 / 못 and a verb's -는 form before a noun: a description of the noun ("안 쓰는
        백업": the unused backups), dropped, so the negation does not reach the answer, when
        the clause ends in something done ("삭제했어요"). Before a state it stays ("안 열리는
        사이트가 있어요": one site that does not open is no "yes, pages open")."""
        if not self.described_nouns_not:
            return words
        out: list[str] = []
        index = 0
        while index < len(words):
            if (
                words[index] in self.negation_prefixes
                and index + 2 < len(words)
                and _describes(words[index + 1], self.written)
                and words[index + 2] != BREAK
                and not any(words[index + 2].startswith(n) for n in self.described_nouns_not)
                and _done(_clause_end(words, index + 2))
            ):
                index += 2  # the noun stays
                continue
            out.append(words[index])
            index += 1
        return out

    def _verb_phrases(self, words: list[str]) -> list[str]:
        """Auxiliary verbs folded into the verb before them ("꽂아 뒀어요" -> "꽂았어요"), and
        a -는 form before 중 read as "하는" ("켜는 중" -> "하는 중")."""
        out: list[str] = []
        being = False
        for word in words:
            again = _in_the_past(word) or word in self.negation_prefixes
            if out and out[-1] in self.again_words and again:
                out.pop()  # 다시 켰어요: turned it on again; 다시 안 할래요: won't again
            before = out[-1] if out else ""
            if word[:1] in BECOME and any(before.endswith(e) for e in self.becoming):
                being = word == "되"  # 하얗게 돼 있어요: is set so (돼 is respelled 되)
                continue  # 하게 됐어요, 쓰게 된다: "came to", not "it works"
            if being and word.startswith("있"):
                being = False
                continue  # the 있어요 of "돼 있어요" goes with the 되다 left out
            being = False
            word = self._before_becoming(word)  # written together: 쓰게된다
            if word in self.auxiliaries and before[-1:] and final(before[-1]) == 0:
                closed = with_final(before[-1], SSANG_SIOT)
                if closed is not None and self._stem(before[:-1] + closed + "어요") is not None:
                    out[-1] = before[:-1] + closed + "어요"
                    continue
            if (
                before.endswith("는")
                and len(before) > 1
                and before not in self.written
                and any(word == p or word.startswith(p) for p in self.progressive)
            ):
                out[-1] = "하는"
            out.append(word)
        return out

    def _reported(self, words: list[str]) -> list[str]:
        """A verb of showing or saying after a word in -다고 / -라고 read as nothing: "연결할
        수 없다고 떠요" answers as "연결할 수 없다고", what the screen says; "켜져 있다고
        했어요" as what someone said (no "did"). After an error's words (`reported_errors`:
        "틀렸다고 나와요") it is read as `error_mark`: an error shown at an action. A word of
        how often between them goes with the verb ("틀렸다고 자꾸 떠요": `reporting_adverbs`)."""
        out: list[str] = []
        for index, word in enumerate(words):
            at = index - 1
            if at > 0 and words[at] in self.reporting_adverbs and word in self.reporting_words:
                at -= 1
            before = words[at] if at >= 0 else ""
            if not (index and word in self.reporting_words and self._reporting(before)):
                out.append(word)
                continue
            if at < index - 1:
                out.pop()  # the word of how often, read with the verb
            if self.error_mark and any(e in before for e in self.reported_errors):
                out.append(self.error_mark)
        return out

    def _errors_contracted(self, words: list[str]) -> list[str]:
        """An error's report contracted onto its word (`reported_contractions`: "틀렸대요",
        "실패래요") as the word in the ending it stands for and `error_mark` ("틀렸다고
        나와요"), before any respelling reads it as the speaker's own (틀렸대 -> 틀렸어); any
        other word as it is (할래요: will do; 켜져 있대요: a report, no error)."""
        if not self.error_mark or not self.contracted_errors:
            return words
        out: list[str] = []
        for word in words:
            short, ending = next(((c, e) for c, e in self.reported_contractions
                                  if _ends_with(word, c)), ("", ""))  # fmt: skip
            said = word[: -len(short)] + ending if short else ""
            if said and any(e in said for e in self.contracted_errors):
                out += [said, self.error_mark]
            else:
                out.append(word)
        return out

    def _reporting(self, word: str) -> bool:
        """A word in -다고 / -라고 that reports what is said, not one asking what it was
        ("뭐라고 했어요?": what did you say)."""
        ending = next((e for e in self.reported_endings if _ends_with(word, e)), None)
        return ending is not None and word[: -len(ending)] not in self.asking_words

    def _before_becoming(self, word: str) -> str:
        """A word with a -게 form and 되다 written together, without the 되다 ("게된다")."""
        for ending in self.becoming:
            at = word.find(ending, 0, len(word) - len(ending))
            if at >= 0 and word[at + len(ending)] in BECOME:
                return word[: at + len(ending)]
        return word

    def _first_alone(self, words: list[str]) -> list[str]:
        out: list[str] = []
        for index, word in enumerate(words):
            out.append(word)
            before = [w for w in words[:index] if w not in self.fillers]  # "음 아니요 ..."
            first = not before or before[-1] == BREAK
            more = index + 1 < len(words) and words[index + 1] not in (BREAK, word)  # 아니 아니
            if first and more and word in self.alone_first:
                out.append(BREAK)
        return out

    def _read_word(self, word: str, negated: bool = False) -> list[str]:
        """One written word as the words it reads, with a BREAK after a clause ending; a
        verb's bare stem before it is read as its -아/-어 form where only that reads (안
        보이는데요: 안 보여, as 안 보여요). negated: a negation (안, 못) was the word before."""
        for ending in self.clause_endings:
            if _ends_with(word, ending) and self._stem(word) is None:
                stem = word[: -len(ending)]
                why = (
                    ending in self.reason_endings
                    and self.reason_mark
                    and (is_infinitive(stem) or (not negated and self._respelled_infinitive(stem)))
                )  # 돼서, respelled 되서: a reason (배터리가 다 돼서), but not 안 돼서 (round
                # sixteen: heldout15's reason clause then reached back over 켰어요)
                mark = [self.reason_mark] if why else []  # "있어서": a reason, not the answer
                return [*self._split(self._bare_stem_read(stem)), *mark, BREAK]
        return self._split(word)

    def _conceded(self, word: str, following: list[str]) -> list[str]:
        """A -아도/-어도 form before a negation of its clause, next or after one word ("눌러도
        안", "해도 안", "눌러도 회색으로 안 바뀌어요", "켜도 계속 안 돼요": what did not change
        may come between): the verb, the concession mark and a BREAK; [] when the word is not
        one."""
        negations = self.refusing | self.inability_negations
        ahead = following[: following.index(BREAK)] if BREAK in following else following
        if not self.concession_mark or not negations.intersection(ahead):
            return []
        ending = next((e for e in self.concession_endings if _ends_with(word, e)), None)
        stem = word[: -len(ending)] if ending else ""
        if not stem or not is_infinitive(stem):
            return []
        reu = len(stem) > 1 and final(stem[-2]) == RIEUL and stem[-1] in "러라"  # 눌러, 골라
        if vowel(stem[-1]) not in VERB_FORM_VOWELS and not reu:
            return []  # 데이터도 안 돼요, 아무것도 안 했어요: a noun, also
        return [*self._split(self._bare_stem_read(stem)), self.concession_mark, BREAK]

    def _respelled_infinitive(self, stem: str) -> bool:
        """The stem was a -아/-어 form before `respellings` put it right (돼 -> 되)."""
        return any(
            new and stem.endswith(new) and is_infinitive(stem[: -len(new)] + old)
            for old, new in self.respellings
        )

    def _bare_stem_read(self, stem: str) -> str:
        """A bare verb stem ("보이") as its -아/-어 form ("보여") when that is a word of the
        file and the stem is none."""
        if self._stem(stem) is not None:
            return stem
        form = infinitive(stem)
        form = _respell(form, self.respellings) if form else None
        return form if form and self._stem(form) is not None else stem

    def promises(self, words: list[str]) -> int:
        """How many of the last words say what one will do: a verb in a -ㄹ게 / -ㄹ래 form
        ("할게", "가져올게요": 1), with `asked_as` after it where it is read as an intention
        ("설치할게요": 설치 할게 글쎄, 2); 0 when they do not."""
        marked = len(words) > 1 and words[-1] in (self.asked_as, self._stem(self.asked_as))
        verb = words[-2] if marked else words[-1] if words else ""
        promised = any(
            _ends_with(verb, e) and final(verb[-len(e) - 1]) == RIEUL for e in self.rieul_endings
        )
        return (2 if marked else 1) if promised else 0

    def _joined_end(self, words: list[str], start: int) -> int:
        """Where the word at start ends: after the longest run of pieces that reads as one
        word, when one of them is no word alone (so "못 했어요" stays two); else start + 1."""
        for end in range(min(len(words), start + MAX_PIECES), start + 1, -1):
            pieces = words[start:end]
            if BREAK in pieces or all(self._is_word(p) for p in pieces):
                continue
            if self.never_joined.intersection(pieces[1:]):
                continue  # "잠깐만 네": the answer, not an ending
            if self._stem("".join(pieces)) is not None:
                return end
        return start + 1

    def _split(self, word: str) -> list[str]:
        if word == BREAK:
            return [word]
        return self._reading(word, MAX_RUN_TOGETHER) or [word]

    def _reading(self, word: str, most: int) -> list[str] | None:
        """The words this written word reads as (at most `most` of them), or None: as it
        is, with a negation prefix split off, with its last syllable's variant, or as words
        written together (the longest first word that lets the rest read)."""
        for written in self._variants(word):
            stem = self._stem(written)
            if stem is not None:
                return [stem]
            for prefix in self.negation_prefixes:
                starts = len(written) > len(prefix) and written.startswith(prefix)
                rest = self._stem(written[len(prefix) :]) if starts else None
                if rest is not None:
                    return [prefix, rest]
        if most < 2:
            return None
        for cut in range(len(word) - 1, 0, -1):
            head, tail = word[:cut], word[cut:]
            if head in self.endings or tail in self.endings or len(tail) < 2:
                continue  # "사진이" is 사진 + a particle, "했다" 했 + an ending: not two words
            first = self._reading(head, 1)
            others = self._reading(tail, most - 1) if first else None
            if first and others:
                return [*first, *others]
        return None

    def _variants(self, word: str) -> list[str]:
        """The word, then the word with its last syllable's variant ("맞아용" -> "맞아요")."""
        out = [word]
        for last, meant in self.final_variants:
            if _ends_with(word, last) or word == last:
                out.append(word[: -len(last)] + meant)
        for ending in self.rieul_endings:
            head = word[: -len(ending)]
            if not (_ends_with(word, ending) and final(head[-1]) == RIEUL):
                continue
            out += [head + other for other in self.rieul_endings if other != ending]
            open_ = with_final(head[-1], 0)
            if open_ is not None:  # 갈래요 -> 가요; 할래요 -> 해요
                out.append(head[:-1] + (infinitive(open_) or open_) + "요")
            break
        for ending in self.future_endings:
            head = word[: -len(ending)]
            if _ends_with(word, ending):
                closed = with_final(head[-1], RIEUL) if final(head[-1]) == 0 else None
                promised = [head[:-1] + closed + "게요"] if closed is not None else []
                announced = self._announced(word)  # 시작하겠습니다: 시작할게요 first
                out += [*promised, head] if announced else [head, *promised]
                break
        for ending in self.nieun_endings:
            head = word[: -len(ending)]
            if _ends_with(word, ending) and final(head[-1]) == NIEUN:
                open_ = with_final(head[-1], 0)
                if open_ is not None:  # 된다 -> 되, 열린다니까요 -> 열리, 켜진다 -> 켜져
                    out += self._stem_forms(head[:-1] + open_)
                break
        for ending in self.formal_endings:
            head = word[: -len(ending)]
            if _ends_with(word, ending) and final(head[-1]) == BIEUP:
                open_ = with_final(head[-1], 0)
                if open_ is not None:  # 열립니다 -> 열리 -> 열려, 씁니다 -> 써
                    out += self._stem_forms(head[:-1] + open_)
                break
        for ending in self.linked_endings:
            head = word[: -len(ending)]
            if _ends_with(word, ending) and final(head[-1]) == 0 and len(head) > 1:
                out += self._stem_forms(head)  # 시작하입시더 -> 시작하 -> 시작해
                break
        for ending in self.plain_endings:
            head = word[: -len(ending)]
            if _ends_with(word, ending) and final(head[-1]) not in (None, 0, NIEUN):
                out.append(head)  # 켰다 -> 켰, 없다 -> 없, 맞다 -> 맞 (된다: nieun_endings)
                break
        return out

    def _stem_forms(self, stem: str) -> list[str]:
        """A bare verb stem, and its -아/-어 form as the file spells it (되 -> 돼 -> 되)."""
        form = infinitive(stem)
        return [stem, _respell(form, self.respellings)] if form else [stem]

    def _is_word(self, piece: str) -> bool:
        """A piece that reads alone, and is not an ending written apart ("요", "이")."""
        return piece not in self.endings and self._stem(piece) is not None

    def _stem(self, word: str) -> str | None:
        """The word with endings off (longest first) for as long as that leaves a stem
        ("유지가" -> "유지" -> "유", as "유지" in a phrase reads); None if it is no stem."""
        while (shorter := self._without_ending(word)) is not None:
            word = shorter
        return word if word in self.stems else None

    def _without_ending(self, word: str) -> str | None:
        for ending in self.endings:
            if _ends_with(word, ending) and word[: -len(ending)] in self.stems:
                return word[: -len(ending)]
        for ending in self.base_endings:  # 보이지: the stem 보이, read as 보여
            form = infinitive(word[: -len(ending)]) if _ends_with(word, ending) else None
            form = _respell(form, self.respellings) if form else None
            if form and form != word and form in self.stems:
                return form
        return None


def _rewritten(
    words: list[str], rewrite: Callable[[str, str], tuple[list[str], bool] | None]
) -> list[str]:
    """Each word given to rewrite with the word after it ("" at the end), which returns what
    it reads as and whether the word after was read with it; None keeps the word."""
    out: list[str] = []
    index = 0
    while index < len(words):
        after = words[index + 1] if index + 1 < len(words) else ""
        read = rewrite(words[index], after)
        out += [words[index]] if read is None else read[0]
        index += 2 if read is not None and read[1] else 1
    return out


def _clause_end(words: list[str], start: int) -> str:
    """The last word of the clause that has words[start]."""
    end = start
    while end + 1 < len(words) and words[end + 1] != BREAK:
        end += 1
    return words[end]


def _done(word: str) -> bool:
    """A verb in the past (삭제했어요), not 있다 (있어요: a state, though closed by ㅆ)."""
    return any(final(c) == SSANG_SIOT and c != "있" for c in word[:-1])


def _describes(word: str, written: frozenset[str]) -> bool:
    """A verb's -는 form of its own ("쓰는", "켜지는"), not a word of the file."""
    return len(word) > 1 and word.endswith("는") and word not in written


def _in_the_past(word: str) -> bool:
    """A verb in the past: a syllable closed by ㅆ with more after it (켰어요, 로그인했당께)."""
    return any(final(c) == SSANG_SIOT for c in word[:-1])


def _respell(word: str, respellings: tuple[tuple[str, str], ...]) -> str:
    for written, read in respellings:
        word = word.replace(written, read)
    return word


def _ends_with(word: str, ending: str) -> bool:
    """True when the word ends so and has more before it."""
    return len(word) > len(ending) and word.endswith(ending)


def load(path: Path, data: dict[str, Any], sections: Iterable[str]) -> AttachedWords | None:
    """The `understanding.attached` lists of a language file; None when it has none.

    sections: the file's sections whose phrases the reading must reach (`intents`, ...)."""
    rules = data.get("understanding")
    if not isinstance(rules, dict) or rules.get("attached") is None:
        return None
    raw = rules["attached"]
    if not isinstance(raw, dict):
        raise PromptError(path, "understanding.attached", "not a mapping")
    lists: dict[str, Any] = {}
    for key in (
        "endings",
        "negation_prefixes",
        "clause_endings",
        "clause_words",
        "alone_first",
        "dropped",
        "hedged",
        "refusing",
        "linked_endings",
        "interrupted_endings",
        "rieul_endings",
        "future_endings",
        "nieun_endings",
        "auxiliaries",
        "again_words",
        "progressive",
        "becoming",
        "described_nouns_not",
        "reported_endings",
        "reporting_words",
        "base_endings",
        "formal_endings",
        "plain_endings",
        "never_joined",
        "asking_endings",
        "inferring_endings",
        "inferring_words",
        "trailing_marks",
        "instead_words",
        "intending_endings",
        "obligation_endings",
        "obligation_words",
        "ongoing_endings",
        "ji_with_particle",
        "how_words",
        "how_endings",
        "embedded_endings",
        "not_knowing",
        "asking_words",
        "permission_endings",
        "permission_words",
        "guess_nouns",
        "progressing_words",
        "reported_endings_of_obligation",
        "reason_endings",
        "inability_negations",
        "formal_asking_endings",
        "concession_endings",
        "ongoing_auxiliaries",
        "reported_errors",
        "contracted_errors",
        "reporting_adverbs",
    ):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise PromptError(path, f"understanding.attached.{key}", "not a list of words")
        lists[key] = [w for v in value for w in normalize(v)]
    for key in (
        "respellings", "rieul_respellings", "final_variants", "ji_negations", "not_last",
        "reported_contractions",
    ):  # fmt: skip
        value = raw.get(key, {})
        parts = [p for pair in value.items() for p in pair] if isinstance(value, dict) else [0]
        if not all(isinstance(p, str) and normalize(p) in ([p], []) for p in parts):
            raise PromptError(path, f"understanding.attached.{key}", "not a mapping of word parts")
        lists[key] = dict(value)
    lists["fillers"] = [f for f in rules.get("fillers") or [] if len(normalize(str(f))) == 1]
    asked_as = raw.get("asked_as", "")
    if not isinstance(asked_as, str) or normalize(asked_as) not in ([asked_as], []):
        raise PromptError(path, "understanding.attached.asked_as", "not one word")
    lists["asked_as"] = asked_as
    progressing_as = raw.get("progressing_as", "")
    if not isinstance(progressing_as, str):
        raise PromptError(path, "understanding.attached.progressing_as", "not a phrase")
    lists["progressing_as"] = progressing_as
    reported_as = raw.get("obligation_reported_as", "")
    if not isinstance(reported_as, str):
        raise PromptError(path, "understanding.attached.obligation_reported_as", "not a phrase")
    lists["obligation_reported_as"] = reported_as
    for key in (
        "how_verb", "refused_as", "under_way", "reason_mark", "concession_mark", "error_mark",
    ):  # fmt: skip
        word = raw.get(key, "")
        if not isinstance(word, str) or normalize(word) not in ([word], []):
            raise PromptError(path, f"understanding.attached.{key}", "not one word")
        lists[key] = word
    phrases = [data.get(s) for s in sections if s != "understanding"]
    # negations, fillers, ...; not `doing_verbs`, forms to be read as said ("치고 있어요"), so
    # its -고 words must stay unwritten (a written word is never read as under way), nor the
    # words of `_account_not_known`, matched as read (썼는지: 썼 는; "안 쓰는 백업" read as before)
    phrases += [v for k, v in rules.items() if k not in _READ_AS_SAID]
    words = [w for text in _strings_in(phrases) for w in normalize(text)]
    return AttachedWords.from_lists(phrase_words=words, **lists)


_READ_AS_SAID = (
    "attached", "doing_verbs", "account_which", "account_using", "not_knowing_after",
    "trying_endings", "trying_verbs",
)  # fmt: skip
"""Keys of `understanding` whose words are matched as the reading leaves them, not written."""


def _strings_in(value: Any) -> Iterator[str]:
    """Every string inside nested mappings and lists."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings_in(item)
