"""Let managers make their dealership's intake channels and review the
documents they bring in; BDC agents work the leads that come of them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = [
    "view_intakechannel",
    "add_intakechannel",
    "change_intakechannel",
    "view_intakedocument",
    "change_intakedocument",
]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations ran; make them now.
    app_config = apps.get_app_config("intake")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    manager = Group.objects.get(name="Manager")
    manager.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="intake", codename__in=PERMISSIONS
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name="Manager").permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="intake", codename__in=PERMISSIONS
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0001_channels_and_documents"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
