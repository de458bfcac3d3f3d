"""manage.py intake_smtp: serve the intake's SMTP listener until stopped."""

import signal
import threading

from aiosmtpd.controller import Controller
from django.conf import settings
from django.core.management.base import BaseCommand

from leads.intake.smtp import IntakeHandler


class Command(BaseCommand):
    help = "Receive ADF leads by email (SMTP) for the intake channels."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=2525)

    def handle(self, *args, host, port, **options):
        controller = Controller(
            IntakeHandler(),
            hostname=host,
            port=port,
            data_size_limit=settings.INTAKE_MAX_BYTES,
            enable_SMTPUTF8=True,
            server_hostname=settings.INTAKE_EMAIL_DOMAIN,
        )
        stopped = threading.Event()
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signal_number, lambda *_: stopped.set())
        controller.start()
        self.stdout.write(f"intake_smtp: listening on {host}:{port}", ending="\n")
        self.stdout.flush()
        stopped.wait()
        controller.stop()
