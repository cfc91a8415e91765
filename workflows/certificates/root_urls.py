"""The certificate engine's URLs outside the language prefix: the published public keys."""

from django.urls import path

from . import views

urlpatterns = [path("keys.json", views.keys_json, name="certificate_keys")]
