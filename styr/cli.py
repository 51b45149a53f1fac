"""The `styr` console command: Django's manage.py under the project's name.

`styr runserver`, `styr migrate`, `styr demo`, `styr generate` … all work after `make install`.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "styr.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
