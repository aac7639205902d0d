#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conference.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.SECRET_KEY  # noqa: B018 - load the settings now so their refusal is shown
    except ImproperlyConfigured as error:
        # Django would hide this behind "Models aren't loaded yet"; say it plainly.
        sys.exit(f"Plenary cannot start: {error}")

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
