"""Template tags of the back office and the processes' pages: `{% sla_badge due_at state %}`, the same badge
the inboxes' cells draw, and `{{ amount|taka }}`, an amount with lakh-crore grouping in the page's digits."""

from django import template

from ..amounts import format_amount
from ..tables import sla_badge as render_sla_badge

register = template.Library()


@register.simple_tag
def sla_badge(due_at, state):
    return render_sla_badge(due_at, state)


@register.filter
def taka(value):
    """1250000.5 → `১২,৫০,০০০.৫০` on Bengali pages, `12,50,000.50` on English ones; empty stays empty."""
    if value is None or value == "":
        return ""
    return format_amount(value)
