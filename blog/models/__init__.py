from .pages import (
    BlogIndexPage,
    BlogPostAuthor,
    BlogPostPage,
    BlogPostTag,
    BlogPostTopic,
    RelatedPost,
)
from .snippets import BlogCategory, Person, TagTranslation

__all__ = [
    "BlogCategory",
    "BlogIndexPage",
    "BlogPostAuthor",
    "BlogPostPage",
    "BlogPostTag",
    "BlogPostTopic",
    "Person",
    "RelatedPost",
    "TagTranslation",
]
