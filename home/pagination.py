"""One way to page through a list, shared by the search, the blog and its comments."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

# The word for "page" in list addresses (?seite=2), the same in every language.
PAGE_PARAM = "seite"


def paginate(
    request, items, per_page, param=PAGE_PARAM, past_the_end_is_404=True, start_at_end=False
):
    """The page named by ``request.GET[param]``; nonsense means page 1.

    Without the parameter the first page, or the last with ``start_at_end`` (comment threads
    that open on the newest comments). Past the last page is a 404 for listings that search
    engines follow, and the last page where a stale link should still show something (search
    results, comment threads).
    """
    paginator = Paginator(items, per_page)
    default = paginator.num_pages if start_at_end else 1
    try:
        page = paginator.page(request.GET.get(param) or default)
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        if past_the_end_is_404:
            raise Http404 from None
        page = paginator.page(paginator.num_pages)
    # The page links (includes/pagination.html) use the same word as the address, and show
    # the first, the last and the neighbouring page numbers ("1 … 4 5 6 … 12").
    page.param = param
    page.numbers = list(paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))
    page.ellipsis = paginator.ELLIPSIS
    return page


def filter_query(request):
    """The filters of the current address without the page number (empty values left out),
    for page links and for the same list in another format (CSV)."""
    pairs = [
        (key, value)
        for key, values in request.GET.lists()
        if key != PAGE_PARAM
        for value in values
        if value
    ]
    return urlencode(pairs)
