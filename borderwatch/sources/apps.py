from django.apps import AppConfig


class Config(AppConfig):
    name = "borderwatch.sources"
    label = "sources"
    default_auto_field = "django.db.models.BigAutoField"
