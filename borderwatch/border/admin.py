"""Reference geography for administrators: border sections and the gazetteer."""

from django.contrib import admin

from borderwatch.access.admin_audit import AuditedAdmin

from .models import BorderSection, Place


@admin.register(BorderSection)
class BorderSectionAdmin(AuditedAdmin):
    list_display = ["name", "code", "impact_level"]
    filter_horizontal = ["responsible_units"]


@admin.register(Place)
class PlaceAdmin(AuditedAdmin):
    list_display = ["name", "lat", "lon", "section", "approximate"]
    search_fields = ["name"]
