"""Suggestions from people without an account: new actors and venues, events, changes.

Each becomes a draft page (or a draft revision of a live page) in Wagtail's review workflow
(review.py), from a public form with the protections of home/form_protection.py (forms.py,
views.py); editors hear of it, and the sender hears when it is published (notifications.py).
"""
