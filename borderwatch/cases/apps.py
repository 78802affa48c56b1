from django.apps import AppConfig


class Config(AppConfig):
    name = "borderwatch.cases"
    label = "cases"
    default_auto_field = "django.db.models.BigAutoField"
