from django import template

register = template.Library()


@register.simple_tag
def blog_url(index, name, *args):
    """``{% blog_url blog_index "category" slug %}``: a blog address in the blog's language."""
    return index.route_url(name, *args)
