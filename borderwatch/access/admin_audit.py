"""Admin pages for reference data write the audit trail like every other write."""

from django.contrib import admin

from . import audit
from .actor import Actor


def _actor(request) -> Actor:
    actor = getattr(request, "actor", None)
    return actor or Actor.for_user(request.user, channel="web")


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves and deletes are audit events (verb admin.changed)."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit.record(
            _actor(request),
            "admin.changed",
            obj,
            payload={
                "model": obj._meta.label_lower,
                "action": "changed" if change else "added",
                "fields": sorted(form.changed_data),
            },
        )

    def delete_model(self, request, obj):
        audit.record(
            _actor(request),
            "admin.changed",
            obj,
            payload={"model": obj._meta.label_lower, "action": "deleted"},
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit.record(
                _actor(request),
                "admin.changed",
                obj,
                payload={"model": obj._meta.label_lower, "action": "deleted"},
            )
        super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        actor = _actor(request)
        for obj in formset.new_objects:
            audit.record(
                actor,
                "admin.changed",
                obj,
                payload={"model": obj._meta.label_lower, "action": "added"},
            )
        for obj, fields in formset.changed_objects:
            audit.record(
                actor,
                "admin.changed",
                obj,
                payload={
                    "model": obj._meta.label_lower,
                    "action": "changed",
                    "fields": sorted(fields),
                },
            )
        for obj in formset.deleted_objects:
            audit.record(
                actor,
                "admin.changed",
                obj,
                payload={"model": obj._meta.label_lower, "action": "deleted"},
            )
