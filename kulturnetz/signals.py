"""Keep the occurrences table in step with what is published.

An event's occurrences are rebuilt when it is published, unpublished or moved, and when its
venue is republished (the venue's district is copied into each occurrence). A view
restriction added or removed above events rebuilds theirs. Deleting a page deletes its
occurrences through the foreign key.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from kulturnetz.recurrence import rebuild_for


def _event_published(sender, instance, **kwargs):
    rebuild_for([instance])


def _venue_published(sender, instance, **kwargs):
    from kulturnetz.models import EventPage

    rebuild_for(list(EventPage.objects.filter(venue__translation_key=instance.translation_key)))


def _subtree_changed(page):
    from kulturnetz.models import EventPage

    events = list(EventPage.objects.descendant_of(page, inclusive=True).only("pk"))
    rebuild_for(events)


def _page_moved(sender, instance, **kwargs):
    _subtree_changed(instance)


def _restriction_changed(sender, instance, **kwargs):
    from wagtail.models import Page

    # When the page itself is deleted, its events' occurrences go with it.
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _subtree_changed(page)


def connect():
    from kulturnetz.models import EventPage, VenuePage

    page_published.connect(_event_published, sender=EventPage, dispatch_uid="kn_event_published")
    page_unpublished.connect(
        _event_published, sender=EventPage, dispatch_uid="kn_event_unpublished"
    )
    page_published.connect(_venue_published, sender=VenuePage, dispatch_uid="kn_venue_published")
    post_page_move.connect(_page_moved, dispatch_uid="kn_page_moved")
    post_save.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="kn_restriction_saved"
    )
    post_delete.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="kn_restriction_deleted"
    )
