"""Create the BDC agent and Manager groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Frozen here: a migration must not change when the roles module does.
_CONTACT_MODELS = ["lead", "leademail", "leadphone", "leadvehicle"]
_BDC_AGENT = [
    *(
        ("leads", f"{action}_{model}")
        for model in _CONTACT_MODELS
        for action in ("view", "add", "change")
    ),
    ("leads", "export_lead"),
    ("accounts", "view_account"),
    ("accounts", "view_user"),
]
_MANAGER = [
    *_BDC_AGENT,
    *(("leads", f"delete_{model}") for model in _CONTACT_MODELS),
    ("accounts", "change_account"),
    ("accounts", "add_user"),
    ("accounts", "change_user"),
]
ROLES = {"BDC agent": _BDC_AGENT, "Manager": _MANAGER}


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations ran; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, pairs in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in pairs:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def delete_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("leads", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
