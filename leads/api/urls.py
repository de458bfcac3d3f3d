from config.api.routers import OptionalSlashRouter

from . import views

router = OptionalSlashRouter()
router.register("leads", views.LeadViewSet, basename="lead")
router.register("lead-emails", views.LeadEmailViewSet, basename="lead-email")
router.register("lead-phones", views.LeadPhoneViewSet, basename="lead-phone")
router.register("lead-vehicles", views.LeadVehicleViewSet, basename="lead-vehicle")

urlpatterns = router.urls
