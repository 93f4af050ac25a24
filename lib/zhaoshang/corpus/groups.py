"""Disjoint sets (union-find) over 0..n-1: what turns pairs of copies, or of one claim, into groups."""
from __future__ import annotations


class DisjointSets:
    """Groups of the integers 0..n-1, joined pair by pair. The root of a group is its smallest
    member, so groups (and whatever is named after their root) do not depend on the order in
    which pairs are joined."""

    def __init__(self, n: int) -> None:
        self._parent = list(range(n))

    def find(self, i: int) -> int:
        """The root of ``i``'s group (with path halving: near-constant time)."""
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        """Join the groups of ``i`` and ``j``."""
        a, b = self.find(i), self.find(j)
        if a != b:
            self._parent[max(a, b)] = min(a, b)
