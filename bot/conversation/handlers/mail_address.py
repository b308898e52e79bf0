"""`email`: the person's private address, to BCC on thank-yous and forward replies to.

Only the token's hash is stored (`bot.mail.address`), so, like a calendar link, the
address is shown once when made; `email reset` makes a new one and the old one bounces.
"""

from __future__ import annotations

from bot.commands import MailAddress
from bot.conversation.turn import Turn
from bot.mail import address
from bot.mail.address import address_for, token_hash
from bot.messages import Reply


def show(turn: Turn, command: MailAddress) -> list[Reply]:
    domain = turn.defaults.mail_domain
    if not domain:
        return [Reply(text="Email isn't set up on this bot (FOLLOWUP_MAIL_DOMAIN). Meanwhile "
                           "tell me in a line: `sent 1 Jane`, `heard 1 offer`.")]
    if turn.inbound is not None and turn.inbound.channel is not None:
        return [Reply(text="Your private address is for your eyes only: ask me for it "
                           "in a direct message.")]
    if command.what not in ("", "reset", "show", "address"):
        return [Reply(text="Try `email` (your private address) or `email reset` (a new "
                           "one; the old one stops working).")]
    had = turn.repo.has_mail_address(turn.person.id)
    if had and command.what != "reset":
        return [Reply(text="You already have a private address, and it keeps working. I "
                           "keep only a fingerprint of it, so I can't show it again. Lost "
                           "it? `email reset` makes a new one and the old one bounces.")]
    token = address.new_token()  # shown once, below; only its hash is stored
    turn.repo.set_mail_token_hash(turn.person.id, token_hash(token), turn.now)
    lead = "Done: the old address now bounces. Your new private address" if had \
        else "Your private address"
    return [Reply(text=f"{lead}: {address_for(token, domain)}\n"
                       "• BCC it on a thank-you note and I'll mark it sent (with Undo).\n"
                       "• Forward an employer's reply to it and I'll offer to record the "
                       "news. I change nothing until you press a button, and I don't keep "
                       "the email.\nSave it in your contacts now: I can't show it again. "
                       "`email reset` replaces it.")]
