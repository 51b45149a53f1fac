from django.urls import path

from . import joint_views, review_views, views

app_name = "catalogue"

urlpatterns = [
    path("catalogue/", views.catalogue, name="list"),
    path("catalogue/ours/", views.ours, name="ours"),
    path("catalogue/benchmark/", views.benchmark_page, name="benchmark"),
    path("catalogue/import/", views.import_entry, name="import"),
    path("catalogue/joint/", joint_views.solutions, name="joint"),
    path("catalogue/joint/new/", joint_views.edit, name="joint_new"),
    path("catalogue/joint/<int:solution_id>/edit/", joint_views.edit, name="joint_edit"),
    path("catalogue/joint/<int:solution_id>/use/", joint_views.use, name="joint_use"),
    path("catalogue/<uuid:key>/", views.entry_detail, name="entry"),
    path("catalogue/<uuid:key>/adopt/", views.adopt, name="adopt"),
    path("catalogue/<uuid:key>/withdraw/", views.withdraw, name="withdraw"),
    path("catalogue/<uuid:key>/export.json", views.export, name="export"),
    path("initiatives/<int:number>/publish/", views.publish, name="publish"),
    path("initiatives/<int:number>/after-review/", review_views.after_review, name="after_review"),
    path("initiatives/<int:number>/after-review/ask/", review_views.ask, name="after_review_ask"),
    path("lessons/", review_views.lessons, name="lessons"),
]
