from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from borderwatch.access import emergency
from borderwatch.access import views as access_views
from borderwatch.api import api

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("unit/", access_views.switch_unit, name="switch_unit"),
    path("emergency-access/", emergency.break_glass_page, name="break_glass"),
    path("", access_views.home, name="home"),
    path("", include("borderwatch.border.urls")),
    path("", include("borderwatch.cases.urls")),
    path("", include("borderwatch.stats.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

handler404 = "borderwatch.access.views.not_found"
handler403 = "borderwatch.access.views.forbidden"
