from django.core.management.base import BaseCommand, CommandError

from organisations.models import Organisation
from organisations.transfer import delete_organisation


class Command(BaseCommand):
    help = "Delete an organisation with all its data (e.g. after export-organisation moved it)."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--confirm", required=True, help="the slug again, to be sure")

    def handle(self, *args, slug: str, confirm: str, **options):
        if confirm != slug:
            raise CommandError("--confirm must repeat the organisation's address.")
        org = Organisation.objects.filter(slug=slug).first()
        if org is None:
            raise CommandError(f"No organisation has the address {slug}.")
        delete_organisation(org)
        self.stdout.write(f"{slug} and all its data were deleted.")
