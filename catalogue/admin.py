from django.contrib import admin

from .models import JointSolution


@admin.register(JointSolution)
class JointSolutionAdmin(admin.ModelAdmin):
    """Platform staff may also keep the joint solutions here."""

    list_display = ["name", "owner", "source", "deadline"]
    search_fields = ["name", "owner"]
