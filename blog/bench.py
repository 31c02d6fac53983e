"""Benchmark data of the blog: SCALE short German posts, one post with 100 comments.

Every other bench post carries ``COMMENTS_PER_POST`` approved comments, so scale 2000 (the
large profile) makes 2,000 posts with 100,000 comments, scale 200 (the default) 200 posts with
10,000. Posts are put into the tree in bulk with live revisions (``portal.bench_tools``).
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from taggit.models import Tag

from blog.models import (
    BlogCategory,
    BlogIndexPage,
    BlogPostAuthor,
    BlogPostPage,
    BlogPostTag,
    Person,
)
from comments.models import Comment
from portal.bench_tools import add_pages_in_bulk, indexed_in_bulk

BERLIN = ZoneInfo("Europe/Berlin")
PREFIX = "bench-"
COMMENTS_SLUG = "bench-kommentare"
COMMENT_COUNT = 100
COMMENTS_PER_POST = 50
BATCH = 500
# Older than the demo posts (June to November 2026), so those stay on the first page.
NEWEST_DATE = date(2026, 5, 31)
TAGS = ["Programm", "Konzert", "Lesung", "Werkstatt", "Ehrenamt"]

BODY = [
    ("heading", {"text": "Aus unserem Alltag", "level": "h2"}),
    (
        "paragraph",
        "<p>Wir erzählen Euch kurz, was diese Woche im Haus am Westbahnhof los war: "
        "Proben im Saal, eine volle Werkstatt im Seminarraum und viele Gespräche an der "
        "Theke.</p>",
    ),
    ("paragraph", "<p>Euer Team vom Haus am Westbahnhof</p>"),
]

NAMES = [
    "Anna Schäfer",
    "Benedikt Kühn",
    "Carla Weber",
    "Dominik Frey",
    "Elif Yılmaz",
    "Frank Bauer",
    "Greta Lang",
    "Hannes Roth",
]
TEXTS = [
    "Danke für den Einblick, so etwas liest man selten von einem Kulturzentrum.",
    "Wir waren am Samstag im Saal, der Abend war wunderbar. Gern wieder!",
    "Gibt es dazu auch einen Termin zum Mitmachen? Ich wäre dabei.",
    "Sehr spannend, bei uns im Verein stehen wir vor genau denselben Fragen.",
    "Das klingt nach viel Arbeit. Wie viele Ehrenamtliche helfen Euch dabei?",
]
REPLIES = [
    "Gute Frage, das würde mich auch interessieren.",
    "Da stimme ich zu, danke fürs Aufschreiben.",
    "Wir haben es so ähnlich gelöst und sind zufrieden damit.",
    "Schreibt gern mehr darüber, das hilft auch anderen Häusern.",
]


def _index():
    return BlogIndexPage.objects.filter(locale__language_code="de", slug="blog").first()


def _post(slug, title, number, people, categories, tags):
    return BlogPostPage(
        title=title,
        slug=slug,
        date=NEWEST_DATE - timedelta(days=number),
        teaser="Ein kurzer Blick hinter die Kulissen des Hauses am Westbahnhof.",
        body=BODY,
        post_authors=[BlogPostAuthor(person=people[number % len(people)])] if people else [],
        categories=[categories[number % len(categories)]] if categories else [],
        tagged_items=[BlogPostTag(tag=tags[number % len(tags)])],
    )


def build(scale):
    index = _index()
    if index is None:
        return
    people = list(Person.objects.filter(locale=index.locale).order_by("pk"))
    categories = list(BlogCategory.objects.filter(locale=index.locale).order_by("pk"))
    tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
    existing = set(
        index.get_children().filter(slug__startswith=PREFIX).values_list("slug", flat=True)
    )
    missing = [number for number in range(1, scale + 1) if f"{PREFIX}{number}" not in existing]
    with indexed_in_bulk([BlogPostPage]):
        for start in range(0, len(missing), BATCH):
            with transaction.atomic():
                posts = add_pages_in_bulk(
                    index,
                    [
                        _post(
                            f"{PREFIX}{number}",
                            f"Notizen aus dem Haus {number}",
                            number,
                            people,
                            categories,
                            tags,
                        )
                        for number in missing[start : start + BATCH]
                    ],
                )
                _spread_comments(posts)
        post = BlogPostPage.objects.child_of(index).filter(slug=COMMENTS_SLUG).first()
        if post is None:
            title = "Hundert Stimmen zum Haus"
            with transaction.atomic():
                (post,) = add_pages_in_bulk(
                    index, [_post(COMMENTS_SLUG, title, 0, people, categories, tags)]
                )
    with transaction.atomic():
        _comments(post)


def _spread_comments(posts):
    """COMMENTS_PER_POST approved top-level comments on each of ``posts``."""
    Comment.objects.bulk_create(
        [
            Comment(
                page_id=post.pk,
                depth=1,
                name=NAMES[n % len(NAMES)],
                email=f"leser{n}@example.org",
                text=TEXTS[n % len(TEXTS)],
                status=Comment.Status.APPROVED,
            )
            for post in posts
            for n in range(COMMENTS_PER_POST)
        ],
        batch_size=1000,
    )


def _comments(post):
    """Exactly COMMENT_COUNT approved comments: 50 threads, 30 replies, 20 replies to replies."""
    comments = Comment.objects.filter(page=post)
    if comments.count() == COMMENT_COUNT and comments.approved().count() == COMMENT_COUNT:
        return
    comments.delete()
    start = datetime(2026, 6, 1, 18, 0, tzinfo=BERLIN)

    def comment(number, text, parent=None):
        return Comment(
            page=post,
            parent=parent,
            depth=parent.depth + 1 if parent else 1,
            name=NAMES[number % len(NAMES)],
            email=f"leser{number}@example.org",
            text=text,
            status=Comment.Status.APPROVED,
        )

    top = Comment.objects.bulk_create([comment(n, TEXTS[n % len(TEXTS)]) for n in range(50)])
    second = Comment.objects.bulk_create(
        [comment(50 + n, REPLIES[n % len(REPLIES)], top[n]) for n in range(30)]
    )
    third = Comment.objects.bulk_create(
        [comment(80 + n, REPLIES[(n + 1) % len(REPLIES)], second[n]) for n in range(20)]
    )
    # Replies follow their parents in time; created_at is set after bulk_create (auto_now_add).
    for offset, level in enumerate([top, second, third]):
        for n, item in enumerate(level):
            item.created_at = start + timedelta(hours=3 * n + offset)
            item.consent_at = item.created_at
    everything = [*top, *second, *third]
    Comment.objects.bulk_update(everything, ["created_at", "consent_at"])


def urls():
    post_id = (
        BlogPostPage.objects.filter(slug=COMMENTS_SLUG, locale__language_code="de")
        .values_list("pk", flat=True)
        .first()
    )
    return [
        ("blog_index", "/de/blog/"),
        ("blog_index_page2", "/de/blog/?seite=2"),
        ("blog_post_100_comments", f"/de/blog/{COMMENTS_SLUG}/"),
        ("blog_feed_rss", "/de/blog/feed/rss/"),
        ("blog_feed_atom", "/de/blog/feed/atom/"),
        ("blog_category", "/de/blog/kategorie/digitalisierung/"),
        ("comments_api", f"/api/v3/comments/pages/{post_id}/comments/"),
    ]
