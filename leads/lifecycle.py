"""What follows a lead's creation or change, whatever the way in: the API,
the admin, an intake channel, an import or a call log all call these, in
the transaction of the change, so each rule is written once
(docs/architecture.md, "How data flows").

Today: the duplicate check (leads/duplicates/). Routing and the events
others react to hang here as they land.
"""

from .duplicates.matching import Match
from .duplicates.pairs import found_for
from .models import Lead


def lead_created(lead: Lead) -> list[Match]:
    """After a new lead and its emails, phones and vehicles are saved; its
    possible duplicates."""
    return found_for(lead)


def lead_changed(lead: Lead) -> list[Match]:
    """After a lead or one of its emails, phones or vehicles changed."""
    return found_for(lead)
