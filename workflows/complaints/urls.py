"""Public complaint URLs, under /bn/complaints/ and /en/complaints/."""

from django.urls import path

from . import views

app_name = "complaints"

urlpatterns = [
    path("new/", views.new, name="new"),
    path("new/received/", views.acknowledgement, name="acknowledgement"),
    path("status/", views.status, name="status"),
    path("status/<str:tracking_number>/", views.detail, name="detail"),
    path("status/<str:tracking_number>/answer/", views.answer, name="answer"),
    path("status/<str:tracking_number>/appeal/", views.appeal, name="appeal"),
]
