"""Small builders for test content beside the demo content."""

import secrets
import time

from django.core import signing

from comments.moderation import COMMENT_FORM
from home.form_protection import TOKEN_SALT
from home.models import HomePage, StandardPage


def german_home():
    return HomePage.objects.get(locale__language_code="de")


def standard_page(title="Testseite", slug=None, parent=None, publish=True, **fields):
    parent = parent or german_home()
    page = StandardPage(
        title=title, slug=slug or title.lower().replace(" ", "-"), live=publish, **fields
    )
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def blog_index(locale_code="de", slug="testblog"):
    """A blog of its own for a test, beside the demo blog."""
    from blog.models import BlogIndexPage
    from home.models import HomePage

    existing = BlogIndexPage.objects.filter(locale__language_code=locale_code, slug=slug).first()
    if existing:
        return existing
    home = HomePage.objects.get(locale__language_code=locale_code)
    index = BlogIndexPage(title="Testblog", slug=slug, intro="Neues aus dem Haus.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def person(name="Anna Beispiel", slug=None, locale_code="de", **fields):
    from wagtail.models import Locale

    from blog.models import Person

    found, _created = Person.objects.update_or_create(
        slug=slug or name.lower().replace(" ", "-"),
        locale=Locale.objects.get(language_code=locale_code),
        defaults={"name": name, **fields},
    )
    return found


def blog_post(title="Ein Beitrag", slug=None, date=None, authors=None, publish=True, **fields):
    import datetime

    from blog.models import BlogPostAuthor, BlogPostPage

    index = blog_index()
    fields.setdefault("teaser", "Ein kurzer Anriss.")
    fields.setdefault("body", [("paragraph", "<p>Wir erzählen, was im Haus passiert.</p>")])
    post = BlogPostPage(
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        date=date or datetime.date(2026, 11, 1),
        live=publish,
        **fields,
    )
    index.add_child(instance=post)
    for position, author in enumerate(authors or []):
        BlogPostAuthor.objects.create(page=post, person=author, sort_order=position)
    if publish:
        post.save_revision().publish()
        post.refresh_from_db()
    return post


def comment(post, status="approved", **fields):
    from comments.models import Comment

    fields.setdefault("name", "Lena Leserin")
    fields.setdefault("email", "lena@example.org")
    fields.setdefault("text", "Schöner Beitrag!")
    parent = fields.get("parent")
    fields.setdefault("depth", parent.depth + 1 if parent else 1)
    return Comment.objects.create(page=post, status=status, **fields)


def ensure_wagtail_roots():
    """Recreate what Wagtail's data migrations made, after an earlier test emptied the tables.

    A transactional test ends with a flush; post_migrate then restores content types,
    permissions and groups, but not the root page and root collection.
    """
    from wagtail.models import Collection, Locale, Page

    locale, _created = Locale.objects.get_or_create(language_code="de")
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))
    # wagtail-localize's "submit translation" permission also comes from a data migration.
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    Permission.objects.get_or_create(
        content_type=ContentType.objects.get_or_create(
            app_label="wagtail_localize", model="translation"
        )[0],
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )


def started(target, seconds_ago=10, purpose=COMMENT_FORM):
    """A form start time from ``seconds_ago`` seconds back for ``target`` (a page or a comment),
    signed like the real form."""
    signer = signing.TimestampSigner(salt=TOKEN_SALT)
    real_time = time.time
    try:
        time.time = lambda: real_time() - seconds_ago
        return signer.sign(f"{purpose}.{target.pk}.{secrets.token_urlsafe(12)}")
    finally:
        time.time = real_time


def form_data(page, **overrides):
    data = {
        "name": "Lena Leserin",
        "email": "lena@example.org",
        "url": "",
        "text": "Danke für den Einblick in Eure Arbeit!",
        "consent": "on",
        "started": started(page),
        "website_confirm": "",
        "parent": "",
    }
    data.update(overrides)
    return data
