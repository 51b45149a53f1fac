"""The select boxes written in one pass say exactly what Django's templates say."""

import gc

import pytest
from django import forms
from django.forms.utils import flatatt
from django.test.utils import override_settings
from django.utils.safestring import mark_safe
from pytest_django.asserts import assertHTMLEqual

from core.widgets import FastSelect, FastSelectMultiple, flat_attributes

CHOICES = [("", "---------"), ("a", "Alfa & <b>beta</b>"), (1, "Én"), ("c", "C")]
GROUPED = [("", "Ingen"), ("Gruppe <1>", [("x", "X"), ("y", "Y")]), ("z", "Z")]
ATTRS = {"id": "id_f", "class": "form-select", "required": True, "aria-invalid": "true"}


@pytest.mark.parametrize("choices", [CHOICES, GROUPED])
@pytest.mark.parametrize("value", [None, "", "a", 1, "y", "unknown"])
def test_a_select_is_written_as_djangos_template_writes_it(choices, value):
    with override_settings(FORM_RENDERER="django.forms.renderers.DjangoTemplates"):
        theirs = forms.Select(choices=choices).render("f", value, ATTRS)
    ours = FastSelect(choices=choices).render("f", value, ATTRS)
    assertHTMLEqual(ours, theirs)


def test_a_multiple_select_marks_every_chosen_value():
    theirs = forms.SelectMultiple(choices=CHOICES).render("f", ["a", "1"], {"id": "id_f"})
    ours = FastSelectMultiple(choices=CHOICES).render("f", ["a", "1"], {"id": "id_f"})
    assertHTMLEqual(ours, theirs)
    assert ours.count("selected") == 2


def test_every_choice_field_uses_them():
    assert isinstance(forms.ChoiceField().widget, FastSelect)
    assert isinstance(forms.TypedChoiceField().widget, FastSelect)
    assert isinstance(forms.MultipleChoiceField().widget, FastSelectMultiple)


class _Form(forms.Form):
    many = forms.MultipleChoiceField(
        choices=CHOICES[1:], widget=forms.CheckboxSelectMultiple, required=False
    )
    one = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect, required=False)


@pytest.mark.parametrize(
    "data", [None, {"many": ["a", "1"], "one": "1"}, {"many": ["c"], "one": "unknown"}]
)
def test_checkboxes_and_radio_buttons_are_written_as_djangos_options_give_them(data):
    from core.templatetags.styr import _grouped_options, _options

    form = _Form(data=data) if data else _Form(initial={"many": ["c"], "one": "a"})
    for name, kind, tag in (("many", "checkboxes", "checkbox"), ("one", "radios", "radio")):
        ours = _options(form[name], kind)
        theirs = _grouped_options(form[name], tag)  # Django's own option iteration
        assert ours["count"] == theirs["count"]
        assertHTMLEqual(str(ours["html"]), str(theirs["html"]))
        assert "Alfa &amp; &lt;b&gt;beta&lt;/b&gt;" in str(ours["html"])


def test_a_model_fields_checkboxes_cost_one_query(org, django_assert_num_queries):
    from core.templatetags.styr import _options
    from initiatives.models import Tag

    for name in ("AI", "KOMBIT", "Borgerservice"):
        Tag.objects.create(organisation=org, name=name)

    class TagForm(forms.Form):
        tags = forms.ModelMultipleChoiceField(
            Tag.objects.filter(organisation=org), widget=forms.CheckboxSelectMultiple
        )

    with django_assert_num_queries(1):  # the choices once; no count first
        assert _options(TagForm()["tags"], "checkboxes")["count"] == 3


@pytest.mark.parametrize(
    "attrs",
    [
        {},
        {"id": "id_x", "required": True, "disabled": False, "class": "form-select"},
        {"title": 'a "quoted" <b>&</b>', "data-x": 3, "aria-describedby": None, "multiple": True},
        {"z": "1", "a": "2", "hidden": True, "autofocus": True, "label": mark_safe("<i>")},
    ],
)
def test_attributes_are_written_as_djangos_flatatt_writes_them(attrs):
    assert flat_attributes(attrs) == flatatt(attrs)


def test_a_select_leaves_nothing_for_the_garbage_collector():
    # A page of 300 selects left 4,000 objects in reference cycles (a closure calling
    # itself), freed only by collections that then fell inside later requests.
    widget = FastSelect(choices=GROUPED)
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        widget.render("f", "y", ATTRS)
        gc.collect()
        cyclic = list(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert cyclic == []
