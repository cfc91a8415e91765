"""The page body's table, with its spreadsheet editor (Handsontable) speaking the admin user's language.

Wagtail's TableBlock fixes Handsontable's `language` once, at import, from whatever language is active
then ("bn"), and Handsontable 6 ships only "en-US": the editor logged `Language with code "bn" was not
found` and showed its menu in English. Here the language is chosen on each render, and for Bengali the
menu's phrases come from our catalogue (`handsontable_dictionary`), registered by static/js/handsontable-bn.js.
"""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.contrib.table_block.blocks import TableBlock, TableInput

HANDSONTABLE_BENGALI = "bn"
HANDSONTABLE_DEFAULT = "en-US"  # the only language in the Handsontable that Wagtail ships


def handsontable_language() -> str:
    return HANDSONTABLE_BENGALI if (get_language() or "").startswith("bn") else HANDSONTABLE_DEFAULT


def handsontable_dictionary() -> dict:
    """Handsontable's phrases for the context menu Wagtail offers (its dictionary keys), in the active language."""
    items = "ContextMenu:items."
    return {
        "languageCode": HANDSONTABLE_BENGALI,
        items + "insertRowAbove": _("Insert row above"),
        items + "insertRowBelow": _("Insert row below"),
        items + "insertColumnOnTheLeft": _("Insert column left"),
        items + "insertColumnOnTheRight": _("Insert column right"),
        items + "removeRow": [_("Remove row"), _("Remove rows")],
        items + "removeColumn": [_("Remove column"), _("Remove columns")],
        items + "undo": _("Undo"),
        items + "redo": _("Redo"),
        items + "readOnly": _("Read only"),
        items + "clearColumn": _("Clear column"),
        items + "copy": _("Copy"),
        items + "cut": _("Cut"),
        items + "mergeCells": _("Merge cells"),
        items + "unmergeCells": _("Unmerge cells"),
    }


class LocalisedTableInput(TableInput):
    """Wagtail's widget, whose options carry the language of the request that renders it."""

    @property
    def table_options(self):
        return {**self._table_options, "language": handsontable_language()}

    @table_options.setter
    def table_options(self, value):
        self._table_options = value or {}


class LocalisedTableBlock(TableBlock):
    @cached_property
    def field(self):
        return forms.CharField(widget=LocalisedTableInput(table_options=self.table_options), **self.field_options)
