"""How the admin's active-filter chips show their values: in the reader's language and digits.

Wagtail shows a yes/no filter's value as Python's `True`/`False` and a date range with Latin digits
("1 নভেম্বর, 2026"); these adapters replace Wagtail's for every listing (registered at start-up by
pages/base/wagtail_hooks.py).
"""

import django_filters
from django.utils.translation import gettext as _
from wagtail.admin.active_filters import (
    ActiveFilter,
    BaseFilterAdapter,
    DateFromToRangeFilterAdapter,
    register_filter_adapter_class,
)

from .templatetags.bangla import local_digits


class YesNoFilterAdapter(BaseFilterAdapter):
    def get_active_filters(self):
        yield ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            _("Yes") if self.value else _("No"),
            self.get_url_without_filter_param(self.name),
        )


class LocalDateRangeFilterAdapter(DateFromToRangeFilterAdapter):
    def format_value(self, value):
        return local_digits(super().format_value(value))


def register():
    register_filter_adapter_class(django_filters.BooleanFilter, YesNoFilterAdapter)
    register_filter_adapter_class(django_filters.DateFromToRangeFilter, LocalDateRangeFilterAdapter)
