from django.urls import path

from . import views

app_name = "cycle"

urlpatterns = [
    path("cycle/", views.wheel_page, name="wheel"),
    path("cycle/events/new/", views.event_edit, name="event_create"),
    path("cycle/events/<int:event_id>/", views.event_edit, name="event_edit"),
    path("cycle/events/<int:event_id>/remove/", views.event_remove, name="event_remove"),
    path("cycle/defaults/", views.defaults, name="defaults"),
    path("cycle/run/", views.run_now, name="run"),
]

# Outside the organisation's address space: a calendar program has no session.
feed_patterns = [path("calendar/<str:token>.ics", views.feed, name="calendar_feed")]
