"""aiosmtpd handlers for kassa-mail's tests.

Started as `python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_handlers.RefusingMailbox DIR`
with this folder on PYTHONPATH.
"""

from aiosmtpd.handlers import Mailbox


class RefusingMailbox(Mailbox):
    """A Maildir mailbox that refuses some recipients by the part before the @:
    `refused@...` gets a permanent 550, `busy@...` a transient 451; others are accepted."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local == "refused":
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if local == "busy":
            return f"451 4.3.0 <{address}>: Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"
