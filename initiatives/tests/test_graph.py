from hypothesis import given
from hypothesis import strategies as st

from initiatives.graph import find_cycle


def test_it_finds_a_three_step_cycle():
    assert find_cycle({2: [3], 3: [1]}, 1, [2]) == [1, 2, 3, 1]


def test_it_accepts_a_chain():
    assert find_cycle({2: [3], 3: []}, 1, [2]) is None


def test_self_dependency_is_a_cycle():
    assert find_cycle({}, 1, [1]) == [1, 1]


@given(
    st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8)), max_size=30),
    st.integers(0, 8),
    st.lists(st.integers(0, 8), max_size=4),
)
def test_edges_from_lower_to_higher_never_make_a_cycle(edges, node, deps):
    """A graph where every edge goes to a higher number is acyclic; so is adding such edges."""
    dag: dict[int, list[int]] = {}
    for a, b in edges:
        if a < b:
            dag.setdefault(a, []).append(b)
    forward = [d for d in deps if d > node]
    assert find_cycle(dag, node, forward) is None


@given(st.integers(2, 30))
def test_a_ring_is_always_found(n):
    edges = {i: [i + 1] for i in range(1, n)}
    path = find_cycle(edges, n, [1])
    assert path is not None and path[0] == path[-1] == n and len(path) == n + 1
