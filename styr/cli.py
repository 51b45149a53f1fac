"""The `styr` console command: Django's manage.py under the project's name.

`styr runserver`, `styr migrate`, `styr demo`, `styr generate` … all work after `make install`.
`styr optimize` is handled before Django starts: it solves a problem file and needs no
database or settings.
"""

import os
import sys


def main() -> None:
    if sys.argv[1:2] == ["optimize"]:
        from portfolio.cli import main as optimize

        sys.exit(optimize(sys.argv[2:]))
    if len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        # The documented names (send-reminders, export-organisation) are Django's with "_".
        sys.argv[1] = sys.argv[1].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "styr.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
