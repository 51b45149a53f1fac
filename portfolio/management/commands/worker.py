from django.core.management.base import BaseCommand

from portfolio.worker import run_pending, serve


class Command(BaseCommand):
    help = "Run queued optimisations (solves and frontiers); `--once` empties the queue and stops."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true")
        parser.add_argument("--poll", type=float, default=1.0)

    def handle(self, *args, once=False, poll=1.0, **options):
        if once:
            done = run_pending()
            self.stdout.write(f"{done} run(s) done")
            return
        serve(poll)
