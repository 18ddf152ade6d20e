"""English, at the question of which account is signed in: not knowing which one the speaker
used ("I have no idea which one I used", "I can't remember what ID I used back then"): a doubt
of knowing right before which/what, then a verb of using in its clause, is help (the lead's
decision after round twenty; `_account_not_known`). Guards: knowing which one stays as before,
a plain doubt with no account stays unknown, an answer or command said with it stays as before,
and other questions are not touched.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    ["I really do not remember which one I used",
     "no idea what account I used for that",
     "I can't recall which email I use for photos",
     "Not sure which one we used back then.",
     "I forgot which one I used",
     "Honestly I have no clue what I use."],
)  # fmt: skip
def test_not_knowing_which_account_was_used_is_help(en, text):
    assert en.parse(text, "s1_apple_id") == "help"


@pytest.mark.parametrize(
    ("text", "meant"),
    [# knowing which one: no doubt before the which
     ("I know which one I used, it's this one.", "unknown"),
     ("I know what I used, it's this one.", "unknown"),
     ("I remember which one I used, yes.", "yes"),
     # a plain doubt, no account
     ("I'm not sure", "unknown"),
     ("I have no idea.", "unknown"),
     # a sure answer with a doubt elsewhere
     ("I'm not sure, yes it is.", "unknown"),
     ("Yes, it's mine, I'm just not sure which one I used for photos.", "unknown"),
     # a command said with it
     ("I have no idea which one I used, stop.", "stop"),
     # someone else's using, not the speaker's
     ("I'm not sure which one photos uses", "unknown")],
)  # fmt: skip
def test_what_is_not_an_account_not_known_reads_as_before(en, text, meant):
    assert en.parse(text, "s1_apple_id") == meant


def test_other_questions_are_not_touched(en):
    assert en.parse("not sure which one I used", "s1_sync_on") == "unknown"
    assert en.parse("not sure which one I used", None) == "unknown"


@pytest.mark.parametrize(
    "text", ["Dad doesn't know which one he used.", "dunno which email i used"]
)  # fmt: skip
def test_someone_else_or_short_not_knowing_is_help(en, text):
    # Round twenty-two (dev22): "Mum doesn't know which one she used." was asked again.
    assert en.parse(text, "s1_apple_id") == "help"
