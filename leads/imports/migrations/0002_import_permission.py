"""Let managers import leads from CSV and read their dealership's imports."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here, as in accounts/0002_roles: the role's name when this ran.
_MANAGER = "Manager"
PERMISSIONS = ["import_lead", "view_leadimport"]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations ran; make them now.
    app_config = apps.get_app_config("imports")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="imports", codename__in=PERMISSIONS
    )
    for group in Group.objects.filter(name=_MANAGER):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=_MANAGER):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="imports", codename__in=PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0001_lead_imports"),
        ("accounts", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
