"""Models of the workflow core: the organisation (offices, posts, delegations), task routing, the audit
trail and officers' internal comments."""

from .audit import AuditEntry
from .cases import Case
from .comments import CaseComment, CaseCommentAttachment
from .organisation import Delegation, Office, Post, PostHolding
from .processes import CaseProcessMixin
from .routing import RoutedTask

__all__ = [
    "AuditEntry",
    "Case",
    "CaseComment",
    "CaseCommentAttachment",
    "CaseProcessMixin",
    "Delegation",
    "Office",
    "Post",
    "PostHolding",
    "RoutedTask",
]
