"""WSGI entry point for gunicorn (`borderwatch serve`) or any WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borderwatch.settings")
application = get_wsgi_application()


def _warm_up() -> None:
    """Load what the first request would (URL patterns and the views and APIs they
    import), then keep the collector off it (lib/memory.py)."""
    from django.urls import get_resolver

    from borderwatch.lib import memory

    get_resolver().url_patterns  # noqa: B018 (imports every view and the API schemas)
    memory.settle()


_warm_up()
