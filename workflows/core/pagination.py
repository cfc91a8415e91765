"""Keyset pagination for the back office's long lists (inboxes, case lists), in the Wagtail admin.

A page is found by the sort key of the row before (or after) it, never by OFFSET, and the list is
counted only when Wagtail shows the count (a filtered or searched list), from the planner's estimate when
that is large: so the first, a middle and the last of a million rows cost the same, one range of one
index, in one query. Links carry `after=` / `before=` cursors; `last=1` is the last page.

A listing whose filter is an OR, or an IN over several posts or offices, cannot be read in order from one
index. The view then names its *partitions* (one Q per post, per office…), each one index range: on
PostgreSQL the page's keys are the union of each partition's first rows past the cursor, sorted and cut
to the page (one query); elsewhere (SQLite, small data) the plain filter is used.

Use it on a Wagtail IndexView: `class MyList(KeysetListingMixin, IndexView)`, optionally with
`get_partitions()`; index each partition's filter columns followed by the sort column and the primary key.
"""

import base64
import json
from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connections
from django.db.models import F, Q
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan
from django.utils.functional import cached_property, lazy

# Below this many rows (by the planner's estimate) the list is counted exactly; above it the estimate
# is shown as such ("about 1,000,000"), since counting a million rows costs more than showing 50.
EXACT_COUNT_BELOW = 10_000


def encode_cursor(value, pk) -> str:
    raw = json.dumps([value.isoformat() if hasattr(value, "isoformat") else value, pk], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(token: str, sort_field, pk_field):
    """(value, pk) from a cursor, converted to the fields' types; None when the token is not one of ours."""
    try:
        value, pk = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        return (None if value is None else sort_field.to_python(value)), pk_field.to_python(pk)
    except (ValueError, TypeError, ValidationError):
        return None


def sort_field_of(model, path: str):
    """The model field at the end of an ordering path such as `due_at` or `task__created`."""
    *joins, name = path.split("__")
    for join in joins:
        model = model._meta.get_field(join).related_model
    return model._meta.get_field(name)


@dataclass
class KeysetPage:
    object_list: list
    has_next: bool
    has_previous: bool
    next_cursor: str | None = None
    previous_cursor: str | None = None
    paginator: "KeysetPaginator" = field(repr=False, default=None)

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_other_pages(self):
        return self.has_next or self.has_previous


class KeysetPaginator:
    """Pages of `queryset` in `ordering` (one field path, `-` for descending, the pk breaking ties).

    NULLs sort last ascending and first descending, as PostgreSQL's indexes keep them; a nullable sort
    column is read in two parts (the NULLs and the rest), each an index range.
    """

    def __init__(self, queryset, ordering: str, per_page: int, partitions=None, partitions_of=None):
        self.queryset = queryset.order_by()
        # What each partition's range is read from: the listing itself, or (`partitions_of`) a wider
        # queryset when the partitions are the listing's own filter split up, so that their union is the
        # listing: each range then reads one index range alone (see KeysetListingMixin.get_partitions_of).
        self.partitions_of = self.queryset if partitions_of is None else partitions_of.order_by()
        self.model = queryset.model
        self.descending = ordering.startswith("-")
        self.sort_path = ordering.lstrip("-")
        self.sort_field = sort_field_of(self.model, self.sort_path)
        self.pk_field = self.model._meta.pk
        self.per_page = per_page
        self.partitions = partitions
        self.connection = connections[queryset.db]

    # --- which rows ----------------------------------------------------------------------------

    def _parts(self, cursor, descending, queryset):
        """Querysets whose concatenation, in order, is everything of `queryset` past the cursor (before
        filtering by partition)."""
        sort, pk = self.sort_path, "pk"
        nullable = self.sort_field.null
        beyond = TupleLessThan if descending else TupleGreaterThan
        pk_beyond = "pk__lt" if descending else "pk__gt"
        rest = queryset.filter(**{f"{sort}__isnull": False}) if nullable else queryset
        nulls = queryset.filter(**{f"{sort}__isnull": True}) if nullable else None
        if cursor is not None:
            value, last_pk = cursor
            if value is None:
                if not nullable:
                    return [rest]
                # NULLs come first descending (then every non-NULL row), last ascending (nothing after them).
                return [nulls.filter(**{pk_beyond: last_pk}), *([rest] if descending else [])]
            rest = rest.filter(beyond(Tuple(F(sort), F(pk)), (value, last_pk)))
            nulls = None if descending else nulls
        parts = [rest] if nulls is None else ([nulls, rest] if descending else [rest, nulls])
        return parts

    def _rows(self, cursor, descending, limit):
        """The first `limit` rows past the cursor, in order, in one query.

        On PostgreSQL each part (NULLs or not) of each partition is an ordered index range read for at
        most `limit` keys; the outer query fetches those few rows (with their joins) and sorts them.
        Elsewhere the parts are OR-ed into one filter: fine for the small tables of SQLite.
        """
        column = F(self.sort_path)
        if descending:
            outer = [column.desc(nulls_first=True), F("pk").desc()]
        else:
            outer = [column.asc(nulls_last=True), F("pk").asc()]
        partitions = self.partitions or [Q()]
        base = self.partitions_of if self.partitions else self.queryset
        parts = self._parts(cursor, descending, base)
        if len(parts) * len(partitions) > 1 and self.connection.features.supports_slicing_ordering_in_compound:
            order = [f"-{self.sort_path}", "-pk"] if descending else [self.sort_path, "pk"]
            ranges = [part.filter(q).order_by(*order).values("pk")[:limit] for part in parts for q in partitions]
            rows = self.queryset.filter(pk__in=ranges[0].union(*ranges[1:], all=True))
        else:
            rows = reduce(or_, parts if base is self.queryset else self._parts(cursor, descending, self.queryset))
        return list(rows.order_by(*outer)[:limit])

    def page(self, after=None, before=None, last=False) -> KeysetPage:
        """The page after a cursor (or the first), before a cursor, or the last page."""
        forward = before is None and not last
        cursor = self._cursor(after if forward else before)
        descending = self.descending if forward else not self.descending
        rows = self._rows(cursor, descending, self.per_page + 1)
        more = len(rows) > self.per_page
        rows = rows[: self.per_page]
        if not rows and cursor is not None:
            return self.page(last=True) if forward else self.page()
        if not forward:
            rows.reverse()
        page = KeysetPage(
            object_list=rows,
            has_next=more if forward else cursor is not None,
            has_previous=cursor is not None if forward else more,
            paginator=self,
        )
        if page.has_previous and rows:
            page.previous_cursor = self._cursor_of(rows[0])
        if page.has_next and rows:
            page.next_cursor = self._cursor_of(rows[-1])
        return page

    def _cursor_of(self, row):
        value = row
        for name in self.sort_path.split("__"):
            value = getattr(value, name) if value is not None else None
        return encode_cursor(value, row.pk)

    def _cursor(self, token):
        return decode_cursor(token, self.sort_field, self.pk_field) if token else None

    # --- how many --------------------------------------------------------------------------------

    def estimate(self) -> int | None:
        """The planner's row estimate for the whole list (PostgreSQL), or None elsewhere."""
        if self.connection.vendor != "postgresql":
            return None
        sql, params = self.queryset.values("pk").query.sql_with_params()
        with self.connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        if isinstance(plan, str):
            plan = json.loads(plan)
        return int(plan[0]["Plan"]["Plan Rows"])

    @property
    def count_is_exact(self) -> bool:
        return self._count[1]

    @cached_property
    def count(self):
        """Counted only if shown (Wagtail shows it when the list is filtered or searched): a page costs no count."""
        return lazy(lambda: self._count[0], int)()

    @cached_property
    def _count(self):
        estimate = self.estimate()
        if estimate is None or estimate < EXACT_COUNT_BELOW:
            return self.queryset.count(), True
        return estimate, False

    def get_elided_page_range(self, page_number):
        return []  # no numbered pages: first, previous, next, last


class KeysetListingMixin:
    """For a Wagtail IndexView: keyset pages instead of numbered ones (see the module's docstring)."""

    results_template_name = "workflows_core/keyset_listing_results.html"
    keyset_paginator_class = KeysetPaginator

    def get_partitions(self) -> list[Q] | None:
        """Q objects, each an index range, whose union is the listing (None: the listing is one range)."""
        return None

    def get_partitions_of(self, queryset):
        """What the partitions' ranges are read from: the listing (`queryset`, with its filters), or, when
        the partitions are the listing's own filter split up, the same rows without that filter: then
        each range is one partition's condition alone, which PostgreSQL reads as one index range (with
        the listing's filter beside it, an OR, it may misjudge a range and read and sort all of it)."""
        return queryset

    def keyset_ordering(self) -> str:
        ordering = self.ordering
        if isinstance(ordering, (list, tuple)):
            ordering = ordering[0] if ordering else None
        if not ordering:
            return "-pk"
        try:
            sort_field_of(self.model, ordering.lstrip("-"))
        except FieldDoesNotExist:
            return "-pk"
        return ordering

    def paginate_queryset(self, queryset, page_size):
        partitions = self.get_partitions()
        paginator = self.keyset_paginator_class(
            queryset,
            self.keyset_ordering(),
            page_size,
            partitions=partitions,
            partitions_of=self.get_partitions_of(queryset) if partitions else None,
        )
        get = self.request.GET
        page = paginator.page(after=get.get("after"), before=get.get("before"), last=bool(get.get("last")))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        paginator = context.get("paginator")
        if isinstance(paginator, KeysetPaginator) and (context.get("is_filtering") or context.get("is_searching")):
            context["items_count"] = paginator._count[0]  # "There are N matches" (a number, counted now)
        return context
