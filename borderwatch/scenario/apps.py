from django.apps import AppConfig


class Config(AppConfig):
    name = "borderwatch.scenario"
    label = "scenario"
    default_auto_field = "django.db.models.BigAutoField"
