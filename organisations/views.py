from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .access import org_required, require
from .forms import MemberAddForm, MemberRoleForm, OrganisationCreateForm, OrganisationSettingsForm
from .models import Department, Membership
from .permissions import PERM_DESCRIPTIONS, ROLE_PERMISSIONS, Perm, Role


@login_required
def create(request: HttpRequest) -> HttpResponse:
    """Staff create organisations; anyone else signed in gets the 403 page, not the admin's
    login."""
    if not request.user.is_staff:
        raise PermissionDenied
    form = OrganisationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            org = form.save()
            Membership.objects.create(user=request.user, organisation=org, role=Role.ADMIN)
        messages.success(request, _("The organisation %(name)s was created.") % {"name": org.name})
        return redirect("initiatives:portfolio", org.slug)
    return render(request, "organisations/create.html", {"form": form})


@org_required(Perm.VIEW)
def members(request: HttpRequest) -> HttpResponse:
    org = request.organisation
    can_manage = request.membership.can(Perm.MANAGE_MEMBERS)
    form = MemberAddForm(organisation=org)
    if request.method == "POST":
        require(request, Perm.MANAGE_MEMBERS)
        form = MemberAddForm(request.POST, organisation=org)
        if form.is_valid():
            with transaction.atomic():
                membership = form.save()
            messages.success(request, _("%(user)s was added.") % {"user": membership.user})
            return redirect("organisations:members", org.slug)
    rows = (
        Membership.objects.filter(organisation=org)
        .select_related("user")
        .order_by("user__name", "user__email")
    )
    return render(
        request,
        "organisations/members.html",
        {
            "rows": rows,
            "form": form,
            "can_manage": can_manage,
            "roles": Role.choices,
            "departments": list(Department.objects.for_org(org)),
        },
    )


@org_required(Perm.MANAGE_MEMBERS)
@require_POST
def member_role(request: HttpRequest, membership_id: int) -> HttpResponse:
    org = request.organisation
    membership = get_object_or_404(Membership, organisation=org, pk=membership_id)
    # Checked before the form copies the new role onto the instance.
    leaves_no_admin = _would_leave_no_admin(membership, request.POST.get("role"))
    data = request.POST.copy()
    if "department" not in data:  # a form without the choice keeps the department
        data["department"] = membership.department_id or ""
    form = MemberRoleForm(data, instance=membership)
    if not form.is_valid():
        messages.error(request, _("Choose one of the roles."))
    elif leaves_no_admin:
        messages.error(request, _("The organisation must keep at least one administrator."))
    else:
        form.save()
        messages.success(
            request, _("The role of %(user)s was changed.") % {"user": membership.user}
        )
    return redirect("organisations:members", org.slug)


@org_required(Perm.MANAGE_MEMBERS)
@require_POST
def member_remove(request: HttpRequest, membership_id: int) -> HttpResponse:
    org = request.organisation
    membership = get_object_or_404(Membership, organisation=org, pk=membership_id)
    if _would_leave_no_admin(membership, None):
        messages.error(request, _("The organisation must keep at least one administrator."))
    else:
        membership.delete()
        messages.success(request, _("%(user)s was removed.") % {"user": membership.user})
    return redirect("organisations:members", org.slug)


def _would_leave_no_admin(membership: Membership, new_role: str | None) -> bool:
    if membership.role != Role.ADMIN or new_role == Role.ADMIN:
        return False
    others = Membership.objects.filter(organisation=membership.organisation, role=Role.ADMIN)
    return not others.exclude(pk=membership.pk).exists()


@org_required(Perm.MANAGE_ORGANISATION)
def settings_view(request: HttpRequest) -> HttpResponse:
    org = request.organisation
    form = OrganisationSettingsForm(request.POST or None, instance=org)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The settings were saved."))
        return redirect("organisations:settings", org.slug)
    return render(
        request, "organisations/settings.html", {"form": form}, status=400 if form.errors else 200
    )


def permissions_view(request: HttpRequest) -> HttpResponse:
    """The permission table, as the code enforces it."""

    rows = [
        (perm, PERM_DESCRIPTIONS[perm], [perm in ROLE_PERMISSIONS[r] for r in Role])
        for perm in Perm
    ]
    return render(request, "organisations/permissions.html", {"rows": rows, "roles": Role})
