"""The post form offers only the post's own language's categories, people and posts."""

import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from blog.models import BlogCategory, BlogIndexPage, BlogPostPage, Person, RelatedPost

pytestmark = pytest.mark.django_db


def offered_categories(html):
    return {int(pk) for pk in re.findall(r'name="categories" value="(\d+)"', html)}


def category_ids(code):
    return set(BlogCategory.objects.filter(locale__language_code=code).values_list("pk", flat=True))


def test_edit_view_offers_only_the_posts_language(client, superuser):
    """(A synced English translation is edited in wagtail-localize's editor, not in this form.)"""
    code = "de"
    post = BlogPostPage.objects.filter(locale__language_code=code).first()
    client.force_login(superuser)
    html = client.get(f"/admin/pages/{post.pk}/edit/").content.decode()
    assert offered_categories(html) == category_ids(code)
    # The author chooser (also in the empty form for "add author") opens on that language.
    assert f"/admin/snippets/choose/blog/person/?locale={code}" in html
    assert "/admin/snippets/choose/blog/person/?locale=en" not in html
    chooser = client.get(f"/admin/snippets/choose/blog/person/?locale={code}").content.decode()
    listed = set(map(int, re.findall(r"/admin/snippets/choose/blog/person/chosen/(\d+)/", chooser)))
    assert listed == set(
        Person.objects.filter(locale__language_code=code).values_list("pk", flat=True)
    )


@pytest.mark.parametrize("code", ["de", "en"])
def test_add_view_offers_only_the_blogs_language(client, superuser, code):
    index = BlogIndexPage.objects.get(locale__language_code=code, slug="blog")
    client.force_login(superuser)
    html = client.get(f"/admin/pages/add/blog/blogpostpage/{index.pk}/").content.decode()
    assert offered_categories(html) == category_ids(code)
    assert f"/admin/snippets/choose/blog/person/?locale={code}" in html


def test_other_languages_choices_are_refused(superuser):
    post = BlogPostPage.objects.filter(locale__language_code="de").first()
    english = Locale.objects.get(language_code="en")
    form_class = BlogPostPage.get_edit_handler().get_form_class()
    form = form_class(instance=post, for_user=superuser)
    with pytest.raises(ValidationError):
        form.fields["categories"].clean([BlogCategory.objects.filter(locale=english).first().pk])
    author_form = form.formsets["post_authors"].empty_form
    with pytest.raises(ValidationError):
        author_form.fields["person"].clean(Person.objects.filter(locale=english).first().pk)
    related_form = form.formsets["pinned_related"].empty_form
    with pytest.raises(ValidationError):
        related_form.fields["post"].clean(BlogPostPage.objects.filter(locale=english).first().pk)
    assert related_form.fields["post"].clean(
        BlogPostPage.objects.filter(locale__language_code="de").last().pk
    )


def test_english_post_shows_the_english_versions_of_its_pinned_posts(client):
    """A translation keeps the original's pins, which point to German posts."""
    english = Locale.objects.get(language_code="en")
    german_posts = list(BlogPostPage.objects.filter(locale__language_code="de").order_by("pk"))
    source, pinned = german_posts[0], german_posts[1]
    translation = source.get_translation(english).specific
    RelatedPost.objects.create(page=translation, post=pinned, sort_order=0)
    assert translation.related_posts() == [pinned.get_translation(english).specific]
