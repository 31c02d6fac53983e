"""Keep the occurrences table in step with what is published.

An event's occurrences are rebuilt when it or one of its translations is published,
unpublished, moved or deleted (a German event is listed in the English calendar until its
English translation is live), and when its venue or organiser is republished (their
translations and the venue's district are copied into each occurrence). A view restriction
added or removed above events rebuilds theirs. Deleting a page deletes its own occurrences
through the foreign key.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from kulturnetz.recurrence import rebuild_for


def _event_published(sender, instance, **kwargs):
    rebuild_for([instance])


def _event_deleted(sender, instance, **kwargs):
    from kulturnetz.models import EventPage

    key = instance.translation_key

    def rebuild_translations():
        rebuild_for(list(EventPage.objects.filter(translation_key=key).only("translation_key")))

    transaction.on_commit(rebuild_translations)


def _venue_published(sender, instance, **kwargs):
    from kulturnetz.models import EventPage

    events = EventPage.objects.filter(venue__translation_key=instance.translation_key)
    rebuild_for(list(events.only("translation_key")))


def _organiser_published(sender, instance, **kwargs):
    from kulturnetz.models import EventPage

    events = EventPage.objects.filter(organiser__translation_key=instance.translation_key)
    rebuild_for(list(events.only("translation_key")))


def _subtree_changed(page):
    from kulturnetz.models import EventPage

    events = EventPage.objects.descendant_of(page, inclusive=True).only("translation_key")
    events = list(events)
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
    from kulturnetz.models import ActorPage, EventPage, VenuePage

    page_published.connect(_event_published, sender=EventPage, dispatch_uid="kn_event_published")
    page_unpublished.connect(
        _event_published, sender=EventPage, dispatch_uid="kn_event_unpublished"
    )
    post_delete.connect(_event_deleted, sender=EventPage, dispatch_uid="kn_event_deleted")
    page_published.connect(_venue_published, sender=VenuePage, dispatch_uid="kn_venue_published")
    page_published.connect(
        _organiser_published, sender=ActorPage, dispatch_uid="kn_organiser_published"
    )
    post_page_move.connect(_page_moved, dispatch_uid="kn_page_moved")
    post_save.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="kn_restriction_saved"
    )
    post_delete.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="kn_restriction_deleted"
    )
