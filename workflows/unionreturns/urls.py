"""A union's annual returns on the portal, under /bn/union-returns/ and /en/union-returns/."""

from django.urls import path

from . import views

app_name = "unionreturns"

urlpatterns = [
    path("", views.return_list, name="list"),
    path("new/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/versions/<int:number>/", views.version, name="version"),
    path("<int:pk>/documents/<int:document_id>/", views.document, name="document"),
    path("<int:pk>/certificate/", views.certificate, name="certificate"),
]
