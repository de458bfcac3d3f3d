from rest_framework import exceptions
from rest_framework.permissions import DjangoModelPermissions


class RolePermissions(DjangoModelPermissions):
    """The user's role must allow the action; reading needs `view_*` too."""

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "PATCH": ["%(app_label)s.change_%(model_name)s"],
    }

    def has_permission(self, request, view):
        # A method the route lacks (DELETE anywhere, POST /users) is a 405
        # for everyone, not a 403 for roles that lack the permission.
        method = request.method.lower()
        if method not in view.http_method_names or not hasattr(view, method):
            raise exceptions.MethodNotAllowed(request.method)
        return super().has_permission(request, view)
