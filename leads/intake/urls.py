from django.urls import path

from . import views

urlpatterns = [
    path("adf/<str:secret>", views.adf_document, name="intake-adf"),
]
