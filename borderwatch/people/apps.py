from django.apps import AppConfig


class Config(AppConfig):
    name = "borderwatch.people"
    label = "people"
    default_auto_field = "django.db.models.BigAutoField"
