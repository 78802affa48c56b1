from django.urls import path

from . import map_views, views

urlpatterns = [
    path("incidents/", views.incident_list, name="incident_list"),
    path("incidents/<int:pk>/", views.incident_detail, name="incident_detail"),
    path("map/", map_views.map_page, name="map"),
]
