"""Administration of reference data: units, users and roles, integration tokens.

Case content is not registered here: administrators manage users and reference data,
not files about people (DESIGN.md §1). The audit trail is read-only.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from . import policy
from .admin_audit import AuditedAdmin
from .models import AuditEvent, IntegrationToken, Membership, Unit, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class BorderwatchUserAdmin(AuditedAdmin, UserAdmin):
    inlines = [MembershipInline]


@admin.register(Unit)
class UnitAdmin(AuditedAdmin):
    list_display = ["name", "code", "kind", "parent"]
    search_fields = ["name", "code"]


@admin.register(IntegrationToken)
class IntegrationTokenAdmin(AuditedAdmin):
    list_display = ["name", "unit", "prefix", "created_at", "revoked_at"]
    readonly_fields = ["prefix", "token_hash", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False  # issued with `borderwatch token issue`, which shows the token once


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["seq", "at", "actor_name", "unit", "verb", "target_type", "target_id"]
    list_filter = ["verb", "channel"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _admin_has_permission(request) -> bool:
    """The admin asks the one policy too: staff status alone is not enough, the acting
    identity must be allowed to manage reference data (administrators)."""
    actor = getattr(request, "actor", None)
    return bool(
        request.user.is_active
        and request.user.is_staff
        and actor is not None
        and policy.can(actor, "reference.manage")
    )


admin.site.has_permission = _admin_has_permission
