"""The contact form's submissions are for the "Contact-form readers" group only (see readers.py)."""

from wagtail import hooks

from .readers import may_read_submissions


@hooks.register("filter_form_submissions_for_user")
def contact_form_readers_only(user, form_pages):
    # Wagtail asks this for the Forms menu, the list of forms, each list of submissions, its CSV and
    # Excel export and the deletion: none of them for a user outside the group.
    return form_pages if may_read_submissions(user) else form_pages.none()
