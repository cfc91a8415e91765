"""`{% cached_sidebar_props %}`: Wagtail's sidebar, from the cache (pages/base/admin_sidebar.py)."""

from django import template

from pages.base import admin_sidebar

register = template.Library()


@register.simple_tag(takes_context=True)
def cached_sidebar_props(context):
    return admin_sidebar.cached_sidebar_props(context)
