from django.apps import AppConfig


class Config(AppConfig):
    name = "borderwatch.border"
    label = "border"
    default_auto_field = "django.db.models.BigAutoField"
