from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import status


@csrf_exempt  # like every API view: a browser cookie must not turn it into HTML
def route_not_found(request, *args, **kwargs):
    """Unknown routes under /api/v2/ answer in the dialect, not in HTML."""
    return JsonResponse({"message": "Not found."}, status=status.HTTP_404_NOT_FOUND)
