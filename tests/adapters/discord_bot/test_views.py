"""Rendering replies for Discord: every limit respected, nothing lost, buttons that last."""

from __future__ import annotations

import re

import discord

from adapters.discord_bot.views import (
    CUSTOM_ID_TEMPLATE,
    MAX_CONTENT,
    MAX_EMBED_TOTAL,
    MAX_FIELD_VALUE,
    ActionButton,
    action_view,
    custom_id,
    render,
    render_post,
)
from bot.messages import Action, ActionId, Draft, Field, Reply, Style


def total(embeds: tuple[discord.Embed, ...]) -> int:
    return sum(len(e) for e in embeds)


def test_a_short_plain_reply_is_plain_text() -> None:
    message = render(Reply(text="Noted."))
    assert message.content == "Noted." and message.embeds == ()


def test_text_too_long_for_a_message_goes_into_an_embed_whole() -> None:
    text = "word " * 700  # 3,500 characters: too long for content, fine for a description
    message = render(Reply(text=text))
    assert message.content is None
    assert message.embeds[0].description == text


def test_an_oversized_reply_is_cut_to_discords_limits() -> None:
    reply = Reply(text="x" * 10_000, title="T" * 400,
                  fields=tuple(Field(f"f{n}", "v" * 2000) for n in range(40)))
    (embed,) = render(reply).embeds
    assert len(embed.title or "") == 256 and (embed.title or "").endswith("…")
    assert len(embed.fields) <= 25
    assert all(len(f.value or "") <= MAX_FIELD_VALUE for f in embed.fields)
    assert len(embed) <= MAX_EMBED_TOTAL


def test_drafts_are_copyable_code_blocks_and_a_fence_inside_cannot_break_out() -> None:
    draft = Draft("Thank-you note to Jane", "Dear Jane,\n```oops```\nThanks",
                  mailto="mailto:jane%40acme.com?subject=Thanks")
    message = render(Reply(text="Send it today.", title="Thank-you", drafts=(draft,)))
    note = message.embeds[1]
    assert note.description is not None
    assert note.description.startswith("```\n") and note.description.endswith("\n```")
    assert note.description.count("```") == 2
    assert note.footer.text == "Send to: jane@acme.com"


def test_drafts_that_do_not_fit_are_attached_not_cut() -> None:
    long_body = "line of a long script\n" * 300  # 6,600 characters
    message = render(Reply(text="Here.", title="Scripts",
                           drafts=(Draft("Call script", long_body),
                                   Draft("followup-export.json", '{"a": 1}'))))
    assert [a.name for a in message.attachments] == ["Call-script.txt", "followup-export.json"]
    assert message.attachments[0].data.decode() == long_body
    assert message.content is not None and "Attached" in message.content
    assert total(message.embeds) <= MAX_EMBED_TOTAL


def test_many_drafts_share_the_six_thousand_character_budget() -> None:
    drafts = tuple(Draft(f"Note {n}", "y" * 1500) for n in range(8))
    message = render(Reply(text="Notes", title="Notes", drafts=drafts))
    assert total(message.embeds) <= MAX_EMBED_TOTAL
    assert len(message.embeds) - 1 + len(message.attachments) == 8


def test_a_reminder_has_a_notification_preview() -> None:
    message = render(Reply(text="Call them today.", title="Time to call about Analyst at Acme",
                           checkpoint_id=3))
    assert message.content == "Time to call about Analyst at Acme"
    assert len(render(Reply(text="x" * 5000, checkpoint_id=3)).content or "") <= MAX_CONTENT


def test_every_action_id_round_trips_through_its_custom_id() -> None:
    for action in ActionId:
        match = re.fullmatch(CUSTOM_ID_TEMPLATE, custom_id(action, "123"))
        assert match is not None and match["action"] == action.value and match["value"] == "123"
        assert len(custom_id(action, "9" * 64)) <= 100


def test_the_view_is_persistent_and_styled_like_the_core_asked() -> None:
    view = action_view((Action(ActionId.SENT, "Sent", "7", Style.PRIMARY),
                        Action(ActionId.SNOOZE_2H, "Snooze 2 h", "7")))
    assert view is not None and view.timeout is None and view.is_persistent()
    first, second = view.children
    assert isinstance(first, ActionButton) and first.custom_id == "followup:sent:7"
    assert first.item.style is discord.ButtonStyle.primary
    assert isinstance(second, ActionButton) and second.item.style is discord.ButtonStyle.secondary


def test_buttons_are_capped_at_25_and_odd_values_are_dropped() -> None:
    actions = tuple(Action(ActionId.SHOW_PLAN, f"Plan {n}", str(n)) for n in range(30))
    view = action_view((Action(ActionId.DONE, "Done", "a:b"), *actions))
    assert view is not None and len(view.children) == 25
    assert all(":" not in c.custom_id.split(":", 2)[2] for c in view.children
               if isinstance(c, ActionButton))
    assert action_view(()) is None


def test_an_edit_clears_what_the_new_reply_does_not_have() -> None:
    kwargs = render(Reply(text="✓ Done.", replace_original=True)).edit_kwargs()
    assert kwargs["view"] is None and kwargs["embeds"] == [] and kwargs["attachments"] == []
    assert kwargs["allowed_mentions"].to_dict() == {"parse": []}


def test_times_show_as_discord_timestamps_in_each_readers_zone() -> None:
    from datetime import UTC, datetime

    from bot.messages import Moment

    at = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)
    message = render(Reply(text="Time to call.", moments=(Moment("Call", at),)))
    [embed] = message.embeds
    [field] = embed.fields
    assert field.name == "Call"
    assert field.value == f"<t:{int(at.timestamp())}:F> (<t:{int(at.timestamp())}:R>)"


def test_a_post_pings_exactly_its_mentions_from_the_content_and_has_no_buttons() -> None:
    digest = Reply(title="Club · the week to Mon 30 Nov", text="Due: <@11> (2), <@99> (1)",
                   fields=(Field("Offers", "1"),), mentions=("11", "22", "11", "U0SLACK"),
                   actions=(Action(ActionId.SENT, "Sent", "7"),), private=False)
    message = render_post(digest)
    assert message.content == "<@11> <@22>"  # an embed never pings: the content does
    assert message.embeds[0].description == "Due: <@11> (2), <@99> (1)"
    kwargs = message.send_kwargs()
    assert "view" not in kwargs
    assert kwargs["allowed_mentions"].to_dict() == {"users": [11, 22], "parse": []}


def test_a_plain_post_keeps_its_text_and_nothing_in_it_pings_unless_listed() -> None:
    plain = render_post(Reply(text="🎉 Big news: <@11> has an offer!", private=False))
    assert plain.content == "🎉 Big news: <@11> has an offer!"
    assert plain.send_kwargs()["allowed_mentions"].to_dict() == {"parse": []}
    named = render_post(Reply(text="🎉 Big news: <@11>!", mentions=("11",), private=False))
    assert named.content == "🎉 Big news: <@11>!"
    assert named.send_kwargs()["allowed_mentions"].to_dict() == {"users": [11], "parse": []}


def test_files_from_the_core_are_attached() -> None:
    from bot.messages import Attachment as CoreFile

    calendar = CoreFile("followup-plan.ics", b"BEGIN:VCALENDAR\r\n", "text/calendar")
    plain = render(Reply(text="Your plan as a calendar file.", files=(calendar,)))
    [sent] = plain.files()
    assert sent.filename == "followup-plan.ics"
    chart = CoreFile("followup-stats.png", b"\x89PNG\r\n\x1a\n", "image/png")
    rich = render(Reply(text="Habits", title="Your follow-up habits", files=(chart,)))
    assert [f.filename for f in rich.files()] == ["followup-stats.png"]


def test_a_post_shows_markdown_as_typed_but_keeps_member_names() -> None:
    typed = ("[Acme](https://evil.example) **bold** _it_ ~~x~~ ||spoiler|| `code` <#1> "
             "<@&2> <@33>\n# heading\n-# small\n> quote\n1. list")
    message = render_post(Reply(text=typed, private=False))
    assert message.content == (
        "\\[Acme\\](https://evil.example) \\*\\*bold\\*\\* \\_it\\_ \\~\\~x\\~\\~ "
        "\\|\\|spoiler\\|\\| \\`code\\` \\<#1\\> \\<@&2\\> <@33>\n\\# heading\n\\-# small\n"
        "\\> quote\n1\\. list")
    assert message.send_kwargs()["allowed_mentions"].to_dict() == {"parse": []}
