"""Django's password backend, reading a signed-in user with their units in one query."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef
from django_otp.plugins.otp_totp.models import TOTPDevice

from .actor import memberships_query


class MembershipsBackend(ModelBackend):
    """`ModelBackend`, except that `get_user` (run on every signed-in request) reads the
    user together with their memberships and units, and whether they have a confirmed
    second-factor device, in one query instead of three. The memberships are kept on the
    user object as `request_memberships` for this request: SecondFactorMiddleware puts them
    on the request, where ActorMiddleware and the header's context (access/context.py) read
    them; anything outside a request asks `actor.memberships_of`, which reads them afresh.
    The device's existence is kept as `request_has_device`, which
    `otp.owes_second_factor` reads instead of asking again."""

    def get_user(self, user_id):
        device = TOTPDevice.objects.filter(user_id=OuterRef("user_id"), confirmed=True)
        memberships = list(
            memberships_query()
            .filter(user_id=user_id)
            .select_related("user")
            .annotate(has_device=Exists(device))
        )
        if not memberships:  # no unit (an administrator being set up): the usual read
            return super().get_user(user_id)
        user = memberships[0].user
        if not self.user_can_authenticate(user):
            return None
        for membership in memberships:
            membership.user = user
        user.request_memberships = memberships
        user.request_has_device = memberships[0].has_device
        return user
