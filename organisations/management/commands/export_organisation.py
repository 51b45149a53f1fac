from django.core.management.base import BaseCommand, CommandError

from organisations.models import Organisation
from organisations.transfer import export_organisation, write


class Command(BaseCommand):
    help = "Write one organisation with all its data and history to a file (gzipped JSON)."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("-o", "--output", required=True, help="the file to write")

    def handle(self, *args, slug: str, output: str, **options):
        org = Organisation.objects.filter(slug=slug).first()
        if org is None:
            raise CommandError(f"No organisation has the address {slug}.")
        data = export_organisation(org)
        write(data, output)
        self.stdout.write(
            f"{slug}: {len(data['objects'])} rows, {len(data['users'])} people → {output}"
        )
