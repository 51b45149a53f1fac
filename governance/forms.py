from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from core.versioning import StaleObjectError, refused_as_stale, required_version_field
from initiatives.models import Initiative
from initiatives.tracks import Ambition
from strategy.models import StrategyStatus

from .gates import GATE_STAGES
from .models import (
    Body,
    BodyMember,
    Decision,
    DecisionKind,
    GateCheck,
    Mandate,
    Outcome,
)
from .services import GateError, MandateError, check_mandate, holders

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def refuse_outside_mandate(form, body, kind: str, track: str = "", amount=None) -> None:
    """Put the refusal, naming the bodies that hold the mandate, on the form's body field."""
    try:
        check_mandate(body, kind, track, amount)
    except MandateError as exc:
        form.add_error("body", str(exc))


def decided(form, action) -> bool:
    """Run a decision service; a refusal (mandate, gate, stale stage) becomes form errors."""
    try:
        action()
    except StaleObjectError:  # e.g. a scenario committed meanwhile
        refused_as_stale(form)
        return False
    except (GateError, MandateError) as exc:
        for message in getattr(exc, "messages", [str(exc)]):
            form.add_error(None, message)
        return False
    return True


def checklist_field() -> forms.Field:
    return forms.TypedMultipleChoiceField(
        label=_("Checklist"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick what is done. Open points become conditions."),
    )


class DecidedByMixin(forms.Form):
    """Adds "decided by" to a form that approves something (a business case, a scenario, a
    strategy) when the organisation has set up its bodies: the body must hold the mandate,
    and the page names the body that does when it does not."""

    def add_decided_by(self, organisation, kind: str, track: str = "", amount=None) -> None:
        self.decision_kind, self.decision_track = kind, track
        self.decision_amount = amount
        self.organisation = organisation
        bodies = Body.objects.for_org(organisation)
        if not bodies.exists():
            return  # no governance set up yet: the permission alone decides
        allowed = holders(organisation, kind, track, amount)
        self.fields["body"] = forms.ModelChoiceField(
            label=_("Decided by"),
            queryset=bodies,
            initial=allowed[0].pk if allowed else None,
            help_text=_("The body that took the decision. It must hold the mandate."),
        )
        self.order_fields(["body", *self.fields])

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        if body is not None:
            refuse_outside_mandate(
                self, body, self.decision_kind, self.decision_track, self.decision_amount
            )
        return cleaned


class BodyForm(forms.ModelForm):
    class Meta:
        model = Body
        fields = ["name", "kind", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class MemberForm(forms.ModelForm):
    class Meta:
        model = BodyMember
        fields = ["user", "role"]

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(memberships__organisation_id=body.organisation_id)
            .order_by("name", "email")
        )
        self.fields["user"].label = _("Person")

    def clean_user(self):
        user = self.cleaned_data["user"]
        if BodyMember.objects.filter(body=self.body, user=user).exists():
            raise forms.ValidationError(_("This person already sits in the body."))
        return user


class MandateForm(forms.ModelForm):
    class Meta:
        model = Mandate
        fields = ["kind", "track", "max_amount"]


class DecisionForm(forms.ModelForm):
    """A decision; refused with the name of the body that holds the mandate when this one
    does not."""

    class Meta:
        model = Decision
        fields = [
            "body",
            "kind",
            "initiative",
            "title",
            "outcome",
            "amount",
            "decided_on",
            "rationale",
            "conditions",
        ]
        widgets = {
            "decided_on": DATE,
            "rationale": forms.Textarea(attrs={"rows": 3}),
            "conditions": forms.Textarea(attrs={"rows": 2}),
            "outcome": forms.RadioSelect,
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["body"].queryset = Body.objects.for_org(organisation)
        self.fields["initiative"].queryset = Initiative.objects.for_org(organisation).only(
            "id", "number", "title"
        )
        self.fields["outcome"].choices = list(Outcome.choices)
        # Gates and stops move the initiative, so they have their own pages.
        self.fields["kind"].choices = [
            (k.value, k.label)
            for k in DecisionKind
            if k not in (DecisionKind.PASS_GATE, DecisionKind.STOP_INITIATIVE)
        ]

    def clean(self):
        cleaned = super().clean()
        body, kind = cleaned.get("body"), cleaned.get("kind")
        if body and kind:
            initiative = cleaned.get("initiative")
            track = initiative.track if initiative else ""
            refuse_outside_mandate(self, body, kind, track, cleaned.get("amount"))
        if cleaned.get("kind") not in (
            "approve_strategy",
            "commit_scenario",
            "follow_up",
        ) and not cleaned.get("initiative"):
            self.add_error("initiative", _("This decision is about an initiative: choose it."))
        return cleaned


class _InitiativeDecisionForm(forms.ModelForm):
    """The common part of a gate and a stop decision about one initiative."""

    def __init__(self, *args, initiative: Initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiative = initiative
        self.fields["body"].queryset = Body.objects.for_org(initiative.organisation)
        self.fields["body"].empty_label = None

    def _check_body(self, kind: str) -> None:
        body = self.cleaned_data.get("body")
        if body:
            refuse_outside_mandate(self, body, kind, self.initiative.track)


class GateForm(_InitiativeDecisionForm):
    done = checklist_field()

    class Meta:
        model = Decision
        fields = ["body", "outcome", "decided_on", "rationale", "conditions"]
        widgets = {
            "decided_on": DATE,
            "rationale": forms.Textarea(attrs={"rows": 3}),
            "conditions": forms.Textarea(attrs={"rows": 2}),
            "outcome": forms.RadioSelect,
        }

    def __init__(self, *args, points, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["done"].choices = [(p.pk, p.text) for p in points]
        self.order_fields(["body", "done"])  # tick the list, then decide
        self.fields["outcome"].choices = [
            (o.value, o.label)
            for o in (Outcome.APPROVE, Outcome.CHANGE, Outcome.POSTPONE, Outcome.REJECT)
        ]

    def clean(self):
        cleaned = super().clean()
        self._check_body(DecisionKind.PASS_GATE)
        return cleaned


class StopForm(_InitiativeDecisionForm):
    class Meta:
        model = Decision
        fields = ["body", "decided_on", "rationale", "lessons"]
        widgets = {
            "decided_on": DATE,
            "rationale": forms.Textarea(attrs={"rows": 3}),
            "lessons": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lessons"].required = True

    def clean(self):
        cleaned = super().clean()
        self._check_body(DecisionKind.STOP_INITIATIVE)
        return cleaned


class AmbitionForm(_InitiativeDecisionForm):
    ambition = forms.ChoiceField(
        label=_("Ambition level"),
        widget=forms.RadioSelect,
        help_text=_(
            "High: take part in clarification, join the pilot, implement among the first. "
            "Medium: explore with partners, try in selected areas, implement gradually. "
            "Low: follow, no pilots, wait for other municipalities (seed 003)."
        ),
    )

    class Meta:
        model = Decision
        fields = ["body", "decided_on", "rationale"]
        widgets = {"decided_on": DATE, "rationale": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ambition"].choices = list(Ambition.choices)
        self.order_fields(["ambition", "body"])

    def clean(self):
        cleaned = super().clean()
        self._check_body(DecisionKind.SET_AMBITION)
        return cleaned


class GateCheckForm(forms.ModelForm):
    class Meta:
        model = GateCheck
        fields = ["to_stage", "track", "text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_stage"].choices = [(s.value, s.label) for s in GATE_STAGES]


class StrategyStatusForm(DecidedByMixin, forms.Form):
    """The strategy's status; approving it is a decision of the body with the mandate
    (normally the council) once the organisation has set up its bodies."""

    status = forms.ChoiceField(label=_("Status"), choices=StrategyStatus.choices)
    version = required_version_field()

    def __init__(self, *args, organisation, current: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.current = current
        self.add_decided_by(organisation, "approve_strategy")
        self.order_fields(["status", "body"])  # what is decided, then who decided it
        if "body" in self.fields:
            self.fields["body"].required = False
            self.fields["body"].help_text = _("When the strategy is approved: the body that did.")

    def clean(self):
        cleaned = forms.Form.clean(self)
        if "body" not in self.fields:
            return cleaned
        if cleaned.get("status") != "approved":
            cleaned["body"] = None
        elif self.current != "approved":
            # With bodies set up, approval freezes a version in two steps (publication).
            self.add_error(
                "status",
                _(
                    "The strategy is approved in two steps: the executive board recommends "
                    "it and the council approves it. Use the page “Versions, approval and "
                    "documents”."
                ),
            )
        elif not cleaned.get("body"):
            self.add_error("body", _("Choose the body that approved the strategy."))
        else:
            super().clean()  # the mandate check
        return cleaned
