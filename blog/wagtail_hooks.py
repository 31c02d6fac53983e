"""What the blog hands to the portal (API, home section, search, sitemap, demo, bench,
showcase, groups) and its admin."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from blog import bench, demo, sections
from blog.admin.views import can_write_posts, new_post_url
from blog.admin.viewsets import NewPostMenuEntry, PostListingViewSet
from blog.api import router
from blog.models import BlogCategory, BlogPostPage, Person, TagTranslation
from blog.queries import DRAFT, SCHEDULED, status_counts
from blog.search import search_posts
from portal.hooks import (
    API_ROUTERS,
    BENCH_PAGES,
    DASHBOARD_ACTIONS,
    DEMO_CONTENT,
    EDITORS,
    GROUP_PERMISSIONS,
    HOME_SECTIONS,
    SEARCH_SOURCES,
    SHOWCASE_PAGES,
    SITEMAP_ITEMS,
    ApiRouter,
    BenchPages,
    DashboardAction,
    DemoContent,
    GroupPermissions,
    HomeSection,
    SearchSource,
    ShowcasePage,
)


@hooks.register(API_ROUTERS)
def blog_api():
    return [ApiRouter(prefix="/blog/", router=router)]


@hooks.register(HOME_SECTIONS)
def latest_posts_section():
    return [
        HomeSection(
            key="latest_posts",
            label=_("Neueste Blog-Beiträge"),
            template="blog/sections/latest_posts.html",
            get_context=sections.latest_posts_context,
            order=100,
            demo=True,
        )
    ]


@hooks.register(SEARCH_SOURCES)
def post_search():
    # The blog presents its posts itself (teaser, date); the page search leaves them out.
    return [
        SearchSource(
            key="blog_posts",
            label=_("Blog-Beiträge"),
            search=search_posts,
            order=100,
            page_types=[BlogPostPage],
        )
    ]


@hooks.register(SITEMAP_ITEMS)
def category_pages(request, site):
    return sections.category_sitemap_items(request, site)


@hooks.register(DEMO_CONTENT)
def blog_demo():
    return [DemoContent(name="Blog", load=demo.load, order=100)]


@hooks.register(BENCH_PAGES)
def blog_bench():
    return [
        BenchPages(name="blog", build=bench.build, urls=bench.urls, order=100, large_scale=2000)
    ]


@hooks.register(SHOWCASE_PAGES)
def blog_showcase():
    # The demo content's addresses (blog/demo.py): the post with the most comments.
    post = "/de/blog/erst-die-ablaeufe-dann-die-werkzeuge/"
    pages = [
        ("blog-index", "/de/blog/"),
        ("blog-post", post),
        ("blog-category", "/de/blog/kategorie/digitalisierung/"),
        ("blog-tag", "/de/blog/schlagwort/prozesse/"),
        ("comment-report", f"{post}melden/1/"),
    ]
    return [
        ShowcasePage(name=name, path=path, order=100 + index)
        for index, (name, path) in enumerate(pages)
    ]


@hooks.register(GROUP_PERMISSIONS)
def blog_permissions():
    snippet_permissions = [
        f"blog.{action}_{model}"
        for model in ("person", "blogcategory", "tagtranslation")
        for action in ("add", "change", "delete")
    ]
    return [GroupPermissions(EDITORS, snippet_permissions)]


@hooks.register(DASHBOARD_ACTIONS)
def blog_dashboard_actions(request):
    """For those who write posts: a new post, and the drafts and scheduled posts waiting."""
    if not can_write_posts(request.user):
        return []
    counts = status_counts(Locale.get_default())
    listing = reverse("blog_posts:index")
    return [
        DashboardAction(_("Neuer Beitrag"), new_post_url(), icon="plus", primary=True, order=100),
        DashboardAction(
            gettext("Entwürfe: %(count)s") % {"count": counts["drafts"]},
            f"{listing}?status={DRAFT}",
            icon="draft",
            order=110,
        ),
        DashboardAction(
            gettext("Geplant: %(count)s") % {"count": counts["scheduled"]},
            f"{listing}?status={SCHEDULED}",
            icon="calendar",
            order=120,
        ),
    ]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Personen")
    list_display = ["name", "role", "locale"]
    search_fields = ["name", "role"]


class BlogCategoryViewSet(SnippetViewSet):
    model = BlogCategory
    icon = "tag"
    menu_label = _("Kategorien")
    list_display = ["name", "slug", "locale"]


class TagTranslationViewSet(SnippetViewSet):
    model = TagTranslation
    icon = "tag"
    menu_label = _("Schlagwörter übersetzen")
    list_display = ["tag", "name", "slug", "locale"]


class BlogMenu(SnippetViewSetGroup):
    """The Blog menu as WordPress's "Beiträge": all posts, a new post, then the lists."""

    items = (
        PostListingViewSet,
        NewPostMenuEntry,
        PersonViewSet,
        BlogCategoryViewSet,
        TagTranslationViewSet,
    )
    menu_icon = "doc-full-inverse"
    menu_label = _("Blog")
    menu_name = "blog"
    menu_order = 200


register_snippet(BlogMenu)
