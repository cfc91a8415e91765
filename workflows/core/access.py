"""Who may see and act on what: the posts a user acts for and the offices those posts cover.

Every back-office view goes through these functions; none decides access on its own.

The current answers are kept in the cache, so a listing does not pay two or three queries for them on
every request: under a generation that any save or delete of an office, post, holding or delegation
renews (at once and again on commit), and never past the moment one of the user's holdings or
delegations ends. A delegation entered to start later is seen at most ACCESS_CACHE_SECONDS late.
"""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from pages.base.cache import generation, next_generation

from .models import Delegation, Office, Post, PostHolding

ACCESS_CACHE_SECONDS = 300
GENERATION_KEY = "workflows-access:generation"


def access_generation() -> int:
    return generation(GENERATION_KEY)


def forget_access(**kwargs) -> None:
    """Signal receiver: the organisation changed; start a new generation now and once more on commit
    (a request that read the old rows before the commit must not keep them under the new one)."""

    def renew():
        next_generation(GENERATION_KEY)

    renew()
    transaction.on_commit(renew)


@dataclass(frozen=True)
class ActingPost:
    post: Post
    delegated: bool  # True when the user acts for the post through a delegation


def acting_posts(user, at=None) -> list[ActingPost]:
    """The active posts the user holds or has been delegated, held ones first (from the cache, or two queries)."""
    if not user.is_authenticated:
        return []
    if at is not None:
        return _read_acting_posts(user, at)
    key = f"workflows-access:{access_generation()}:acting:{user.pk}"
    now = timezone.now()
    cached = cache.get(key)
    if cached is not None and cached[0] > now:
        return cached[1]
    posts, valid_until = _read_acting_posts(user, None, with_expiry=True)
    cache.set(key, (valid_until, posts), ACCESS_CACHE_SECONDS)
    return posts


def _read_acting_posts(user, at, with_expiry=False):
    """The posts from the database; with `with_expiry`, also when that answer may next change by itself
    (the end of a current delegation, the next day for holdings, which run by date)."""
    now = at or timezone.now()
    expiry = timezone.make_aware(datetime.datetime.combine(timezone.localdate(now), datetime.time.min))
    expiry = min(expiry + datetime.timedelta(days=1), now + datetime.timedelta(seconds=ACCESS_CACHE_SECONDS))
    held = {
        h.post_id: ActingPost(h.post, False)
        for h in PostHolding.objects.current(at).filter(user=user, post__is_active=True).select_related("post__office")
    }
    for delegation in (
        Delegation.objects.current(at).filter(delegate=user, post__is_active=True).select_related("post__office")
    ):
        held.setdefault(delegation.post_id, ActingPost(delegation.post, True))
        expiry = min(expiry, delegation.ends_at)
    posts = list(held.values())
    return (posts, expiry) if with_expiry else posts


def all_offices() -> list[Office]:
    """Every office, in their order (one query, or the cache): the tree and the lists' office filters."""
    key = f"workflows-access:{access_generation()}:offices"
    offices = cache.get(key)
    if offices is None:
        offices = list(Office.objects.all())
        cache.set(key, offices, ACCESS_CACHE_SECONDS)
    return offices


def all_posts() -> dict[int, Post]:
    """Every post by id, each with its office (from the cache, or one query): the inboxes' rows take their
    post and office from here instead of joining them (the joins cost PostgreSQL more planning than the
    page's whole query takes to run)."""
    key = f"workflows-access:{access_generation()}:posts"
    posts = cache.get(key)
    if posts is None:
        offices = {office.pk: office for office in all_offices()}
        posts = {post.pk: post for post in Post.objects.all()}
        for post in posts.values():
            post.office = offices[post.office_id]
        cache.set(key, posts, ACCESS_CACHE_SECONDS)
    return posts


def attach_posts(routes) -> None:
    """Give each routed task its post and office from the cache (no query when it is warm; a post or
    office the cache does not know yet is read from the database)."""
    posts = all_posts()
    offices = {office.pk: office for office in all_offices()}
    for route in routes:
        route.post = posts.get(route.post_id) or Post.objects.select_related("office").get(pk=route.post_id)
        route.office = offices.get(route.office_id) or Office.objects.get(pk=route.office_id)


def office_children() -> dict:
    """parent id → ids of the offices right below it."""
    children = {}
    for office in all_offices():
        children.setdefault(office.parent_id, []).append(office.pk)
    return children


def office_descendants(office_ids) -> set[int]:
    """The given offices and every office below them."""
    children = office_children()
    seen, stack = set(), list(office_ids)
    while stack:
        pk = stack.pop()
        if pk not in seen:
            seen.add(pk)
            stack.extend(children.get(pk, ()))
    return seen


def visible_office_ids(user, at=None) -> set[int] | None:
    """Offices whose cases the user may see; None means every office (superusers)."""
    if user.is_superuser:
        return None
    posts = acting_posts(user, at)
    direct = {p.post.office_id for p in posts if not p.post.covers_sub_offices}
    wide = {p.post.office_id for p in posts if p.post.covers_sub_offices}
    return direct | (office_descendants(wide) if wide else set())


def office_filter(user, field="office", at=None) -> Q:
    """A Q object restricting a queryset to the offices the user may see."""
    offices = visible_office_ids(user, at)
    if offices is None:
        return Q()
    return Q(**{f"{field}__in": offices})


def can_act_for(user, post, at=None) -> ActingPost | None:
    """How the user may act for this post (held or delegated), or None."""
    for acting in acting_posts(user, at):
        if acting.post.pk == post.pk:
            return acting
    return None


@dataclass(frozen=True)
class OfficerAccess:
    """What an officer may do with a case reached through one of its tasks.

    Full: the officer's offices cover the case's office, or an open task of the case waits in them.
    Read-only: the case left the officer's offices (forwarded elsewhere) after their tasks there were
    done; they keep its status and its history up to `until` (the last of their tasks there), while
    comments, files and actions after it belong to the office that has the case now.
    """

    read_only: bool
    until: datetime.datetime | None = None


FULL_ACCESS = OfficerAccess(read_only=False)


def officer_access(user, case, case_routes) -> OfficerAccess:
    """`case_routes`: the case's RoutedTask queryset (selectors.routes_of). One or two queries."""
    from viewflow.workflow.status import STATUS

    offices = visible_office_ids(user)
    if offices is None or case.office_id in offices:
        return FULL_ACCESS
    mine = case_routes.filter(office_id__in=offices)
    if mine.exclude(task__status__in=(STATUS.DONE, STATUS.CANCELED)).exists():
        return FULL_ACCESS
    return OfficerAccess(read_only=True, until=mine.aggregate(until=Max("task__finished"))["until"])
