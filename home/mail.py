"""The e-mails the portal sends about what visitors sent: one way to write, address and queue them.

Each is written from a pair of templates (``<name>.txt`` and ``<name>.html``, autoescaped) in the
language of ``translation.override`` around the call, and sent by a background task, so a
visitor never waits for the mail server and a mail problem never reaches them.
"""

import logging

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)


def send_mail(recipients, subject, template, context):
    """Send the text and HTML of ``template`` (a path without extension) to ``recipients``."""
    if not recipients:
        return 0
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject, text, to=sorted(set(recipients)))
    message.attach_alternative(html, "text/html")
    return message.send()


def group_addresses(group_name):
    """The e-mail addresses of the active members of a group (EDITORS, MODERATORS)."""
    users = get_user_model().objects.filter(is_active=True, groups__name=group_name)
    return list(users.exclude(email="").values_list("email", flat=True).distinct())


def enqueue_mail(task_function, *args):
    """Queue a mail task; a queue that fails is logged, never raised to the visitor or editor."""
    try:
        task_function.enqueue(*args)
    except Exception:
        logger.exception("Could not queue %s%r", task_function.name, args)
