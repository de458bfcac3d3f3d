"""Let managers issue, see and revoke their staff's API tokens."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = ["view_tokenproxy", "add_tokenproxy", "delete_tokenproxy"]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations ran; make them now.
    app_config = apps.get_app_config("authtoken")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    manager = Group.objects.get(name="Manager")
    for codename in PERMISSIONS:
        manager.permissions.add(
            Permission.objects.get(
                content_type__app_label="authtoken", codename=codename
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.get(name="Manager").permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="authtoken", codename__in=PERMISSIONS
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_audit_account_index"),
        ("authtoken", "0004_alter_tokenproxy_options"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
