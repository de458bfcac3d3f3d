"""The product's routes, plus the floor: a plain Django view serving the
page that GET /api/v2/leads serves, built by bench/api_floor.py."""

from api_floor import page_body
from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as product_urlpatterns


def floor_leads(request):
    """`?account=ID&per_page=N`: that dealership's newest leads, unauthenticated."""
    body = page_body(
        int(request.GET["account"]),
        int(request.GET.get("page", 1)),
        int(request.GET.get("per_page", 25)),
        # Links name the product's route, so both bodies are the same.
        request.build_absolute_uri("/api/v2/leads"),
    )
    return HttpResponse(body, content_type="application/json")


urlpatterns = [path("floor/leads", floor_leads), *product_urlpatterns]
