"""Placeholder views (replaced in the next commit)."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache

from .portal import union_required


@never_cache
@union_required
def union_page(request, union_id=None):
    return HttpResponse(str(request.union))


@never_cache
def sign_in(request):
    return HttpResponse("")


enter_code = sign_out = add_representative = sign_in
