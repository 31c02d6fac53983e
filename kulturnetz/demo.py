"""Demo content of the Kulturnetz."""


def load(demo):
    pass
