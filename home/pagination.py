"""One way to page through a list, shared by the search, the blog and its comments."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def paginate(request, items, per_page, param="seite", past_the_end_is_404=True, start_at_end=False):
    """The page named by ``request.GET[param]``; nonsense means page 1.

    Without the parameter the first page, or the last with ``start_at_end`` (comment threads
    that open on the newest comments). Past the last page is a 404 for listings that search
    engines follow, and the last page where a stale link should still show something (search
    results, comment threads).
    """
    paginator = Paginator(items, per_page)
    default = paginator.num_pages if start_at_end else 1
    try:
        return paginator.page(request.GET.get(param) or default)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        if past_the_end_is_404:
            raise Http404 from None
        return paginator.page(paginator.num_pages)
