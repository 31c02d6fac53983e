from .pages import BlogIndexPage, BlogPostAuthor, BlogPostPage, BlogPostTag, RelatedPost
from .snippets import BlogCategory, Person, TagTranslation

__all__ = [
    "BlogCategory",
    "BlogIndexPage",
    "BlogPostAuthor",
    "BlogPostPage",
    "BlogPostTag",
    "Person",
    "RelatedPost",
    "TagTranslation",
]
