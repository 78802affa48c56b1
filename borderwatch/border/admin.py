"""Reference geography for administrators: border sections and the gazetteer."""

from django.contrib import admin

from .models import BorderSection, Place


@admin.register(BorderSection)
class BorderSectionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "impact_level"]
    filter_horizontal = ["responsible_units"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "lat", "lon", "section", "approximate"]
    search_fields = ["name"]
