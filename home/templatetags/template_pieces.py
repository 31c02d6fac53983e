"""`{% embed %}`: include a shared piece of templates/includes/ and hand it a body of markup.

Django's `{% include %}` passes values only; a figure or a card also wraps markup that the caller
writes (a picture, a quote, the lines under a card's title). The body is rendered in the caller's
context and reaches the piece as `content`:

    {% embed "includes/figure.html" class="block-quote" caption=value.attribution %}
        <blockquote>…</blockquote>
    {% endembed %}
"""

from django import template
from django.template.base import token_kwargs
from django.template.loader_tags import construct_relative_path

register = template.Library()


class EmbedNode(template.Node):
    def __init__(self, template_name, extra_context, nodelist):
        self.template_name = template_name
        self.extra_context = extra_context
        self.nodelist = nodelist

    def render(self, context):
        piece = context.template.engine.get_template(self.template_name.resolve(context))
        values = {name: value.resolve(context) for name, value in self.extra_context.items()}
        values["content"] = self.nodelist.render(context)
        with context.push(**values):
            return piece.render(context)


@register.tag
def embed(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs the name of a template")
    template_name = construct_relative_path(parser.origin.template_name, bits[1])
    extra_context = token_kwargs(bits[2:], parser, support_legacy=False)
    if len(extra_context) != len(bits) - 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes only key=value arguments")
    nodelist = parser.parse(("endembed",))
    parser.delete_first_token()
    return EmbedNode(parser.compile_filter(template_name), extra_context, nodelist)


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, trail_from=None, current=None):
    """The way to `page`: from the home page for pages two or more levels below it, or from
    `trail_from` (an ancestor, e.g. the blog); the parent given as `trail_from` costs no query.
    `current` names a view below the page (a route such as "Offene Daten"): then the page
    itself is the last link of the trail."""
    if current:
        return {
            "page": page,
            "trail": [page],
            "current": current,
            "request": context.get("request"),
        }
    if trail_from is not None and page.depth == trail_from.depth + 1:
        trail = [trail_from] if page.path.startswith(trail_from.path) else []
    else:
        ancestors = list(page.get_ancestors())[1:]  # without the tree's root
        too_shallow = len(ancestors) < 2
        start = trail_from.depth if trail_from is not None else 0
        trail = [] if too_shallow else [item for item in ancestors if item.depth >= start]
    return {"page": page, "trail": trail, "request": context.get("request")}
