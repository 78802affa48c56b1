from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django_otp.plugins.otp_totp.models import TOTPDevice

from borderwatch.access import emergency, signin_views
from borderwatch.access import views as access_views
from borderwatch.api import api

# Second-factor devices are managed by their owner (/accounts/otp/setup/) and the console
# (`borderwatch otp reset`), both audited; django-otp's stock admin would show the keys and
# change devices without an audit event.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)

urlpatterns = [
    path("accounts/login/", signin_views.SignInView.as_view(), name="login"),
    path("accounts/otp/", signin_views.verify, name="otp_verify"),
    path("accounts/otp/setup/", signin_views.setup, name="otp_setup"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("unit/", access_views.switch_unit, name="switch_unit"),
    path("emergency-access/", emergency.break_glass_page, name="break_glass"),
    path("", access_views.home, name="home"),
    path("", include("borderwatch.border.urls")),
    path("", include("borderwatch.cases.urls")),
    path("", include("borderwatch.stats.urls")),
    path("", include("borderwatch.sources.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

handler404 = "borderwatch.access.views.not_found"
handler403 = "borderwatch.access.views.forbidden"

if settings.OIDC_ENABLED:  # OIDC_RP_CLIENT_ID set: /oidc/authenticate/, /oidc/callback/
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
