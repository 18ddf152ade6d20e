"""Korean wrong actions of round seventeen (heldout18, the probes, probe batch seven), in
sentences of our own, one group per rule: what is good said of a subject not understood, and
the step under way with a wait after it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # 좋아요 / 좋네요 after its own subject is said of that subject: small talk, no yes
        ("바깥 경치 좋네요", "s4_optimized", "unknown"),
        ("요즘 커피 맛이 좋아요", "s1_sync_on", "unknown"),
        # ... but alone, or after an answer or an interjection, it agrees
        ("좋아요", "start", "yes"),
        ("네 좋아요", "start", "yes"),
        ("아이고 좋아요", "start", "yes"),
    ],
)
def test_good_said_of_its_subject(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # the step under way, then a wait: not yet, or a pause? asked again
        ("지금 끄는 중이에요 잠깐만요", "s5_restart", "unknown"),
        # ... the phone's process under way with a wait is a pause (the lead's decision after
        # round fifteen; round twenty: tests/test_korean_phone_busy_with_a_wait.py)
        ("다운로드 중이에요 잠시만 기다려 주세요", "s6_install_update", "pause"),
        ("백업 지우는 중이에요, 잠깐만요", "s3_free_space", "unknown"),
        # ... with "not yet" said it is no (the lead's round-fifteen decision)
        ("아직 지우는 중이에요 잠깐만요", "s3_free_space", "no"),
        # ... the wait alone is a pause, the doing alone not yet
        ("잠깐만요", "s3_free_space", "pause"),
        ("지우는 중이에요", "s3_free_space", "no"),
    ],
)
def test_doing_then_a_wait(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # -ㄴ대요 of 되다 is what the phone or another says: at an action, that the step cannot
        # be done is trouble, help; no done or not yet of the speaker's
        ("메모리가 모자라서 업데이트가 안 된대요", "s6_install_update", "help"),
        ("로그인이 안 된대요", "s1_sign_in", "help"),
        ("동기화가 된대요", "fixed?", "unknown"),
        # ... and an obligation reported in -다고 is still what is needed first
        ("충전기를 꽂아야 된다고 나와요", "s6_install_update", "help"),
        # the speaker's own 안 돼요 is read as it was
        ("로그인이 안 돼요", "s1_sign_in", "no"),
    ],
)
def test_reported_cannot(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # two negations in a clause: a double negative is asked again, never guessed
        ("꺼져 있지 않은 것 같지는 않아요", "s2_photos_data", "unknown"),
        ("안 꺼져 있지 않아요", "s1_sync_on", "unknown"),
        # ... one is read as before
        ("켜져 있지 않아요", "s1_sync_on", "no"),
        ("안 켜져 있어요", "s2_photos_data", "no"),
    ],
)
def test_negated_twice(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # a command's words opening a clause whose own verb answers: what it was done with
        ("도움말 읽고 다 지웠어요", "s3_free_space", "yes"),
        ("도움말 보고 켰어요", "s2_enable_data", "yes"),
        # ... the command alone, or asked for, stays
        ("도움말", "s1_turn_on", "help"),
        ("도움말 주세요", "s1_turn_on", "help"),
    ],
)
def test_command_words_as_the_verbs_object(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # a thing the question names as no, then denied: neither answer for sure
        ("와이파이도 안 돼요", "s2_cellular", "unknown"),
        ("와이파이 안 써요", "s2_cellular", "unknown"),
        # ... named alone it answers
        ("와이파이 써요", "s2_cellular", "no"),
    ],
)
def test_thing_named_then_denied(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # 돼서 (respelled 되서) is a reason clause: its 돼 is no done of the step
        ("충전이 다 돼서 꺼졌어요", "s5_restart", "unknown"),
        # ... not after a negation, which reads as before (안 돼서 gets no reason mark)
        ("로그인이 안 돼서 아직 못 했어요", "s1_sign_in", "no"),
    ],
)
def test_reason_in_dwaeseo(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # a weak yes of a reason clause (돼 있어서) against the main clause's no: doubt
        ("벌써 최적화로 돼 있어서 그냥 그대로 뒀어요", "s4_select_optimize", "unknown"),
    ],
)
def test_weak_yes_of_the_reason_against_a_no(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # tried (-아도/-어도) and still not, at an action: trouble at the step, the step
        # explained again (the lead's decision: heldout12 said no, heldout18 help)
        ("재시동해도 안 돼요", "s5_restart", "help"),
        ("바꿔도 안 돼요", "s4_select_optimize", "help"),
        # ... at a question the state answers
        ("눌러도 안 켜져요", "s1_sync_on", "no"),
        # ... with more after it, what was done then answers
        ("아무리 눌러도 안 돼서 그냥 뒀어요", "s1_turn_on", "no"),
        # ... and a noun with 도 is "also", no concession
        ("데이터도 안 돼요", "s2_enable_data", "no"),
    ],
)
def test_tried_in_vain(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # 전혀 (at all) before 안 / 못 stresses it, no negation of its own
        ("전혀 안 돼요", "fixed?", "no"),
        ("전혀 못 했어요", "s5_restart", "no"),
        ("전혀 안 꺼져 있어요", "s1_sync_on", "yes"),
        # ... alone it is the answer no
        ("전혀요", "fixed?", "no"),
    ],
)
def test_negation_stressed(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # spoken 어딨어요 (어디 있어요?): where the control is, help
        ("스위치가 어딨어요?", "s1_turn_on", "help"),
        ("저장 공간 관리가 어딨죠?", "s3_free_space", "help"),
    ],
)
def test_where_is_it_spoken(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # -드라고(요), as -더라고요 is said and typed: what one saw
        ("켜져 있드라고요", "s1_sync_on", "yes"),
        ("업데이트는 없드라구요", "s6_update_available", "no"),
    ],
)
def test_what_one_saw_spoken(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # -ㄴ 줄 알았는데: what one thought, not so; the clause after answers
        ("꺼져 있는 줄 알았는데 켜져 있네요", "s2_photos_data", "yes"),
        ("선택된 줄 알았는데 선택 안 돼 있어요", "s4_optimized", "no"),
        ("업데이트 있는 줄 알았는데 없네요", "s6_update_available", "no"),
    ],
)
def test_thought_so_but(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # done for someone (-아 주다 / -아 드리다 in the past) is done
        ("로그인 해 드렸어요", "s1_sign_in", "yes"),
        ("남편이 다 지워 줬습니다", "s3_free_space", "yes"),
        ("아직 안 해 줬어요", "s1_turn_on", "no"),
    ],
)
def test_done_for_someone(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # X만 돼요: only X happens; X answers, 돼요 is no yes of its own
        ("로딩만 돼요", "s2_online", "no"),
        ("와이파이만 돼요", "s2_cellular", "no"),
        ("데이터만 돼요", "s2_cellular", "yes"),
    ],
)
def test_only_it_happens(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # any verb under way (-고 있어요) ending the utterance, at an action: not done yet
        ("켜지고 있어요", "s5_restart", "no"),
        ("천천히 켜지고 있어요", "s5_restart", "no"),
        ("백업 지우고 있어요", "s3_free_space", "no"),
        # ... with a wait too: the speaker at the step (heldout10 relabelled after round nineteen)
        ("잠시만요 설정 찾고 있어요", "s1_turn_on", "no"),
    ],
)
def test_under_way_at_an_action(ko, text, question, meant):
    assert ko.parse(text, question) == meant


@pytest.mark.parametrize(
    ("text", "question", "meant"),
    [
        # 된 것 같아요: it seems to have worked, as 되는 것 같아요 reads
        ("이제 된 것 같아요", "fixed?", "yes"),
        ("아직 안 된 것 같아요", "fixed?", "no"),
    ],
)
def test_seems_to_have_worked(ko, text, question, meant):
    assert ko.parse(text, question) == meant
