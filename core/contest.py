"""The four strands of CONTEST, the UK's counter-terrorism strategy, as the site presents them."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Strand:
    """One CONTEST strand: its name, address and a one-line summary for cards."""

    slug: str
    name: str
    summary: str

    @property
    def url(self) -> str:
        return f"/contest/{self.slug}/"


CONTEST_STRANDS = (
    Strand(
        "prevent",
        _("Prevent"),
        _("Stopping people from becoming terrorists or supporting terrorism."),
    ),
    Strand("pursue", _("Pursue"), _("Finding, disrupting and prosecuting those who plan attacks.")),
    Strand(
        "protect", _("Protect"), _("Making the region a harder place for terrorists to attack.")
    ),
    Strand("prepare", _("Prepare"), _("Reducing the harm if an attack does happen.")),
)
