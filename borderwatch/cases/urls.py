from django.urls import path

from . import views

urlpatterns = [
    path("cases/", views.case_list, name="case_list"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/steps/<slug:name>/", views.case_step, name="case_step"),
    path(
        "cases/<int:pk>/tasks/<int:task_pk>/complete/",
        views.task_complete,
        name="task_complete",
    ),
    path("cases/<int:pk>/tasks/<int:task_pk>/assign/", views.task_assign, name="task_assign"),
    path("incidents/<int:pk>/apprehension/", views.apprehension, name="apprehension"),
    path("custody/<int:pk>/", views.custody_detail, name="custody_detail"),
    path("custody/<int:pk>/<slug:action>/", views.custody_action, name="custody_action"),
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
]
