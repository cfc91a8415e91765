"""Template tags of the back office: `{% sla_badge due_at state %}`, the same badge the inboxes' cells draw."""

from django import template

from ..tables import sla_badge as render_sla_badge

register = template.Library()


@register.simple_tag
def sla_badge(due_at, state):
    return render_sla_badge(due_at, state)
