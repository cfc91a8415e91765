"""`check --deploy`: production must sign certificates with a key from the environment."""

from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def signing_key_from_environment(app_configs, **kwargs):
    from .signing import keys_from_environment

    if keys_from_environment():
        return []
    return [
        checks.Warning(
            "No certificate signing key in the environment (CERTIFICATE_SIGNING_KEYS).",
            hint="Generate one with `python -m workflows.certificates.keygen` and set CERTIFICATE_SIGNING_KEYS; "
            "without it certificates cannot be issued in production.",
            id="certificates.W001",
        )
    ]
