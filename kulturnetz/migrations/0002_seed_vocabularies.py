"""The German vocabularies the Kulturnetz starts with: categories, disciplines, districts, …

The default locale normally exists (Wagtail's own migrations create it); a database where it
does not gets it here, so the seeds never depend on running ``setup_site`` first.
"""

from django.conf import settings
from django.db import migrations


def seed(apps, schema_editor):
    from kulturnetz.vocabularies import seed as seed_vocabularies

    Locale = apps.get_model("wagtailcore", "Locale")
    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    seed_vocabularies(lambda name: apps.get_model("kulturnetz", name), locale, "de")


class Migration(migrations.Migration):
    dependencies = [
        ("kulturnetz", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
