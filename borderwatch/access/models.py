"""Units, users and their roles, integration tokens, and the append-only audit trail."""

import json

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.Model):
    """An agency or one of its sub-units; every record has an owning unit."""

    class Kind(models.TextChoices):
        BORDER_GUARD = "border_guard", _("Border guard (armed forces)")
        POLICE = "police", _("Police district")
        IMMIGRATION_POLICE = "immigration_police", _("Immigration police")
        DIRECTORATE = "directorate", _("Immigration directorate")
        SECURITY_SERVICE = "security_service", _("Security service")
        LAW_FIRM = "law_firm", _("Law firm")
        OTHER = "other", _("Other")

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name


class User(AbstractUser):
    """A person who signs in. What they may do comes from their memberships in units."""

    def __str__(self):
        return self.get_full_name() or self.username


class Membership(models.Model):
    """A user's role in one unit. A user acts for one unit at a time."""

    class Role(models.TextChoices):
        BORDER_GUARD = "border_guard", _("Border guard")
        POLICE_OPERATIONS = "police_operations", _("Police operations")
        IMMIGRATION_CASEWORKER = "immigration_caseworker", _("Immigration caseworker")
        DECISION_CASEWORKER = "decision_caseworker", _("Decision caseworker")
        SECURITY_ANALYST = "security_analyst", _("Security analyst")
        LAWYER = "lawyer", _("Lawyer")
        STATISTICIAN = "statistician", _("Statistician")
        ADMINISTRATOR = "administrator", _("Administrator")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=30, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="one_role_per_unit")
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}, {self.unit}"


class IntegrationToken(models.Model):
    """A credential for a machine sender (sensor, patrol tablet). Only its hash is stored."""

    name = models.CharField(max_length=100)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="integration_tokens")
    prefix = models.CharField(max_length=12, unique=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"


def canonical_json(value) -> str:
    """One text for a JSON value: keys sorted, no spaces, non-ASCII as itself."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class CanonicalJSONField(models.TextField):
    """A JSON value stored as its canonical text (`canonical_json`), on every database.

    The audit hash is taken over this text, so the database can check it as stored:
    PostgreSQL's jsonb would re-render it in its own order and spacing."""

    def from_db_value(self, value, expression, connection):
        return None if value is None else json.loads(value)

    def to_python(self, value):
        return json.loads(value) if isinstance(value, str) else value

    def get_prep_value(self, value):
        return None if value is None else canonical_json(value)


class AuditEvent(models.Model):
    """One thing that happened: who, acting for which unit, did what to which object, when.

    Rows are append-only (database triggers refuse UPDATE and DELETE, see triggers.py) and
    each carries the hash of the one before it, so an edit behind the database's back is
    found by `borderwatch audit verify`. Rows never hold personal data itself: objects
    are named by type and id, and `fields` names field groups, not values.
    """

    seq = models.BigIntegerField(unique=True)
    at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="audit_events"
    )
    actor_name = models.CharField(max_length=150)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="audit_events"
    )
    verb = models.CharField(max_length=60, db_index=True)
    target_type = models.CharField(max_length=60, blank=True)
    target_id = models.CharField(max_length=40, blank=True)
    related_type = models.CharField(max_length=60, blank=True)
    related_id = models.CharField(max_length=40, blank=True)
    fields = CanonicalJSONField(default=list, blank=True)
    payload = CanonicalJSONField(default=dict, blank=True)
    reason = models.TextField(blank=True)
    channel = models.CharField(max_length=10, default="system")
    request_id = models.CharField(max_length=40, blank=True)
    ip = models.CharField(max_length=45, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)
    # Which bytes `hash` is taken over (audit.py): 1, a JSON object of the row (rows written
    # before migration 0004); 2, the row's columns as text joined by U+001F, which the
    # database itself can rebuild, so PostgreSQL verifies the chain in SQL.
    form = models.PositiveSmallIntegerField(default=2)

    class Meta:
        ordering = ["seq"]
        indexes = [
            models.Index(fields=["seq"], condition=models.Q(form=1), name="audit_form1"),
            models.Index(fields=["target_type", "target_id"], name="audit_target"),
            models.Index(fields=["related_type", "related_id"], name="audit_related"),
            models.Index(fields=["actor", "at"], name="audit_actor_at"),
        ]

    def __str__(self):
        return f"#{self.seq} {self.verb} {self.target_type}:{self.target_id}"


class BreakGlassGrant(models.Model):
    """Emergency access to one record outside a user's rights: asked for with a written
    reason, granted for a fixed time, flagged in the audit trail and shown to the owner."""

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="break_glass")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    target_type = models.CharField(max_length=60)  # e.g. cases.asylumcase
    target_id = models.CharField(max_length=40)
    reason = models.TextField()
    granted_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at"]
        indexes = [models.Index(fields=["user", "target_type", "expires_at"], name="bg_active")]

    def __str__(self):
        return f"{self.user} → {self.target_type}:{self.target_id} until {self.expires_at}"
