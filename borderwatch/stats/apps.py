from django.apps import AppConfig


class Config(AppConfig):
    name = "borderwatch.stats"
    label = "stats"
    default_auto_field = "django.db.models.BigAutoField"
