from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.TwoFactorView.as_view(), name="two_factor"),
    path("authenticator/", views.AddAuthenticatorView.as_view(), name="add_authenticator"),
    path("recovery-codes/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
    path("remove/<str:kind>/<int:pk>/", views.RemoveDeviceView.as_view(), name="remove_device"),
    path("verify/", views.VerifyView.as_view(), name="verify"),
]
