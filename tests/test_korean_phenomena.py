"""Korean answers by phenomenon, in sentences of our own (none is a phrase of prompts/ko.yaml
or of a benchmark set): a verb the file has in one form is read in every ending people use,
negated before or after it, and hedges, corrections and requests are read as such."""

from __future__ import annotations

import pytest

from assistant.conversation import hangul


@pytest.mark.parametrize(
    ("stem", "polite", "past"),
    [
        ("보이", "보여", "보였"),
        ("쓰", "써", "썼"),
        ("하", "해", "했"),
        ("되", "돼", "됐"),
        ("찾", "찾아", "찾았"),
        ("있", "있어", "있었"),
        ("건너뛰", "건너뛰어", "건너뛰었"),
        ("재시동하", "재시동해", "재시동했"),
    ],
)
def test_a_stem_makes_its_polite_and_past_forms(stem, polite, past):
    assert hangul.infinitive(stem) == polite
    assert hangul.past(stem) == past


# One verb per question, in the endings of every politeness level: 해요체, 합쇼체, 반말
# (-요 dropped), the plain -다 of a diary, the noun form of notes, and spoken endings.
@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("열립니다", "s2_online"),  # 합쇼체 after an open stem: 열리 + ㅂ니다
        ("씁니다", "s2_cellular"),
        ("시작합니다", "start"),
        ("제 계정입니다", "s1_apple_id"),
        ("켰다", "s1_turn_on"),  # the plain form after a past
        ("설치했다", "s6_install_update"),
        ("있다", "s6_update_available"),
        ("찼어", "s3_storage_full"),  # 반말: -요 dropped
        ("내 계정이야", "s1_apple_id"),
        ("찼음", "s3_storage_full"),  # the noun form of notes
        ("열리죠", "s2_online"),  # spoken endings on the bare stem
        ("동기화된다", "fixed?"),
    ],
)
def test_every_ending_of_an_answer_verb_reads(ko, text, question):
    assert ko.parse(text, question) == "yes"


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("보이지 않아요", "s2_online"),  # -지 않아요 on a stem the file has as 보여요
        ("쓰지 않아요", "s2_cellular"),
        ("안 씁니다", "s2_cellular"),
        ("차지 않았어요", "s3_storage_full"),  # ... in the past: 찼어요 + not
        ("재시동하지 않았어요", "s5_restart"),
        ("켜지 못했어요", "s1_turn_on"),  # -지 못했어요 = 못 켰어요
        ("로그인하지 못했어요", "s1_sign_in"),
        ("켜지지 않아요", "s1_turn_on"),  # it won't turn on
        ("없다", "s6_update_available"),  # 없어요 in the plain form
        ("시작하지 마세요", "start"),  # -지 마세요: don't
    ],
)
def test_negation_before_and_after_any_form_of_the_verb_is_no(ko, text, question):
    assert ko.parse(text, question) == "no"


def test_dont_before_a_command_cancels_it(ko):
    assert ko.parse("건너뛰지 마세요", None) == "unknown"


def test_the_verb_of_the_question_takes_its_object(ko):
    # "쓰고 있나요?" (are you using cellular data?): 써요 alone is yes, with Wi-Fi it is no.
    assert ko.parse("써요", "s2_cellular") == "yes"
    assert ko.parse("와이파이 쓰고 있어요", "s2_cellular") == "no"


# Hedges and guesses: never an answer to act on, whatever answer is inside them.
@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("아마 켜져 있을걸요", "s1_sync_on"),
        ("글쎄 잘 모르겠어", "s2_online"),
        ("모르겠습니다", "s3_storage_full"),
        ("켜져 있나 봐요", "s1_sync_on"),  # -나 봐요: it seems
        ("되나 봐요", "fixed?"),
        ("찬 것 같기도 하고요", "s3_storage_full"),  # it might also be
        ("됐을 수도 있어요", "fixed?"),  # -ㄹ 수도 있어요: it may be
        ("켤 수 있어요", "s1_turn_on"),  # I can (not: I did)
        ("확인이 안 돼요", "s1_sync_on"),  # I can't check
        ("업데이트가 있나요?", "s6_update_available"),  # the question said back
        ("켜져 있습니까", "s1_sync_on"),
    ],
)
def test_hedges_guesses_and_questions_back_are_asked_again(ko, text, question):
    assert ko.parse(text, question) == "unknown"


def test_a_question_form_still_carries_a_command(ko):
    assert ko.parse("지금 몇 단계인가요?", None) == "where"
    assert ko.parse("다시 말해 줄 수 있어요?", None) == "repeat"  # can you ...: a request
    assert ko.parse("도와줄 수 있어요?", None) == "help"


# The verb ends a Korean clause: a bare 있어요 (there is) is said of the word before it.
@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [
        ("충전기 있어요", "s7_charge", "unknown"),  # I have a charger: not plugged in yet
        ("공간은 충분히 있어요", "s3_storage_full", "no"),  # space enough: not full
        ("체크가 안 돼 있어요", "s4_optimized", "no"),  # negated, it stays
        ("네 있어요", "s6_update_available", "yes"),
        ("문제 없어요", "fixed?", "yes"),  # no problem: the 없어요 of a trouble
        ("둘 다 써요", "s2_cellular", "unknown"),  # both: neither answer
        ("와이파이랑 데이터 둘 다요", "s2_cellular", "unknown"),
        ("둘 다 켰어요", "s2_enable_data", "yes"),  # both switches on
    ],
)
def test_there_is_answers_only_with_what_there_is(ko, text, question, intent):
    assert ko.parse(text, question) == intent


# Corrections: what is said last stands.
@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [
        ("네 아니 아니요", "s1_apple_id", "no"),  # a no said twice takes the yes back
        ("네 네 아니 아니요 아직이요", "s5_restart", "no"),
        ("꺼져 있어요 아 아니 켜져 있어요", "s1_sync_on", "yes"),  # 아 아니: oh no, ...
        ("아니요, 아 아니다, 네", "s2_cellular", "yes"),
        ("네 아 아니 다른 계정이에요", "s1_apple_id", "no"),
        ("아니요 아 잠깐만 네", "s1_apple_id", "yes"),  # 네 is never an ending of 잠깐만
        ("아 아니요", "s1_sync_on", "no"),  # alone, the correction is the answer
        ("네 아니요", "s1_apple_id", "unknown"),  # both, with nothing taken back: asked again
    ],
)
def test_the_last_answer_stands_after_a_correction(ko, text, question, intent):
    assert ko.parse(text, question) == intent


# Commands as people ask for them: requests in every politeness level, wants, complaints.
@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("반복해 주시겠습니까", "repeat"),  # 합쇼체 request
        ("못 알아들었어요", "repeat"),  # not caught
        ("아까 질문으로 돌아가요", "back"),
        ("설명 좀 해 주세요", "help"),
        ("뭐라고 대답해야 돼요?", "help"),  # -야 돼요 is "must", not "it works" (yes)
        ("잠시 멈춰 줘", "pause"),
        ("그만 둘게요", "stop"),
        ("그만하고 싶어요", "stop"),  # I want to stop
        ("볼륨 좀 낮춰 주세요", "quieter"),
        ("조금 천천히 말씀해 주시겠어요?", "slower"),
        ("오늘은 그만할게요", "stop"),
    ],
)
def test_commands_in_natural_requests(ko, text, intent):
    assert ko.parse(text, None) == intent


# Speech and chat styles: Gyeongsang and Jeolla forms, laughter typed onto a word, "not X
# but Y", and what the screen says, reported.
@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [
        ("맞다", "s1_apple_id", "yes"),  # the plain -다 after a closed syllable
        ("아이다 내 꺼 아이다", "s1_apple_id", "no"),  # Gyeongsang 아이다 = 아니다
        ("그라제", "s1_apple_id", "yes"),  # Jeolla 그라제 = 그렇죠
        ("켜져있음ㅋㅋ", "s1_sync_on", "yes"),
        ("안돼요ㅠㅠ", "fixed?", "no"),
        ("와이파이 말고 데이터 써요", "s2_cellular", "yes"),  # not Wi-Fi: data
        ("데이터 말고 와이파이요", "s2_cellular", "no"),
        ("용량 부족하다고 떠요", "s3_storage_full", "yes"),
        ("최신이라고 나와요", "s6_update_available", "no"),
        ("켜저 있어요", "s1_sync_on", "yes"),  # ㅕ typed as ㅓ
        ("off 돼 있어요", "s1_sync_on", "no"),  # English in a Korean answer
        ("노놉", "s1_apple_id", "no"),
        ("찼다고 하기엔 좀 애매해요", "s3_storage_full", "unknown"),  # hard to say
    ],
)
def test_dialect_and_chat_styles(ko, text, question, intent):
    assert ko.parse(text, question) == intent


# What one will do, would do, must do or does if: no fact, so never acted on as an answer.
@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("이제 켤게요", "s1_turn_on"),  # I'll turn it on (not: I did)
        ("켤까요?", "s1_turn_on"),
        ("켜려고요", "s1_turn_on"),
        ("퍽이나 되겠어요", "fixed?"),  # -겠- and sarcasm
        ("켜져 있겠죠", "s1_sync_on"),
        ("켜면 돼요?", "s1_turn_on"),  # -면: if
        ("끄면 안 돼요?", "s1_sync_on"),
        ("켜야 돼요?", "s1_turn_on"),  # -아야 되다: must
        ("했을걸요", "s5_restart"),  # I bet
        ("켜져 있을 텐데요", "s1_sync_on"),
    ],
)
def test_intentions_conditions_and_suppositions_are_asked_again(ko, text, question):
    assert ko.parse(text, question) == "unknown"


def test_intention_forms_the_file_has_keep_their_meaning(ko):
    assert ko.parse("뒤로 갈게요", None) == "back"  # a command said as an intention
    assert ko.parse("다음에 할게", "start") == "no"  # 다음에 할게요, listed
    assert ko.parse("못 켜겠어요", "s1_turn_on") == "no"  # a refusal
    assert ko.parse("사진 올라가고 있어요", "fixed?") == "yes"  # -고 있어요: going on


# Round ten: the phenomena of heldout10's misses, in sentences of our own.
@pytest.mark.parametrize(
    ("text", "question", "intent"),
    [
        # "Later" said with what one will do is no at the start (not now), a pause elsewhere.
        ("아니요 이따 할게요", "start", "no"),
        ("이따가 할래요", "start", "no"),
        ("이따가 할게요", "s5_restart", "pause"),
        # A wait said after the verb of what one is waiting on is a sentence of its own; but
        # after the step under way (-는 중) it is not yet or a pause, and the blind sets label
        # it both ways: asked again (round seventeen, tests/test_korean_round_seventeen.py).
        ("문자 기다리는 중이에요 잠시만요", "s1_sign_in", "unknown"),
        # ... but the phone's process under way with a wait is a pause (the lead's decision
        # after round fifteen; round twenty)
        ("재시동 중이에요 잠깐만요", "s5_restart", "pause"),
        ("문자 기다리는 중이에요", "s1_sign_in", "no"),
        # The -지 form with a particle before a negation (지는, 진, 지도) reads as -지.
        ("꺼져 있지는 않아요", "s2_photos_data", "yes"),
        ("켜져 있진 않네요", "s1_sync_on", "no"),
        ("다 차지는 않았어요", "s3_storage_full", "no"),
        ("선택돼 있진 않아요", "s4_optimized", "no"),
        # ... and the state the question names, negated after it, is its opposite; at an
        # action a negated no is no "done".
        ("꺼져 있지 않아요", "s1_sync_on", "yes"),
        ("원본 남기고 싶지 않아요", "s4_select_optimize", "unknown"),
        # Words of one meaning at one question: roomy or short of room, not a good time,
        # my name shown, the originals wanted on the phone.
        ("아직 여유로워요", "s3_storage_full", "no"),
        ("공간이 빠듯해요", "s3_storage_full", "yes"),
        ("오늘은 좀 바빠요", "start", "no"),
        ("맨 위에 제 이름이 나와요", "s1_apple_id", "yes"),
        ("원본은 그냥 폰에 두고 싶어요", "s4_select_optimize", "no"),
        # 청유형 -ㅂ시다 and 반말 -자 (let's), 그러다's 그래 (그럽시다)
        ("그럼 갑시다", "start", "yes"),
        ("네 그러죠", "start", "yes"),
        # Gyeongsang 합쇼체: -심더, -니더; 아입니더 (아닙니다)
        ("켰심더", "s2_enable_data", "yes"),
        ("업데이트 없심더", "s6_update_available", "no"),
        ("아입니더", "s1_sync_on", "no"),
        # Help asked as a question about the step, with any verb, or not following
        ("어떻게 고르는 거예요?", "s4_select_optimize", "help"),
        ("어떻게 켜는지 모르겠어요", "s2_enable_data", "help"),
        ("무슨 소린지 모르겠어요", "s2_online", "help"),
        ("이해가 안 가요", "-", "help"),
        # A share said whole first (X 중에 Y: Y of X), in units written onto the numbers
        ("100기가 중에 97기가 썼어요", "s3_storage_full", "yes"),
        ("64기가 중에서 5기가 찼어요", "s3_storage_full", "no"),
        ("10단계 중 3단계", "s3_storage_full", "unknown"),
    ],
)
def test_heldout10_phenomena_in_our_own_sentences(ko, text, question, intent):
    assert ko.parse(text, None if question == "-" else question) == intent


# Round eleven: heldout11's and heldout12's categories, by phenomenon, in sentences of our own.
@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # Time adverbials: "not now" (X 말고 with X a time, alone) at the start, spoken 말구
        ("당장은 말구요", "start", "no"),
        ("오늘은 말구", "start", "no"),
        # State described by a light's colour (초록불, 파란불: the green light) and a light
        # come on (들어오다); the past of 켜지다 / 꺼지다 as the state it left
        ("파란불 들어와 있네요", "s2_photos_data", "yes"),
        ("녹색불이 들어왔습니다", "s1_sync_on", "yes"),
        ("불이 안 들어와 있어요", "s1_sync_on", "no"),
        ("켜졌네", "s2_photos_data", "yes"),
        ("꺼졌습니다", "s1_sync_on", "no"),
        # 반말 아냐 (아니야); Jeolla -ㄴ당께 (-ㄴ다니까)
        ("아냐", "s2_cellular", "no"),
        ("잘 된당께", "fixed?", "yes"),
        ("안 열린당께", "s2_online", "no"),
        # Formal service speech: 되었 written out (확인되었습니다, 완료되었습니다)
        ("인증 완료되었습니다", "s1_sign_in", "yes"),
        # Paraphrases at one step: made room; the account locked; the cable not in sight
        ("용량 좀 비웠습니다", "s3_free_space", "yes"),
        ("계정이 잠겼네요", "s1_sign_in", "help"),  # round fifteen: trouble at the step
        ("충전기가 안 보이네요", "s7_charge", "no"),
        # Coordination said after the verb: both done is done at an action, but which one
        # at a question
        ("지웠어 둘 다", "s3_free_space", "yes"),
        ("둘 다 쓰고 있어요", "s2_cellular", "unknown"),
        # Volitional negation: 안 + -ㄹ래요 of any verb is a refusal
        ("그건 안 고를래요", "s4_select_optimize", "no"),
        ("안 살래요", "s3_free_space", "no"),
        # Commands with -요 and words of degree or count before them
        ("조금 더 느리게요", None, "slower"),
        ("하나 뒤로요", None, "back"),
        ("다음 거 해 주세요", None, "skip"),
        # Interruption by an event: a wait first, then its reason (not 왔어요, "I'm back")
        ("잠깐만요 택배 왔어요", "s3_free_space", "pause"),
        ("잠시만 누가 왔네", "s1_apple_id", "pause"),
        ("잠깐만요 네", "s1_sync_on", "yes"),
        ("왔어요", None, "resume"),
        # Not knowing what to do: an embedded question with a question word is help
        ("뭘 눌러야 할지 모르겠네요", None, "help"),
        # Not knowing whether (-ㄴ지 before 모르다 / 헷갈리다): the answer inside is not said,
        # and 헷갈려요 is no help asked for
        ("같은 계정인지 헷갈리네요", "s1_apple_id", "unknown"),
        ("업데이트가 있는 건지 헷갈려", "s6_update_available", "unknown"),
        ("최적화가 된 건지 모르겠어", "s4_optimized", "unknown"),
        # Only part: a part as the subject, or "not all" (다는 아니에요)
        ("몇 장은 동기화됐어요", "fixed?", "unknown"),
        ("다는 아니고요", "fixed?", "unknown"),
        # Rhetorical questions: how would I know (the speaker as subject of 어떻게 알아요)
        ("내가 그걸 어떻게 알아요", "s4_optimized", "unknown"),
        # A yes word alone asked with a question mark asks what was said (pardon?)
        ("예?", "s2_online", "repeat"),
        ("응?", "s6_update_available", "repeat"),
        ("예.", "s2_online", "yes"),
        # Asking leave (-아도/-어도 되다): a command asked so counts, an answer asked so is
        # none
        ("건너뛰어도 될까요?", None, "skip"),
        ("좀 쉬어도 되나요", None, "pause"),
        ("꺼도 돼요?", "s1_sync_on", "unknown"),
        ("삭제해도 될까요?", "s3_free_space", "unknown"),
        # "Must" after a verb's -아/-어 form only: 이제야 (only now) is no obligation
        ("이제야 돼요", "fixed?", "yes"),
        ("재시동해야 돼요?", "s5_restart", "unknown"),
        # 아니다 insisted on or reported: 아니라니까요, 아니라고요
        ("진짜 아니라니까요", "s2_cellular", "no"),
        # spoken 거 for 것 in a hedge
        ("맞는 거 같아요", "s1_apple_id", "yes"),
        # Later, again: not now
        ("나중에 다시 할게", None, "pause"),
        # Slips and drawn-out vowels: ㅆ typed as ㅅ, 요오, 아뇽
        ("켜졋습니다", "s2_photos_data", "yes"),
        ("아니에요오", "s6_update_available", "no"),
        ("아뇽", "s2_cellular", "no"),
        # What one finds out as one speaks (-구나, -군요)
        ("없구나", "s6_update_available", "no"),
        ("다 찼군요", "s3_storage_full", "yes"),
        # A guess: a verb's -ㄹ form before 거예요 / 거야, and -을걸
        ("꺼져 있을 거예요", "s2_photos_data", "unknown"),
        ("업데이트 없을 거야", "s6_update_available", "unknown"),
        ("꺼져 있을걸", "s2_photos_data", "unknown"),
        # What is X? (뭐예요 after what it asks about): help
        ("저장 공간 최적화가 뭔가요?", "s4_optimized", "help"),
        ("이게 뭐예요", "s1_sync_on", "help"),
        # English words in a Korean answer
        ("wifi입니다", "s2_cellular", "no"),
        ("please stop", None, "stop"),
        ("skip 해 주세요", None, "skip"),
        # Paraphrases at one step: the signal caught, restarted, photos come up, no code
        ("신호 잘 잡혀요", "s2_online", "yes"),
        ("인터넷이 안 터지네요", "s2_online", "no"),
        ("사진 올라왔네요", "fixed?", "yes"),
        ("코드가 아직 안 와", "s1_sign_in", "no"),
        # A state in the past said with a time gone is how it was then, not now
        ("지난주엔 켜져 있었어요", "s2_photos_data", "unknown"),
        ("그때는 꺼져 있었는데 지금은 켜져 있어요", "s1_sync_on", "yes"),
        # Little or nothing left is full; barely used is not (안 with 남다 / 쓰다, 밖에)
        ("이제 얼마 안 남았네요", "s3_storage_full", "yes"),
        ("용량이 하나도 안 남았어", "s3_storage_full", "yes"),
        ("공간을 별로 안 썼어요", "s3_storage_full", "no"),
        # A time to come before going on or again: not now (a pause; no at the start)
        ("이따가 이어서 해요", None, "pause"),
        ("나중에 계속할게", None, "pause"),
        ("내일 처음부터 할게요", "start", "no"),
        # Commands in other words: read out again, not heard (past), the speed and the
        # voice by name, the speech as the subject, quiet, what do you mean
        ("한 번만 다시 읽어 줄래요", None, "repeat"),
        ("방금 잘 안 들렸어요", None, "repeat"),
        ("속도를 좀 늦춰 주세요", None, "slower"),
        ("말이 좀 빨라요", None, "slower"),
        ("목소리 크게 해 줘", None, "louder"),
        ("조용히 좀 해 줘요", None, "quieter"),
        ("그게 무슨 말이에요?", None, "help"),
        # Laughter typed as a word of its own carries nothing
        ("네 ㅎㅎ", "s4_optimized", "yes"),
        ("ㅋㅋㅋ", "s4_optimized", "unknown"),
        # No room, or almost none, is full: 없어요 said of the space, not the no alone
        ("남은 공간이 거의 없네요", "s3_storage_full", "yes"),
        ("여유가 별로 없습니다", "s3_storage_full", "yes"),
        # 비번: the password, spoken; forgotten at an action is help since round fourteen
        ("비번 잊어버렸어요", "s1_sign_in", "help"),
        # Not done yet at an action: getting there (-아/-어 가다), almost (거의), under way
        # (-고 있다)
        ("거의 다 끝나 가요", "s6_install_update", "no"),
        ("다 돼 가네요", "s5_restart", "no"),
        ("거의 끝났습니다", "s3_free_space", "no"),
        ("거의 다 됐습니다", "s4_select_optimize", "no"),
        ("지금 켜고 있어요", "s2_enable_data", "no"),
        # ... where a state is asked, under way is the state
        ("올라가고 있네요", "fixed?", "yes"),
        # Not X but Y (X가 아니라 Y, -는 게 아니라): Y answers, as after 말고
        ("꺼져 있는 게 아니라 켜져 있는 거예요", "s2_photos_data", "yes"),
        ("셀룰러가 아니라 와이파이요", "s2_cellular", "no"),
        ("응 아니 그게 아니라 아니야", "s1_sync_on", "no"),
        # Going on said after an answer moves the answer on: no skip of the question
        ("네 이제 다음으로", "s2_photos_data", "yes"),
        ("했습니다 다음 단계로 가 주세요", "s4_select_optimize", "yes"),
        ("아니요 다음으로 넘어가 주세요", "s6_update_available", "no"),
        ("다음 단계로 넘어가 줄래요", None, "skip"),
        # A command that is also an adverb of manner, right before an answer, says how
        ("빨리 시작하죠", "start", "yes"),
        ("천천히 다 지웠어요", "s3_free_space", "yes"),
        ("천천히 좀 해 줄래요", None, "slower"),
        # The start negated between its noun and 하다
        ("시작은 안 할래", "start", "no"),
        # Chungcheong and Jeolla forms: 혔어 (했어), 되얐어 (됐어), -겄- (-겠-), -당께요,
        # -지라 (-지요), -는구먼
        ("다 혔어", "s4_select_optimize", "yes"),
        ("이제 되얐네", "fixed?", "yes"),
        ("못 켜겄어", "s1_turn_on", "no"),
        ("껐다 켰당께요", "s5_restart", "yes"),
        ("그렇지라", "s2_cellular", "yes"),
        ("여전히 안 되는구먼", "fixed?", "no"),
        # The question said back (-냐고요, 반말 -냐) or wondered (-는지요) asks, answers nothing
        ("꺼져 있냐구요?", "s2_photos_data", "unknown"),
        ("업데이트가 있는지요?", "s6_update_available", "unknown"),
        ("다 찼냐", "s3_storage_full", "unknown"),
        # ... and answered after it, the answer stands
        ("꽉 찼냐고요? 네", "s3_storage_full", "yes"),
        # North Korean and Yanbian forms: 옳다 (yes), 기래, -시요, 일없다 (never mind)
        ("예 옳습니다", "s4_optimized", "yes"),
        ("업데이트 없시요", "s6_update_available", "no"),
        ("아 일없어", "fixed?", "unknown"),
        # a report's noun form (끝남)
        ("설치 끝남", "s6_install_update", "yes"),
    ],
)
def test_round_eleven_phenomena(ko, text, question, meant):
    assert ko.parse(text, question) == meant


# Round twelve: heldout13's categories, in sentences of our own.
@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # A bit so-so (좀 그렇다, 좀 그러다): a soft no where 그래요 alone agrees; at the
        # start question not now, elsewhere no answer. Main read every one as yes.
        ("음 지금은 좀 그래요", "start", "no"),
        ("솔직히 좀 그렇죠", "start", "no"),
        ("오늘은 좀 그런데요", "start", "no"),
        ("그건 좀 그렇네요", "s3_free_space", "unknown"),
        ("좀 그렇습니다", "s1_apple_id", "unknown"),
        # ... trailing off after a time said as a topic: the refusal left unsaid
        ("지금은 좀...", "start", "no"),
        ("당장은 좀", "start", "no"),
        # ... while 그렇다 alone still agrees, and 좀 as "please" after a command is dropped
        ("네 그렇네요", "s2_cellular", "yes"),
        ("그렇죠 뭐", "s1_apple_id", "yes"),
        ("천천히 좀", None, "slower"),
        # A refusal at an action, of any verb after 안 (won't), as 안 할래요: no, the flow's
        # "not yet" (English reads "I don't want to" so at an action too)
        ("저는 안 지울래요", "s3_free_space", "no"),
        ("돈은 안 낼 거라서 안 올릴래요", "s3_free_space", "no"),
        ("안 꽂을래요", "s7_charge", "no"),
        ("그냥 안 하고 싶어요", "s6_install_update", "no"),
        # ... 못 (can't) stays as it reads, and a refused command is no command
        ("요금제 때문에 못 켜겠어요", "s2_enable_data", "no"),
        ("그만하고 싶지 않아요", None, "unknown"),
        ("원본은 그대로 둘래요", "s4_select_optimize", "no"),
        # ... in its -ㄹ form before 거 after 안 (I won't), where 되다's guesses stay asked;
        # can't (못 하겠어요)
        ("업데이트는 안 할 거예요", "s6_install_update", "no"),
        ("안 될 거예요", "fixed?", "unknown"),
        ("못 하겠어요 무서워서", "s5_restart", "no"),
        ("오늘은 안 될 것 같아요", "start", "no"),
        # 다시 before a negation is "again" (never again), not the repeat command: main read
        # these as repeat
        ("다시는 안 할래요", "s5_restart", "no"),
        ("다시 안 꽂을래요", "s7_charge", "no"),
        # Gyeongsang: -입시더 linked to an open stem by 이, -ㅂ시더 for -ㅂ시다, -꼬 for -고
        ("퍼뜩 하입시더", "start", "yes"),
        ("인자 넘어가입시더", None, "skip"),
        ("그만하입시더", None, "stop"),
        ("시작합시더", "start", "yes"),
        ("뭐라꼬?", None, "repeat"),
        # ... -이소 for -세요, 고마 (그만), 캤노 (했어요?), -ㄹ란다 (-ㄹ래), 함 for 한번 before
        # a verb (main read "다시 함 말해 주이소" as yes, 함 as the noun form of a note)
        ("천천히 말해 주이소", None, "slower"),
        ("고마 하자", None, "stop"),
        ("뭐라 캤노", None, "repeat"),
        ("안 할란다", "start", "no"),
        ("다시 함 말해 주이소", None, "repeat"),
        ("재시동 함", "s5_restart", "yes"),
        ("다 깔았심더", "s6_install_update", "yes"),
        # chat's short words and a note's noun forms (와파, 업뎃; 꽉 참, 지움)
        ("와파 씀", "s2_cellular", "no"),
        ("업뎃 중", "s6_install_update", "no"),
        ("거의 꽉 참", "s3_storage_full", "yes"),
        ("백업 다 지움", "s3_free_space", "yes"),
        # A verb of showing after a word not understood is said of that word (an error, a
        # warning shown), not the page or the photos: main read both as yes; after a place
        # (맥북에도) it stays the answer
        ("사파리에 오류 메시지가 떠요", "s2_online", "unknown"),
        ("에러 창이 보여요", "fixed?", "unknown"),
        ("오류가 계속 나요", "fixed?", "unknown"),
        ("맥북에도 보여요", "fixed?", "yes"),
        ("이제 오류 없어요", "fixed?", "yes"),
        # The state said as the screen shows it: an address one does not know (another's
        # account), the phone's start-up screens (not back yet), the photos shown elsewhere
        ("낯선 계정이에요", "s1_apple_id", "no"),
        ("제 이메일이 떠 있어요", "s1_apple_id", "yes"),
        ("아직 애플 로고예요", "s5_restart", "no"),
        ("화면이 까매요", "s5_restart", "no"),
        ("잠금 화면 떴어요", "s5_restart", "yes"),
        ("맥북에 사진이 떴어요", "fixed?", "yes"),
        # ... and a past in -다가 (shown, and then ...): what came after it answers
        ("맥북에 사진이 떴다가 다 사라졌어요", "fixed?", "unknown"),
        ("초록색이 됐다가 다시 꺼졌어요", "s1_turn_on", "no"),
        # Help asked as a problem (a control of the screen not seen) or as leave to tap or
        # close what shows; leave asked for the step's own verb stays no answer
        ("셀룰러 데이터 메뉴가 안 보여요", "s2_photos_data", "help"),
        ("스위치가 안 나와요", "s1_turn_on", "help"),
        ("확인 눌러도 될까요?", "s2_fix_network", "help"),
        ("팝업 닫아도 되나요", "s6_install_update", "help"),
        ("켜도 돼요?", "s1_turn_on", "unknown"),
        ("페이지가 안 보여요", "s2_online", "no"),
        ("어디 있는지 모르겠어요", "s1_sync_on", "help"),
        ("찾을 수가 없어요", "s4_optimized", "help"),
        ("모바일 데이터가 안 보여요", "s2_photos_data", "help"),
        # Done said by its result: the switch's colour now, the plan it is now
        ("아 초록색으로 했어요", "s1_turn_on", "yes"),
        ("아직 회색이에요", "s1_turn_on", "no"),
        ("200기가 요금제로 변경했습니다", "s3_free_space", "yes"),
        ("업데이트 다 받았어요", "s6_install_update", "yes"),
        ("번개 표시 나와요", "s7_charge", "yes"),
        # A wait said last, after its reason (something came: 왔어요 said of its subject)
        ("택배 왔어요 잠시만요", "s3_free_space", "pause"),
        ("전화 왔네요 잠깐만", "s5_restart", "pause"),
        # The sync shown paused, as the screen says it, is no at fixed?, not the pause command
        # (main: pause); a time to come (잠시 후에) before going on is a pause (main: resume);
        # a state reported in -대요 (찼대요: they say it is full)
        ("사진 앱에 일시 정지됨이라고 나와요", "fixed?", "no"),
        ("일시 정지", "fixed?", "pause"),
        ("잠시 후에 이어서 할게요", None, "pause"),
        ("용량 다 찼대요", "s3_storage_full", "yes"),
    ],
)
def test_round_twelve_phenomena(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # Trouble at the step said as a problem is help (the step explained), not the no that
        # only waits: a code that does not come (round eleven's file read it as no) ...
        ("문자로 인증 코드가 안 와요", "s1_sign_in", "help"),
        ("인증 코드가 안 나와요", "s1_sign_in", "help"),
        # ... a control that is not there (없어요 alone still answers the question) ...
        ("설정에 사진 메뉴가 없는데요", "s1_sync_on", "help"),
        ("켬 버튼이 없어요", "s1_turn_on", "help"),
        ("전원 버튼이 없는데 어떻게 해요", "s5_restart", "help"),
        ("업데이트가 없어요", "s6_update_available", "no"),
        ("업데이트 항목이 없어요", "s6_update_available", "no"),
        ("충전기가 없어요", "s7_charge", "no"),
        # ... stuck for not knowing something (못 하겠어요 alone stays round twelve's no, and
        # so does the past, not done)
        ("암호를 몰라서 못 하겠어요", "s1_sign_in", "help"),
        ("공유기 비밀번호를 몰라서 못 해요", "s2_fix_network", "help"),
        ("못 하겠어요", "s2_fix_network", "no"),
        ("비밀번호를 몰라서 못 했어요", "s1_sign_in", "no"),
        # ... a switch that turns off again (heldout3's 켰는데 다시 꺼져요 relabelled help);
        # off said alone is still no
        ("켜 봤는데 다시 꺼져요", "s1_turn_on", "help"),
        ("아직 꺼져요", "s1_turn_on", "no"),
    ],
)
def test_round_thirteen_trouble_at_a_step_is_help(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # 하십시오체 -겠습니다 announces what one does now: read as the file's -ㄹ게요 form
        # (main asked these again, -겠- read as an intention); -겠어요 and a verb whose
        # -ㄹ게요 form the file lacks stay as they were
        ("네 바로 시작하겠습니다", "start", "yes"),
        ("이어서 계속하겠습니다", None, "resume"),
        ("이 단계는 넘어가겠습니다", None, "skip"),
        ("켜겠습니다", "s1_turn_on", "unknown"),
        ("못 켜겠어요", "s1_turn_on", "no"),
        # Chungcheong -유 on words for a state or a done the file now has: fine (멀쩡하다),
        # dropping (끊기다), finished (마치다, 끝내다)
        ("와이파이는 멀쩡해유", "s2_online", "yes"),
        ("인터넷이 계속 끊겨요", "s2_online", "no"),
        ("공유기 재시동 다 마쳤어요", "s2_fix_network", "yes"),
        ("용량 정리 끝냈어요", "s3_free_space", "yes"),
        ("아직 못 마쳤어요", "s5_restart", "no"),
        # ... and into the account, not into Settings (설정 들어갔어요 is where, not done)
        ("계정에 들어갔슈", "s1_sign_in", "yes"),
        ("설정 들어갔어요", "s1_sign_in", "unknown"),
        # A worry asked back about the photos is a question for help, not the answer no
        ("그거 하면 사진 날아가는 거 아니에요?", "s4_select_optimize", "help"),
        ("원본 사라지는 거 아니죠", "s3_free_space", "help"),
        ("제 거 아니에요", "s1_apple_id", "no"),
    ],
)
def test_round_thirteen_formal_dialect_words_and_worries(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("전 했어요", "s1_turn_on", "yes"),  # 전 = 저는: "I did it"
     ("전 준비됐어요", "s5_restart", "yes"),
     ("전 안 할래요", "s3_free_space", "no"),
     ("전 못 찾겠어요", "s1_turn_on", "help"),
     ("전 단계로 가 주세요", "s2_online", "back"),  # the step before: still back
     ("이전으로 가 주세요", None, "back")],
)  # fmt: skip
def test_the_pronoun_jeon_is_not_the_step_before(ko, text, question, meant):
    """전 alone is "I" (저는) or "before" (전에): only with 단계, 질문 or 하나 is it the step
    before. "전으로" in the back list had made every sentence starting with 전 go back."""
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("차 안에서 데이터 써요", "s2_cellular", "yes"),  # in the car, on data
     ("집 안에서 와이파이 써요", "s2_cellular", "no"),  # at home, on Wi-Fi
     ("버스안에서 데이터로 하고 있어요", "s2_cellular", "yes"),  # typed without a space
     ("집 안에선 안 돼요", "s2_online", "no"),  # the negation after it still reads
     ("안 써요", "s2_cellular", "no")],
)  # fmt: skip
def test_an_inside_is_not_the_negation(ko, text, question, meant):
    """안 with a place's ending (안에서, 안에, 안으로) is the noun "inside": read as the
    negation it flipped the answer after it ("택시 안에서 데이터로 하고 있지" was no)."""
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [("비밀번호가 틀렸다고 자꾸 떠요", "s1_sign_in", "help"),  # keeps saying: an error
     ("코드가 잘못됐다고 계속 나와요", "s1_sign_in", "help"),
     ("업데이트 실패했다고 또 떠요", "s6_install_update", "help"),
     ("인터넷에 연결되어 있지 않다고 계속 나와요", "s2_online", "no"),
     ("남편이 켜져 있다고 계속 했어요", "s1_sync_on", "yes"),  # said, not an error
     ("계속 해 주세요", "s2_online", "resume")],  # 계속 alone is still the command
)  # fmt: skip
def test_a_word_of_how_often_goes_with_the_report(ko, text, question, meant):
    """A report and its verb of showing with 자꾸 / 계속 / 또 between them read as without
    it: "틀렸다고 자꾸 떠요" was no at sign-in (the adverb hid the report; heldout24)."""
    assert ko.parse(text, question) == meant


# Round fourteen (korean10): wrong actions first (a time gone, a question back, trouble at an
# action, what someone said, a control's label), then heldout15's misses; each phenomenon in
# sentences of our own, most of which main reads wrongly or asks again.
@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # -- a time gone is not now
        # A time gone and a verb in the past, at a question of how things are: how it was
        # then, not now (main read each as the answer): asked again
        ("그저께는 잘 됐어요", "fixed?", "unknown"),
        ("지난번엔 사진이 올라갔어요", "fixed?", "unknown"),
        ("예전에는 와이파이로 썼어요", "s2_cellular", "unknown"),
        ("전에는 인터넷이 잘 됐는데요", "s2_online", "unknown"),
        ("어제까지는 켜져 있었어요", "s1_sync_on", "unknown"),
        # ... and what is said of now, in another clause, answers
        ("어제는 됐는데 오늘은 안 돼요", "fixed?", "no"),
        ("처음엔 잘 됐는데 지금은 또 안 돼요", "fixed?", "no"),
        # At an action the past is what was done: done
        ("아까 벌써 재부팅했어요", "s5_restart", "yes"),
        ("어제 다 지웠어요", "s3_free_space", "yes"),
        # Without a time gone the past is the state left (꺼졌어요: it is off)
        ("네 켜졌어요", "s1_sync_on", "yes"),
        # -- a question back is no answer
        # A worry asked back about where things go is help, never 가요 (let's go)
        ("그러면 사진들은 어디로 가요", "s4_select_optimize", "help"),
        ("지운 건 어디로 가는 거예요", "s3_free_space", "help"),
        # A clause typed with a question mark asks: its answer is none
        ("그럼 사진은 폰에 남아요?", "s4_select_optimize", "unknown"),
        ("이거 켜면 요금 나가요?", "s2_enable_data", "unknown"),
        ("켜져 있어요?", "s1_sync_on", "unknown"),
        # ... but -는데요? tells, rising, and a command asked counts
        ("꺼져 있던데요?", "s1_sync_on", "no"),
        ("한 번만 더 말해 줄래요?", None, "repeat"),
        # -- stuck at an action is help
        # Stuck at an action for something forgotten or not known: help, at every action
        ("아 비번을 잊어버렸네요", "s1_sign_in", "help"),
        ("애플 암호가 생각이 안 나요", "s1_sign_in", "help"),
        ("공유기 비밀번호를 몰라요", "s2_fix_network", "help"),
        ("재시동하는 방법을 모르겠어요", "s5_restart", "help"),
        # ... not at a question, where not remembering says no state (asked again)
        ("어떤 계정인지 기억이 안 나요", "s1_apple_id", "unknown"),
        # ... and the step not done for it, said in the past, is no
        ("비번이 생각이 안 나서 못 했어요", "s1_sign_in", "no"),
        # -- reported speech and no help
        # Someone said it (-다고 했어요): what they said answers, 했어요 is no "did"
        ("와이프가 꺼져 있다고 했어요", "s1_sync_on", "no"),
        ("딸이 업데이트한다고 했어요", "s6_install_update", "unknown"),
        ("뭐라고 했어요", None, "repeat"),
        # It did not help, at fixed?: no, not the help command
        ("별로 도움이 안 됐어요", "fixed?", "no"),
        # -- the misspelt rieul kkeyo is read as meant
        # -ㄹ께요, the common misspelling of -ㄹ게요, read as meant: commands and answers in
        # it are what -ㄹ게요 is (main asked each again)
        ("그럼 건너뛸께요", None, "skip"),
        ("계속할께요", None, "resume"),
        ("네 시작할께", "start", "yes"),
        ("한번 해 볼께요", "start", "yes"),
        ("안 할께요", "s2_enable_data", "no"),
        # ... and an intention stays one: asked again
        ("켤께요", "s1_turn_on", "unknown"),
        # -- a command naming a control is its label
        # A command's words naming a control (다시 시작 버튼: the restart button) are its
        # label, no command (main: start over, back)
        ("다시 시작 버튼을 눌렀어요", "s5_restart", "unknown"),
        ("뒤로 가기 메뉴만 보여요", "s1_sync_on", "unknown"),
        # ... the command alone, or before another word, stays
        ("다시 시작해 주세요", None, "start_over"),
        ("뒤로 가기", None, "back"),
        # -- all along only and the same one
        # 처음부터 (from the start) right before a state is "all along", not start over
        ("처음부터 꺼져 있었어요", "s2_photos_data", "no"),
        ("처음부터 다시 해 주세요", None, "start_over"),
        # only Wi-Fi, only data: the one named answers; with 데이터 in a reason before it,
        # asked again (main read it as yes, 데이터 of the reason, 써요 alone; round fifteen:
        # a yes of a reason against the main clause's no stays, so both are said)
        ("데이터가 아까워서 와이파이만 써요", "s2_cellular", "unknown"),
        ("와이파이만 쓰고 있어요", "s2_cellular", "no"),
        ("집 밖이라 데이터만 써요", "s2_cellular", "yes"),
        # the same account (똑같아요 alone at fixed? is nothing changed: no)
        ("네 똑같은 아이디예요", "s1_apple_id", "yes"),
        ("아직 똑같아요", "fixed?", "no"),
        # -- indeyo waits after a promise and other misses
        # -인데요 after a noun ends its clause as -는데요 does (main asked each again)
        ("아직 그대로인데요", "fixed?", "no"),
        ("셀룰러 데이터인데요", "s2_cellular", "yes"),
        ("제 아이디인데요", "s1_apple_id", "yes"),
        # ... a bare verb stem before -는데요 reads as its -아/-어 form (안 보이는데요 =
        # 안 보여요), and -ㄴ데요 of a state said last as its polite form (큰데요 = 커요)
        ("모바일 데이터가 안 보이는데요", "s2_photos_data", "help"),
        ("목소리가 너무 큰데요", None, "quieter"),
        # A wait said last after what one will do is the wait (main asked again)
        ("지금 설치할께요 잠깐만요", "s6_install_update", "pause"),
        ("충전기 가져올게요 잠시만요", "s7_charge", "pause"),
        # The last thing said asked for again; what to answer asked with -면 돼요; a work
        # or old address at the Apple ID question
        ("방금 말 다시요", None, "repeat"),
        ("그럼 뭐라고 말하면 돼요", None, "help"),
        ("제 예전 회사 메일이에요", "s1_apple_id", "no"),
        # 리셋 (reset) is 재설정, with the object after the verb too
        ("네트워크 설정 리셋했어요", "s2_fix_network", "yes"),
        ("다 리셋했어요 라우터", "s2_fix_network", "yes"),
    ],
)
def test_round_fourteen_phenomena(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # A locked account at the sign-in is trouble at the step: help (was no)
        ("비번을 여러 번 잘못 넣어서 계정이 잠겼어요", "s1_sign_in", "help"),
        ("아이디가 잠겨 있어요", "s1_sign_in", "help"),
        # ... but a wrong password alone, the speaker's own, is typed again: not yet
        ("비밀번호가 틀렸어요", "s1_sign_in", "no"),
        # ... while reported (-대요: it says it is wrong) it is the screen's error: help, by
        # the lead's decision after round twenty (round twenty-one; was no from round fifteen)
        ("비밀번호가 틀렸대요", "s1_sign_in", "help"),
        # A reason clause (-아서 / -어서) is why: the main clause answers ...
        ("집에 공유기가 없어서 데이터 켰어요", "s2_enable_data", "yes"),
        ("요금이 많이 나와서 와이파이만 써요", "s2_cellular", "no"),
        ("사진이 너무 많아서 다 지웠어요", "s3_free_space", "yes"),
        # ... and a yes in the reason before a main clause that only negates is no answer
        # (main read it as yes): asked again
        ("폰이 케이스에 들어 있어서 못 빼요", "s7_charge", "unknown"),
        ("설정이 잠겨 있어서 못 바꿔요", "s4_select_optimize", "unknown"),
        # ... while a no in the reason agrees with the main clause's 못
        ("돈이 없어서 못 샀어요", "s3_free_space", "no"),
        # ... and a command's words in a reason are no command (너무 커서: too big, not
        # "too loud"; read quieter)
        ("파일이 너무 커서 아직 올리는 중이에요", "s6_install_update", "no"),
        # 그래서 (and so) opens a new clause, no reason of 그래: the past state is not set
        # aside as a reason before the done (it was read yes at the question)
        ("꺼져 있었어요 그래서 켰어요", "s1_sync_on", "unknown"),
        # An obligation reported (-대요, -ㄴ대요, -답니다) is what the phone says is needed:
        # help at an action, asked again at a question, never a done
        ("와이파이가 있어야 한대요", "s6_install_update", "help"),
        ("먼저 충전기를 꽂아야 된답니다", "s6_install_update", "help"),
        ("저장 공간이 있어야 된대요", "s6_install_update", "help"),
        ("켜져 있어야 한대요", "s1_sync_on", "unknown"),
        # ... and said as one's own must, asked (켜야 돼요?), no answer either
        ("지워야 돼요?", "s3_free_space", "unknown"),
        # A while asked for with "not yet, still doing it" at an action is not yet: no (the
        # lead's decision; English "hang on, still looking for it"); a wait alone is pause
        ("조금만 기다려 주세요 아직 지우는 중이에요", "s3_free_space", "no"),
        ("잠시만요, 아직 켜는 중이에요", "s2_enable_data", "no"),
        ("잠깐만요 아직이요", "s5_restart", "no"),
        ("잠시만 기다려 주세요", "s5_restart", "pause"),
        # 하오체 on a bare stem, as an older speaker says it (-오 after an open syllable)
        ("와이파이가 잘 되오", "s2_online", "yes"),
        ("사진이 안 올라가오", "fixed?", "no"),
        # spoken and Jeolla -ㄹ라요 (-ㄹ래요) of a command
        ("그만할라요", "s5_restart", "stop"),
        ("건너뛸라요", "s4_select_optimize", "skip"),
    ],
)
def test_round_fifteen_phenomena(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        # Fractions said whole first (N분의 M) and halves: under a half is not full
        ("삼분의 일쯤 찼어요", "no"),
        ("오분의 일 정도 썼어요", "no"),
        ("절반 정도 찼어요", "no"),
        ("반밖에 안 찼어요", "no"),
        # ... most of it, but not nearly full: asked again, as 75% is
        ("사분의 삼 정도 찼어요", "unknown"),
        # ... a bound after the amount (넘게: more than): not sure to be full
        ("절반 넘게 찼어요", "unknown"),
        ("60퍼센트 이상 썼어요", "unknown"),
        # Numbers in syllables, as the recognizer writes them, and a percentage written
        # onto its number (main read 20퍼센트 찼어요 as yes, 찼어요 alone)
        ("구십팔 퍼센트 찼어요", "yes"),
        ("이십 퍼센트 정도 썼어요", "no"),
        ("20퍼센트 찼어요", "no"),
        ("97퍼센트 찼어요", "yes"),
    ],
)
def test_round_fifteen_amounts(ko, text, meant):
    assert ko.parse(text, "s3_storage_full") == meant
