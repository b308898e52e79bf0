"""Mail to private addresses, for real: SMTP over loopback to the aiosmtpd server the
`mail` process runs, and raw MIME over HTTP to the web process's `/mail/inbound`.

A BCC'd thank-you to one clear interviewer is marked sent at once, with Undo; anything
else mail brings is only proposed, and nothing changes until the person presses.
"""

from __future__ import annotations

import http.client
import logging
import re
import smtplib
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import timedelta
from email.message import EmailMessage
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from sqlalchemy import text

from adapters.mail_server import MailServer
from adapters.runtime import Runtime
from adapters.web import WebRoutes
from bot.delivery.scheduler import DeliveryScheduler
from bot.mail.intake import MAX_BYTES, MailIntake, MailLimits
from bot.messages import ActionId, Reply
from bot.model import CheckpointKind, CheckpointState, Identity
from bot.ports.clock import SimulatedClock
from tests.chat import ACME, ME, Chat
from tests.log_secrets import secret
from tests.standins.ports import free_port

DOMAIN = "mail.test"
SECRET = secret("s3cret-webhook-value-0123456789", "the mail webhook's secret")
pytestmark = pytest.mark.settings(mail_domain=DOMAIN)


class Recorder:
    """The person's platform sender: keeps what the bot tells them about their mail."""

    def __init__(self) -> None:
        self.sent: list[tuple[Identity, Reply]] = []

    def send(self, to: Identity, reply: Reply) -> None:
        self.sent.append((to, reply))

    @property
    def texts(self) -> str:
        return "\n".join(reply.plain for _, reply in self.sent)


@pytest.fixture
def told(runtime: Runtime) -> Recorder:
    recorder = Recorder()
    runtime.senders[ME.platform] = recorder
    return recorder


@pytest.fixture
def intake(runtime: Runtime, told: Recorder) -> MailIntake:
    return MailIntake(runtime.coach, runtime.senders, DOMAIN)


@pytest.fixture
def smtp_port(intake: MailIntake) -> Iterator[int]:
    server = MailServer(intake, "127.0.0.1", free_port()).start()
    try:
        yield server.port
    finally:
        server.stop()


@pytest.fixture
def limited(runtime: Runtime, told: Recorder) -> MailIntake:
    """An intake whose addresses take two messages an hour and three a day."""
    return MailIntake(runtime.coach, runtime.senders, DOMAIN,
                      MailLimits(per_hour=2, per_day=3))


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def web(runtime: Runtime, intake: MailIntake) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, WebRoutes(runtime.coach, runtime.repo, mail=intake,
                                                   mail_secret=SECRET), handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/mail/inbound"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def me(runtime: Runtime) -> Chat:
    """ME, with the README's Acme interview (2pm today, already over) and an address."""
    chat = Chat(runtime)
    chat.say(ACME)
    return chat


def address_of(chat: Chat, command: str = "email") -> str:
    found = re.search(rf"\b([a-z2-7]{{16,64}}@{re.escape(DOMAIN)})\b", chat.text(command))
    assert found, "the reply shows the address"
    return found[1]


def thank_you(to: str = "Jane Smith <jane.smith@acme.com>", greeting: str = "Dear Jane",
              **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = "Alex Doe <alex@example.com>"
    message["To"] = to
    message["Subject"] = "Thank you for today"
    for name, value in headers.items():
        message[name] = value
    message.set_content(f"{greeting},\n\nThank you for taking the time to talk with me "
                        "about the data analyst role.\n\nBest,\nAlex\n\nOn Mon, Jane Smith "
                        "<jane.smith@acme.com> wrote:\n> See you at 2pm\n")
    return message.as_bytes()


def forward(address: str, news: str) -> bytes:
    message = EmailMessage()
    message["From"] = "Alex Doe <alex@example.com>"
    message["To"] = address
    message["Subject"] = "Fwd: Your application"
    message.set_content("FYI\n\n---------- Forwarded message ---------\n"
                        "From: Jane Smith <jane.smith@acme.com>\nSubject: Your application\n\n"
                        f"Hi Alex,\n\nThanks for your patience. {news}\n\nKind regards,\nJane\n")
    return message.as_bytes()


def smtp_send(port: int, to: str, raw: bytes, sender: str = "alex@example.com") -> None:
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        client.sendmail(sender, [to], raw)


def post(url: str, raw: bytes, secret_value: str | None = SECRET,
         recipient: str | None = None) -> int:
    request = urllib.request.Request(url, data=raw, method="POST",
                                     headers={"Content-Type": "message/rfc822"})
    if secret_value is not None:
        request.add_header("X-Followup-Mail-Secret", secret_value)
    if recipient is not None:
        request.add_header("X-Followup-Mail-To", recipient)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def thank_you_states(chat: Chat) -> dict[str, CheckpointState]:
    """Each interviewer's thank-you step, as its newest row says."""
    interview, checkpoints = chat.checkpoints()
    names = {p.id: p.name for p in interview.interviewers}
    return {names[cp.interviewer_id]: cp.state for cp in sorted(checkpoints, key=lambda c: c.id)
            if cp.kind is CheckpointKind.THANK_YOU and cp.interviewer_id in names}


def button(recorder: Recorder, label: str, kind: ActionId = ActionId.CHOOSE) -> str:
    for _, reply in recorder.sent:
        for action in reply.actions:
            if action.id is kind and action.label == label:
                return action.value
    raise AssertionError(f"no {label!r} button in {recorder.texts!r}")


def choice(recorder: Recorder, label: str) -> str:
    return button(recorder, label)


def stored_tables(runtime: Runtime, *, arrivals: bool = False) -> str:
    """Every row of every table, as text: to look for what must not be stored. Without
    `arrivals`, leaving out the times mail reached an address (a fingerprint and a
    time each, kept a day for the address's limit: nothing of any message)."""
    with runtime.repo.engine.connect() as connection:
        names = [r[0] for r in connection.execute(text(
            "SELECT name FROM sqlite_master WHERE type='table'"))
            if arrivals or r[0] != "mail_arrivals"]
        # Each row as a plain tuple: a Row's own repr cuts long values short.
        return "\n".join(str(tuple(row)) for name in names
                         for row in connection.execute(text(f'SELECT * FROM "{name}"')))


# --- the address ------------------------------------------------------------------------
def test_email_shows_an_address_once_and_stores_only_its_hash(me: Chat, runtime: Runtime):
    address = address_of(me)
    assert address.endswith("@" + DOMAIN)
    again = me.text("email")
    assert address not in again and "email reset" in again
    token = address.partition("@")[0]
    assert token not in stored_tables(runtime)


def test_email_is_not_shown_in_a_channel(me: Chat):
    reply = me.text("email", channel="C1")
    assert "direct message" in reply and DOMAIN not in reply


@pytest.mark.settings(mail_domain=None)
def test_without_a_mail_domain_email_says_it_is_off(me: Chat):
    assert "FOLLOWUP_MAIL_DOMAIN" in me.text("email")


def test_the_help_lists_email(me: Chat):
    assert "`email`" in me.text("help")


# --- SMTP ---------------------------------------------------------------------------------
def test_a_bcc_thank_you_over_smtp_is_marked_sent_in_one_line_and_undone_by_its_button(
        me: Chat, told: Recorder, smtp_port: int):
    address = address_of(me)
    smtp_send(smtp_port, address, thank_you())

    [(_, reply)] = told.sent
    assert reply.text == "Saw your thank-you to Jane Smith (#1, data analyst at Acme): " \
                         "marked sent."
    assert thank_you_states(me) == {"Jane Smith": CheckpointState.DONE,
                                    "Bob Lee": CheckpointState.PENDING}
    undone = me.text("", action=ActionId.UNDO_DONE,
                     value=button(told, "Undo", ActionId.UNDO_DONE))
    assert "waiting again" in undone
    assert thank_you_states(me) == {"Jane Smith": CheckpointState.PENDING,
                                    "Bob Lee": CheckpointState.PENDING}
    again = me.text("", action=ActionId.UNDO_DONE,
                    value=button(told, "Undo", ActionId.UNDO_DONE))
    assert "nothing to undo" in again


def test_a_thank_you_to_the_whole_team_asks_who_it_was_to(
        me: Chat, told: Recorder, smtp_port: int):
    smtp_send(smtp_port, address_of(me), thank_you(to="careers@acme.com",
                                                   greeting="Dear hiring team"))
    assert "Who was it to?" in told.texts
    assert thank_you_states(me)["Bob Lee"] is CheckpointState.PENDING  # nothing yet
    me.press(ActionId.CHOOSE, choice(told, "Sent to Bob Lee"))
    assert thank_you_states(me) == {"Jane Smith": CheckpointState.PENDING,
                                    "Bob Lee": CheckpointState.DONE}


def test_the_greetings_misspelling_is_pointed_out(me: Chat, told: Recorder, smtp_port: int):
    smtp_send(smtp_port, address_of(me), thank_you(greeting="Dear Jayne"))
    assert "greets “Jayne”" in told.texts and "Jane Smith" in told.texts


def test_the_company_domain_and_the_greeting_find_the_interviewer(
        me: Chat, told: Recorder, smtp_port: int):
    smtp_send(smtp_port, address_of(me), thank_you(to="careers@acme.com", greeting="Hi Bob"))
    assert thank_you_states(me) == {"Jane Smith": CheckpointState.PENDING,
                                    "Bob Lee": CheckpointState.DONE}


def test_an_unknown_and_a_reset_address_are_refused_at_rcpt(
        me: Chat, told: Recorder, smtp_port: int, runtime: Runtime):
    old = address_of(me)
    new = address_of(me, "email reset")
    assert new != old
    for refused in (old, "a" * 32 + "@" + DOMAIN, "someone@elsewhere.test"):
        with pytest.raises(smtplib.SMTPRecipientsRefused) as caught:
            smtp_send(smtp_port, refused, thank_you())
        assert caught.value.recipients[refused][0] == 550
    assert told.sent == []
    smtp_send(smtp_port, new, thank_you())
    assert "Jane Smith" in told.texts


def test_an_oversized_message_is_refused(me: Chat, told: Recorder, smtp_port: int):
    raw = thank_you() + b"x" * (MAX_BYTES + 1)
    with pytest.raises(smtplib.SMTPException) as caught:
        smtp_send(smtp_port, address_of(me), raw)
    assert getattr(caught.value, "smtp_code", None) == 552
    assert told.sent == []


@pytest.mark.parametrize("headers, sender", [
    ({"Auto-Submitted": "auto-replied"}, "alex@example.com"),
    ({"Precedence": "bulk"}, "alex@example.com"),
    ({"X-Autoreply": "yes"}, "alex@example.com"),
    ({}, ""),  # MAIL FROM:<>, a bounce
])
def test_machine_mail_is_taken_but_never_answered_or_acted_on(
        me: Chat, told: Recorder, smtp_port: int, runtime: Runtime, headers, sender):
    address = address_of(me)
    smtp_send(smtp_port, address, thank_you(**headers), sender=sender)
    assert told.sent == []
    assert runtime.repo.get_conversation(me.checkpoints()[0].person_id) is None
    assert thank_you_states(me)["Jane Smith"] is CheckpointState.PENDING


def test_a_forwarded_reply_is_proposed_and_changes_nothing_until_pressed(
        me: Chat, told: Recorder, smtp_port: int):
    address = address_of(me)
    smtp_send(smtp_port, address, forward(address, "Unfortunately, we have decided to "
                                                   "move forward with other candidates."))
    assert "forwarded a reply from Acme" in told.texts and "A no from Acme" in told.texts
    assert me.checkpoints()[0].outcome is None
    me.press(ActionId.CHOOSE, choice(told, "Apply"))
    assert me.checkpoints()[0].outcome is not None


def test_not_this_leaves_everything_as_it_was(me: Chat, told: Recorder, smtp_port: int):
    address = address_of(me)
    smtp_send(smtp_port, address, forward(address, "We will make a decision by the 15th."))
    assert "in touch by Tue 15 Dec" in told.texts
    before = me.checkpoints()
    me.press(ActionId.CHOOSE, choice(told, "Not this"))
    assert me.checkpoints() == before  # still "by Friday", every step as it was


def test_the_message_body_is_not_stored(me: Chat, told: Recorder, smtp_port: int,
                                        runtime: Runtime):
    address = address_of(me)
    smtp_send(smtp_port, address, forward(address, "We will make a decision by the 15th."))
    smtp_send(smtp_port, address, thank_you(greeting="Dear hiring team", to="hr@acme.com"))
    stored = stored_tables(runtime)
    assert told.sent and "Thanks for your patience" not in stored
    assert "taking the time" not in stored


def test_an_unanswered_proposal_and_the_words_it_holds_go_after_a_week(
        me: Chat, told: Recorder, smtp_port: int, runtime: Runtime, clock: SimulatedClock):
    """A next round's proposal keeps its sentence (for the date) until answered; after
    7 days the clock's hourly sweep deletes it even if the person never writes again."""
    address = address_of(me)
    smtp_send(smtp_port, address, forward(address, "We'd like to invite you back for a "
                                                   "final round interview on Tuesday at 10am."))
    assert "A next round from Acme" in told.texts
    assert "final round interview on Tuesday" in stored_tables(runtime)
    scheduler = DeliveryScheduler(runtime.start_delivery({}, background=False))
    clock.advance(timedelta(days=6, hours=23))
    assert scheduler.tidy() == 0 and "final round" in stored_tables(runtime)
    clock.advance(timedelta(hours=1))
    assert scheduler.tidy() == 1
    assert "final round" not in stored_tables(runtime)
    assert me.checkpoints()[0].outcome is None  # nothing applied by the sweep


def test_a_proposal_past_its_week_is_not_taken_as_answered(
        me: Chat, told: Recorder, smtp_port: int, clock: SimulatedClock):
    address = address_of(me)
    smtp_send(smtp_port, address, forward(address, "Unfortunately, we have decided to "
                                                   "move forward with other candidates."))
    apply = choice(told, "Apply")
    clock.advance(timedelta(days=8))
    me.press(ActionId.CHOOSE, apply)
    assert me.checkpoints()[0].outcome is None  # the week is up: nothing to apply


def test_mail_about_no_known_interview_changes_nothing_and_says_so(
        me: Chat, told: Recorder, smtp_port: int):
    smtp_send(smtp_port, address_of(me), thank_you(to="pat@globex.com", greeting="Dear Pat"))
    assert "couldn't tell which interview" in told.texts
    assert thank_you_states(me)["Jane Smith"] is CheckpointState.PENDING


# --- the webhook ---------------------------------------------------------------------------
def test_the_webhook_takes_raw_mime_with_the_secret(me: Chat, told: Recorder, web: str):
    address = address_of(me)
    assert post(web, thank_you(), recipient=address) == 202
    assert "thank-you to Jane Smith" in told.texts


def test_the_webhook_finds_the_address_in_the_messages_headers(
        me: Chat, told: Recorder, web: str):
    address = address_of(me)
    assert post(web, thank_you(**{"Delivered-To": address})) == 202
    assert "Jane Smith" in told.texts


def test_the_webhook_refuses_a_wrong_or_missing_secret_before_reading(
        me: Chat, told: Recorder, web: str):
    address = address_of(me)
    assert post(web, thank_you(), secret_value="wrong-secret-value", recipient=address) == 401
    assert post(web, thank_you(), secret_value=None, recipient=address) == 401
    assert told.sent == []


def test_the_webhook_gives_404_for_an_unknown_or_reset_address(
        me: Chat, told: Recorder, web: str):
    old = address_of(me)
    address_of(me, "email reset")
    assert post(web, thank_you(), recipient=old) == 404
    assert post(web, thank_you(), recipient="b" * 32 + "@" + DOMAIN) == 404
    assert told.sent == []


def test_the_webhook_refuses_an_oversized_message_by_its_length_unread(
        me: Chat, told: Recorder, web: str):
    """The answer comes on the declared length, before any of the body is sent."""
    url = urllib.parse.urlsplit(web)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:
        connection.putrequest("POST", url.path)
        connection.putheader("X-Followup-Mail-Secret", SECRET)
        connection.putheader("X-Followup-Mail-To", address_of(me))
        connection.putheader("Content-Length", str(MAX_BYTES + 1))
        connection.endheaders()
        assert connection.getresponse().status == 413
    finally:
        connection.close()
    assert told.sent == []


def test_the_webhook_accepts_but_ignores_a_loop(me: Chat, told: Recorder, web: str):
    raw = thank_you(**{"Auto-Submitted": "auto-replied"})
    assert post(web, raw, recipient=address_of(me)) == 202
    assert told.sent == []


@pytest.mark.parametrize("raw", [
    b"\x00\xff\xfe not a message at all",
    b"From: <<<@@@>>>\r\nTo: ,,,;;;\r\nContent-Type: multipart/mixed; boundary=\r\n\r\n--\r\n",
    b"From: a@b.c\r\nContent-Type: text/plain; charset=x-bogus\r\n"
    b"Content-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n",
])
def test_hostile_mail_is_taken_and_ignored_with_nothing_stored(
        me: Chat, told: Recorder, web: str, runtime: Runtime, raw: bytes):
    address = address_of(me)
    before = stored_tables(runtime)
    assert post(web, raw, recipient=address) == 202
    assert stored_tables(runtime) == before
    assert "couldn't tell" in told.texts or told.sent == []


def test_a_marked_thank_you_leaves_a_waiting_question_open(me: Chat, told: Recorder,
                                                     smtp_port: int):
    address = address_of(me)
    assert "?" in me.text("add")  # the add flow asks its first question
    smtp_send(smtp_port, address, thank_you())
    assert "Saw your thank-you" in told.texts
    assert "role?" in me.text("Globex")  # the add flow takes its answer and goes on


def test_on_every_database_a_bcc_is_marked_then_undone(db_runtime: Runtime):
    recorder = Recorder()
    db_runtime.senders[ME.platform] = recorder
    server = MailServer(MailIntake(db_runtime.coach, db_runtime.senders, DOMAIN),
                        "127.0.0.1", free_port()).start()
    try:
        chat = Chat(db_runtime)
        chat.say(ACME)
        smtp_send(server.port, address_of(chat), thank_you())
        assert thank_you_states(chat)["Jane Smith"] is CheckpointState.DONE
        chat.press(ActionId.UNDO_DONE, button(recorder, "Undo", ActionId.UNDO_DONE))
        assert thank_you_states(chat)["Jane Smith"] is CheckpointState.PENDING
    finally:
        server.stop()


def test_a_proposal_sets_a_waiting_question_aside_and_says_so(
        me: Chat, told: Recorder, smtp_port: int):
    address = address_of(me)
    me.text("add")
    smtp_send(smtp_port, address, forward(address, "We will make a decision by the 15th."))
    assert "set aside my earlier question" in told.texts


# --- limits per address ----------------------------------------------------------------------
def _over_limit_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if "over the limit" in r.getMessage()]


def test_over_its_limit_an_address_gets_452_over_smtp_with_nothing_stored_and_one_line(
        me: Chat, told: Recorder, limited: MailIntake, runtime: Runtime, clock: SimulatedClock,
        caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.INFO)
    address = address_of(me)
    server = MailServer(limited, "127.0.0.1", free_port()).start()
    try:
        for _ in range(2):
            smtp_send(server.port, address, forward(address, "We will decide by the 15th."))
        assert len([r for _, r in told.sent if r.text.startswith("You forwarded")]) == 2
        before, told_before = stored_tables(runtime, arrivals=True), len(told.sent)
        with pytest.raises(smtplib.SMTPRecipientsRefused) as caught:
            smtp_send(server.port, address, forward(address, "Sekrit offer words."))
        assert caught.value.recipients[address][0] == 452
        assert stored_tables(runtime, arrivals=True) == before
        assert len(told.sent) == told_before
        [line] = _over_limit_lines(caplog)
        assert address.partition("@")[0] not in line.getMessage()
        assert "Sekrit" not in caplog.text

        clock.advance(timedelta(minutes=61))  # a new hour: the day's third message
        smtp_send(server.port, address, thank_you())
        assert "Saw your thank-you" in told.texts
        with pytest.raises(smtplib.SMTPRecipientsRefused) as caught:
            smtp_send(server.port, address, thank_you())  # the day's fourth: refused
        assert caught.value.recipients[address][0] == 452
    finally:
        server.stop()


def test_over_its_limit_an_address_gets_429_from_the_webhook_with_nothing_stored(
        me: Chat, told: Recorder, limited: MailIntake, runtime: Runtime,
        caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.INFO)
    server = make_server("127.0.0.1", 0, WebRoutes(runtime.coach, runtime.repo, mail=limited,
                                                   mail_secret=SECRET), handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/mail/inbound"
        address = address_of(me)
        raw = forward(address, "We will make a decision by the 15th.")
        assert [post(url, raw, recipient=address) for _ in range(2)] == [202, 202]
        before, told_before = stored_tables(runtime, arrivals=True), len(told.sent)
        assert post(url, forward(address, "Sekrit offer words."), recipient=address) == 429
        assert stored_tables(runtime, arrivals=True) == before
        assert len(told.sent) == told_before
        assert len(_over_limit_lines(caplog)) == 1 and "Sekrit" not in caplog.text
    finally:
        server.shutdown()
        server.server_close()
