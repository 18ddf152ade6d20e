"""The whole flow in Korean by script (`--lang ko`), and `check` of both languages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.cli.main import main
from assistant.paths import PROMPTS_DIR

KO = ("--lang", "ko")


def test_resolved_at_step_1_in_korean(talk):
    result = talk.run("네", "네 맞아요", "아니요, 꺼져 있어요", "켰어요", "네 동기화돼요",
                      fresh=True, extra=KO)  # fmt: skip
    assert result.exit_code == 0
    assert result.outcome == "resolved"
    assert result.report["fixed_by"] == "s1_turn_on"
    assert result.report["lang"] == "ko"
    assert "이 iPhone 동기화가 켜져 있나요?" in result.output
    assert "7단계 중 1단계, 설정 확인." in result.output


def test_every_step_in_korean_ends_unresolved(talk):
    lines = [
        "네",  # 시작할까요?
        "예",  # s1_apple_id
        "네 켜져 있어요",  # s1_sync_on
        "네 잘 열려요",  # s2_online
        "아니요 와이파이예요",  # s2_cellular
        "아니요 여유 있어요",  # s3_storage_full
        "아니요 선택 안 돼 있어요",  # s4_optimized
        "선택했어요",  # s4_select_optimize
        "아니요",  # fixed?
        "다시 켜졌어요",  # s5_restart
        "여전히 안 돼요",  # fixed?
        "업데이트 없어요",  # s6_update_available
        "충전 중이에요",  # s7_charge
        "아니요 그대로예요",  # fixed?
    ]
    result = talk.run(*lines, fresh=True, extra=KO)
    assert result.outcome == "unresolved"
    assert "지니어스 바" in result.output
    assert result.asked == [
        "s1_apple_id", "s1_sync_on", "s2_online", "s2_cellular", "s3_storage_full",
        "s4_optimized", "s4_select_optimize", "fixed?", "s5_restart", "fixed?",
        "s6_update_available", "s7_charge", "fixed?",
    ]  # fmt: skip


def test_korean_commands_and_a_saved_session_continued(talk):
    first = talk.run("네", "다시", "뒤로", "예", "지금 몇 단계", "그만", fresh=True, extra=KO)
    assert first.outcome == "stopped"
    assert "이게 첫 번째 질문이에요." in first.output
    assert "지금 7단계 중 1단계, 설정 확인이에요." in first.output
    assert "진행 상황을 저장했어요." in first.output
    again = talk.run("네", "네 켜져 있어요", "그만", extra=KO)
    assert "1단계부터 이어서 할까요?" in again.output
    assert again.report["final_state"] == "s2.s2_online"


def test_unclear_korean_is_asked_again_then_paused(talk):
    result = talk.run("네", "음", "글쎄요", "뭔지 모르겠네", "계속", "그만", fresh=True, extra=KO)
    assert "죄송해요" in result.output
    assert "다시, 또는 도움말이라고 말해도 돼요." in result.output
    assert "잠시 멈출게요." in result.output


def test_check_validates_both_languages(capsys):
    assert main(["check"]) == 0
    assert "en.yaml, ko.yaml" in capsys.readouterr().out


@pytest.fixture
def prompts(tmp_path: Path) -> Path:
    target = tmp_path / "prompts"
    shutil.copytree(PROMPTS_DIR, target)
    return target


def test_check_names_a_text_missing_from_ko_yaml(prompts, capsys):
    ko = prompts / "ko.yaml"
    text = ko.read_text(encoding="utf-8")
    line = '  first_question: "이게 첫 번째 질문이에요."\n'
    ko.write_text(text.replace(line, ""), encoding="utf-8")
    assert main(["check", str(prompts)]) == 2
    assert "ko.yaml: dialog.first_question" in capsys.readouterr().err


def test_check_names_a_korean_placeholder_the_run_does_not_fill(prompts, capsys):
    ko = prompts / "ko.yaml"
    text = ko.read_text(encoding="utf-8")
    ko.write_text(text.replace("{step}단계부터 이어서", "{단계}단계부터 이어서"), encoding="utf-8")
    assert main(["check", str(prompts)]) == 2
    assert "ko.yaml: dialog.resume_question" in capsys.readouterr().err
