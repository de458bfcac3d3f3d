"""The shapes of optional fields a lead and its vehicles have many of:
empty text is "" (Django's convention), an unknown moment is NULL."""

from django.db import models


def optional_text(verbose_name, max_length: int) -> models.CharField:
    return models.CharField(verbose_name, max_length=max_length, blank=True)


def optional_moment(verbose_name) -> models.DateTimeField:
    return models.DateTimeField(verbose_name, null=True, blank=True)
