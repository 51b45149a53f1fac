"""Dependency graph checks, in plain Python (no Django), used by forms, API and tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def find_cycle(
    edges: Mapping[int, Iterable[int]], node: int, new_dependencies: Iterable[int]
) -> list[int] | None:
    """Return a dependency cycle that `node -> new_dependencies` would close, or None.

    `edges` maps each initiative to the initiatives it depends on, as stored today. The
    returned path starts and ends with `node`, e.g. [A, B, C, A] when A would depend on B,
    B depends on C and C depends on A.
    """
    graph = {k: list(v) for k, v in edges.items()}
    graph[node] = list(new_dependencies)
    # Iterative depth-first search from node, remembering the path to report it.
    stack: list[tuple[int, list[int]]] = [(dep, [node, dep]) for dep in graph[node]]
    seen: set[int] = set()
    while stack:
        current, path = stack.pop()
        if current == node:
            return path
        if current in seen:
            continue
        seen.add(current)
        for nxt in graph.get(current, ()):
            stack.append((nxt, [*path, nxt]))
    return None
