"""Reading security headers in tests."""


def csp_directives(response, header="Content-Security-Policy"):
    """The policy of ``response`` as {directive: [source, ...]}, in any order (django-csp does
    not keep the order of the settings)."""
    directives = {}
    for part in response[header].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives
