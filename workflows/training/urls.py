"""Trainees' certificates on the portal, under /bn/training/ and /en/training/."""

from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("certificates/", views.find, name="find"),
    path("certificates/<str:serial>/", views.certificate, name="certificate"),
    path("certificates/<str:serial>/download/", views.download, name="download"),
]
