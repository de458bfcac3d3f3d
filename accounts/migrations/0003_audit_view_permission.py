"""Let managers read the audit trail (django-auditlog's log entries)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSION = ("auditlog", "view_logentry")


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations ran; make them now.
    app_config = apps.get_app_config("auditlog")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = PERMISSION
    permission = Permission.objects.get(
        content_type__app_label=app_label, codename=codename
    )
    Group.objects.get(name="Manager").permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = PERMISSION
    Group.objects.get(name="Manager").permissions.remove(
        *Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
