"""`manage.py db_worker`: django-tasks-db's task worker, which outlives a lost database connection.

django-tasks-db's own worker stops with an error when the database drops its connection (a
restart of PostgreSQL, a failover): it checks the connection inside the transaction that claims
the next task, where Django cannot reconnect, and the e-mails would wait until someone started
it again. This one logs the lost connection, waits a moment and goes on with a new one; a task
that was being claimed stays queued. The portal's app comes first in INSTALLED_APPS, so this
command takes the name of the library's.
"""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger(__name__)

RECONNECT_SECONDS = 2


class Command(db_worker.Command):
    def handle(self, *args, **options):
        while True:
            try:
                return super().handle(*args, **options)
            except (OperationalError, InterfaceError) as error:
                logger.error(
                    "The task worker lost its database connection (%s); it connects again in "
                    "%d seconds.",
                    error,
                    RECONNECT_SECONDS,
                )
                connections.close_all()
                time.sleep(RECONNECT_SECONDS)
