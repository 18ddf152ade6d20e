"""Korean answers read as people give them: 네/아니요, negation before (안, 못) and after the
verb (-지 않아요), particles and politeness endings, answers in context, and the commands."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from assistant.conversation.understanding import Vocabulary

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))
import bench_understanding  # noqa: E402


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [
        ("네", "s1_apple_id", "yes"),
        ("예, 맞아요", "s1_apple_id", "yes"),
        ("응", "start", "yes"),
        ("아니요", "s1_apple_id", "no"),
        ("아뇨", "s2_cellular", "no"),
        ("아니", "s2_online", "no"),
        ("했어요", "s5_restart", "yes"),
        ("다 했어요", "s6_install_update", "yes"),
        ("했습니다", "s5_restart", "yes"),
    ],
)
def test_yes_no_and_done(ko, text, question, intent):
    assert ko.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("안 했어요", "s1_sign_in"),  # negation before the verb
        ("안했어요", "s1_sign_in"),  # ... written onto it
        ("못 했어요", "s3_free_space"),
        ("아직 못 했습니다", "s1_sign_in"),
        ("켜져 있지 않아요", "s1_sync_on"),  # negation after the verb (-지 않아요)
        ("켜지 않았어요", "s1_turn_on"),
        ("동기화되지 않아요", "fixed?"),
        ("제 계정이 아니에요", "s1_apple_id"),  # after a noun
        ("업데이트가 없어요", "s6_update_available"),
        ("사진이 안 올라가요", "fixed?"),
    ],
)
def test_negated_answers_are_no(ko, text, question):
    assert ko.parse(text, question) == "no"


def test_particles_and_politeness_endings_come_off_the_word(ko):
    # "와이파이" + 예요 / 에 연결돼 있어요: Wi-Fi, so not cellular.
    assert ko.parse("와이파이예요", "s2_cellular") == "no"
    assert ko.parse("꽉 찼네요", "s3_storage_full") == "yes"
    assert ko.parse("네 켜져 있습니다", "s1_sync_on") == "yes"
    assert ko.tokens("사진이") == ko.tokens("사진은") == ["사진"]


def test_the_same_words_mean_what_the_question_asks(ko):
    # "없어요" (there is none): no at "is there an update?", yes at "is storage full?".
    assert ko.parse("업데이트 없어요", "s6_update_available") == "no"
    assert ko.parse("공간이 없어요", "s3_storage_full") == "yes"
    assert ko.parse("켜져 있어요", "s1_sync_on") == "yes"
    assert ko.parse("꺼져 있어요", "s2_photos_data") == "no"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("다시", "repeat"),
        ("뒤로", "back"),
        ("건너뛰기", "skip"),
        ("도움말", "help"),
        ("잠깐만요", "pause"),
        ("계속", "resume"),
        ("그만", "stop"),
        ("처음부터", "start_over"),
        ("처음부터 다시", "start_over"),
        ("지금 몇 단계", "where"),
        ("천천히", "slower"),
        ("빨리", "faster"),
        ("크게", "louder"),
        ("작게", "quieter"),
    ],
)
def test_commands(ko, text, intent):
    assert ko.parse(text, "s1_sync_on") == intent


def test_doubt_corrections_and_cancelled_commands_are_never_guessed(ko):
    assert ko.parse("잘 모르겠어요", "s1_apple_id") == "unknown"
    assert ko.parse("글쎄요", "s2_cellular") == "unknown"
    assert ko.parse("네, 아니 그게 아니라 아니요", "s1_sync_on") == "no"
    assert ko.parse("아니요, 잠깐만요, 네", "s1_sync_on") == "yes"
    assert ko.parse("건너뛰지 마세요", None) == "unknown"
    # "still doesn't work" is no, not the command 계속 (resume)
    assert ko.parse("계속 안 돼요", "fixed?") == "no"


def test_hangul_survives_normalization_in_every_unicode_form(ko):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "아니요")  # jamo, as some keyboards send
    assert ko.parse(decomposed, "s1_apple_id") == "no"
    assert ko.parse("네！", "s1_apple_id") == "yes"  # full-width punctuation


def test_grammar_phrases_are_hangul_as_written(ko):
    phrases = ko.phrases(["yes", "no"], "s1_sync_on")
    assert "켜져 있어요" in phrases and "아니요" in phrases


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [
        ("로그인 됬어요", "s1_sign_in", "yes"),  # misspellings put right
        ("업데이트 잇어요", "s6_update_available", "yes"),
        ("않돼요", "s2_online", "no"),
        ("넹 맞아용", "s1_apple_id", "yes"),  # playful last syllables
        ("아니여", "s2_online", "no"),
        ("꺼져있어", "s1_sync_on", "no"),  # words written together
        ("다시말해주세요", None, "repeat"),
        ("ㅇㅇ", "s1_apple_id", "yes"),  # chat consonants
        ("ㄴㄴ 꺼져 있음", "s1_sync_on", "no"),
    ],
)
def test_typed_slips_and_spacing(ko, text, question, intent):
    assert ko.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [("다시 말해 줘", "repeat"), ("소리 키워 줘", "louder"), ("천천히 말해", "slower"),
     ("나 돌아왔어", "resume"), ("이 단계 넘길게", "skip")],
)  # fmt: skip
def test_commands_in_banmal(ko, text, intent):
    assert ko.parse(text) == intent


def test_ani_opening_a_clause_is_the_answer_no(ko):
    assert ko.parse("아니 아직 못했어", "s1_sign_in") == "no"
    assert ko.parse("아니 꺼져있어", "s1_sync_on") == "no"
    # ... and after a verb it still negates it
    assert ko.parse("제 계정이 아니에요", "s1_apple_id") == "no"


@pytest.mark.parametrize(
    ("text", "question", "wrong"),
    [
        ("켰어 근데 요금제가 무제한은 아니야", "s2_enable_data", "no"),  # negation: its clause
        ("다시 켰는데 여전히 안 돼요", "s5_restart", "repeat"),  # "다시" before a verb: "again"
        ("켰는데 다시 꺼져요", "s1_turn_on", "yes"),  # turned on, but it went off again
        ("안 켜져 있는 건 아니에요", "s1_sync_on", "no"),  # hedged double negatives
        ("업데이트가 없는 건 아니에요", "s6_update_available", "no"),
    ],
)
def test_but_clauses_and_double_negatives_are_not_acted_on_wrongly(ko, text, question, wrong):
    assert ko.parse(text, question) != wrong


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [
        ("소리 좀 키워 주세요", None, "louder"),  # 좀 inside a command
        ("음 아니요 회사 계정이에요", "s1_apple_id", "no"),  # a filler before 아니요
        ("켰습니당", "s1_turn_on", "yes"),
        ("체크가 안 돼 있어요", "s4_optimized", "no"),  # 돼 있어요: yes only alone
        ("아뇨 원본 유지로 돼 있어요", "s4_optimized", "no"),
        ("다시 시작할게요", None, "start_over"),
    ],
)
def test_round_four_categories(ko, text, question, intent):
    assert ko.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [
        ("켜져있음", "s1_sync_on", "yes"),  # the noun form of notes and chat
        ("공간 부족이래요", "s3_storage_full", "yes"),  # reported speech
        ("아뇨 제 거 아니에요", "s1_apple_id", "no"),  # 아뇨 first: not negated again
        ("그만 할게요", None, "stop"),
    ],
)
def test_round_five_categories(ko, text, question, intent):
    assert ko.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [
        # -ㄹ래요 / -ㄹ게요 / -ㄹ까요: one verb, read as one another or as the polite form
        ("이전 단계로 갈래요", None, "back"),
        ("넘어갈까요", None, "skip"),
        ("계속할래", None, "resume"),
        ("그만할게", None, "stop"),
        # honorific 말씀하다 read as 말하다
        ("다시 말씀해 주실래요", None, "repeat"),
        ("천천히 말씀해 주세요", None, "slower"),
        # reported speech in -대요
        ("업데이트가 있대요", "s6_update_available", "yes"),
        ("업데이트 없대", "s6_update_available", "no"),
        # -아/-어 두다 / 놓다: done and left so
        ("케이블 연결해 놨어요", "s7_charge", "yes"),
        ("충전기에 꽂아 뒀어", "s7_charge", "yes"),
        # -는 중: in the middle of it, not done yet
        ("다시 켜는 중이에요", "s5_restart", "no"),
        ("설치하는 중이에요", "s6_install_update", "no"),
        # what is selected, named, answers the question
        ("원본 다운로드 및 유지가 선택돼 있어요", "s4_optimized", "no"),
        ("최적화가 선택돼 있어요", "s4_optimized", "yes"),
        ("최적화로 했어요", "s4_select_optimize", "yes"),
        ("도움이 좀 필요해요", None, "help"),
    ],
)
def test_round_six_categories(ko, text, question, intent):
    assert ko.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "wrong"),
    [
        ("원본 유지로 바꿨어요", "s4_select_optimize", "yes"),  # the other option chosen
        ("저장 공간 최적화는 싫어요", "s4_select_optimize", "yes"),
        ("충전하는 중이에요", "s7_charge", "no"),  # charging is what was asked
        ("선택 안 돼 있어요", "s4_optimized", "yes"),
    ],
)
def test_round_six_reading_does_not_act_wrongly(ko, text, question, wrong):
    assert ko.parse(text, question) != wrong


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [
        # dialect: Gyeongsang 예 / 라예 for 요 / 이에요, Jeolla -당께
        ("다 했어예", "s6_install_update", "yes"),
        ("제 계정 아니라예", "s1_apple_id", "no"),
        ("켰당께", "s1_turn_on", "yes"),
        # 하십시오체 imperatives, -겠- forms
        ("천천히 말해 주십시오", None, "slower"),
        ("건너뛰겠습니다", None, "skip"),
        ("아직 못 하겠어요", "s3_free_space", "no"),
        # the plain and emphatic present after ㄴ
        ("이제 잘 된다", "fixed?", "yes"),
        ("안 된다니까요", "fixed?", "no"),
        # Konglish: 온 / 오프, 노
        ("오프로 돼 있어요", "s2_photos_data", "no"),
        ("노 아직이요", "s1_turn_on", "no"),
        # 다시 before a verb in the past is "again", not the command
        ("다시 연결했어요", "s7_charge", "yes"),
        ("다시 켰습니다", "s1_turn_on", "yes"),
        # hesitation words carry nothing
        ("어 그거 제 계정이에요", "s1_apple_id", "yes"),
    ],
)
def test_round_six_held_out_categories(ko, text, question, intent):
    assert ko.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [
        # Chungcheong -유 for -요 and -슈 for -어요; 아녀 (아니여), 그려 (그래)
        ("로그인했슈", "s1_sign_in", "yes"),
        ("꺼져 있슈", "s2_photos_data", "no"),
        ("아직이유", "s1_turn_on", "no"),
        ("인터넷 안 돼유", "s2_online", "no"),
        ("아녀유 딸내미 거유", "s1_apple_id", "no"),
        ("그려유 시작해유", "start", "yes"),
        ("그만할래유", None, "stop"),
        # a grandchild reporting: the honorific past in reported speech
        ("할머니가 로그인하셨대요", "s1_sign_in", "yes"),
        # chat: ㄱㄱ (go go) at the start
        ("ㄱㄱ", "start", "yes"),
        # synonyms at one question: 재부팅 is 재시동; a forgotten password (help at the
        # action since round fourteen: the help explains the step, no only waits); used it all
        ("재부팅했어요", "s5_restart", "yes"),
        ("공유기 재부팅했어요", "s2_fix_network", "yes"),
        ("비밀번호를 까먹었어요", "s1_sign_in", "help"),
        ("거의 다 썼어요", "s3_storage_full", "yes"),
        ("용량 추가 구입했습니다", "s3_free_space", "yes"),
        # a negated description of a noun is no negation of the answer (something done) ...
        ("안 쓰는 백업 삭제했어요", "s3_free_space", "yes"),
        ("못 쓰는 사진 지웠어요", "s3_free_space", "yes"),
        # ... but stays before a state, or with a noun that makes it the predicate
        ("안 열리는 사이트가 있어요", "s2_online", "no"),
        ("안 되는 것 같아요", "fixed?", "no"),
    ],
)
def test_round_seven_held_out_categories(ko, text, question, intent):
    assert ko.parse(text, question) == intent


@pytest.mark.parametrize(
    "text",
    [
        # pieces of the Korean model's transcripts of speech that answers nothing (round
        # seven, the MBROLA voice): the particle 가, "come to" (-게 되다), an ending -네요
        # written apart, were yes at every question
        "바지 가 지 이사",
        "뒤 벌이 게된다",
        "취업 칩 먹었 네요 다 요",
        "하게 됐어요",
    ],
)
def test_transcript_pieces_that_answer_nothing_are_not_answers(ko, text):
    for question in ("s1_sync_on", "s2_online", "fixed?"):
        assert ko.parse(text, question) == "unknown", question


@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [
        # what one saw (-더라고요) and Gangwon -드래요
        ("보니까 켜져 있더라고요", "s1_sync_on", "yes"),
        ("안 켜지더라고요", "s1_turn_on", "no"),
        ("로그인 했드래요", "s1_sign_in", "yes"),
        # Jeju -수다 / -우다, 이수다 (있어요), 기여 (yes), 마씸 (a polite tag)
        ("켰수다", "s1_turn_on", "yes"),
        ("꺼져 이수다", "s2_photos_data", "no"),
        ("아니우다 아들 거우다", "s1_apple_id", "no"),
        ("아직도 그대로우다", "fixed?", "no"),
        ("기여 나 계정 마씸", "s1_apple_id", "yes"),
        # 하오체: -소, -이오, 아니오, -겠소, -시오
        ("켜져 있소", "s1_sync_on", "yes"),
        ("아니오 아내 계정이오", "s1_apple_id", "no"),
        ("이제 그만하겠소", None, "stop"),
        # the noun forms of reports: -함, -됨, -임, -림
        ("로그인 완료함", "s1_sign_in", "yes"),
        ("설치 완료됨", "s6_install_update", "yes"),
        ("인터넷 연결 안 됨", "s2_online", "no"),
        ("비활성화 상태임", "s2_photos_data", "no"),
        ("열림", "s2_online", "yes"),
        # English and Konglish in a Korean answer; romanized Korean
        ("no 회사 계정이에요", "s1_apple_id", "no"),
        ("start 해 주세요", "start", "yes"),
        ("이건 패스할게요", None, "skip"),
        ("help 좀 해 주세요", None, "help"),
        ("aniyo", "s1_sync_on", "no"),
        # -아/-어 보다 softening a request
        ("잠깐 기다려 봐요", None, "pause"),
        # a reason or what came first ends the clause (-서, -니)
        ("비번이 기억이 안 나서 못 했어요", "s1_sign_in", "no"),
        ("처음으로 돌아가서 다시 해요", None, "start_over"),
        # a share of storage in numbers
        ("95% 썼어요", "s3_storage_full", "yes"),
        ("30% 찼어요", "s3_storage_full", "no"),
        # checked is selected: the other option checked is no
        ("원본 다운로드 및 유지에 체크돼 있어요", "s4_optimized", "no"),
        ("체크돼 있어요", "s4_optimized", "yes"),
    ],
)
def test_round_eight_held_out_categories(ko, text, question, intent):
    assert ko.parse(text, question) == intent


@pytest.mark.parametrize(
    ("text", "question", "wrong"),
    [
        # heldout9's three wrong actions at its first measurement: the switch's colour said
        # with "돼 있어요" (is set so) was a bare yes; "cannot connect, it shows" was "it
        # shows" (yes); a question back ("it is on, isn't it?") was yes
        ("스위치가 하얗게 돼 있어요", "s1_sync_on", {"yes"}),
        ("연결할 수 없다고 떠요", "s2_online", {"yes"}),
        ("켜져 있는 거 맞죠?", "s1_sync_on", {"yes", "no"}),
        # ... and Korean "A 중에 B" (B of A) is not read the English way round (A of B)
        ("50기가 중에 2기가 썼어요", "s3_storage_full", {"yes"}),
    ],
)
def test_round_eight_reading_does_not_act_wrongly(ko, text, question, wrong):
    assert ko.parse(text, question) not in wrong


def test_a_tag_question_is_not_the_answer_it_asks_about(ko):
    assert ko.parse("켜져 있는 거 맞죠?", "s1_sync_on") == "unknown"
    assert ko.parse("제 거 맞아요", "s1_apple_id") == "yes"
    assert ko.parse("스위치가 하얗게 돼 있어요", "s1_sync_on") == "no"
    assert ko.parse("최신 상태라고 나와요", "s6_update_available") == "no"


def test_lets_go_is_yes_only_at_the_start(ko):
    assert ko.parse("가요", "start") == "yes"
    assert ko.parse("가요", "s1_sync_on") == "unknown"
    assert ko.parse("이제 잘 된다", "fixed?") == "yes"  # 되다 alone still works


def test_again_before_a_verb_leaves_the_commands_with_again():
    ko = Vocabulary.load("ko")
    assert ko.parse("다시", None) == "repeat"
    assert ko.parse("다시 말해 주세요", None) == "repeat"
    assert ko.parse("다시 왔어요", None) == "resume"
    assert ko.parse("다시 시작할게요", None) == "start_over"


# The Korean phrase sets of the benchmark (bench/history/korean.md, "Understanding Korean text"),
# every one tuned on by now: what they reach must not slip back.


def _korean_score(ko: Vocabulary, name: str) -> tuple[int, Counter[str]]:
    rows = bench_understanding.read_phrasings(BENCH / "data" / f"korean_understanding_{name}.tsv")
    return len(rows), bench_understanding.score(ko, rows, use_question=True)["all"]


# heldout3 and heldout6 keep one wrong action each, documented in bench/history/korean.md.
@pytest.mark.parametrize(
    "name",
    ["heldout", "heldout2", "heldout4", "heldout5", "heldout7", "heldout8", "heldout9",
     "heldout10", "heldout11", "heldout12", "heldout13"],
)  # fmt: skip
def test_no_wrong_action_on_the_korean_phrase_sets(ko, name):
    _, counts = _korean_score(ko, name)
    assert not {k: n for k, n in counts.items() if k.startswith("wrong")}


# heldout3 (88.1%) is below the target; the others reach it.
@pytest.mark.parametrize(
    "name",
    ["heldout", "heldout2", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9",
     "heldout10", "heldout11", "heldout12", "heldout13"],
)  # fmt: skip
def test_korean_phrase_sets_understood_at_the_target(ko, name):
    total, counts = _korean_score(ko, name)
    assert counts["right"] >= 0.95 * total
