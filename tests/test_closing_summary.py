"""What is said as the session ends (flow.md's Ends): the checks that found nothing to change,
then what was changed, without saying again the change just named as the fix."""

from __future__ import annotations

# Start; step 1 fine (signed in, sync on); step 2 fine (online, Wi-Fi); step 3 not full;
# step 4 optimized; step 5 restarted, not fixed; step 6 an update installed, not fixed;
# step 7 charged, not fixed.
UNRESOLVED = ["yes", "yes", "yes", "yes", "no", "no", "yes", "done", "no",
              "yes", "done", "no", "done", "no"]  # fmt: skip


def last_line(output: str) -> str:
    return [line for line in output.splitlines() if line.strip()][-1]


def test_unresolved_names_what_was_checked_then_what_was_changed(talk):
    result = talk.run(*UNRESOLVED, fresh=True)
    assert result.outcome == "unresolved"
    said = last_line(result.output)
    checked = said.index("We checked your settings, your internet connection, iCloud storage,")
    assert said.index("You changed: restarting, updating, charging.") > checked
    assert "a restart" not in said  # a step with a change is said with it, not as checked


def test_the_fix_is_named_once(talk):
    result = talk.run("yes", "yes", "no", "done", "yes", fresh=True)  # sync turned on: fixed
    said = last_line(result.output)
    assert said.count("turning on sync") == 1
    assert "  " not in said
    assert "Nothing needed changing" not in said  # something was: the fix


def test_fixed_later_names_the_other_changes_and_the_checks(talk):
    answers = UNRESOLVED[:9] + ["yes", "done", "yes"]  # restarted, then fixed by the update
    result = talk.run(*answers, fresh=True)
    said = last_line(result.output)
    assert "What fixed it was step 6: updating." in said
    assert "You changed: restarting." in said
    assert "We checked your settings" in said


def test_korean_names_what_was_checked(talk):
    result = talk.run(*UNRESOLVED, fresh=True, extra=("--lang", "ko"))
    checked = "확인한 것: 설정, 인터넷, iCloud 저장 공간, 저장 공간 최적화."
    assert checked in last_line(result.output)
