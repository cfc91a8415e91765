"""On PostgreSQL, refuse UPDATE and DELETE on the audit trail in the database itself.

TRUNCATE (used by Django's test flush and by a DBA's deliberate maintenance) is not blocked.
SQLite, the embedded default, relies on the model and queryset guards.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION workflows_core_auditentry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER workflows_core_auditentry_append_only
    BEFORE UPDATE OR DELETE ON workflows_core_auditentry
    FOR EACH ROW EXECUTE FUNCTION workflows_core_auditentry_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS workflows_core_auditentry_append_only ON workflows_core_auditentry;
DROP FUNCTION IF EXISTS workflows_core_auditentry_append_only();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)  # no placeholders: the SQL has a literal %


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("workflows_core", "0002_posts_delegations_audit_routing")]
    operations = [migrations.RunPython(forwards, backwards)]
