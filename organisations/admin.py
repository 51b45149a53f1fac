from django.contrib import admin

from .models import Membership, Municipality, Organisation


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "country"]
    list_filter = ["country"]
    search_fields = ["name", "code"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "code", "country", "currency"]
    list_filter = ["country"]
    search_fields = ["name", "slug", "code"]
    autocomplete_fields = ["municipality"]
    inlines = [MembershipInline]
