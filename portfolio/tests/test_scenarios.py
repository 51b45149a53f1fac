"""Scenarios: build, solve in the worker, explain, stop, frontier, compare and commit."""

from jobs.queue import drain
from portfolio.models import RunStatus, Scenario, ScenarioLimit, SolveRun
from portfolio.services import queue_run, request_stop


def test_it_creates_a_scenario_from_the_strategys_years(client, member, strategy):
    client.force_login(member)
    r = client.get("/skovby/scenarios/new/")
    assert r.status_code == 200 and 'value="2026"' in r.content.decode()
    r = client.post(
        "/skovby/scenarios/new/",
        {
            "name": "Budget 2027",
            "strategy": strategy.pk,
            "first_year": 2027,
            "periods": 4,
            "objective": "score",
            "score_share": 50,
            "time_limit": 30,
        },
    )
    scenario = Scenario.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/skovby/scenarios/{scenario.pk}/"
    assert scenario.organisation == strategy.organisation


def test_a_reader_can_see_but_not_solve(client, reader, scenario):
    client.force_login(reader)
    assert client.get(f"/skovby/scenarios/{scenario.pk}/").status_code == 200
    assert client.post(f"/skovby/scenarios/{scenario.pk}/solve/").status_code == 403
    assert not SolveRun.objects.exists()


def test_solving_queues_a_run_that_the_worker_solves(client, member, scenario):
    client.force_login(member)
    r = client.post(f"/skovby/scenarios/{scenario.pk}/solve/")
    assert r.status_code == 302
    run = SolveRun.objects.get()
    assert run.status == RunStatus.QUEUED and run.result is None  # never inside the request
    page = client.get(f"/skovby/scenarios/{scenario.pk}/").content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert drain() == 1
    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    result = run.result
    assert result["status"] == "optimal"
    # Budget 1500 a year, score objective: the mandatory solution (high ambition brings all
    # of its score), the prerequisite and the portal that needs it all fit when spread out.
    chosen = {s["id"]: s for s in result["selected"]}
    assert set(chosen) == {"I-001", "I-002", "I-003"}
    assert chosen["I-002"]["variant"] == "high"
    assert chosen["I-003"]["start"] <= chosen["I-001"]["start"]
    page = client.get(f"/skovby/scenarios/{scenario.pk}/").content.decode()
    assert "I-002 Ny ydelsesplatform" in page
    assert 'id="greedy"' in page


def test_a_page_reads_a_run_without_its_problem_but_with_its_periods(
    client, member, scenario, django_assert_num_queries
):
    client.force_login(member)
    client.post(f"/skovby/scenarios/{scenario.pk}/solve/")
    drain()
    run = scenario.latest_run("solve", problem=False)
    assert "problem" in run.get_deferred_fields()
    with django_assert_num_queries(0):
        assert run.periods == [str(y) for y in scenario.years]
    assert scenario.latest_run("solve").periods == run.periods
    page = client.get(f"/skovby/scenarios/{scenario.pk}/").content.decode()
    assert f">{scenario.years[-1]}<" in page  # the plan by year


def test_the_progress_fragment_is_served_to_htmx(client, member, scenario):
    queue_run(scenario=scenario, user=member)
    client.force_login(member)
    r = client.get(f"/skovby/scenarios/{scenario.pk}/?part=runs", HTTP_HX_REQUEST="true")
    body = r.content.decode()
    assert body.lstrip().startswith('<div id="runs"')
    assert "<html" not in body


def test_an_infeasible_scenario_says_what_to_change(client, member, scenario, portfolio):
    ScenarioLimit.objects.filter(scenario=scenario).update(amounts=[100, 100, 100])
    queue_run(scenario=scenario, user=member)
    drain()
    run = SolveRun.objects.get()
    assert run.result["status"] == "infeasible"
    explanation = run.result["explanation"]
    # The mandatory solution's cheapest ambition needs 300 in its first year: +200.
    assert [round(c["increase"]) for c in explanation["limit_increases"]] == [200]
    assert explanation["force_out"] == [{"id": "I-002", "name": "Ny ydelsesplatform"}]
    client.force_login(member)
    page = client.get(f"/skovby/scenarios/{scenario.pk}/").content.decode()
    assert 'id="explanation"' in page
    assert "I-002 Ny ydelsesplatform" in page


def test_a_stop_before_the_worker_starts_means_it_never_runs(member, scenario):
    run = queue_run(scenario=scenario, user=member)
    request_stop(run)
    drain()
    run.refresh_from_db()
    assert run.status == RunStatus.STOPPED and run.stop_requested and run.started is None


def test_two_workers_cannot_start_the_same_run(member, scenario):
    from portfolio.worker import start

    run = queue_run(scenario=scenario, user=member)
    first, second = SolveRun.objects.get(pk=run.pk), SolveRun.objects.get(pk=run.pk)
    assert start(first) is True
    assert start(second) is False  # it read the run as queued, but the first won it


def test_the_frontier_is_computed_for_a_limited_budget(client, member, scenario):
    client.force_login(member)
    r = client.post(
        f"/skovby/scenarios/{scenario.pk}/frontier/", {"budget": "running", "points": 5}
    )
    assert r.status_code == 302 and not SolveRun.objects.exists()  # running has no limit
    client.post(f"/skovby/scenarios/{scenario.pk}/frontier/", {"budget": "investment", "points": 5})
    drain()
    run = SolveRun.objects.get(kind="frontier")
    values = [p["objective"] for p in run.result["points"]]
    assert len(values) == 5 and values == sorted(values)
    page = client.get(f"/skovby/scenarios/{scenario.pk}/").content.decode()
    assert 'id="frontier-table"' in page and "<svg" in page


def test_committing_makes_the_action_plan_and_supersedes_the_old_one(
    client, admin_member, scenario, strategy
):
    old = Scenario.objects.create(
        organisation=scenario.organisation,
        strategy=strategy,
        name="Gammel",
        first_year=2027,
        status="committed",
    )
    client.force_login(admin_member)
    assert (
        client.post(
            f"/skovby/scenarios/{scenario.pk}/commit/", {"version": scenario.version}
        ).status_code
        == 302
    )
    scenario.refresh_from_db()
    assert scenario.status == "draft"  # not solved yet: nothing to commit
    queue_run(scenario=scenario, user=admin_member)
    drain()
    r = client.post(f"/skovby/scenarios/{scenario.pk}/commit/", {"version": scenario.version})
    assert r["Location"] == f"/skovby/strategies/{strategy.pk}/action-plan/"
    scenario.refresh_from_db()
    old.refresh_from_db()
    assert scenario.status == "committed" and old.status == "superseded"
    page = client.get(r["Location"]).content.decode()
    assert "I-003 Fælles login" in page
    # A committed scenario is frozen.
    assert client.get(f"/skovby/scenarios/{scenario.pk}/edit/").status_code == 302


def test_a_portfolio_manager_cannot_commit(client, member, scenario):
    queue_run(scenario=scenario, user=member)
    drain()
    client.force_login(member)
    assert (
        client.post(
            f"/skovby/scenarios/{scenario.pk}/commit/", {"version": scenario.version}
        ).status_code
        == 403
    )


def test_limits_are_saved_and_a_stale_form_is_refused(client, member, scenario):
    client.force_login(member)
    data = {"version": scenario.version, "budget_investment_0": "2000", "budget_running_1": "50"}
    assert client.post(f"/skovby/scenarios/{scenario.pk}/limits/", data).status_code == 302
    limits = {lim.budget: lim.amounts for lim in scenario.limits.all()}
    assert limits == {"investment": [2000.0, None, None], "running": [None, 50.0, None]}
    r = client.post(f"/skovby/scenarios/{scenario.pk}/limits/", data)  # the old version
    assert r.status_code == 409
    assert {lim.budget: lim.amounts for lim in scenario.limits.all()} == limits


def test_a_negative_limit_is_refused_and_nothing_changes(client, member, scenario):
    client.force_login(member)
    r = client.post(
        f"/skovby/scenarios/{scenario.pk}/limits/",
        {"version": scenario.version, "budget_investment_0": "-5"},
    )
    assert r.status_code == 400
    assert scenario.limits.get().amounts == [1500, 1500, 1500]


def test_entries_force_an_initiative_out(client, member, scenario, portfolio):
    client.force_login(member)
    data = {"version": scenario.version}
    for ini in portfolio.values():
        data[f"d_{ini.pk}"] = "auto"
    data[f"d_{portfolio['portal'].pk}"] = "out"
    data[f"e_{portfolio['prerequisite'].pk}"] = "2029"
    data[f"l_{portfolio['prerequisite'].pk}"] = "2028"
    assert client.post(f"/skovby/scenarios/{scenario.pk}/initiatives/", data).status_code == 400
    data[f"l_{portfolio['prerequisite'].pk}"] = "2029"
    assert client.post(f"/skovby/scenarios/{scenario.pk}/initiatives/", data).status_code == 302
    queue_run(scenario=scenario, user=member)
    drain()
    chosen = {s["id"]: s for s in SolveRun.objects.get().result["selected"]}
    assert "I-001" not in chosen and chosen["I-003"]["start"] == 2


def test_a_bad_value_in_one_row_is_refused_in_that_row_only(client, member, scenario, portfolio):
    from portfolio.forms import EntriesForm

    initiatives = list(portfolio.values())
    data = {"version": scenario.version}
    for ini in initiatives:
        data[f"d_{ini.pk}"] = "auto"
    data[f"d_{initiatives[0].pk}"] = "sometimes"  # not a choice
    data[f"e_{initiatives[1].pk}"] = "1999"  # not one of the scenario's years
    form = EntriesForm(data, scenario=scenario, initiatives=initiatives)
    assert not form.is_valid()
    assert set(form.errors) == {f"d_{initiatives[0].pk}", f"e_{initiatives[1].pk}"}
    # The rows share one field of each kind: labels and initial values stay their own.
    labels = {form.fields[f"d_{ini.pk}"].label for ini in initiatives}
    assert len(labels) == len(initiatives)
    client.force_login(member)
    r = client.post(f"/skovby/scenarios/{scenario.pk}/initiatives/", data)
    assert r.status_code == 400 and r.content.decode().count('aria-invalid="true"') == 2


def test_compare_shows_what_changed(client, member, scenario, strategy):
    other = Scenario.objects.create(
        organisation=scenario.organisation,
        strategy=strategy,
        name="Stram",
        first_year=2027,
        periods=3,
        objective="npv",
    )
    ScenarioLimit.objects.create(
        organisation=scenario.organisation,
        scenario=other,
        kind="budget",
        budget="investment",
        amounts=[800, 0, 0],
    )
    for s in (scenario, other):
        queue_run(scenario=s, user=member)
    drain()
    client.force_login(member)
    page = client.get(f"/skovby/scenarios/compare/?s={scenario.pk}&s={other.pk}").content.decode()
    assert "Budget 2027" in page and "Stram" in page
    assert 'class="styr-changed"' in page


def test_the_problem_downloads_for_styr_optimize(client, member, scenario):
    from portfolio import optimizer

    run = queue_run(scenario=scenario, user=member)
    client.force_login(member)
    r = client.get(f"/skovby/scenarios/{scenario.pk}/runs/{run.pk}/problem.json")
    assert r.status_code == 200
    import json

    optimizer.parse_problem(json.loads(r.content))


def test_saving_one_page_of_initiatives_keeps_the_other_pages(
    client, member, scenario, portfolio, monkeypatch
):
    from portfolio import scenario_views
    from portfolio.models import ScenarioEntry

    monkeypatch.setattr(scenario_views, "ENTRIES_PER_PAGE", 1)
    client.force_login(member)
    url = f"/skovby/scenarios/{scenario.pk}/initiatives/"
    first, second = sorted(portfolio.values(), key=lambda i: i.number)[:2]
    page = client.get(url).content.decode()
    assert f'name="d_{first.pk}"' in page and f'name="d_{second.pk}"' not in page
    assert "?page=2" in page
    assert (
        client.post(url, {"version": scenario.version, f"d_{first.pk}": "out"}).status_code == 302
    )
    scenario.refresh_from_db()
    data = {"version": scenario.version, f"d_{second.pk}": "in"}
    assert client.post(f"{url}?page=2", data).status_code == 302
    kept = dict(
        ScenarioEntry.objects.filter(scenario=scenario).values_list("initiative", "decision")
    )
    assert kept == {first.pk: "out", second.pk: "in"}
