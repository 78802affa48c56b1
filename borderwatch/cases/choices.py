"""The states of an asylum case (transitions are in workflow.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseState(models.TextChoices):
    CLAIMED = "claimed", _("Protection claimed at apprehension")
    REFERRED = "referred", _("Referred, waiting for the receiving unit")
    ACCEPTED = "accepted", _("Accepted by the immigration unit")
    REGISTERED = "registered", _("Application registered")
    UNDER_VERIFICATION = "under_verification", _("Identity and claims under verification")
    INTERVIEWED = "interviewed", _("Interviewed")
    SENT_FOR_DECISION = "sent_for_decision", _("Sent for decision")
    GRANTED = "granted", _("Decided: protection granted")
    REFUSED = "refused", _("Decided: refused")
    OTHER_COUNTRY = "other_country", _("Decided: another country responsible")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CLOSED = "closed", _("Closed")


DECIDED = frozenset({CaseState.GRANTED, CaseState.REFUSED, CaseState.OTHER_COUNTRY})
TERMINAL = frozenset({CaseState.CLOSED})
OPEN = frozenset(CaseState) - DECIDED - TERMINAL - {CaseState.WITHDRAWN}
