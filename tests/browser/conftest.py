"""Real headless Chromium (the system's, never a downloaded one) against
pytest-django's live server.

Playwright's sync API keeps an asyncio loop marked as running in this
thread. Django then takes the thread for async code: it refuses ORM calls
unless DJANGO_ALLOW_ASYNC_UNSAFE is set, and hands out fresh connections
rather than the test's own. So Playwright runs only inside `page`: tests
request their data fixtures before it, and the database is set up and
flushed (restoring the roles, which migrations made) outside its lifetime.
"""

from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def page(live_server, settings, monkeypatch):
    # A missing browser is a failure, not a skip: scripts/test installs it.
    assert CHROMIUM.exists(), f"no {CHROMIUM}: run ./scripts/test as root to install it"

    # The loop only waits on the browser while a test runs, so the test's
    # own ORM calls are safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    # The live server speaks plain HTTP.
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(accept_downloads=True, locale="en-CA")
        page = context.new_page()
        page.set_default_timeout(10_000)
        yield page
        # Close the connections ORM calls opened while the loop ran; an open
        # one would keep the test database from being dropped.
        connections.close_all()
        browser.close()


@pytest.fixture
def log_in(page, live_server):
    """Log `user` in through the admin's login form."""

    def log_in(user, password="pass"):
        page.goto(f"{live_server.url}/admin/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        page.click("input[type=submit]")
        page.wait_for_selector("#user-tools")

    return log_in
