"""Models of the workflow core: the organisation (offices, posts, delegations), task routing and the audit trail."""

from .audit import AuditEntry
from .organisation import Delegation, Office, Post, PostHolding
from .routing import RoutedTask

__all__ = ["AuditEntry", "Delegation", "Office", "Post", "PostHolding", "RoutedTask"]
