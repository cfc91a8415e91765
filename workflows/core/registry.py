"""Every viewflow flow of the project (each process app's flows.py), for the screens and checks that
read all processes: step titles in the history, process names on the dashboard, the contract check."""

from django.utils.module_loading import autodiscover_modules


def all_flows() -> list:
    """The flow classes with an instance (imports every installed app's `flows` module once)."""
    from viewflow.workflow.flow import Flow

    autodiscover_modules("flows")
    found, pending = [], list(Flow.__subclasses__())
    while pending:
        flow_class = pending.pop()
        pending.extend(flow_class.__subclasses__())
        if flow_class.instance is not None:
            found.append(flow_class)
    return found
