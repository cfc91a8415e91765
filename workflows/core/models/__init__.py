"""Models of the workflow core: the organisation (offices, posts, delegations), task routing, the audit
trail and officers' internal comments."""

from .audit import AuditEntry
from .comments import CaseComment, CaseCommentAttachment
from .organisation import Delegation, Office, Post, PostHolding
from .routing import RoutedTask

__all__ = [
    "AuditEntry",
    "CaseComment",
    "CaseCommentAttachment",
    "Delegation",
    "Office",
    "Post",
    "PostHolding",
    "RoutedTask",
]
