from django.urls import path

from . import views

urlpatterns = [
    path("reports/", views.report_list, name="report_list"),
    path("reports/new/", views.report_new, name="report_new"),
    path("reports/review/", views.review_list, name="review_list"),
    path("reports/review/<int:event_id>/", views.review_detail, name="review_detail"),
    path("reports/<int:pk>/", views.report_detail, name="report_detail"),
]
