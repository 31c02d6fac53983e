"""Tools for the apps' benchmark data (``<app>/bench.py``): pages and rows in bulk.

``add_child()`` plus ``save_revision().publish()`` costs some fifty queries a page; the large
benchmark database (tens of thousands of pages) would take hours that way. ``add_pages_in_bulk``
puts live pages into the tree as ``add_child()`` and a publish would leave them (treebeard path,
depth and numchild, url_path, locale, translation key, a live revision, the child relations and
the search index) in a few queries per batch.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Max
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.models import Page, Revision


def _child_rows(pages):
    """The in-memory child objects (inline panels, tags) and m2m links of ``pages`` by model."""
    from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations

    rows = defaultdict(list)
    for page in pages:
        # Only what was given in memory: an unset relation would query the database per page.
        given = getattr(page, "_cluster_related_objects", {})
        for relation in get_all_child_relations(page):
            if relation.get_accessor_name() not in given:
                continue
            children = list(getattr(page, relation.get_accessor_name()).all())
            for position, child in enumerate(children):
                setattr(child, relation.field.attname, page.pk)
                if hasattr(child, "sort_order") and child.sort_order is None:
                    child.sort_order = position
                rows[type(child)].append(child)
        for field in get_all_child_m2m_relations(page):
            if field.name not in given:
                continue
            through = field.remote_field.through
            source = field.m2m_field_name()
            target = field.m2m_reverse_field_name()
            for item in getattr(page, field.name).all():
                rows[through].append(through(**{f"{source}_id": page.pk, f"{target}_id": item.pk}))
    return rows


def add_pages_in_bulk(parent, pages, *, revisions=True, published_at=None):
    """Put new live pages (all of one model) under ``parent`` in a few queries, with revisions.

    The paths continue treebeard's numbering after the parent's last child; the Page rows go
    in one bulk insert and each specific row is inserted raw, as ``loaddata`` does (Django
    cannot bulk-create the rows of a multi-table model), so no signal runs per page. Child
    relations given in memory (``post_authors=[…]``, ``categories=[…]``, tags) are inserted in
    bulk; with ``revisions`` each page gets a live revision, as a publish leaves it. Index the
    pages for search afterwards (``indexed_in_bulk`` does it for a block of batches).
    """
    if not pages:
        return pages
    last_child = parent.get_last_child()
    first_step = last_child._get_lastpos_in_path() + 1 if last_child else 1
    content_type = ContentType.objects.get_for_model(type(pages[0]))
    now = published_at or timezone.now()
    for step, page in enumerate(pages, start=first_step):
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.locale_id = parent.locale_id
        page.content_type = content_type
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        page.latest_revision_created_at = now if revisions else None
    base_fields = [field.attname for field in Page._meta.concrete_fields if field.attname != "id"]
    made = Page.objects.bulk_create(
        [Page(**{name: getattr(page, name) for name in base_fields}) for page in pages]
    )
    for page, row in zip(pages, made, strict=True):
        page.id = page.page_ptr_id = row.pk
        page.save_base(raw=True, force_insert=True)
    for model, rows in _child_rows(pages).items():
        model.objects.bulk_create(rows, batch_size=500)
    if revisions:
        base_type = ContentType.objects.get_for_model(Page)
        made_revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=content_type,
                    base_content_type=base_type,
                    object_id=str(page.pk),
                    created_at=now,
                    object_str=page.title,
                    content=page.serializable_data(),
                )
                for page in pages
            ]
        )
        for page, revision in zip(pages, made_revisions, strict=True):
            page.latest_revision_id = page.live_revision_id = revision.pk
        Page.objects.bulk_update(
            [
                Page(pk=page.pk, latest_revision_id=revision.pk, live_revision_id=revision.pk)
                for page, revision in zip(pages, made_revisions, strict=True)
            ],
            ["latest_revision", "live_revision"],
            batch_size=500,
        )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


@contextmanager
def indexed_in_bulk(models):
    """Search-index the objects of ``models`` made inside the block once at the end.

    The per-save handlers (search index, references) are switched off inside the block; the new
    rows (those with a higher id than before) go into the search index in one bulk call per
    model, their many-to-many search fields prefetched.
    """
    from modelcluster.fields import ParentalManyToManyField
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.search import index
    from wagtail.search.backends import get_search_backend
    from wagtail.signal_handlers import disable_reference_index_auto_update

    newest_before = {model: model.objects.aggregate(Max("pk"))["pk__max"] or 0 for model in models}
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
    backend = get_search_backend()
    for model in models:
        parental = [
            field.field_name
            for field in model.get_search_fields()
            if isinstance(field, index.RelatedFields)
            and isinstance(model._meta.get_field(field.field_name), ParentalManyToManyField)
        ]
        made = model.get_indexed_objects().prefetch_related(*parental)
        new = list(made.filter(pk__gt=newest_before[model]))
        for start in range(0, len(new), 1000):
            backend.add_bulk(model, new[start : start + 1000])
