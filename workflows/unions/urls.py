"""Unions on the portal, under /bn/unions/ and /en/unions/: sign-in by one-time code, the union's page."""

from django.urls import path

from . import views

app_name = "unions"

urlpatterns = [
    path("", views.union_page, name="home"),
    path("<int:union_id>/", views.union_page, name="union"),
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/code/", views.enter_code, name="enter_code"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("representatives/new/", views.add_representative, name="add_representative"),
]
