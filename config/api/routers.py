from rest_framework.routers import SimpleRouter


class OptionalSlashRouter(SimpleRouter):
    """Routes answer with and without a trailing slash: Activix clients send
    none, browsers and DRF habits add one."""

    def __init__(self):
        super().__init__()
        self.trailing_slash = "/?"
