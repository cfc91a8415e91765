"""Certificate kinds are the issuing app's data: its data migration seeds the kind it issues.

    operations = [seed_kind("training", name_bn=..., name_en=..., title_bn=..., body_bn=..., ...)]

Only a missing kind is created, so wording an administrator edited is never overwritten; reversing the
migration removes the kind if no certificate of it was issued.
"""

from django.db import migrations


def seed_kind(key: str, **fields) -> migrations.RunPython:
    def create(apps, schema_editor):
        apps.get_model("certificates", "CertificateKind").objects.get_or_create(key=key, defaults=fields)

    def remove(apps, schema_editor):
        CertificateKind = apps.get_model("certificates", "CertificateKind")
        Certificate = apps.get_model("certificates", "Certificate")
        if not Certificate.objects.filter(kind__key=key).exists():
            CertificateKind.objects.filter(key=key).delete()

    return migrations.RunPython(create, remove)
