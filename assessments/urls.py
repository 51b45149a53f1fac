from django.urls import path

from . import answer_views, views

app_name = "assessments"

urlpatterns = [
    path("assessments/", views.index, name="index"),
    path("assessments/frameworks/", views.frameworks, name="frameworks"),
    path("assessments/groups/", views.groups, name="groups"),
    path("assessments/frameworks/new/", views.framework_new, name="framework_new"),
    path("assessments/frameworks/<int:framework_id>/", views.framework, name="framework"),
    path(
        "assessments/frameworks/<int:framework_id>/edit/",
        views.framework_edit,
        name="framework_edit",
    ),
    path(
        "assessments/frameworks/<int:framework_id>/copy/",
        views.framework_copy,
        name="framework_copy",
    ),
    path(
        "assessments/frameworks/<int:framework_id>/dimensions/new/",
        views.dimension_edit,
        name="dimension_new",
    ),
    path(
        "assessments/frameworks/<int:framework_id>/dimensions/<int:dimension_id>/",
        views.dimension_edit,
        name="dimension_edit",
    ),
    path(
        "assessments/frameworks/<int:framework_id>/dimensions/<int:dimension_id>/delete/",
        views.dimension_delete,
        name="dimension_delete",
    ),
    path("assessments/rounds/new/", views.round_edit, name="round_new"),
    path("assessments/rounds/<int:round_id>/", views.round_detail, name="round"),
    path("assessments/rounds/<int:round_id>/edit/", views.round_edit, name="round_edit"),
    path(
        "assessments/rounds/<int:round_id>/respondents/",
        views.respondents,
        name="respondents",
    ),
    path("assessments/rounds/<int:round_id>/open-links/", views.open_links, name="open_links"),
    path("assessments/rounds/<int:round_id>/results/", views.results_page, name="results"),
    path("assessments/rounds/<int:round_id>/texts/", views.texts, name="texts"),
    *[
        path(
            f"assessments/rounds/<int:round_id>/report.{fmt}",
            views.report,
            {"fmt": fmt},
            name=f"report_{fmt}",
        )
        for fmt in ("docx", "pdf")
    ],
    path(
        "assessments/rounds/<int:round_id>/dimensions/<int:dimension_id>/initiative/",
        views.finding_new,
        name="finding_new",
    ),
    path(
        "assessments/rounds/<int:round_id>/answer/",
        answer_views.member_answer,
        name="answer",
    ),
]
