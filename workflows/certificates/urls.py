"""Public verification pages, under /bn/verify/ and /en/verify/."""

from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("", views.verify_form, name="verify_form"),
    path("<str:serial>/", views.verify, name="verify"),
]
