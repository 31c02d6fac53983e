from django import template

from comments.rendering import comment_html, comment_plain_text

register = template.Library()


@register.filter(name="comment_html")
def comment_html_filter(text):
    """``{{ comment.text|comment_html }}``: the allowed comment tags, everything else inert."""
    return comment_html(text)


@register.filter(name="comment_plain_text")
def comment_plain_text_filter(text):
    """``{{ comment.text|comment_plain_text }}``: no markup at all (plain-text e-mails)."""
    return comment_plain_text(text)
