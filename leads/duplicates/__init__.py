"""One customer, one lead: the leads that may be the same customer, why,
and merging them (a nested app)."""
