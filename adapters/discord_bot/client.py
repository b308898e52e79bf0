"""The coach as a Discord bot: `/followup` commands, DMs, reminder buttons and
job-search clubs in server channels.

Three hops, as everywhere: translate (an interaction or a DM becomes an `Inbound`),
call the core (`Coach.handle`, off the event loop), render (`Reply` -> embed + buttons).
Every interaction is acknowledged first, so Discord's three-second limit never depends
on the database; the answer follows.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import weakref

import discord
from discord import app_commands

from adapters.discord_bot.commands import identity_of
from adapters.discord_bot.connecting import Backoff, GatewayConnector, log_in
from adapters.discord_bot.discord_internals import point_rest_at
from adapters.discord_bot.fix_commands import followup_commands
from adapters.discord_bot.health import HealthServer
from adapters.discord_bot.message_menu import follow_up_menu
from adapters.discord_bot.modal import (
    AddForm,
    AddInterviewModal,
    FormView,
    needs_zone,
    problems_text,
    submit_form,
)
from adapters.discord_bot.sender import (
    PACE_PER_SECOND,
    RATE_LIMIT_WAIT,
    SHARED_BURST,
    DiscordSender,
    StandaloneDiscordSender,
)
from adapters.discord_bot.shards import ShardRole
from adapters.discord_bot.views import ActionButton, render
from adapters.runtime import Runtime, build_runtime, freeze_start_up
from adapters.settings import Settings
from bot.commands import AddInterviewFields, Command, ReadMessage
from bot.conversation.coach import APOLOGY
from bot.messages import ActionId, Inbound, Reply
from bot.model import Platform
from bot.ports.clock import SystemClock
from bot.ports.repository import Repository
from bot.ports.request_budget import RequestBudget
from bot.ports.sender import ChannelSender

log = logging.getLogger(__name__)

#: The bot's invite: it posts messages with embeds; DMs and interaction replies need no more.
PERMISSIONS = discord.Permissions(view_channel=True, send_messages=True, embed_links=True)
SCOPES = ("bot", "applications.commands")
MESSAGE_TYPES = (discord.MessageType.default, discord.MessageType.reply)
#: How long stopping waits for answers already being written.
SHUTDOWN_GRACE = 10.0
#: How long "Follow up on this" may read before it defers: Discord drops an interaction
#: not answered within 3 s of its creation, and the trip here takes part of that.
FORM_DEADLINE = 2.0


class FollowupTree(app_commands.CommandTree):
    """The command tree; a failing command is logged and the person gets a short apology."""

    async def on_error(self, interaction: discord.Interaction,
                       error: app_commands.AppCommandError) -> None:
        name = interaction.command.qualified_name if interaction.command else "?"
        log.error("/%s failed for Discord user %s", name, interaction.user.id, exc_info=error)
        await apologize(interaction)


def can_manage(interaction: discord.Interaction) -> bool:
    """May this person start or stop a club in the channel? Discord resolves their
    permissions there (roles and overwrites) into the interaction; a DM has none."""
    if interaction.guild_id is None:
        return False
    allowed = interaction.permissions
    return allowed.manage_channels or allowed.manage_guild or allowed.administrator


async def apologize(interaction: discord.Interaction) -> None:
    try:
        if interaction.response.is_done():
            await interaction.followup.send(APOLOGY, ephemeral=True)
        else:
            await interaction.response.send_message(APOLOGY, ephemeral=True)
    except discord.HTTPException:
        log.warning("could not send the apology for interaction %s", interaction.id)


class FollowupClient(discord.Client):
    """The Discord side of one bot process. `deliver=True` also starts reminder delivery."""

    def __init__(self, runtime: Runtime, settings: Settings, *, deliver: bool = False) -> None:
        intents = discord.Intents.none()
        intents.guilds = True  # app commands arrive regardless; this keeps servers known
        intents.dm_messages = True  # DM text needs no privileged intent: DMs are exempt
        super().__init__(
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
            max_ratelimit_timeout=RATE_LIMIT_WAIT,
            chunk_guilds_at_startup=False,
            member_cache_flags=discord.MemberCacheFlags.none(),
            # Several processes can split the gateway between them; they share the
            # database, and delivery claims rows atomically, so no reminder goes twice.
            shard_id=settings.discord_shard_id,
            shard_count=settings.discord_shard_count,
        )
        self.runtime = runtime
        self.settings = settings
        self.role = ShardRole(settings.discord_shard_id, settings.discord_shard_count)
        self.connector = GatewayConnector(
            self, self.role, Backoff(settings.discord_retry_first, settings.discord_retry_max))
        self.tree = FollowupTree(self)
        self.tree.add_command(followup_commands())
        self.tree.add_command(follow_up_menu())
        self.sender = DiscordSender(self, repo=runtime.repo, clock=runtime.clock,
                                    budget=discord_budget(runtime, settings))
        self._deliver = deliver
        # One person's events run one at a time, so a quick second message waits here for
        # the first, in order, without holding a worker thread and a database connection.
        # Only for order: the core's `serialised` unit keeps concurrent events (in this
        # process or another) from interleaving.
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = \
            weakref.WeakValueDictionary()
        # DM channels this process has stored (user id -> channel id): one write per person.
        self._dm_channels: dict[int, int] = {}
        # Events being answered now, which `close` lets finish.
        self._answering: set[asyncio.Task[object]] = set()

    # --- start and stop -------------------------------------------------------------------
    async def setup_hook(self) -> None:
        """After login, before the gateway: buttons, commands, then reminder delivery."""
        self.add_dynamic_items(ActionButton)
        if self.role.registers_commands:
            await self.sync_commands()
        else:
            log.info("as %s, leaving the slash commands to shard 0", self.role.describe())
        if self._deliver:
            await asyncio.to_thread(self.runtime.start_delivery,
                                    {Platform.DISCORD: self.sender})

    async def sync_commands(self) -> None:
        """Register `/followup`: in DISCORD_GUILD_ID only (instant, for trying it out),
        else globally (every server and DMs; Discord may take a while to show it)."""
        guild_id = self.settings.discord_guild_id
        try:
            if guild_id:
                guild = discord.Object(guild_id)
                self.tree.copy_global_to(guild=guild)
                synced = await self.tree.sync(guild=guild)
            else:
                synced = await self.tree.sync()
        except discord.HTTPException as error:
            # DMs still work without commands, so this is worth a log line, not a crash.
            log.error("could not register the slash commands (%s); was the bot invited "
                      "with the applications.commands scope?", error)
            return
        log.info("registered %d slash command(s) %s", len(synced),
                 f"in server {guild_id}" if guild_id else "globally")

    async def on_connect(self) -> None:
        self.connector.mark(True)

    async def on_resumed(self) -> None:
        self.connector.mark(True)

    async def on_disconnect(self) -> None:
        self.connector.mark(False)

    async def on_ready(self) -> None:
        if self.application_id:
            url = discord.utils.oauth_url(self.application_id, permissions=PERMISSIONS,
                                          scopes=SCOPES)
            log.info("Discord bot ready as %s; invite it with %s", self.user, url)

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """Removed from a server (kicked, or the server deleted): its clubs' posts stop
        now and its clubs go after the grace period. People's own interviews stay: they
        belong to the person, who keeps their DMs with the bot."""
        await asyncio.to_thread(self.runtime.workspace_left, Platform.DISCORD, str(guild.id))

    async def on_guild_join(self, guild: discord.Guild) -> None:
        """Added (back) to a server: if it had removed the bot, its clubs stay."""
        if await asyncio.to_thread(self.runtime.repo.workspace_back, Platform.DISCORD,
                                   str(guild.id)):
            log.info("added back to server %s before its clubs were deleted", guild.id)

    async def close(self) -> None:
        # Answers being written finish first (bounded): a deploy's SIGTERM must not cut
        # off a reply the core has already applied.
        current = asyncio.current_task()
        answering = [task for task in self._answering if task is not current]
        if answering:
            await asyncio.wait(answering, timeout=SHUTDOWN_GRACE)
        # Stop delivery while the loop still runs: a send in flight needs it to finish.
        if self._deliver and self.runtime.scheduler is not None:
            await asyncio.to_thread(self.runtime.scheduler.stop)
        await super().close()

    def _answering_now(self) -> None:
        """Count the current task (an event being answered) until it is done."""
        task = asyncio.current_task()
        if task is not None and task not in self._answering:
            self._answering.add(task)
            task.add_done_callback(self._answering.discard)

    # --- translate --------------------------------------------------------------------------
    def inbound(self, user: discord.abc.User, *, channel_id: int | None = None,
                guild_id: int | None = None, can_manage_channel: bool = False,
                text: str = "", action: ActionId | None = None, value: str = "",
                extra: dict[str, str] | None = None, command: bool = False,
                typed: Command | None = None) -> Inbound:
        """A person's event for the core. In a server channel the guild goes along as
        `extra["workspace"]`: the club there is (discord, guild, channel), while the
        person keeps the one identity (discord, "dm", user) they have everywhere."""
        extra = dict(extra or {})
        if channel_id is not None and guild_id is not None:
            extra["workspace"] = str(guild_id)
        return Inbound(
            identity=identity_of(user), text=text, action=action, value=value,
            channel=str(channel_id) if channel_id is not None and guild_id is not None
            else None,
            display_name=user.display_name, extra=extra, command=command,
            can_manage_channel=can_manage_channel, typed=typed,
        )

    def _from(self, interaction: discord.Interaction, *, text: str = "",
              action: ActionId | None = None, value: str = "",
              extra: dict[str, str] | None = None, command: bool = False,
              typed: Command | None = None) -> Inbound:
        return self.inbound(interaction.user, channel_id=interaction.channel_id,
                            guild_id=interaction.guild_id,
                            can_manage_channel=can_manage(interaction), text=text,
                            action=action, value=value, extra=extra, command=command,
                            typed=typed)

    def _lock_for(self, inbound: Inbound) -> asyncio.Lock:
        lock = self._locks.get(inbound.identity.user)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[inbound.identity.user] = lock
        return lock

    async def handle(self, inbound: Inbound) -> list[Reply]:
        """The core, on a worker thread (it touches the database), one event per person."""
        self._answering_now()
        async with self._lock_for(inbound):
            return await asyncio.to_thread(self.runtime.coach.handle, inbound)

    # --- DMs ----------------------------------------------------------------------------------
    async def on_message(self, message: discord.Message) -> None:
        """A DM to the bot is the same conversation as the commands. Server messages,
        bots (this one included) and system messages are not for the coach."""
        # The channel's type, not `message.guild`: a server missing from the cache leaves
        # `guild` None, but its channel is never a DMChannel.
        if not isinstance(message.channel, discord.DMChannel) or message.author.bot \
                or message.type not in MESSAGE_TYPES:
            return
        if self.user is not None and message.author.id == self.user.id:
            return
        replies = await self.handle(self.inbound(message.author, text=message.content))
        for reply in replies:
            try:
                await message.channel.send(**render(reply).send_kwargs())
            except discord.HTTPException:
                log.exception("could not answer a DM from Discord user %s", message.author.id)
                break
        await self.remember_dm_channel(message.author, message.channel.id)

    async def remember_dm_channel(self, user: discord.abc.User, channel_id: int) -> None:
        """Someone wrote in their DM channel: store its id (once per process), so
        reminders to them are one request. After `handle`, which stored the person."""
        if self._dm_channels.get(user.id) == channel_id:
            return
        if await asyncio.to_thread(self.sender.remember_dm_channel, identity_of(user),
                                   str(channel_id)):
            self._dm_channels[user.id] = channel_id

    # --- slash commands ---------------------------------------------------------------------
    async def run_text(self, interaction: discord.Interaction, text: str, *,
                       command: bool = True) -> None:
        """Defer at once (ephemeral in a server), then answer with the coach's replies.

        A subcommand is a `command`: it runs even while the coach waits for an answer,
        which the coach then asks again. `/followup answer` is not one; it is the answer.
        """
        await interaction.response.defer(ephemeral=interaction.guild_id is not None,
                                         thinking=True)
        replies = await self.handle(self._from(interaction, text=text, command=command))
        await self._answer(interaction, replies)

    async def run_command(self, interaction: discord.Interaction, command: Command) -> None:
        """Defer at once (ephemeral in a server), then answer with the coach's replies to
        the typed command; it runs even while the coach waits for an answer."""
        await interaction.response.defer(ephemeral=interaction.guild_id is not None,
                                         thinking=True)
        replies = await self.handle(self._from(interaction, typed=command, command=True))
        await self._answer(interaction, replies)

    async def read_message(self, interaction: discord.Interaction, text: str) -> None:
        """"Follow up on this": the core reads the message first (a form must be the
        interaction's first answer), then the add form opens filled in, or its replies
        (a proposal with buttons) follow a deferral, privately in a server. A read slower
        than `FORM_DEADLINE` (the person's earlier command still running, a busy
        database) defers before Discord's 3 s lapse; the form then waits behind a button."""
        reading = asyncio.ensure_future(self.handle(self._from(
            interaction, typed=ReadMessage(text), command=True)))
        try:
            replies = await asyncio.wait_for(asyncio.shield(reading), FORM_DEADLINE)
        except TimeoutError:
            await interaction.response.defer(ephemeral=interaction.guild_id is not None,
                                             thinking=True)
            replies = await reading
            form = _form_of(replies)
            if form is None:
                await self._answer(interaction, replies)
            else:
                await interaction.followup.send(
                    "I've read that message: the form is ready, filled in with it.",
                    view=FormView(self.open_add_form, form, label="Open the form"),
                    ephemeral=True)
            return
        form = _form_of(replies)
        if form is not None:
            await self.open_add_form(interaction, form)
            return
        await interaction.response.defer(ephemeral=interaction.guild_id is not None,
                                         thinking=True)
        await self._answer(interaction, replies)

    async def start_add(self, interaction: discord.Interaction, form: AddForm) -> None:
        """Complete options are one `add` line; anything less opens the form with them."""
        if form.complete:
            await self.run_command(interaction, AddInterviewFields(
                company=form.company, role=form.role, when=form.when,
                interviewers=form.people, promise=form.promise))
        else:
            await self.open_add_form(interaction, form)

    async def open_add_form(self, interaction: discord.Interaction, form: AddForm) -> None:
        ask_zone = await asyncio.to_thread(needs_zone, self.runtime,
                                           identity_of(interaction.user))
        await interaction.response.send_modal(
            AddInterviewModal(self.submit_add_form, prefill=form, ask_zone=ask_zone))

    async def submit_add_form(self, interaction: discord.Interaction, form: AddForm) -> None:
        await interaction.response.defer(ephemeral=interaction.guild_id is not None,
                                         thinking=True)
        inbound = self._from(interaction, extra=form.for_core(), command=True)
        self._answering_now()
        async with self._lock_for(inbound):
            result = await asyncio.to_thread(submit_form, self.runtime, inbound, form)
        if result.problems:
            await interaction.followup.send(
                problems_text(result.problems), view=FormView(self.open_add_form, form),
                ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
            return
        await self._answer(interaction, result.replies)

    # --- buttons --------------------------------------------------------------------------
    async def on_button(self, interaction: discord.Interaction, action: ActionId,
                        value: str) -> None:
        """A pressed `ActionButton`: `ADD` opens the form; the rest go to the core, and a
        reply that replaces the original edits the pressed message, buttons and all."""
        try:
            if action is ActionId.ADD:
                await self.open_add_form(interaction, AddForm())
                return
            await interaction.response.defer()  # "deferred update": the message stays put
            replies = await self.handle(self._from(interaction, action=action, value=value))
            await self._answer(interaction, replies, may_edit=True)
        except Exception:
            log.exception("button %s:%s failed for Discord user %s", action, value,
                          interaction.user.id)
            await apologize(interaction)

    # --- render -----------------------------------------------------------------------------
    async def _answer(self, interaction: discord.Interaction, replies: list[Reply], *,
                      may_edit: bool = False) -> None:
        in_server = interaction.guild_id is not None
        if not replies and not may_edit:
            replies = [Reply(text="Done.")]  # never leave "thinking…" hanging
        for number, reply in enumerate(replies):
            message = render(reply)
            if number == 0 and may_edit and reply.replace_original:
                await interaction.edit_original_response(**message.edit_kwargs())
            else:
                # In a DM an ephemeral message vanishes on reload, so only servers get them.
                await interaction.followup.send(**message.send_kwargs(),
                                                ephemeral=in_server and reply.private)


def _form_of(replies: list[Reply]) -> AddForm | None:
    """The add form a reply asks to open, filled in with what the core read."""
    form = next((r.prefill for r in replies if r.prefill is not None), None)
    return None if form is None else AddForm(
        company=form.company, role=form.role, when=form.when, people=form.interviewers,
        promise=form.promise)


def build_client(runtime: Runtime, settings: Settings, *, deliver: bool = False
                 ) -> FollowupClient:
    """The bot's client, not yet logged in. `deliver=True` starts reminder delivery after
    login; tests leave it off and drive `runtime.start_delivery` with `client.sender`."""
    point_rest_at(settings.discord_api_url)
    return FollowupClient(runtime, settings, deliver=deliver)


def discord_sender(settings: Settings, repo: Repository,
                   budget: RequestBudget | None = None) -> ChannelSender:
    """A sender for a process without the bot (`followup-bot clock`): REST only, DMs and
    club posts alike, keeping what it learns (DM channels) in that process's `repo`,
    and drawing on `budget` (`discord_budget`; None: this process paces itself)."""
    point_rest_at(settings.discord_api_url)
    return StandaloneDiscordSender(settings, repo=repo, budget=budget)


def discord_budget(runtime: Runtime, settings: Settings) -> RequestBudget | None:
    """The bot token's 50 requests a second, shared through PostgreSQL by every process
    sending with it (gateway shards, clocks); None on SQLite or without a token."""
    if settings.discord_token is None:
        return None
    return runtime.shared_budget("discord", settings.discord_token.get_secret_value(),
                                 rate=PACE_PER_SECOND, burst=SHARED_BURST)


def run_discord(settings: Settings) -> None:
    """Run the bot until interrupted. A missing or rejected token exits with code 2."""
    token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
    if not token:
        print("followup-bot: DISCORD_TOKEN is not set; create a bot and copy its token as "
              "docs/discord.md explains.", file=sys.stderr)
        raise SystemExit(2)
    runtime = build_runtime(settings, SystemClock())
    client = build_client(runtime, settings, deliver=True)
    freeze_start_up()
    try:
        asyncio.run(serve(client, token))
    except discord.LoginFailure:
        print("followup-bot: Discord rejected DISCORD_TOKEN; copy it again from the Bot "
              "page of your application (docs/discord.md).", file=sys.stderr)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        pass
    finally:
        runtime.stop()


async def serve(client: FollowupClient, token: str) -> None:
    """Log in, serve /healthz (if DISCORD_HEALTH_PORT is set) and hold the gateway until
    SIGTERM or Ctrl-C; while Discord cannot be reached, keep trying (`connecting`)."""
    main = asyncio.current_task()
    loop = asyncio.get_running_loop()
    if main is not None:
        with contextlib.suppress(NotImplementedError):  # Windows has no signal handlers
            loop.add_signal_handler(signal.SIGTERM, main.cancel)
    health = None
    if client.settings.discord_health_port:
        health = HealthServer(client.runtime.repo, lambda: client.connector.connected,
                              client.role.describe(), client.settings.discord_health_port)
    try:
        async with client:
            if health is not None:
                await health.start()
            await log_in(client, token, client.connector.backoff)
            await client.connector.run()
    except asyncio.CancelledError:
        log.info("stopping the Discord bot")
    finally:
        if health is not None:
            await health.stop()
        with contextlib.suppress(NotImplementedError):
            loop.remove_signal_handler(signal.SIGTERM)
