"""Receivers of Wagtail's signals that the blog connects in ``BlogConfig.ready()``."""

from blog.models import BlogPostAuthor, BlogPostPage, Person


def sign_new_posts_with_their_writer(sender, page, parent, **kwargs):
    """A new post starts signed by the editor who opens it, as WordPress's posts do.

    Wagtail makes the empty page with ``owner`` set to the person signed in; their author
    profile (``Person.user``) in the blog's language becomes the first author. The editor can
    still change or add authors.
    """
    if not isinstance(page, BlogPostPage) or page.owner is None or page.post_authors.exists():
        return
    person = (
        Person.objects.filter(user=page.owner, locale_id=parent.locale_id).order_by("pk").first()
    )
    if person is not None:
        page.post_authors.add(BlogPostAuthor(person=person))
