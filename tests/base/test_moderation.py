"""Editors submit pages for moderation; approvers publish them; editors cannot publish directly."""

import pytest
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from pages.base.models import StandardPage
from pages.innovation.models import InnovationCornerPage
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def standard_page_form(title, slug, action):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "পরীক্ষামূলক ভূমিকা",
            "body": streamfield([]),
            "comments": inline_formset([]),
            action: "1",
        }
    )


def test_editor_cannot_publish_but_can_submit_and_approver_publishes(client, demo):
    editor = make_user("editor-under-test", groups=["Editors"])
    approver = make_user("approver-under-test", groups=["Approvers"])
    client.force_login(editor)

    add_url = f"/admin/pages/add/base/standardpage/{demo.home_bn.id}/"
    response = client.post(add_url, standard_page_form("সরাসরি প্রকাশ", "direct-publish", "action-publish"))
    page = StandardPage.objects.filter(slug="direct-publish").first()
    assert page is None or not page.live, "an editor must not be able to publish"

    response = client.post(add_url, standard_page_form("অনুমোদনের জন্য", "for-approval", "action-submit"))
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="for-approval")
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state

    # The editor cannot approve their own page.
    response = client.post(f"/admin/pages/workflow/action/{page.id}/approve/{task_state.id}/", {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    client.force_login(approver)
    response = client.post(f"/admin/pages/workflow/action/{page.id}/approve/{task_state.id}/", {"comment": "ঠিক আছে"})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_innovation_corner_has_its_own_approvers(demo):
    corner = InnovationCornerPage.objects.get(locale=demo.bn)
    workflow = corner.get_workflow()
    assert workflow is not None
    groups = {g.name for task in workflow.tasks.specific() for g in task.groups.all()}
    assert groups == {"Innovation team"}
    home_workflow = Page.objects.get(pk=demo.home_bn.pk).get_workflow()
    assert home_workflow is not None and home_workflow != workflow
