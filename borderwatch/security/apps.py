from django.apps import AppConfig


class Config(AppConfig):
    name = "borderwatch.security"
    label = "security"
    default_auto_field = "django.db.models.BigAutoField"
