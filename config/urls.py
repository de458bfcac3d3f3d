from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from config.api.views import route_not_found
from config.health import health

api_v2 = [
    path("", include("leads.api.urls")),
    path("", include("leads.duplicates.urls")),
    path("", include("accounts.urls")),
    re_path(r"^schema/?$", SpectacularAPIView.as_view(), name="schema"),
    re_path(
        r"^docs/?$", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"
    ),
    re_path(r"", route_not_found),
]

admin.site.site_header = _("Lead desk")
admin.site.site_title = _("Lead desk")
admin.site.index_title = _("The BDC desk")
# The lead list needs the width: with the app list beside it, its last
# columns (BDC agent, advisor, created) scrolled out of a 1920-pixel screen.
# The header's breadcrumbs and the index page lead everywhere else.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    re_path(r"^health/?$", health, name="health"),
    path("admin/", admin.site.urls),
    path("api/v2/", include(api_v2)),
    path("intake/", include("leads.intake.urls")),
]
