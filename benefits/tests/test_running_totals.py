from benefits.realisation import running_totals


def test_running_totals_accumulate_and_leave_unmeasured_periods_empty():
    assert running_totals([1.0, None, 2.5, 0.0]) == [1.0, None, 3.5, 3.5]
    assert running_totals([]) == []
