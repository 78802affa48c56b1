"""Django's password backend, reading a signed-in user with their units in one query."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend

from .actor import memberships_query


class MembershipsBackend(ModelBackend):
    """`ModelBackend`, except that `get_user` (run on every signed-in request) reads the
    user together with their memberships and units, in one query instead of two. The
    memberships are kept on the user object as `request_memberships` for this request:
    SecondFactorMiddleware puts them on the request, where ActorMiddleware and the
    header's context (access/context.py) read them; anything outside a request asks
    `actor.memberships_of`, which reads them afresh."""

    def get_user(self, user_id):
        memberships = list(memberships_query().filter(user_id=user_id).select_related("user"))
        if not memberships:  # no unit (an administrator being set up): the usual read
            return super().get_user(user_id)
        user = memberships[0].user
        if not self.user_can_authenticate(user):
            return None
        for membership in memberships:
            membership.user = user
        user.request_memberships = memberships
        return user
