"""`styr strategy-document ORG-SLUG [--strategy ID] [--frozen N] [--short] --format pdf|docx
-o FILE`: the strategy note (or its short version) written to a file, without a server.

Without --strategy it takes the organisation's newest strategy; without --frozen, the
strategy as it stands now (a draft), with it, that frozen version.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from organisations.models import Organisation
from publication import documents, pages, snapshot
from strategy.models import Strategy


class Command(BaseCommand):
    help = "Write a strategy note or its short version as PDF or Word."

    def add_arguments(self, parser):
        parser.add_argument("organisation", help="The organisation's slug, e.g. skovby.")
        parser.add_argument("--strategy", type=int, help="The strategy's id (default: newest).")
        parser.add_argument("--frozen", type=int, dest="number", help="A frozen version's number.")
        parser.add_argument("--short", action="store_true", help="The short version.")
        parser.add_argument("--format", choices=("pdf", "docx"), default="pdf")
        parser.add_argument("-o", "--output", required=True, help="The file to write.")

    def handle(self, *args, **options):
        org = Organisation.objects.filter(slug=options["organisation"]).first()
        if org is None:
            raise CommandError(f"No organisation has the slug {options['organisation']!r}.")
        strategies = Strategy.objects.for_org(org)
        if options["strategy"]:
            strategies = strategies.filter(pk=options["strategy"])
        strategy = strategies.order_by("-period_start", "-pk").first()
        if strategy is None:
            raise CommandError("The organisation has no such strategy.")
        version = None
        if options["number"]:
            version = (
                strategy.versions.select_related("recommendation__body", "approval__body")
                .filter(number=options["number"])
                .first()
            )
            if version is None:
                raise CommandError(f"The strategy has no version {options['number']}.")
        with translation.override(org.language or "da"):
            snap = version.snapshot if version else snapshot.take(strategy)
            source = pages.source(version, snap, org)
            if options["short"]:
                data = documents.short_data(source)
                fmt = documents.short_pdf if options["format"] == "pdf" else documents.short_docx
            else:
                data = documents.note_data(source)
                fmt = documents.note_pdf if options["format"] == "pdf" else documents.note_docx
            content = fmt(data)
        Path(options["output"]).write_bytes(content)
        self.stdout.write(f"{options['output']}: {len(content):,} bytes")
