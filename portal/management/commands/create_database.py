"""Create the configured PostgreSQL database if it does not exist yet (`make serve`, CI)."""

from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = "Legt die PostgreSQL-Datenbank aus DATABASE_URL an, falls es sie noch nicht gibt."

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            self.stdout.write("Keine PostgreSQL-Datenbank: nichts zu tun.")
            return
        name = connection.settings_dict["NAME"]
        # Connected to the server's maintenance database, as Django's test runner does.
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                self.stdout.write(f"Datenbank {name} ist vorhanden.")
                return
            cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
        self.stdout.write(self.style.SUCCESS(f"Datenbank {name} angelegt."))
