from django.apps import AppConfig


class Config(AppConfig):
    name = "borderwatch.access"
    label = "access"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the audit receivers)
