"""An index for managers' audit trail: their dealership's entries, newest
first: the expression is what `additional_data__account_id=...` compiles
to."""

from django.db import migrations

INDEX = "auditlog_logentry_account_idx"


def create_index(apps, schema_editor):
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON auditlog_logentry "
        "((additional_data -> 'account_id'), timestamp DESC, id DESC)"
    )


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_audit_view_permission"),
        ("auditlog", "0017_add_actor_email"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
