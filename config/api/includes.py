"""`include[]`: the related objects a client asks to have nested."""

import re

from rest_framework import exceptions

# `include[]=a&include[]=b`, and the indexed `include[0]=a` some clients send.
INCLUDE_PARAMETER = re.compile(r"^include(\[\d*\])?$")


def requested_includes(request, allowed: dict[str, str]) -> set[str]:
    """The `include[]` names asked for, in our spelling; unknown ones are a
    422. `allowed` maps every accepted spelling to ours."""
    asked = [
        name
        for parameter, names in request.query_params.lists()
        if INCLUDE_PARAMETER.match(parameter)
        for name in names
    ]
    unknown = sorted(name for name in asked if name not in allowed)
    if unknown:
        accepted = ", ".join(sorted(set(allowed)))
        raise exceptions.ValidationError(
            {
                "include": [
                    f"Unknown include: {', '.join(unknown)}. Accepted: {accepted}."
                ]
            }
        )
    return {allowed[name] for name in asked}
