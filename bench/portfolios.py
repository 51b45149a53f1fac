"""Seeded random portfolio problems in the optimiser's JSON format, for the benchmarks.

Over 5 periods: 2 budget lines, 3 capacity pools, 10 % mandatory, 15 % with a prerequisite,
5 % in mutually exclusive pairs, 20 % with three ambition variants, start windows of 1–3
periods. Limits are set to about 40 % of what all initiatives together would need, so the
budgets bind and the choice matters.
"""

from __future__ import annotations

import random

PERIODS = ["2027", "2028", "2029", "2030", "2031"]
BUDGETS = ("investment", "running")
POOLS = ("project_managers", "architects", "super_users")


def _profile(rng: random.Random, scale: float, length: int) -> list[float]:
    return [round(scale * rng.uniform(0.3, 1.0), -3 if scale > 10000 else 0) for _ in range(length)]


def generate(n: int, seed: int = 1) -> dict:
    rng = random.Random(seed * 100003 + n)
    periods = len(PERIODS)
    items = []
    for k in range(n):
        length = rng.randint(1, 3)
        size = rng.lognormvariate(0, 0.6)
        base = {
            "budgets": {
                "investment": _profile(rng, 1_000_000 * size, length),
                "running": _profile(rng, 200_000 * size, min(periods, length + 2)),
            },
            "capacities": {
                pool: _profile(rng, 400 * size * rng.uniform(0.2, 1.0), length) for pool in POOLS
            },
        }
        # Values in whole points, as a weighted score on a 0-100 scale would give.
        value = round(size * rng.uniform(5, 15) * 10)
        if rng.random() < 0.20:
            variants = []
            for name, factor, worth in (
                ("low", 0.6, 0.5),
                ("medium", 1.0, 1.0),
                ("high", 1.5, 1.35),
            ):
                variants.append(
                    {
                        "id": name,
                        "value": round(value * worth),
                        "budgets": {
                            b: [round(a * factor) for a in v] for b, v in base["budgets"].items()
                        },
                        "capacities": {
                            p: [round(a * factor) for a in v] for p, v in base["capacities"].items()
                        },
                    }
                )
        else:
            variants = [{"id": "base", "value": value, **base}]
        window = rng.randint(1, 3)
        earliest = rng.randint(0, periods - window)
        items.append(
            {
                "id": f"I{k:05d}",
                "mandatory": rng.random() < 0.10,
                "earliest_start": earliest,
                "latest_start": earliest + window - 1,
                "requires": [],
                "excludes": [],
                "variants": variants,
            }
        )
    # Prerequisites point to an initiative that may start no later than the dependant.
    for k, item in enumerate(items):
        if rng.random() < 0.15:
            candidates = [o for o in items[:k] if o["earliest_start"] <= item["earliest_start"]]
            if candidates:
                item["requires"].append(rng.choice(candidates)["id"])
    # Mutually exclusive pairs: 5 % of the initiatives, never two mandatory ones.
    required = {r for i in items for r in i["requires"]}
    free = [i for i in items if not i["mandatory"] and i["id"] not in required]
    rng.shuffle(free)
    for a, b in zip(free[0 : n // 20 : 2], free[1 : n // 20 : 2], strict=False):
        a["excludes"].append(b["id"])
    need: dict[str, list[float]] = {}
    for item in items:
        mid = item["variants"][len(item["variants"]) // 2]
        for kind in ("budgets", "capacities"):
            for name, amounts in mid[kind].items():
                total = need.setdefault(name, [0.0] * periods)
                for t, a in enumerate(amounts):
                    total[min(periods - 1, item["earliest_start"] + t)] += a
    share = 0.4
    return {
        "periods": PERIODS,
        "budgets": {b: [round(share * sum(need[b]) / periods, -3)] * periods for b in BUDGETS},
        "capacities": {p: [round(share * sum(need[p]) / periods)] * periods for p in POOLS},
        "initiatives": items,
    }
