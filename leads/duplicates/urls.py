from django.urls import re_path

from . import api

urlpatterns = [
    re_path(
        r"^leads/(?P<pk>\d+)/duplicates/?$",
        api.LeadDuplicatesView.as_view(),
        name="lead-duplicates",
    ),
]
