from .comments import Comment, CommentReport, CommentThrottle, DiscussionSettings
from .pages import BlogIndexPage, BlogPostAuthor, BlogPostPage, BlogPostTag, RelatedPost
from .snippets import BlogCategory, Person, TagTranslation

__all__ = [
    "BlogCategory",
    "BlogIndexPage",
    "BlogPostAuthor",
    "BlogPostPage",
    "BlogPostTag",
    "Comment",
    "CommentReport",
    "CommentThrottle",
    "DiscussionSettings",
    "Person",
    "RelatedPost",
    "TagTranslation",
]
