"""`styr generate`: a large synthetic data set for scale tests and benchmarks."""

from __future__ import annotations

import random

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction

from demo.generate import generate_organisation
from organisations.models import Organisation


class Command(BaseCommand):
    help = "Create N synthetic organisations with M initiatives each (slugs gen-001 …)."

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, default=100)
        parser.add_argument("--initiatives", type=int, default=300)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument(
            "--solve",
            type=float,
            default=1.0,
            help="Seconds for each organisation's scenario solve (0 leaves it unsolved).",
        )
        parser.add_argument(
            "--ideas", type=int, default=10000, help="Ideas and hassles per organisation."
        )

    def handle(
        self,
        *args,
        organisations: int,
        initiatives: int,
        seed: int,
        solve: float,
        ideas: int,
        **options,
    ):
        rng = random.Random(seed)
        password = make_password("styr-generate")
        existing = set(
            Organisation.objects.filter(slug__startswith="gen-").values_list("slug", flat=True)
        )
        made = 0
        for n in range(1, organisations + 1):
            if f"gen-{n:03d}" in existing:
                continue
            with transaction.atomic():
                generate_organisation(
                    n,
                    initiatives=initiatives,
                    rng=rng,
                    password=password,
                    solve=solve,
                    ideas=ideas,
                )
            made += 1
        self.stdout.write(
            self.style.SUCCESS(
                f"{made} organisations generated ({organisations} requested, "
                f"{initiatives} initiatives each). Login: manager@gen-001.example / styr-generate"
            )
        )
