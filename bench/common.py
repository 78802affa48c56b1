"""What the request benchmarks (latency.py, load.py) share. Import after django.setup()."""

from __future__ import annotations

from django.db.models import Count
from django.test import Client

from borderwatch.access.actor import Actor
from borderwatch.access.models import User
from borderwatch.access.policy import cases_visible_to

BORDER_BOX = "28.5,68.8,31.2,70.1"  # west,south,east,north: the whole Norway–Russia border


def signed_in(username: str) -> Client:
    """A test client with a real session of `username` (written as a sign-in writes it)."""
    client = Client(SERVER_NAME="localhost")
    client.force_login(User.objects.get(username=username))
    return client


def busiest_case(username: str = "pu") -> int | None:
    """The case with the longest history that `username` may open (its page is heaviest)."""
    actor = Actor.for_user(User.objects.get(username=username))
    return (
        cases_visible_to(actor)
        .annotate(steps=Count("transitions"))
        .order_by("-steps", "id")
        .values_list("pk", flat=True)
        .first()
    )
