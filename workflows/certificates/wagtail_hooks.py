"""Admin registrations: certificate kinds and signatures (snippets), the certificates under Workflows."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .forms import SignatureForm
from .models import CertificateKind, Signature


class CertificateKindViewSet(SnippetViewSet):
    model = CertificateKind
    icon = "doc-full"
    menu_label = _("Certificate kinds")
    list_display = ["name_bn", "name_en", "key", "layout"]
    search_fields = ["name_bn", "name_en", "key"]
    panels = [
        FieldRowPanel([FieldPanel("name_bn"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("key", read_only=True), FieldPanel("layout")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("title_bn"), FieldPanel("title_en")]),
                FieldPanel("body_bn"),
                FieldPanel("body_en"),
                FieldRowPanel([FieldPanel("signatory_line_bn"), FieldPanel("signatory_line_en")]),
            ],
            heading=_("Wording"),
        ),
        FieldPanel("extra_placeholders"),
    ]


class SignatureViewSet(SnippetViewSet):
    model = Signature
    icon = "edit"
    menu_label = _("Signatures")
    list_display = ["post", "uploaded_at"]
    edit_handler = ObjectList([FieldPanel("post"), FieldPanel("image")], base_form_class=SignatureForm)

    def get_queryset(self, request):
        return Signature.objects.select_related("post__office")


class CertificateSnippets(SnippetViewSetGroup):
    items = (CertificateKindViewSet, SignatureViewSet)
    menu_icon = "doc-full"
    menu_label = _("Certificates")
    menu_name = "certificate-settings"


register_snippet(CertificateSnippets)

NAMESPACE = admin_views.NAMESPACE
urlpatterns = [
    path("", admin_views.CertificateIndexView.as_view(), name="index"),
    path("results/", admin_views.CertificateIndexView.as_view(results_only=True), name="index_results"),
    path("<int:pk>/", admin_views.CertificateInspectView.as_view(), name="inspect"),
    path("<int:pk>/pdf/", admin_views.download, name="download"),
    path("<int:pk>/revoke/", admin_views.revoke, name="revoke"),
]


@hooks.register("register_admin_urls")
def register_certificate_urls():
    return [path("workflows/certificates/", include((urlpatterns, NAMESPACE), namespace=NAMESPACE))]


@hooks.register("register_workflows_menu_item")
def certificates_menu_item():
    return MenuItem(_("Certificates"), reverse(f"{NAMESPACE}:index"), icon_name="doc-full-inverse", order=900)
