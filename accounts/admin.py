from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import PersonalAccessToken, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_staff", "is_platform_admin", "is_active"]
    search_fields = ["email", "name"]
    fieldsets = [
        (None, {"fields": ["email", "password", "name", "language"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "is_platform_admin"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(PersonalAccessToken)
class TokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "organisation", "scope", "prefix", "expires", "revoked"]
    readonly_fields = ["prefix", "digest"]
