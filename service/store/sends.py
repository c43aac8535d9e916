"""The sends accounts report (DESIGN.md, "Sends and sender reputation"): what attribution asks of them.

SEAM, on purpose. Attribution's third source is "the original Message-ID among the sends the
account reported"; the table of reported sends, its intake (`POST /v1/sends`, the Kafka topic,
`bounceback sends import`) and its retention arrive with the reputation issue. Until then no send
is ever reported, so `account_of_send` truthfully finds nothing, and attribution goes on to the
accounts' domains. The reputation work replaces the body below with its query; the order of the
sources (service.domain.attribution.resolve) already asks it in its place, and a test pins that.
"""

from __future__ import annotations

from sqlalchemy.orm import Session


def account_of_send(session: Session, message_id: str) -> str | None:
    """The account that reported sending the message with this Message-ID; None: nobody did."""
    del session, message_id  # no sends table yet (see the module docstring)
    return None
