"""The foundation's bench data: content pages put into the tree in bulk, live with revisions."""

import pytest
from wagtail.models import Page

from home import bench
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def test_bulk_pages_are_live_valid_tree_pages_with_revisions(client):
    bench.build(3)
    pages = list(StandardPage.objects.filter(slug__startswith="rueckblick-").order_by("path"))
    assert [page.slug for page in pages] == ["rueckblick-1", "rueckblick-2", "rueckblick-3"]
    assert all(not problems for problems in Page.find_problems())
    for page in pages:
        assert page.live and page.live_revision_id == page.latest_revision_id
        assert client.get(page.url).status_code == 200
    bench.build(3)
    assert StandardPage.objects.filter(slug__startswith="rueckblick-").count() == 3
