"""Any page type takes comments through CommentablePageMixin; other pages take none."""

import pytest

from blog.models import BlogPostPage
from comments.models import CommentablePageMixin
from tests.factories import standard_page

pytestmark = pytest.mark.django_db


def test_a_page_type_gets_the_comment_section_and_report_route_from_the_mixin(post):
    for name in ("serve_with_comments", "report_view", "comments_reference_date"):
        assert hasattr(CommentablePageMixin, name)
        assert name not in BlogPostPage.__dict__, f"BlogPostPage re-implements {name}"
    assert post.reverse_subpage("report", args=[7]) == "melden/7/"


def test_the_api_takes_comments_only_for_commentable_pages(client, post):
    plain = standard_page("Ohne Kommentare", slug="ohne-kommentare")
    for page, status in ((post, 200), (plain, 404)):
        assert client.get(f"/api/v3/comments/pages/{page.pk}/comments/").status_code == status
        assert client.get(f"/api/v3/comments/pages/{page.pk}/comment-form/").status_code == status
