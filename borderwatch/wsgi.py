"""WSGI entry point for gunicorn (`borderwatch serve`) or any WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borderwatch.settings")
application = get_wsgi_application()
