"""Office-level permissions for a process's own registers (courses, unions…) edited in Wagtail's admin.

Wagtail's model permissions say whether a user may change *some* course; a ministry's register needs
*this* course: an officer works on the records of the offices their posts cover, and nobody else's.

    class CourseForm(OfficeScopedForm):
        office_field = "institute"

    class CourseViewSet(OfficeScopedViewSet):
        model = Course
        office_field = "institute"
        edit_handler = ObjectList([FieldPanel("institute"), ...], base_form_class=CourseForm)

gives the index, add and edit views of Wagtail's ModelViewSet restricted to the officer's offices (404
for any other record, the office field's choices limited to them) and no delete: a register keeps its
rows, and what points at them protects them.
"""

from django.shortcuts import get_object_or_404
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from .access import acting_posts, all_offices, office_filter, visible_office_ids


class OfficeScopedPolicy(BasePermissionPolicy):
    """Anyone who holds (or acts for) a post may view, add and change the records of their offices."""

    def __init__(self, model, office_field):
        super().__init__(model)
        self.office_field = office_field

    def user_has_permission(self, user, action):
        if not (user.is_active and user.is_authenticated) or action == "delete":
            return False
        return user.is_superuser or bool(acting_posts(user))

    def user_has_permission_for_instance(self, user, action, instance):
        offices = visible_office_ids(user)
        in_office = offices is None or getattr(instance, f"{self.office_field}_id") in offices
        return self.user_has_permission(user, action) and in_office

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(office_filter(user, self.office_field))

    def users_with_any_permission(self, actions):
        """Active users who hold or act for a post today, and superusers (delete: nobody)."""
        from django.contrib.auth import get_user_model
        from django.db.models import Q

        from .models import Delegation, PostHolding

        users = get_user_model().objects.filter(is_active=True)
        if set(actions) <= {"delete"}:
            return users.none()
        holders = PostHolding.objects.current().values("user")
        delegates = Delegation.objects.current().values("delegate")
        return users.filter(Q(is_superuser=True) | Q(pk__in=holders) | Q(pk__in=delegates))


class OfficeScopedForm(WagtailAdminModelForm):
    """The office field offers only the offices the user's posts cover."""

    office_field = None

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        field = self.fields.get(self.office_field)
        if field is not None and for_user is not None:
            offices = visible_office_ids(for_user)
            field.queryset = field.queryset.filter(
                pk__in=[o.pk for o in all_offices() if offices is None or o.pk in offices]
            )


class ScopedObjectMixin:
    def get_object(self, queryset=None):
        return get_object_or_404(
            self.model._default_manager.filter(office_filter(self.request.user, self.viewset_office_field)),
            pk=self.kwargs[self.pk_url_kwarg],
        )


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(office_filter(self.request.user, self.viewset_office_field))


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class OfficeScopedViewSet(ModelViewSet):
    office_field = "office"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False

    def __init__(self, *args, **kwargs):
        # Wagtail reads a model's policy from its registry (the admin's other views ask it too).
        register_permission_policy(self.model, OfficeScopedPolicy(self.model, self.office_field), exact_class=True)
        super().__init__(*args, **kwargs)

    @property
    def index_view_class(self):
        return type("IndexView", (ScopedIndexView,), {"viewset_office_field": self.office_field})

    @property
    def edit_view_class(self):
        return type("EditView", (ScopedEditView,), {"viewset_office_field": self.office_field})
