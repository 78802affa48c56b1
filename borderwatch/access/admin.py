"""Administration of reference data: units, users and roles, integration tokens.

Case content is not registered here: administrators manage users and reference data,
not files about people (DESIGN.md §1). The audit trail is read-only.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

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
