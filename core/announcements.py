"""Telling subscribers about a change, without the app that made it knowing who listens.

A content app builds an ``Announcement`` from what it has just published and calls
``announce()`` inside the transaction that publishes it. The updates app registers a listener
in its ``ready()`` and queues one mailing, so an email goes out if and only if the change
commits, and the publish never waits for the sending. The topic names are the ones subscribers
choose from.
"""

from collections.abc import Callable
from dataclasses import dataclass

THREAT_LEVEL = "threat_level"
INCIDENTS = "incidents"
NEWS = "news"
BUSINESS = "business"
TOPICS = (THREAT_LEVEL, INCIDENTS, NEWS, BUSINESS)


@dataclass(frozen=True)
class Announcement:
    """One change, as subscribers to its topic will read it by email."""

    topic: str
    # What changed, once: announcing the same source again sends nothing more.
    source: str
    subject: str
    path: str  # The page on the site it is about.
    text: str  # Plain text: the summary, or the update itself.
    html: str = ""  # The same as sanitised HTML; the text is used when empty.
    change_note: str = ""  # For content published before: what changed, in a sentence.
    urgent: bool = False  # Threat level and incidents go before news.
    # The object announced (a news item, an incident update), where there is one: a weekly
    # summary leaves out what has been taken off the site since.
    about: object = None

    def __post_init__(self):
        if self.topic not in TOPICS:
            raise ValueError(f"Unknown announcement topic {self.topic!r}")


Listener = Callable[..., object]
_LISTENERS: dict[str, Listener] = {}


def register_listener(function: Listener) -> Listener:
    """Register ``function(announcement, *, by)``; usable as a decorator."""
    _LISTENERS[f"{function.__module__}.{function.__qualname__}"] = function
    return function


def announce(announcement: Announcement, *, by=None) -> None:
    """Hand the announcement to every listener, inside the caller's transaction."""
    for listener in _LISTENERS.values():
        listener(announcement, by=by)
