"""Block Kit rendering: within Slack's limits, user text inert, button ids round-trip."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from adapters.slack.blocks import (
    MAX_HEADER,
    MAX_MESSAGE_BLOCKS,
    MAX_SECTION_TEXT,
    HomeRow,
    Pressed,
    action_id,
    add_modal,
    fallback_text,
    home_view,
    parse_action,
    plain_from_slack,
    reply_blocks,
    submitted_values,
    updated_message,
)
from bot.messages import Action, ActionId, Draft, Field, Reply, Style
from bot.model import Checkpoint, CheckpointKind, CheckpointState, Interview, Interviewer

NOW = datetime(2026, 11, 23, 21, 30, tzinfo=UTC)
NEW_YORK = ZoneInfo("America/New_York")


def texts(blocks: list[dict]) -> str:
    return json.dumps(blocks)


def test_every_button_id_names_its_action_and_record_and_reads_back_the_same() -> None:
    for which in ActionId:
        action = Action(which, "Press", "42")
        assert parse_action(action_id(action), "42") == Pressed(which, "42")
    assert action_id(Action(ActionId.SENT, "Sent", "7")) == "followup:sent:7"


def test_ids_this_app_did_not_make_are_not_read_as_presses() -> None:
    assert parse_action("followup:no_such_action:1", "1") is None
    assert parse_action("someone-else:sent:1", "1") is None
    assert parse_action("followup-link:0", None) is None


def test_a_message_repeating_a_button_still_gets_unique_action_ids() -> None:
    same = Action(ActionId.SHOW_PLAN, "Plan", "3")
    (block,) = reply_blocks(Reply(text="", actions=(same, same)))[-1:]
    ids = [e["action_id"] for e in block["elements"]]
    assert len(set(ids)) == 2
    assert all(parse_action(i, "3") == Pressed(ActionId.SHOW_PLAN, "3") for i in ids)


def test_a_reply_renders_header_text_fields_drafts_and_buttons_in_that_order() -> None:
    reply = Reply(
        title="Send your thank-you note to Jane Smith today",
        text="Speed matters most.",
        fields=(Field("Interview", "#1 analyst at Acme"),),
        drafts=(Draft("Thank-you note to Jane Smith", "Dear Jane,\n\nThank you.",
                      "mailto:jane@acme.com?subject=Thanks"),),
        actions=(Action(ActionId.SENT, "Sent", "5", Style.PRIMARY),
                 Action(ActionId.SNOOZE_2H, "Snooze 2 h", "5")),
    )
    blocks = reply_blocks(reply)
    assert [b["type"] for b in blocks] == [
        "header", "section", "section", "divider", "section", "section", "actions", "actions"]
    assert blocks[2]["fields"][0]["text"] == "*Interview*\n#1 analyst at Acme"
    assert blocks[5]["text"]["text"] == "```Dear Jane,\n\nThank you.```"
    assert blocks[6]["elements"][0]["url"] == "mailto:jane@acme.com?subject=Thanks"
    assert [e["text"]["text"] for e in blocks[7]["elements"]] == ["Sent", "Snooze 2 h"]
    assert blocks[7]["elements"][0]["style"] == "primary"
    assert "style" not in blocks[7]["elements"][1]


def test_user_text_can_never_become_a_mention_or_a_link() -> None:
    nasty = "<!channel> <!here|here> <@U123> <https://evil.example|click> & co"
    reply = Reply(title=nasty, text=nasty, fields=(Field(nasty, nasty),),
                  drafts=(Draft(nasty, nasty),))
    rendered = texts(reply_blocks(reply)[1:])  # the header is plain_text: never parsed
    assert "<" not in rendered and ">" not in rendered
    assert "&lt;!channel&gt;" in rendered and "&amp; co" in rendered
    assert "<" not in fallback_text(reply)


def test_slack_markup_in_what_people_type_becomes_plain_words() -> None:
    typed = ("AT&amp;T &lt;3, <mailto:priya@att.com|priya@att.com>, "
             "<https://acme.example/jobs|the posting> with <@U0JANE|jane> in <#C1|general> "
             "<!here>")
    assert plain_from_slack(typed) == ("AT&T <3, priya@att.com, the posting with @jane in "
                                       "#general @here")
    assert plain_from_slack("<https://acme.example>") == "https://acme.example"


def test_long_text_is_split_into_sections_slack_accepts() -> None:
    text = "\n".join(f"line {n} " + "x" * 90 for n in range(200))
    blocks = reply_blocks(Reply(text=text, title="T" * 400))
    assert len(blocks[0]["text"]["text"]) == MAX_HEADER
    sections = blocks[1:]
    assert all(len(b["text"]["text"]) <= MAX_SECTION_TEXT for b in sections)
    assert "\n".join(b["text"]["text"] for b in sections) == text


def test_a_huge_reply_is_cut_to_fifty_blocks_and_keeps_its_buttons() -> None:
    export = Draft("followup-export.json", "{\n" + "  \"k\": \"v\",\n" * 20_000 + "}")
    reply = Reply(text="Here is everything.", drafts=(export,),
                  actions=(Action(ActionId.SHOW_PLAN, "Plan", "1"),))
    blocks = reply_blocks(reply)
    assert len(blocks) == MAX_MESSAGE_BLOCKS
    assert blocks[-1]["type"] == "actions"
    assert "cut short" in blocks[-2]["text"]["text"]


def test_an_empty_reply_still_renders_a_valid_message() -> None:
    assert reply_blocks(Reply(text="")) == [{"type": "section",
                                             "text": {"type": "mrkdwn", "text": " "}}]
    assert fallback_text(Reply(text="")) == "Follow-up coach"


def test_the_pressed_message_keeps_its_words_but_loses_its_old_buttons() -> None:
    original = reply_blocks(Reply(title="Time to call Acme", text="Keep it short.",
                                  actions=(Action(ActionId.CALLED_NO_ANSWER, "No", "1"),)))
    updated = updated_message(original, Reply(text="Noted.", replace_original=True))
    kinds = [b["type"] for b in updated["blocks"]]
    assert kinds == ["header", "section", "divider", "section"]
    assert updated["blocks"][-1]["text"]["text"] == "Noted."
    assert updated["text"] == "Noted."


def test_the_add_form_reads_back_every_kind_of_input() -> None:
    view = add_modal("2026-11-23", "America/New_York")
    assert view["blocks"][2]["element"]["initial_date"] == "2026-11-23"
    assert "America/New_York" in view["blocks"][3]["hint"]["text"]
    state = {"values": {
        "company": {"value": {"type": "plain_text_input", "value": " Acme "}},
        "date": {"value": {"type": "datepicker", "selected_date": "2026-11-23"}},
        "time": {"value": {"type": "timepicker", "selected_time": "14:00"}},
        "promise": {"value": {"type": "plain_text_input", "value": None}},
        "culture": {"value": {"type": "static_select",
                              "selected_option": {"value": "modern"}}},
    }}
    assert submitted_values({"state": state}) == {
        "company": "Acme", "date": "2026-11-23", "time": "14:00", "promise": "",
        "culture": "modern"}


def _interview(number: int, *, outcome: object = None) -> Interview:
    return Interview(
        id=number, person_id=1, number=number, company=f"Co{number} <!here>", role="analyst",
        starts_at=NOW, interviewers=(Interviewer("Jane Smith", id=number),),
        created_at=NOW, outcome=outcome,  # type: ignore[arg-type]
    )


def _checkpoint(interview: Interview, hours: int) -> Checkpoint:
    return Checkpoint(id=interview.id * 10, interview_id=interview.id,
                      kind=CheckpointKind.FIRST_CALL,
                      due_at=NOW.replace(hour=hours), state=CheckpointState.PENDING,
                      created_at=NOW)


@pytest.mark.parametrize("count", [0, 3, 120])
def test_the_home_tab_lists_the_soonest_step_first_and_fits_slacks_limit(count: int) -> None:
    interviews = [_interview(n + 1) for n in range(count)]
    rows = [HomeRow(i, _checkpoint(i, 23 - n % 20)) for n, i in enumerate(interviews)]
    view = home_view(rows, NEW_YORK, NOW)
    assert view["type"] == "home"
    assert len(view["blocks"]) <= 100
    shown = texts(view["blocks"])
    assert "<!here>" not in shown
    if count == 3:
        order = [b["text"]["text"].split()[0] for b in view["blocks"] if "accessory" in b]
        assert order == ["*#3", "*#2", "*#1"]
    if count == 0:
        assert "No open interviews" in shown


# --- mentions the core allows, and every other one ---------------------------------------
PINGS = "<!channel> <!here|here> <!everyone> <@U0SAM> <@U0ALEX|alex> @everyone @here @channel"


def test_only_the_mentions_a_reply_lists_stay_live() -> None:
    reply = Reply(text=f"Follow-ups due this week: <@U0ALEX> (2). {PINGS}",
                  fields=(Field("Named", "<@U0ALEX> and <@U0SAM>"),),
                  mentions=("U0ALEX",), private=False)

    text, fields = (b for b in reply_blocks(reply))
    shown = text["text"]["text"]
    assert shown.startswith("Follow-ups due this week: <@U0ALEX> (2).")
    assert shown.count("<") == 1  # that one live mention, nothing else
    for inert in ("&lt;!channel&gt;", "&lt;!here|here&gt;", "&lt;!everyone&gt;",
                  "&lt;@U0SAM&gt;", "&lt;@U0ALEX|alex&gt;"):
        assert inert in shown
    for word in ("everyone", "here", "channel"):
        assert f"@{word}" not in shown and f"@\u200b{word}" in shown
    assert fields["fields"][0]["text"] == "*Named*\n<@U0ALEX> and &lt;@U0SAM&gt;"
    assert fallback_text(reply).count("<") == 1 and "<@U0ALEX>" in fallback_text(reply)


def test_without_allowed_mentions_nothing_in_a_reply_can_ping() -> None:
    reply = Reply(text=f"<@U0ALEX> {PINGS}", fields=(Field("<@U0ALEX>", "<!here>"),))
    rendered = texts(reply_blocks(reply))
    assert "<" not in rendered and "@everyone" not in rendered
    assert "<" not in fallback_text(Reply(text=f"<@U0ALEX> {PINGS}"))


def test_an_allowed_id_never_unlocks_markup_around_it() -> None:
    sneaky = "&lt;@U0ALEX&gt; <@U0ALEX|everyone> <@U0ALEX><!here> <@u0alex>"
    reply = Reply(text=sneaky, mentions=("U0ALEX", "<!here>", ""), private=False)
    (block,) = reply_blocks(reply)
    shown = block["text"]["text"]
    assert shown == ("&amp;lt;@U0ALEX&amp;gt; &lt;@U0ALEX|everyone&gt; <@U0ALEX>&lt;!here&gt; "
                     "&lt;@u0alex&gt;")


def test_drafts_keep_every_mention_inert_even_an_allowed_one() -> None:
    reply = Reply(text="<@U0ALEX> would like feedback.", mentions=("U0ALEX",),
                  drafts=(Draft("Note by <@U0ALEX>", "Hi <@U0ALEX> <!channel>"),))
    blocks = reply_blocks(reply)
    assert blocks[0]["text"]["text"] == "<@U0ALEX> would like feedback."
    assert "<" not in texts(blocks[1:])


def test_a_weekly_digest_reads_as_a_header_its_lines_and_a_grid_of_counts() -> None:
    digest = Reply(
        title="Cohort 5 · the week to Mon 30 Nov",
        text=("This week the club sent 3 thank-you notes: 3 follow-ups in all. 👏\n"
              "Follow-ups due this week: <@U0ALEX> (2) and 1 other member.\n"
              "Tip of the week: keep it short."),
        fields=(Field("Follow-ups this week", "3"), Field("Thank-you notes sent", "3"),
                Field("Follow-up calls made", "0"), Field("Offers", "0"),
                Field("Next rounds", "1")),
        mentions=("U0ALEX",), private=False)

    blocks = reply_blocks(digest)

    assert [b["type"] for b in blocks] == ["header", "section", "section"]
    assert blocks[0]["text"] == {"type": "plain_text", "emoji": True,
                                 "text": "Cohort 5 · the week to Mon 30 Nov"}
    lines = blocks[1]["text"]["text"].split("\n")
    assert len(lines) == 3 and lines[1].startswith("Follow-ups due this week: <@U0ALEX> (2)")
    assert [f["text"] for f in blocks[2]["fields"]][:2] == [
        "*Follow-ups this week*\n3", "*Thank-you notes sent*\n3"]
    assert fallback_text(digest).startswith("Cohort 5 · the week to Mon 30 Nov: This week")
