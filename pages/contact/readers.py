"""Who reads the contact form's submissions (citizens' names, e-mails, phones): the members of one group.

Wagtail lets anyone who may edit a form page read, export and delete its submissions, so an editor, who may
not even publish, could take every citizen's details away. Here editing the page is not enough: the user
must also hold `wagtailforms.view_formsubmission`, which the "Contact-form readers" group (made by this app's
migration 0002) gives; superusers have it anyway.
"""

# The group holds the admin, and viewing and deleting submissions (the export is the list's download).
GROUP_NAME = "Contact-form readers"
PERMISSION = "wagtailforms.view_formsubmission"


def may_read_submissions(user) -> bool:
    return user.has_perm(PERMISSION)
