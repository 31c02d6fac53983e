"""Small builders for test content beside the demo content."""

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
