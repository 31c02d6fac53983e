"""The blog's bench data: posts put into the tree in bulk look as if an editor had published them."""

import pytest
from wagtail.models import Page

from blog import bench
from blog.models import BlogPostPage
from comments.models import Comment

pytestmark = pytest.mark.django_db


def test_bulk_posts_are_live_valid_tree_pages_with_revisions_and_comments(client):
    bench.build(3)
    posts = list(BlogPostPage.objects.filter(slug__startswith=bench.PREFIX).order_by("path"))
    assert [post.slug for post in posts] == ["bench-1", "bench-2", "bench-3", "bench-kommentare"]
    # treebeard's own check: paths, depth and numchild agree.
    assert all(not problems for problems in Page.find_problems())
    index = bench._index()
    assert index.get_children().count() == Page.objects.get(pk=index.pk).numchild
    for post in posts:
        assert post.live and post.live_revision_id == post.latest_revision_id
        assert post.live_revision.as_object().title == post.title
        assert post.url_path == f"{index.url_path}{post.slug}/"
        assert post.locale_id == index.locale_id
        assert post.post_authors.count() == 1 and post.tags.count() == 1
        assert client.get(post.url).status_code == 200
    assert BlogPostPage.objects.filter(translation_key=posts[0].translation_key).count() == 1
    on_first = Comment.objects.filter(page=posts[0]).approved().count()
    assert on_first == bench.COMMENTS_PER_POST
    assert Comment.objects.filter(page=posts[-1]).count() == bench.COMMENT_COUNT
    # The search index knows them (indexed in bulk at the end).
    found = BlogPostPage.objects.live().search("Notizen aus dem Haus 2")
    assert any(post.slug == "bench-2" for post in found)
    # A second build adds nothing.
    bench.build(3)
    assert BlogPostPage.objects.filter(slug__startswith=bench.PREFIX).count() == 4
