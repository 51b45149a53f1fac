from django.urls import path

from . import scenario_views, views

app_name = "portfolio"

urlpatterns = [
    path("prioritisation/", views.priorities, name="priorities"),
    path("prioritisation/defaults/", views.criteria_defaults, name="criteria_defaults"),
    path("prioritisation/criteria/new/", views.criterion_edit, name="criterion_create"),
    path(
        "prioritisation/criteria/<int:criterion_id>/", views.criterion_edit, name="criterion_edit"
    ),
    path(
        "prioritisation/criteria/<int:criterion_id>/delete/",
        views.criterion_delete,
        name="criterion_delete",
    ),
    path("prioritisation/weights/", views.weights, name="weights"),
    path("prioritisation/pairwise/", views.pairwise, name="pairwise"),
    path("prioritisation/pools/new/", views.pool_create, name="pool_create"),
    path("initiatives/<int:number>/score/", views.score, name="score"),
    path("scenarios/", scenario_views.scenario_list, name="scenarios"),
    path("scenarios/new/", scenario_views.scenario_edit, name="scenario_create"),
    path("scenarios/compare/", scenario_views.compare, name="compare"),
    path("scenarios/<int:scenario_id>/", scenario_views.scenario_detail, name="scenario"),
    path("scenarios/<int:scenario_id>/edit/", scenario_views.scenario_edit, name="scenario_edit"),
    path("scenarios/<int:scenario_id>/limits/", scenario_views.limits_edit, name="limits"),
    path("scenarios/<int:scenario_id>/initiatives/", scenario_views.entries_edit, name="entries"),
    path("scenarios/<int:scenario_id>/solve/", scenario_views.solve, name="solve"),
    path("scenarios/<int:scenario_id>/frontier/", scenario_views.frontier, name="frontier"),
    path("scenarios/<int:scenario_id>/commit/", scenario_views.commit, name="commit"),
    path("scenarios/<int:scenario_id>/runs/<int:run_id>/stop/", scenario_views.stop, name="stop"),
    path(
        "scenarios/<int:scenario_id>/runs/<int:run_id>/problem.json",
        scenario_views.problem_json,
        name="problem",
    ),
    path(
        "strategies/<int:strategy_id>/action-plan/", scenario_views.action_plan, name="action_plan"
    ),
]
