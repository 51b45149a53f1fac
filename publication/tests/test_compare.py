"""What changed between two snapshots: parts matched by id (publication.compare, no Django)."""

import copy

from publication.compare import differences

BASE = {
    "strategy": {"title": "Strategi", "vision": "Gammel vision", "period_start": 2026},
    "business_goals": [{"id": 1, "title": "Flere hænder", "source": "", "description": ""}],
    "themes": [
        {
            "id": 1,
            "title": "Borgeren",
            "description": "",
            "focus_areas": [
                {
                    "id": 5,
                    "title": "Selvbetjening",
                    "description": "",
                    "goals": [
                        {
                            "id": 9,
                            "indicator": "Digitale ansøgninger",
                            "unit": "%",
                            "baseline": 70,
                            "target": 90,
                            "target_date": "2028-12-31",
                        }
                    ],
                }
            ],
        }
    ],
    "action_plan": {
        "rows": [
            {"number": 1, "reference": "I-001", "title": "Portal", "start": 2027, "variant": "base"}
        ]
    },
}


def test_two_equal_snapshots_have_no_differences():
    assert differences(BASE, copy.deepcopy(BASE)) == []


def test_a_changed_text_a_renamed_focus_area_and_a_new_target_are_changes():
    new = copy.deepcopy(BASE)
    new["strategy"]["vision"] = "Ny vision"
    new["themes"][0]["focus_areas"][0]["title"] = "Digital selvbetjening"
    new["themes"][0]["focus_areas"][0]["goals"][0]["target"] = 95
    found = {(d.part, d.change, d.field, d.before, d.after) for d in differences(BASE, new)}
    assert found == {
        ("strategy", "changed", "vision", "Gammel vision", "Ny vision"),
        ("focus_area", "changed", "title", "Selvbetjening", "Digital selvbetjening"),
        ("goal", "changed", "target", 90, 95),
    }


def test_added_and_removed_parts_and_initiatives_are_named():
    new = copy.deepcopy(BASE)
    new["business_goals"] = [{"id": 2, "title": "Grøn omstilling", "source": "", "description": ""}]
    new["action_plan"]["rows"] = [
        {"number": 2, "reference": "I-002", "title": "Robot", "start": 2028, "variant": "base"}
    ]
    found = {(d.part, d.name, d.change) for d in differences(BASE, new)}
    assert found == {
        ("business_goal", "Grøn omstilling", "added"),
        ("business_goal", "Flere hænder", "removed"),
        ("initiative", "I-002 Robot", "added"),
        ("initiative", "I-001 Portal", "removed"),
    }


def test_comparing_does_not_change_the_snapshots():
    old, new = copy.deepcopy(BASE), copy.deepcopy(BASE)
    differences(old, new)
    assert old == BASE and new == BASE
