from django.core.management.base import BaseCommand, CommandError

from organisations.transfer import TransferError, import_organisation, read


class Command(BaseCommand):
    help = "Load an organisation written by export-organisation (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file")

    def handle(self, *args, file: str, **options):
        try:
            org = import_organisation(read(file))
        except TransferError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{org.slug} ({org.name}) was imported.")
