"""The notices of one language as an Atom feed (under the notice index's URL: /bn/notices/feed/)."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from pages.base.models import SiteSettings

FEED_LENGTH = 20


class NoticeFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.site_name = str(SiteSettings.for_request(request).name)
        return self.index

    def title(self, index):
        return f"{index.title} | {self.site_name}"

    def subtitle(self, index):
        return _("The newest notices of %(site)s.") % {"site": self.site_name}

    def link(self, index):
        return index.get_url(self.request)

    def author_name(self, index):
        return self.site_name

    def items(self, index):
        return index.notices()[:FEED_LENGTH]

    def item_title(self, notice):
        return notice.title

    def item_description(self, notice):
        return notice.summary

    def item_link(self, notice):
        return notice.get_url(self.request)

    def item_pubdate(self, notice):
        # A notice carries its date only: the start of that day in Dhaka.
        return timezone.make_aware(datetime.datetime.combine(notice.date, datetime.time()))

    def item_updateddate(self, notice):
        return notice.last_published_at
