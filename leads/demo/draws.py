"""Cheap weighted draws that still show every value of an enum.

One random() and an index per draw: random.choices() with weights costs
several times more, which shows at a million leads.
"""

# The first COVERAGE leads of a run take every optional branch (a second
# contact, a trade-in, a deal...), so each list is drawn from at least that
# many times; a Chooser's first draws of a list cycle through all its values.
COVERAGE = 20


def pool(weights: dict) -> tuple:
    """The values repeated by weight, for `seq[int(random() * len(seq))]`."""
    return tuple(value for value, weight in weights.items() for _ in range(weight))


class Weighted:
    """Values with integer weights; a zero weight is only met when cycling."""

    __slots__ = ("pool", "size", "values")

    def __init__(self, weights: dict):
        if len(weights) > COVERAGE:
            raise ValueError(f"More than {COVERAGE} values cannot all be covered.")
        self.values = tuple(weights)
        self.pool = pool(weights)
        self.size = len(self.pool)


class Chooser:
    """Draws from Weighted lists, each list's first draws taking every value."""

    def __init__(self, rng):
        self.random = rng.random
        self._cycled = {}

    def __call__(self, weighted: Weighted):
        done = self._cycled.get(weighted, 0)
        if done < len(weighted.values):
            self._cycled[weighted] = done + 1
            return weighted.values[done]
        return weighted.pool[int(self.random() * weighted.size)]
