from django.urls import re_path

from accounts import views
from config.api.routers import OptionalSlashRouter

router = OptionalSlashRouter()
router.register("users", views.UserViewSet, basename="user")

urlpatterns = [
    re_path(r"^account/?$", views.AccountView.as_view(), name="account"),
    *router.urls,
]
