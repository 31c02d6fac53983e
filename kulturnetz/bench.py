"""Bench."""


def build(scale):
    pass


def urls():
    return []
