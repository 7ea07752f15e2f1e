"""A real SMTP server for tests that read the email the site sends."""

import email
import email.policy
import re
import socket
import threading

from aiosmtpd.controller import Controller


class Inbox:
    """What a real SMTP server (aiosmtpd, started by the test) received."""

    def __init__(self):
        self.messages = []
        self.sessions = set()  # one per SMTP connection that delivered mail
        self.refuse = set()  # addresses answered "550 no such mailbox"
        self.refused = []
        self._lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            with self._lock:
                self.refused.append(address)
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append((envelope.rcpt_tos, message))
            self.sessions.add(id(session))
        return "250 OK"

    def to(self, address: str):
        return [m for rcpts, m in self.messages if address in rcpts]

    @staticmethod
    def text(message) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()

    @staticmethod
    def html(message) -> str:
        return message.get_body(preferencelist=("html",)).get_content()

    def link(self, message, path_part: str) -> str:
        """The site path of the first link in the plain-text part containing ``path_part``."""
        match = re.search(
            r"https?://[^/\s]+(/\S*" + re.escape(path_part) + r"\S*)", self.text(message)
        )
        assert match, self.text(message)
        return match.group(1)


def run_inbox(settings):
    """Start a real SMTP server and point the site's mail at it; yields the Inbox."""
    handler = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5},
        }
    }
    yield handler
    controller.stop()
