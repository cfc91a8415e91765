"""What the back office's task page reads from a viewflow process: its case, how to show it, and the
other processes of the same case (see workflows/core/contract.py)."""

from typing import ClassVar

from django.apps import apps
from django.db.models import Q


class CaseProcessMixin:
    """Mixed into a process's viewflow `Process` subclass, which points at its case by `case_field`.

    A case may have several processes (a complaint's review and its appeal): the task page's history
    and the access rules read all of them, found through every process model with the same case model.
    """

    case_field: ClassVar[str] = "case"
    # The template the task page includes to show the case (gets `case` and `route`).
    case_template: ClassVar[str] = ""

    @property
    def case(self):
        return getattr(self, self.case_field)

    @classmethod
    def case_model(cls):
        return cls._meta.get_field(cls.case_field).related_model

    @classmethod
    def models_for(cls, case_model) -> list:
        """Every process model whose case is a `case_model`."""
        return [
            model
            for model in apps.get_models()
            if issubclass(model, CaseProcessMixin) and model.case_model() is case_model
        ]

    @classmethod
    def processes_of(cls, case):
        """A queryset of viewflow processes (any flow) of this case."""
        from viewflow.workflow.models import Process

        condition = Q(pk__in=[])
        for model in cls.models_for(type(case)):
            condition |= Q(**{f"{model._meta.model_name}__{model.case_field}_id": case.pk})
        return Process.objects.filter(condition)

    def case_process_ids(self) -> list[int]:
        return list(self.processes_of(self.case).values_list("pk", flat=True))
