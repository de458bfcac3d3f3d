"""Settings of the gunicorn that bench/api_http.py starts: the product's,
plus the floor view's route and the benchmark's scratch token schema."""

from api_auth import search_path_option

from config.settings import *  # noqa: F403  (the product's settings, unchanged)
from config.settings import DATABASES

SCRATCH_SCHEMA = "bench_api_http"
DATABASES["default"]["OPTIONS"]["options"] = search_path_option(SCRATCH_SCHEMA)
ROOT_URLCONF = "http_urls"
