"""Raw MIME read into a person's own words, and machine mail recognised."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from bot.mail.reading import read_mail


def _message(body: str = "Dear Jane,\n\nThank you for today.", **headers: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Alex Doe <alex@example.com>"
    message["To"] = "Jane Smith <jane@acme.com>"
    message["Subject"] = "Thank you"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


def test_a_plain_message_gives_its_words_sender_and_recipients():
    mail = read_mail(_message().as_bytes())
    assert mail is not None
    assert mail.sender == ("Alex Doe", "alex@example.com")
    assert mail.recipients == (("Jane Smith", "jane@acme.com"),)
    assert mail.text == "Dear Jane,\n\nThank you for today."
    assert not mail.forwarded and mail.loop is None


def test_multipart_prefers_the_plain_part_and_never_reads_attachments():
    message = _message("Dear Jane,\nThanks!")
    message.add_alternative("<p>Dear Jane,<br>HTML copy</p>", subtype="html")
    message.add_attachment(b"%PDF-1.4 Dear Bob secret", maintype="application",
                           subtype="pdf", filename="resume.pdf")
    mail = read_mail(message.as_bytes())
    assert mail is not None and mail.text == "Dear Jane,\nThanks!"


def test_html_only_mail_is_read_as_text_without_its_quoted_part():
    message = _message()
    message.set_content("<html><head><style>p{color:red}</style></head><body>"
                        "<p>Hi Jane,</p><p>Thank you for&nbsp;your time.</p>"
                        "<blockquote>old words</blockquote></body></html>", subtype="html")
    mail = read_mail(message.as_bytes())
    assert mail is not None
    assert mail.text == "Hi Jane,\n\nThank you for your time."


def test_quoted_replies_and_signatures_are_cut():
    body = ("Hi Jane,\nThanks again.\n-- \nAlex\n")
    assert read_mail(_message(body).as_bytes()).text == "Hi Jane,\nThanks again."
    body = ("Hi Jane,\nThanks again.\n\nOn Mon, 23 Nov 2026 at 10:00, Jane Smith "
            "<jane@acme.com>\nwrote:\n> Looking forward\n> to it\n")
    assert read_mail(_message(body).as_bytes()).text == "Hi Jane,\nThanks again."
    body = "Inline reply\n> quoted line\nmore of mine"
    assert read_mail(_message(body).as_bytes()).text == "Inline reply\nmore of mine"


@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1252", "utf-8"])
def test_any_charset_is_decoded(charset):
    raw = (f"From: a@example.com\nTo: b@acme.com\nSubject: x\n"
           f"Content-Type: text/plain; charset={charset}\n"
           "Content-Transfer-Encoding: 8bit\n\nDear Ren\u00e9e,\nMerci.\n").encode(charset)
    assert read_mail(raw).text == "Dear Ren\u00e9e,\nMerci."


def test_an_unknown_or_lying_charset_is_read_with_replacements_not_refused():
    raw = (b"From: a@example.com\nTo: b@acme.com\nSubject: x\n"
           b"Content-Type: text/plain; charset=x-no-such-charset\n\nDear Jane,\xff ok\n")
    mail = read_mail(raw)
    assert mail is not None and mail.text.startswith("Dear Jane,") and "ok" in mail.text


def test_a_gmail_forward_keeps_the_forwarded_part_and_its_sender():
    body = ("FYI, good news below!\n\n---------- Forwarded message ---------\n"
            "From: Jane Smith <jane@acme.com>\nDate: Tue, 24 Nov 2026\n"
            "Subject: Next steps\nTo: Alex <alex@example.com>\n\n"
            "Hi Alex,\nWe will make a decision by the 15th.\n\n"
            "On Mon, Alex wrote:\n> thank you\n")
    mail = read_mail(_forward(body))
    assert mail is not None and mail.forwarded
    assert mail.forwarded_from == ("Jane Smith", "jane@acme.com")
    assert mail.text == "Hi Alex,\nWe will make a decision by the 15th."


def _forward(body: str) -> bytes:
    message = EmailMessage()
    message["From"] = "Alex <alex@example.com>"
    message["To"] = "token@mail.test"
    message["Subject"] = "Fwd: Next steps"
    message.set_content(body)
    return message.as_bytes()


def test_a_forward_as_an_attachment_reads_the_attached_message():
    inner = EmailMessage()
    inner["From"] = "Jane Smith <jane@acme.com>"
    inner["Subject"] = "Update"
    inner.set_content("Unfortunately, we have decided to move forward with other candidates.")
    outer = EmailMessage()
    outer["From"] = "alex@example.com"
    outer["To"] = "token@mail.test"
    outer["Subject"] = "Fwd: Update"
    outer.set_content("see attached")
    outer.add_attachment(inner)
    mail = read_mail(outer.as_bytes())
    assert mail is not None and mail.forwarded
    assert mail.forwarded_from == ("Jane Smith", "jane@acme.com")
    assert mail.text.startswith("Unfortunately")


@pytest.mark.parametrize("header, value", [
    ("Auto-Submitted", "auto-replied"),
    ("Auto-Submitted", "auto-generated; out-of-office"),
    ("Precedence", "bulk"), ("Precedence", "junk"), ("Precedence", "list"),
    ("Precedence", "auto_reply"),
    ("Return-Path", "<>"),
    ("X-Autoreply", "yes"),
])
def test_machine_mail_is_recognised(header, value):
    mail = read_mail(_message(**{header: value}).as_bytes())
    assert mail is not None and mail.loop is not None


def test_auto_submitted_no_and_ordinary_precedence_are_a_persons_mail():
    mail = read_mail(_message(Auto_Submitted="no", Precedence="normal").as_bytes())
    assert mail is not None and mail.loop is None


def test_an_empty_envelope_sender_is_a_bounce():
    assert read_mail(_message().as_bytes(), envelope_from="<>").loop is not None
    assert read_mail(_message().as_bytes(), envelope_from="alex@example.com").loop is None


@pytest.mark.parametrize("raw", [b"", b"\x00\xff\xfe garbage with no headers"])
def test_no_message_at_all_is_none(raw):
    assert read_mail(raw) is None
