"""System checks: case attachments are not stored where the web server publishes files, and every flow
that routes work to posts follows the process contract (workflows/core/contract.py)."""

from pathlib import Path

from django.conf import settings
from django.core import checks


def _inside(path: Path, folder) -> bool:
    if not folder:
        return False
    folder = Path(folder).resolve()
    return path == folder or folder in path.parents


@checks.register(checks.Tags.security)
def private_media_is_private(app_configs, **kwargs):
    from .uploads import private_storage

    location = Path(private_storage.location).resolve()
    public = [settings.MEDIA_ROOT, settings.STATIC_ROOT, *settings.STATICFILES_DIRS]
    if any(_inside(location, folder) for folder in public):
        return [
            checks.Error(
                f"PRIVATE_MEDIA_ROOT ({location}) is inside MEDIA_ROOT, STATIC_ROOT or STATICFILES_DIRS, "
                "so case attachments could be served to anyone.",
                hint="Point PRIVATE_MEDIA_ROOT at a folder that no web server or static-file handler serves.",
                id="workflows_core.E001",
            )
        ]
    return []


def flows_with_post_tasks():
    """Every flow class of the project that routes work to posts (PostTask nodes)."""
    from .nodes import PostTask
    from .registry import all_flows

    return [f for f in all_flows() if any(isinstance(n, PostTask) for n in f.instance.nodes())]


@checks.register()
def flows_follow_the_contract(app_configs, **kwargs):
    """The task page reads a process through CaseProcessMixin, and acts through each PostTask's form."""
    from .models import CaseProcessMixin
    from .nodes import PostTask

    errors = []
    for flow_class in flows_with_post_tasks():
        name = f"{flow_class.__module__}.{flow_class.__name__}"
        if not issubclass(flow_class.process_class, CaseProcessMixin):
            errors.append(
                checks.Error(
                    f"{name}.process_class does not mix in CaseProcessMixin.",
                    hint="See workflows/core/contract.py, point 3.",
                    id="workflows_core.E002",
                )
            )
        elif not flow_class.process_class.case_template:
            errors.append(checks.Error(f"{name}.process_class has no case_template.", id="workflows_core.E003"))
        for node in flow_class.instance.nodes():
            if isinstance(node, PostTask) and (node.form_class is None or node._post_ref is None):
                errors.append(
                    checks.Error(
                        f"{name}.{node.name} needs .Route(...) and .Form(...).",
                        hint="See workflows/core/contract.py, points 4 and 6.",
                        id="workflows_core.E004",
                    )
                )
    return errors
